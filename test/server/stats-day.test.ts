/**
 * A past day's figures come from the stored tickets (real SQLite): serve a few tickets, let the
 * day end, and ask for yesterday — the same figures as `stats:today` gave at the close.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { TodayStats } from '../../shared/admin';
import type { DayStats, DayTickets } from '../../shared/stats';
import { api, login } from '../support/server';
import { MIN, statsServer } from './stats-support';

const t = statsServer();
const { post, get } = t;

describe('GET /api/stats/day', () => {
  let atClose: DayStats;

  it('today: the same figures as stats:today, through REST and the socket', async () => {
    await post('/api/windows/9/session', t.clerk);
    for (const q of ['A', 'A', 'A']) await api(t.s.url, 'POST', '/api/tickets', { body: { queue: q } });
    t.s.clock.advance(4 * MIN);
    await post('/api/windows/9/next', t.clerk); // A001 waited 4 min
    await post('/api/windows/9/start', t.clerk);
    t.s.clock.advance(6 * MIN);
    await post('/api/windows/9/next', t.clerk); // A001 done (6 min); A002 waited 10 min
    t.s.clock.advance(MIN);
    await post('/api/windows/9/no-show', t.clerk); // A002 did not come
    t.s.clock.advance(20 * MIN);
    await post('/api/windows/9/next', t.clerk); // A003 waited 31 min
    await post('/api/windows/9/start', t.clerk);
    t.s.clock.advance(3 * MIN);
    await post('/api/windows/9/complete', t.clerk);

    const today = await get<TodayStats>('/api/stats/today');
    const day = await get<DayStats>('/api/stats/day');
    const dated = await get<DayStats>(`/api/stats/day?date=${today.body.serviceDay}`);
    expect(day.status).toBe(200);
    // The same figures, and beside them 求助's (managers only: stats:today is open to every staff member).
    const figures = ({ assist, ...rest }: DayStats) => (expect(assist).toMatchObject({ total: 0 }), rest);
    expect(figures(day.body)).toEqual(today.body);
    expect(figures(dated.body)).toEqual(today.body);
    const socket: Socket = connect(t.s.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: t.admin } });
    const viaSocket = (await socket.timeout(5000).emitWithAck('stats:day', {})) as { ok: boolean; data: DayStats };
    socket.close();
    expect(viaSocket.ok).toBe(true);
    expect(figures(viaSocket.data)).toEqual(today.body);

    atClose = day.body;
    expect(atClose.live).toBe(true);
    expect(atClose.totals).toMatchObject({ issued: 3, served: 2, noShow: 1, waiting: 0, avgWaitSeconds: Math.round(((4 + 10 + 31) * 60) / 3), p90WaitSeconds: 31 * 60 });
    expect(atClose.hours).toEqual([{ hour: 9, issued: 3, called: 3, avgWaitSeconds: 900 }]);
    expect(atClose.clerks).toEqual([
      { id: expect.any(String), username: 'c01', name: expect.any(String), windowNo: 9, served: 2, avgServiceSeconds: 270, busySeconds: 540, spanSeconds: 30 * 60, calls: 3, autoCalls: 0, overtimeSeconds: 0, overtimeTickets: 0 },
    ]);
  });

  it('a past day: read from the tickets table, the same figures as at the close', async () => {
    t.s.clock.advance(24 * 60 * MIN);
    await api(t.s.url, 'POST', '/api/tickets', { body: { queue: 'A' } }); // the first command of the new day ends the old one
    // A day later the sessions have expired: sign in again.
    await t.signIn();
    const today = await get<DayStats>('/api/stats/day');
    expect(today.body.serviceDay).toBe('2026-12-01');
    expect(today.body.totals.issued).toBe(1);

    const past = await get<DayStats>('/api/stats/day?date=2026-11-30');
    expect(past.status).toBe(200);
    expect(past.body).toEqual({ ...atClose, at: past.body.at, live: false });

    const list = await get<DayTickets>('/api/stats/tickets?date=2026-11-30');
    expect(list.body.serviceDay).toBe('2026-11-30');
    expect(list.body.tickets.map((t) => [t.number, t.status, t.waitSeconds, t.serviceSeconds, t.windowNo, t.clerkUsername])).toEqual([
      ['A001', 'done', 240, 360, 9, 'c01'],
      ['A002', 'no_show', 600, undefined, 9, 'c01'],
      ['A003', 'done', 1860, 180, 9, 'c01'],
    ]);
    // A day nobody worked: zeros, not an error.
    const empty = await get<DayStats>('/api/stats/day?date=2026-11-01');
    expect(empty.body).toMatchObject({ serviceDay: '2026-11-01', live: false, hours: [], clerks: [], totals: { issued: 0 } });
  });

  it.each([
    { name: 'a date that is not one', path: '/api/stats/day?date=2026-13-01', status: 400 },
    { name: 'a date in the future', path: '/api/stats/day?date=2026-12-02', status: 400 },
    { name: 'two dates', path: '/api/stats/day?date=2026-11-30&date=2026-11-29', status: 400 },
    { name: 'a clerk asking', path: '/api/stats/day', status: 403, as: 'clerk' },
    { name: 'a clerk asking for tickets', path: '/api/stats/tickets', status: 403, as: 'clerk' },
    { name: 'nobody signed in', path: '/api/stats/tickets', status: 401, as: 'nobody' },
  ])('refuses $name ($status)', async ({ path, status, as }) => {
    const token = as === 'clerk' ? t.clerk : as === 'nobody' ? undefined : t.admin;
    expect((await api(t.s.url, 'GET', path, token ? { token } : {})).status).toBe(status);
  });

  it('today: a clerk deactivated after serving still has their row, in both figures', async () => {
    const c07 = await login(t.s.url, 'c07', '1234');
    await post('/api/windows/10/session', c07);
    await api(t.s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
    await post('/api/windows/10/next', c07);
    t.s.clock.advance(5 * MIN);
    await post('/api/windows/10/complete', c07);
    const staff = (await get<{ id: string; username: string }[]>('/api/admin/staff')).body;
    const id = staff.find((u) => u.username === 'c07')!.id;
    expect((await api(t.s.url, 'PUT', `/api/admin/staff/${id}`, { token: t.admin, body: { active: false } })).status).toBe(200);

    const day = (await get<DayStats>('/api/stats/day')).body;
    expect(day.clerks.find((c) => c.username === 'c07')).toMatchObject({ served: 1, avgServiceSeconds: 300 });
    const today = (await get<TodayStats>('/api/stats/today')).body;
    expect(today.clerks.find((c) => c.username === 'c07')).toMatchObject({ served: 1 });
  });
});
