/**
 * 转办交接 over the wire: a clerk transfers with the materials checked and a 转办说明 (REST and
 * Socket.IO); the clerk who calls it next gets both with the call; viewers never see them; they
 * survive a restart (migration 0032); a note too long is refused and nothing moves.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Call, HallChange, Snapshot, Ticket, TicketDetail } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

type ErrorBody = { error: { code: string; message: string } };
type Ack<T> = { ok: boolean; data?: T; error?: { code: string } };

const NOTE = '营业执照已核验，还需办理股东变更';

describe('转办交接', () => {
  it('REST: what window 10 hands over reaches window 12 with the call, and survives a restart', async () => {
    const dbPath = join(tempDir('handover-'), 'hall.db');
    s = await startTestServer({ dbPath });
    const first = await login(s.url, 'c02', '1234');
    await api(s.url, 'POST', '/api/windows/10/session', { token: first });
    const issued = await api<TicketDetail>(s.url, 'POST', '/api/tickets', { body: { queue: 'A', matters: ['A-01'] } });
    await api(s.url, 'POST', '/api/windows/10/next', { token: first, body: {} });
    const moved = await api<TicketDetail>(s.url, 'POST', '/api/windows/10/transfer', {
      token: first,
      body: { queue: 'B', note: `  ${NOTE} `, checklist: [{ matter: 'A-01', have: ['公司章程', '股东身份证明'] }] },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      queue: 'B',
      status: 'waiting',
      transferredFrom: 'A',
      checklist: [{ matter: 'A-01', have: ['公司章程', '股东身份证明'] }],
      handover: { fromWindow: 10, fromQueue: 'A', note: NOTE },
    });
    expect(moved.body.handover?.clerkName).toBeTruthy();
    await s.close();

    s = await startTestServer({ dbPath });
    const next = await login(s.url, 'c03', '1234');
    await api(s.url, 'POST', '/api/windows/12/session', { token: next });
    const called = await api<TicketDetail>(s.url, 'POST', '/api/windows/12/next', { token: next, body: {} });
    expect(called.body).toMatchObject({
      id: issued.body.id,
      checklist: [{ matter: 'A-01', have: ['公司章程', '股东身份证明'] }],
      handover: { fromWindow: 10, fromQueue: 'A', note: NOTE, clerkName: moved.body.handover?.clerkName },
    });
  });

  it('Socket.IO: the same; viewers (screens, phone page) see the transfer but never the handover', async () => {
    s = await startTestServer();
    const first = await login(s.url, 'c02', '1234');
    const second = await login(s.url, 'c03', '1234');
    await api(s.url, 'POST', '/api/windows/10/session', { token: first });
    await api(s.url, 'POST', '/api/windows/12/session', { token: second });
    const viewer = await connectClient(s.url);
    const staff = await connectClient(s.url, first);
    const issued = await api<TicketDetail>(s.url, 'POST', '/api/tickets', { body: { queue: 'A', matters: ['A-01'] } });
    await api(s.url, 'POST', '/api/windows/10/next', { token: first, body: {} });

    const moved = nextEvent(viewer.socket, 'hall:changed', (c: HallChange) => c.windows.some((w) => w.no === 10 && !w.current));
    const r = await new Promise<Ack<TicketDetail>>((done) =>
      staff.socket.emit('window:transfer', { windowNo: 10, queue: 'B', note: NOTE, checklist: [{ matter: 'A-01', have: ['公司章程'] }] }, done as never),
    );
    expect(r.ok).toBe(true);
    expect(r.data?.handover).toMatchObject({ fromWindow: 10, note: NOTE });

    const called = nextEvent(viewer.socket, 'call', (c: Call) => c.number === issued.body.number);
    const got = await api<TicketDetail>(s.url, 'POST', '/api/windows/12/next', { token: second, body: {} });
    expect(got.body.handover).toMatchObject({ fromWindow: 10, note: NOTE });

    const phone = await api<Ticket>(s.url, 'GET', `/api/tickets/${issued.body.id}`);
    expect(phone.body).toMatchObject({ transferredFrom: 'A' });
    expect(phone.body).not.toHaveProperty('handover');
    const seen = JSON.stringify([await moved, await called, (await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body]);
    expect(seen).toContain(issued.body.number);
    expect(seen).not.toMatch(/handover|股东变更|公司章程/);
    viewer.socket.close();
    staff.socket.close();
  });

  it('a stale material does not stop the transfer: it is dropped, the rest goes on', async () => {
    s = await startTestServer();
    const clerk = await login(s.url, 'c02', '1234');
    await api(s.url, 'POST', '/api/windows/10/session', { token: clerk });
    await api(s.url, 'POST', '/api/tickets', { body: { queue: 'A', matters: ['A-01'] } });
    await api(s.url, 'POST', '/api/windows/10/next', { token: clerk, body: {} });
    const moved = await api<TicketDetail>(s.url, 'POST', '/api/windows/10/transfer', {
      token: clerk,
      body: { queue: 'B', checklist: [{ matter: 'A-01', have: ['公司章程', '已停用的旧表格'] }] },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.checklist).toEqual([{ matter: 'A-01', have: ['公司章程'] }]);
  });

  it('refuses a note over 200 characters or a malformed checklist, and the ticket stays at the window', async () => {
    s = await startTestServer();
    const clerk = await login(s.url, 'c02', '1234');
    await api(s.url, 'POST', '/api/windows/10/session', { token: clerk });
    const issued = await api<TicketDetail>(s.url, 'POST', '/api/tickets', { body: { queue: 'A', matters: ['A-01'] } });
    await api(s.url, 'POST', '/api/windows/10/next', { token: clerk, body: {} });
    for (const body of [
      { queue: 'B', note: '很'.repeat(201) },
      { queue: 'B', note: 42 },
      { queue: 'B', checklist: { 'A-01': ['公司章程'] } },
      { queue: 'B', checklist: Array.from({ length: 21 }, () => ({ matter: 'A-01', have: [] })) },
    ]) {
      const r = await api<ErrorBody>(s.url, 'POST', '/api/windows/10/transfer', { token: clerk, body });
      expect([r.status, r.body.error.code]).toEqual([400, 'BAD_REQUEST']);
    }
    const t = await api<TicketDetail>(s.url, 'GET', `/api/tickets/${issued.body.id}`, { token: clerk });
    expect(t.body).toMatchObject({ queue: 'A', status: 'called', windowNo: 10 });
    expect(t.body).not.toHaveProperty('handover');
  });
});
