/** A queue's number prefix (号码前缀) through the API: set, refused, numbered, called, spoken, audited, kept over a restart. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import type { Catalogue, QueueInfo, Snapshot, Ticket } from '../../shared/schemas';
import { api, login, startTestServer } from '../support/server';

describe('queue number prefix', () => {
  it('a manager gives queue F the prefix X: new F tickets are X…, called and spoken by number, audited, kept after a restart', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'prefix-')), 'hall.db');
    const first = await startTestServer({ dbPath });
    const admin = await login(first.url, 'admin', 'admin');
    const before = await api<Ticket>(first.url, 'POST', '/api/tickets', { body: { queue: 'F' } });
    expect(before.body.number).toBe('F001');

    const put = await api<QueueInfo>(first.url, 'PUT', '/api/admin/queues/F', { token: admin, body: { prefix: 'X' } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ code: 'F', prefix: 'X' });
    const catalogue = await api<Catalogue>(first.url, 'GET', '/api/catalogue');
    expect(catalogue.body.queues.find((q) => q.code === 'F')?.prefix).toBe('X');
    expect(catalogue.body.queues.find((q) => q.code === 'A')).not.toHaveProperty('prefix');
    const snap = await api<Snapshot>(first.url, 'GET', '/api/snapshot');
    expect(snap.body.queues.find((q) => q.code === 'F')?.prefix).toBe('X');

    // Numbering goes on under the new letter; the old ticket keeps its number.
    const issued = await api<Ticket>(first.url, 'POST', '/api/tickets', { body: { queue: 'F' } });
    expect(issued.body).toMatchObject({ number: 'X002', queue: 'F' });
    expect((await api<Ticket>(first.url, 'GET', `/api/tickets/${before.body.id}`)).body.number).toBe('F001');

    // Refusals: another queue's letter (409), a letter a ticket of another queue carries today (409), not a letter (400).
    const taken = await api<{ error: { code: string } }>(first.url, 'PUT', '/api/admin/queues/G', { token: admin, body: { prefix: 'X' } });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'CONFLICT']);
    expect((await api(first.url, 'PUT', '/api/admin/queues/G', { token: admin, body: { prefix: 'F' } })).status).toBe(409);
    expect((await api(first.url, 'PUT', '/api/admin/queues/G', { token: admin, body: { prefix: 'A' } })).status).toBe(409);
    expect((await api(first.url, 'PUT', '/api/admin/queues/G', { token: admin, body: { prefix: 'x' } })).status).toBe(400);
    expect((await api(first.url, 'PUT', '/api/admin/queues/G', { token: admin, body: { prefix: 'XY' } })).status).toBe(400);

    // 特呼 by the new number; the call names queue F and its audio speaks X.
    const clerk = await login(first.url, 'c01', '1234');
    expect((await api(first.url, 'POST', '/api/windows/22/session', { token: clerk })).status).toBe(200);
    const called = await api<Ticket>(first.url, 'POST', '/api/windows/22/call', { token: clerk, body: { number: 'X002' } });
    expect(called.body).toMatchObject({ number: 'X002', queue: 'F', status: 'called', windowNo: 22 });
    const call = (await api<Snapshot>(first.url, 'GET', '/api/snapshot')).body.recentCalls[0];
    expect(call).toMatchObject({ number: 'X002', queue: 'F' });
    const audio = await fetch(first.url + call!.audioUrl);
    expect(audio.status).toBe(200);
    expect((await audio.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    // The audit log has the change, before → after.
    const audit = await api<AuditEntry[]>(first.url, 'GET', '/api/admin/audit?limit=50', { token: admin });
    const change = audit.body.find((e) => e.type === 'QueueChanged');
    expect(change?.data).toMatchObject({ queue: { code: 'F', prefix: 'X' }, before: { code: 'F' } });
    expect(change?.data).not.toHaveProperty('before.prefix');
    await first.close();

    const second = await startTestServer({ dbPath });
    const again = await api<Catalogue>(second.url, 'GET', '/api/catalogue');
    expect(again.body.queues.find((q) => q.code === 'F')?.prefix).toBe('X');
    expect((await api<Ticket>(second.url, 'POST', '/api/tickets', { body: { queue: 'F' } })).body.number).toBe('X003');
    // Back to the default: the prefix goes, the numbers follow the code again.
    const reset = await api<QueueInfo>(second.url, 'PUT', '/api/admin/queues/F', { token: await login(second.url, 'admin', 'admin'), body: { prefix: 'F' } });
    expect(reset.body).not.toHaveProperty('prefix');
    expect((await api<Ticket>(second.url, 'POST', '/api/tickets', { body: { queue: 'F' } })).body.number).toBe('F004');
    await second.close();
  });
});
