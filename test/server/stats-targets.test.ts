/**
 * Past figures judged by their own targets, on a real server: serve a day under a queue's target,
 * change the target (and the queue's name) the next day, and ask for the past day and for the
 * range — the past day's 达标率, its queue row's target and name do not move.
 */
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/schemas';
import type { DayStats, DayTickets, RangeStats } from '../../shared/stats';
import { api } from '../support/server';
import { MIN, statsServer } from './stats-support';

const t = statsServer();
const { post, get, serve } = t;
const setQueue = (code: string, patch: Record<string, unknown>) => api(t.s.url, 'PUT', `/api/admin/queues/${code}`, { token: t.admin, body: patch });

describe('a past day is judged by the targets it had', () => {
  let atClose: DayStats;

  it('a day under A’s 15-minute target: waits of 10 and 20 minutes are half within', async () => {
    const before = (await get<DayStats>('/api/stats/day')).body.queues.find((q) => q.code === 'A');
    expect(before).toMatchObject({ name: '企业开办', targetWaitMinutes: 15, targetChanged: false });
    await serve('A', [10, 20]);
    atClose = (await get<DayStats>('/api/stats/day')).body;
    expect(atClose.totals).toMatchObject({ issued: 2, served: 2, slaAttainment: 0.5, p90WaitSeconds: 20 * 60 });
    expect(atClose.untargeted).toBe(0);
    const list = (await get<DayTickets>('/api/stats/tickets')).body;
    expect(list.tickets.map((t) => t.targetWaitMinutes)).toEqual([15, 15]);
  });

  it('the next day A’s target goes to 30 minutes and it is renamed: yesterday’s figures do not move', async () => {
    t.s.clock.advance(24 * 60 * MIN);
    await t.signIn();
    // The first command of the day ends the old one.
    expect((await setQueue('A', { targetWaitMinutes: 30, name: '企业开办（新）', nameEn: 'Business start-up (new)' })).status).toBe(200);

    const past = (await get<DayStats>('/api/stats/day?date=2026-11-30')).body;
    expect(past).toEqual({ ...atClose, at: past.at, live: false });
    expect(past.queues.find((q) => q.code === 'A')).toMatchObject({ name: '企业开办', nameEn: 'Business start-up', targetWaitMinutes: 15, targetChanged: false });
    // The same day as a range of one day: the same.
    const one = (await get<RangeStats>('/api/stats/range?from=2026-11-30&to=2026-11-30')).body;
    expect(one.totals).toEqual(atClose.totals);
    expect(one.queues).toEqual(atClose.queues);

    // Today the new name and target; a wait of 20 minutes is now within.
    await serve('A', [20]);
    const today = (await get<DayStats>('/api/stats/day')).body;
    expect(today.queues.find((q) => q.code === 'A')).toMatchObject({ name: '企业开办（新）', targetWaitMinutes: 30, targetChanged: false, slaAttainment: 1 });

    // Both days: each ticket by its own target (two of three within), the latest target shown, marked as changed.
    const both = (await get<RangeStats>('/api/stats/range?from=2026-11-30&to=2026-12-01')).body;
    const a = both.queues.find((q) => q.code === 'A');
    expect(a).toMatchObject({ issued: 3, slaAttainment: 2 / 3, name: '企业开办（新）', targetWaitMinutes: 30, targetChanged: true });
    expect(both.days.map((d) => [d.date, d.slaAttainment])).toEqual([
      ['2026-11-30', 0.5],
      ['2026-12-01', 1],
    ]);
  });

  it('a target changed in the middle of today: the tickets before keep the old one, the row shows the new one, marked', async () => {
    await api(t.s.url, 'POST', '/api/tickets', { body: { queue: 'E' } });
    expect((await setQueue('E', { targetWaitMinutes: 5 })).status).toBe(200);
    await api(t.s.url, 'POST', '/api/tickets', { body: { queue: 'E' } });
    const list = (await get<DayTickets>('/api/stats/tickets')).body.tickets.filter((t) => t.queue === 'E');
    expect(list.map((t) => t.targetWaitMinutes)).toEqual([expect.any(Number), 5]);
    expect(list[0]?.targetWaitMinutes).not.toBe(5);
    const e = (await get<DayStats>('/api/stats/day')).body.queues.find((q) => q.code === 'E');
    expect(e).toMatchObject({ targetWaitMinutes: 5, targetChanged: true });
  });

  it('a transferred ticket waits against its new queue’s target', async () => {
    await api(t.s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
    const called = (await post('/api/windows/9/next', t.clerk)).body;
    expect((await api<Ticket>(t.s.url, 'POST', '/api/windows/9/transfer', { token: t.clerk, body: { queue: 'E' } })).status).toBe(200);
    const row = (await get<DayTickets>('/api/stats/tickets')).body.tickets.find((t) => t.number === called.number);
    expect(row).toMatchObject({ queue: 'E', transferredFrom: 'A', targetWaitMinutes: 5 });
  });

  it('tickets stored without a target are judged by their queue’s current one, and counted so the page can say so', async () => {
    t.s.store.db.prepare("UPDATE tickets SET target_wait_minutes = NULL WHERE service_day = '2026-11-30'").run();
    const past = (await get<DayStats>('/api/stats/day?date=2026-11-30')).body;
    expect(past.untargeted).toBe(2);
    expect(past.totals.slaAttainment).toBe(1); // 10 and 20 minutes against today's 30
    expect(past.queues.find((q) => q.code === 'A')).toMatchObject({ targetWaitMinutes: 30 });
    const range = (await get<RangeStats>('/api/stats/range?from=2026-11-29&to=2026-12-01')).body;
    expect(range.untargeted).toBe(2);
    expect((await get<DayStats>('/api/stats/day')).body.untargeted).toBe(0);
  });
});
