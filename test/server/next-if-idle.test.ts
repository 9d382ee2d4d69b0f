/**
 * `next` with `ifIdle` (the clerk panel's 自动叫号): it calls only when nothing is current at the
 * window. Without it, two panels of one window auto-calling together would complete the citizen
 * the first had just called and call a second one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/errors';
import type { TicketDetail } from '../../shared/schemas';
import { api, connectClient, login, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const issue = async (queue: string): Promise<TicketDetail> =>
  (await api<TicketDetail>(s.url, 'POST', '/api/tickets', { body: { queue } })).body;
const ticket = async (id: string): Promise<TicketDetail> => (await api<TicketDetail>(s.url, 'GET', `/api/tickets/${id}`)).body;

describe('next with ifIdle', () => {
  it('calls on an idle window, and refuses (changing nothing) while a ticket is current', async () => {
    const token = await login(s.url, 'c01', '1234');
    await api(s.url, 'POST', '/api/windows/4/session', { token }); // a T window
    const t1 = await issue('T');
    const t2 = await issue('T');

    const first = await api<TicketDetail>(s.url, 'POST', '/api/windows/4/next', { token, body: { ifIdle: true } });
    expect(first.status).toBe(200);
    expect(first.body.id).toBe(t1.id);

    const seq = (await api<{ seq: number }>(s.url, 'GET', '/api/snapshot')).body.seq;
    const second = await api<{ error: ApiError }>(s.url, 'POST', '/api/windows/4/next', { token, body: { ifIdle: true } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('INVALID_STATE');
    expect(second.body.error.message).toContain(t1.number);
    expect((await ticket(t1.id)).status).toBe('called');
    expect((await ticket(t2.id)).status).toBe('waiting');
    expect((await api<{ seq: number }>(s.url, 'GET', '/api/snapshot')).body.seq).toBe(seq);

    // In service, too; a plain next still means 办结 + 叫下一位.
    await api(s.url, 'POST', '/api/windows/4/start', { token });
    expect((await api(s.url, 'POST', '/api/windows/4/next', { token, body: { ifIdle: true } })).status).toBe(409);
    const plain = await api<TicketDetail>(s.url, 'POST', '/api/windows/4/next', { token, body: {} });
    expect(plain.body.id).toBe(t2.id);
    expect((await ticket(t1.id)).status).toBe('done');
  });

  it('a retried request id still gets its first answer, though the window now holds that ticket', async () => {
    const token = await login(s.url, 'c02', '1234');
    await api(s.url, 'POST', '/api/windows/3/session', { token });
    const t = await issue('T');
    const body = { requestId: 'auto-1', ifIdle: true };
    const first = await api<TicketDetail>(s.url, 'POST', '/api/windows/3/next', { token, body });
    const retry = await api<TicketDetail>(s.url, 'POST', '/api/windows/3/next', { token, body });
    expect(first.body.id).toBe(t.id);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
  });

  it('two panels of one window auto-calling at the same moment call one ticket, and it stays called', async () => {
    const token = await login(s.url, 'c03', '1234');
    await api(s.url, 'POST', '/api/windows/7/session', { token }); // an R window
    const r1 = await issue('R');
    const r2 = await issue('R');
    const [a, b] = await Promise.all([connectClient(s.url, token), connectClient(s.url, token)]);
    const press = (socket: typeof a.socket, requestId: string) =>
      new Promise<{ ok: boolean; code?: string }>((resolve) =>
        socket.emit('window:next', { windowNo: 7, requestId, ifIdle: true }, (r) => resolve(r.ok ? { ok: true } : { ok: false, code: r.error.code })),
      );
    const replies = await Promise.all([press(a.socket, 'tab-a'), press(b.socket, 'tab-b')]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.find((r) => !r.ok)?.code).toBe('INVALID_STATE');
    expect((await ticket(r1.id)).status).toBe('called');
    expect((await ticket(r2.id)).status).toBe('waiting');
    a.socket.close();
    b.socket.close();
  });

  it('rejects a non-boolean ifIdle', async () => {
    const token = await login(s.url, 'c04', '1234');
    await api(s.url, 'POST', '/api/windows/12/session', { token });
    const r = await api<{ error: ApiError }>(s.url, 'POST', '/api/windows/12/next', { token, body: { ifIdle: 'yes' } });
    expect(r.status).toBe(400);
  });
});
