/**
 * 关怀提醒 over the wire: a clerk's 现场秩序求助 and a 差评 of their service put them on the duty
 * manager's list (REST and Socket.IO); 已关心 settles them, audited, kept across a restart
 * (migration 0033); a new 差评 brings them back; clerks and the public are refused.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CareDay } from '../../shared/care';
import type { TicketDetail } from '../../shared/schemas';
import { api, connectClient, login, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const MIN = 60_000;
type ErrorBody = { error: { code: string } };

/** Calls and finishes one ticket at window 9 and has its holder rate it. */
async function servedAndRated(t: TestServer, clerk: string, score: number): Promise<void> {
  const issued = await api<TicketDetail>(t.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
  await api(t.url, 'POST', '/api/windows/9/next', { token: clerk, body: {} });
  await api(t.url, 'POST', '/api/windows/9/complete', { token: clerk });
  const body = score <= 2 ? { score, reasons: ['attitude'] } : { score };
  expect((await api(t.url, 'POST', `/api/tickets/${issued.body.id}/rating`, { body })).status).toBe(201);
}

describe('关怀提醒', () => {
  it('a 现场秩序求助 and a 差评 list the clerk; 已关心 settles; a new 差评 brings them back; kept across a restart', async () => {
    const dbPath = join(tempDir('care-'), 'hall.db');
    s = await startTestServer({ dbPath });
    const admin = await login(s.url, 'admin', 'admin');
    const clerk = await login(s.url, 'c09', '1234');
    await api(s.url, 'POST', '/api/windows/9/session', { token: clerk });

    const calm = await api<CareDay>(s.url, 'GET', '/api/admin/care', { token: admin });
    expect(calm.status).toBe(200);
    expect(calm.body.items).toEqual([]);

    expect((await api(s.url, 'POST', '/api/windows/9/assist', { token: clerk, body: { kind: 'conduct', note: '群众情绪激动' } })).status).toBe(201);
    // Other kinds of 求助 and a satisfied citizen are no reason.
    s.clock.advance(MIN);
    await servedAndRated(s, clerk, 5);
    s.clock.advance(MIN);
    await servedAndRated(s, clerk, 1);

    const listed = await api<CareDay>(s.url, 'GET', '/api/admin/care', { token: admin });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ clerk: { username: 'c09' }, windowNo: 9, settled: false });
    expect(listed.body.items[0]!.signals.map((x) => [x.kind, x.count])).toEqual([
      ['conduct', 1],
      ['complaint', 1],
    ]);
    const clerkId = listed.body.items[0]!.clerk.id;

    s.clock.advance(MIN);
    const marked = await api<CareDay>(s.url, 'POST', '/api/admin/care', { token: admin, body: { clerkId, note: '  已谈心，安排休息 15 分钟 ' } });
    expect(marked.status).toBe(200);
    expect(marked.body.items[0]).toMatchObject({ settled: true, cared: { note: '已谈心，安排休息 15 分钟', by: { name: expect.any(String) } } });
    const audit = await api<{ type: string; after?: unknown }[]>(s.url, 'GET', '/api/admin/audit', { token: admin });
    expect(audit.body.find((e) => e.type === 'CareMarked')?.after).toEqual({ clerkId, name: listed.body.items[0]!.clerk.name, note: '已谈心，安排休息 15 分钟' });
    await s.close();

    s = await startTestServer({ dbPath });
    const admin2 = await login(s.url, 'admin', 'admin');
    const again = await api<CareDay>(s.url, 'GET', '/api/admin/care', { token: admin2 });
    expect(again.body.items[0]).toMatchObject({ clerk: { username: 'c09' }, settled: true, cared: { note: '已谈心，安排休息 15 分钟' } });

    const clerk2 = await login(s.url, 'c09', '1234');
    await api(s.url, 'POST', '/api/windows/9/session', { token: clerk2 });
    s.clock.advance(10 * MIN);
    await servedAndRated(s, clerk2, 2);
    const back = await api<CareDay>(s.url, 'GET', '/api/admin/care', { token: admin2 });
    expect(back.body.items[0]).toMatchObject({ settled: false });
    expect(back.body.items[0]!.signals.find((x) => x.kind === 'complaint')?.count).toBe(2);
  });

  it('managers only; over Socket.IO too; bad input and an unknown clerk refused', async () => {
    s = await startTestServer();
    const admin = await login(s.url, 'admin', 'admin');
    const clerk = await login(s.url, 'c09', '1234');
    expect((await api(s.url, 'GET', '/api/admin/care', { token: clerk })).status).toBe(403);
    expect((await api(s.url, 'GET', '/api/admin/care')).status).toBe(401);
    expect((await api(s.url, 'POST', '/api/admin/care', { token: clerk, body: { clerkId: 'x' } })).status).toBe(403);
    const unknown = await api<ErrorBody>(s.url, 'POST', '/api/admin/care', { token: admin, body: { clerkId: 'nobody' } });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
    for (const body of [{}, { clerkId: '' }, { clerkId: 'c', note: '很'.repeat(201) }, { clerkId: 'c', note: 3 }]) {
      const r = await api<ErrorBody>(s.url, 'POST', '/api/admin/care', { token: admin, body });
      expect([r.status, r.body.error.code]).toEqual([400, 'BAD_REQUEST']);
    }
    const manager = await connectClient(s.url, admin);
    const r = await new Promise<{ ok: boolean; data?: CareDay }>((done) => manager.socket.emit('admin:care', {}, done as never));
    expect(r.ok).toBe(true);
    expect(r.data?.items).toEqual([]);
    manager.socket.close();
  });
});
