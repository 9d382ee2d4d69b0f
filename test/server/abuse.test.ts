/**
 * What the public cannot do with the open endpoints of a hall that allows public ticketing:
 * pass a ticket off as checked at the guide desk, try check-in codes until one fits, or get two
 * tickets from one retried kiosk request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IN_WRONG_CODES_MAX } from '../../server/citizen/routes';
import type { Snapshot, TicketDetail } from '../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

type ErrorBody = { error: { code: string; reason?: string } };
const waitingIn = async (queue: string): Promise<number> =>
  (await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body.queues.find((q) => q.code === queue)!.waiting;

describe('ticket channels', () => {
  it('refuses a guide ticket from anyone but the guide desk; the guide gets one', async () => {
    const before = await waitingIn('A');
    const anonymous = await api<ErrorBody>(s.url, 'POST', '/api/tickets', { body: { queue: 'A', channel: 'guide' } });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const kiosk = await login(s.url, 'kiosk', 'kiosk');
    expect((await api(s.url, 'POST', '/api/tickets', { token: kiosk, body: { queue: 'A', channel: 'guide' } })).status).toBe(403);
    expect(await waitingIn('A')).toBe(before);

    const guide = await login(s.url, 'guide', '1234');
    const r = await api<TicketDetail>(s.url, 'POST', '/api/tickets', { token: guide, body: { queue: 'A', channel: 'guide' } });
    expect([r.status, r.body.channel]).toEqual([201, 'guide']);
    // Online ticketing stays open to the public.
    const mobile = await api<TicketDetail>(s.url, 'POST', '/api/tickets', { body: { queue: 'A', channel: 'mobile' } });
    expect([mobile.status, mobile.body.channel]).toEqual([201, 'mobile']);
  });
});

describe('a retried issue request', () => {
  it('gets the ticket of the first try, as it is now; another request id gets a new ticket', async () => {
    const before = await waitingIn('B');
    const first = await api<TicketDetail>(s.url, 'POST', '/api/tickets', { body: { queue: 'B', requestId: 'kiosk-1:0001' } });
    expect(first.status).toBe(201);
    const again = await api<TicketDetail>(s.url, 'POST', '/api/tickets', { body: { queue: 'B', requestId: 'kiosk-1:0001' } });
    expect([again.status, again.body.id, again.body.number]).toEqual([201, first.body.id, first.body.number]);
    expect(await waitingIn('B')).toBe(before + 1);

    const other = await api<TicketDetail>(s.url, 'POST', '/api/tickets', { body: { queue: 'B', requestId: 'kiosk-1:0002' } });
    expect(other.body.id).not.toBe(first.body.id);
    expect(await waitingIn('B')).toBe(before + 2);

    // The same id from another caller is another request.
    const kiosk = await login(s.url, 'kiosk', 'kiosk');
    const theirs = await api<TicketDetail>(s.url, 'POST', '/api/tickets', { token: kiosk, body: { queue: 'B', requestId: 'kiosk-1:0001' } });
    expect(theirs.body.id).not.toBe(first.body.id);
  });
});

describe('anonymous appointment check-in', () => {
  it(`stops an address after ${CHECK_IN_WRONG_CODES_MAX} unknown codes; staff are not stopped`, async () => {
    const tryCode = (code: string, token?: string) =>
      api<ErrorBody>(s.url, 'POST', '/api/appointments/check-in', { body: { code }, ...(token ? { token } : {}) });
    for (let i = 0; i < CHECK_IN_WRONG_CODES_MAX; i++) {
      const r = await tryCode(String(10_000_000 + i));
      expect([r.status, r.body.error.reason]).toEqual([404, 'unknown_code']);
    }
    const blocked = await tryCode('12345678');
    expect([blocked.status, blocked.body.error.code]).toEqual([429, 'RATE_LIMITED']);

    const guide = await login(s.url, 'guide', '1234');
    expect((await tryCode('12345678', guide)).body.error.reason).toBe('unknown_code');

    s.clock.advance(10 * 60_000 + 1);
    expect((await tryCode('12345678')).body.error.reason).toBe('unknown_code');
  });
});
