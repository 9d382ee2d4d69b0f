import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot, Ticket, TicketDetail } from '../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('service day rollover', () => {
  it('at the first command of a new day numbers restart and yesterday’s waiting tickets are closed, not deleted', async () => {
    const clerk = await login(s.url, 'c01', '1234');
    await api(s.url, 'POST', '/api/windows/9/session', { token: clerk });
    const a1 = await api<Ticket>(s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
    const a2 = await api<Ticket>(s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
    await api<TicketDetail>(s.url, 'POST', '/api/windows/9/next', { token: clerk });

    s.clock.advance(24 * 60 * 60_000);
    const fresh = await api<Ticket>(s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
    expect(fresh.body.number).toBe('A001');

    const old = await api<Ticket>(s.url, 'GET', `/api/tickets/${a2.body.id}`);
    expect(old.body).toMatchObject({ status: 'cancelled', closedReason: 'day_end', number: 'A002' });
    const called = await api<Ticket>(s.url, 'GET', `/api/tickets/${a1.body.id}`);
    expect(called.body).toMatchObject({ status: 'cancelled', closedReason: 'day_end' });
    const rows = s.store.db.prepare('SELECT service_day, number, status FROM tickets ORDER BY issued_at').all();
    expect(rows).toEqual([
      { service_day: '2026-11-30', number: 'A001', status: 'cancelled' },
      { service_day: '2026-11-30', number: 'A002', status: 'cancelled' },
      { service_day: '2026-12-01', number: 'A001', status: 'waiting' },
    ]);
    const snap = await api<Snapshot>(s.url, 'GET', '/api/snapshot');
    expect(snap.body.hall.serviceDay).toBe('2026-12-01');
    expect(snap.body.windows.find((w) => w.no === 9)?.state).toBe('closed');
    expect(snap.body.recentCalls).toEqual([]);
  });
});
