/**
 * A range of service days (月报/周报) on a real server: serve tickets on two days by moving the
 * test clock, then ask for both days — past tickets from SQLite, today's from the hall's state.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { DayStats, RangeStats } from '../../shared/stats';
import { api } from '../support/server';
import { MIN, statsServer } from './stats-support';

const t = statsServer();
const { get } = t;
const serve = (waits: number[]) => t.serve('A', waits);

describe('GET /api/stats/range', () => {
  let day1: DayStats;

  it('two days: totals are the sum of the days, P90 over every wait of both, a day-by-day series', async () => {
    await serve([1, 2, 3, 4, 5, 6, 7, 8, 9]); // 2026-11-30: P90 of the day 9 min
    day1 = (await get<DayStats>('/api/stats/day')).body;
    expect(day1.serviceDay).toBe('2026-11-30');

    t.s.clock.advance(24 * 60 * MIN);
    await api(t.s.url, 'POST', '/api/tickets', { body: { queue: 'B' } }); // ends the old day; waits on
    await t.signIn();
    await serve([30]); // 2026-12-01 (today): one wait of 30 min, P90 of the day 30 min
    const day2 = (await get<DayStats>('/api/stats/day')).body;
    expect(day2.serviceDay).toBe('2026-12-01');

    const r = await get<RangeStats>('/api/stats/range?from=2026-11-30&to=2026-12-01');
    expect(r.status).toBe(200);
    const range = r.body;
    expect(range).toMatchObject({ from: '2026-11-30', to: '2026-12-01', live: true });
    for (const k of ['issued', 'served', 'waiting', 'noShow', 'cancelled'] as const) expect(range.totals[k]).toBe(day1.totals[k] + day2.totals[k]);
    expect(range.totals).toMatchObject({ issued: 11, served: 10, waiting: 1 });
    // Ten waits 1…9 and 30 min: the 90th percentile is the ninth, 9 min — not the days' 9 and 30 averaged.
    expect(range.totals.p90WaitSeconds).toBe(9 * 60);
    expect(range.totals.avgWaitSeconds).toBe(((45 + 30) * 60) / 10);
    expect(range.days).toEqual([
      { date: '2026-11-30', issued: 9, served: 9, avgWaitSeconds: 300, p90WaitSeconds: 540, slaAttainment: day1.totals.slaAttainment },
      { date: '2026-12-01', issued: 2, served: 1, avgWaitSeconds: 1800, p90WaitSeconds: 1800, slaAttainment: day2.totals.slaAttainment },
    ]);
    const c01 = range.clerks.find((c) => c.username === 'c01');
    expect(c01).toMatchObject({ served: 10, windowNo: 9 });
    expect(c01?.busySeconds).toBe(day1.clerks[0]!.busySeconds + day2.clerks.find((c) => c.username === 'c01')!.busySeconds);

    // The socket answers the same.
    const socket: Socket = connect(t.s.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: t.admin } });
    const viaSocket = (await socket.timeout(5000).emitWithAck('stats:range', { from: '2026-11-30', to: '2026-12-01' })) as { ok: boolean; data: RangeStats };
    socket.close();
    expect(viaSocket.ok).toBe(true);
    expect({ ...viaSocket.data, at: range.at }).toEqual(range);
  });

  it('a past range alone is read from the table: one past day gives that day’s figures as at its close', async () => {
    const r = (await get<RangeStats>('/api/stats/range?from=2026-11-30&to=2026-11-30')).body;
    expect(r.live).toBe(false);
    expect(r.totals).toEqual(day1.totals);
    expect(r.queues).toEqual(day1.queues);
    expect(r.clerks).toEqual(day1.clerks);
    // A range with quiet days around: every date listed.
    const wide = (await get<RangeStats>('/api/stats/range?from=2026-11-28&to=2026-11-30')).body;
    expect(wide.days.map((d) => [d.date, d.issued])).toEqual([
      ['2026-11-28', 0],
      ['2026-11-29', 0],
      ['2026-11-30', 9],
    ]);
  });

  it.each([
    { name: 'from after to', q: 'from=2026-12-01&to=2026-11-30', status: 400 },
    { name: '93 days', q: 'from=2026-08-31&to=2026-12-01', status: 400 },
    { name: 'a day in the future', q: 'from=2026-11-30&to=2026-12-02', status: 400 },
    { name: 'a date that does not exist', q: 'from=2026-11-31&to=2026-12-01', status: 400 },
    { name: 'no end', q: 'from=2026-11-30', status: 400 },
    { name: 'two starts', q: 'from=2026-11-30&from=2026-11-29&to=2026-12-01', status: 400 },
    { name: 'a clerk asking', q: 'from=2026-11-30&to=2026-12-01', status: 403, as: 'clerk' },
    { name: 'nobody signed in', q: 'from=2026-11-30&to=2026-12-01', status: 401, as: 'nobody' },
  ])('refuses $name ($status)', async ({ q, status, as }) => {
    const token = as === 'clerk' ? t.clerk : as === 'nobody' ? undefined : t.admin;
    const res = await api<{ error?: { code: string } }>(t.s.url, 'GET', `/api/stats/range?${q}`, token ? { token } : {});
    expect(res.status).toBe(status);
  });

  it('92 days up to today are answered', async () => {
    const r = await get<RangeStats>('/api/stats/range?from=2026-09-01&to=2026-12-01');
    expect(r.status).toBe(200);
    expect(r.body.days).toHaveLength(92);
    expect(r.body.totals.issued).toBe(11);
  });
});
