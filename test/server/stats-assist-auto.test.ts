/**
 * 求助 and 自动叫号 in the 统计 figures on a real server (manual clock, real SQLite): calls for
 * help raised, answered, withdrawn and left open; a call made by 自动叫号 (`auto`) and one pressed;
 * then the day's figures, the same day read back from the store after the day ended, and a range.
 */
import { describe, expect, it } from 'vitest';
import type { AssistRequest } from '../../shared/assist';
import type { DayStats, RangeStats } from '../../shared/stats';
import { api, login } from '../support/server';
import { MIN, statsServer } from './stats-support';

const t = statsServer();
const { post, get } = t;

const raise = async (windowNo: number, token: string, kind: string) =>
  (await api<AssistRequest>(t.s.url, 'POST', `/api/windows/${windowNo}/assist`, { token, body: { kind } })).body;
const act = (id: string, what: 'acknowledge' | 'resolve' | 'cancel', token = t.admin) => api(t.s.url, 'POST', `/api/assist/${id}/${what}`, { token, body: {} });
const clerkRow = (s: DayStats | RangeStats, username: string) => s.clerks.find((c) => c.username === username);

describe('统计: 求助 and 自动叫号', () => {
  let c02 = '';
  let day1: DayStats;

  it('a day: 求助 by kind, window and clerk, answer times, withdrawn and open; calls split automatic / pressed', async () => {
    c02 = await login(t.s.url, 'c02', '1234');
    await post('/api/windows/9/session', t.clerk);
    await post('/api/windows/10/session', c02);
    for (let i = 0; i < 3; i++) await api(t.s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });

    // c01: one call by 自动叫号, one pressed; c02: one pressed.
    const auto = await api<{ number: string }>(t.s.url, 'POST', '/api/windows/9/next', { token: t.clerk, body: { ifIdle: true, auto: true } });
    expect(auto.status).toBe(200);
    t.s.clock.advance(MIN);
    await post('/api/windows/9/next', t.clerk);
    await post('/api/windows/10/next', c02);

    const conduct = await raise(9, t.clerk, 'conduct');
    t.s.clock.advance(2 * MIN);
    expect((await act(conduct.id, 'acknowledge')).status).toBe(200);
    const equipment = await raise(10, c02, 'equipment');
    t.s.clock.advance(MIN);
    expect((await act(equipment.id, 'cancel', c02)).status).toBe(200);
    expect((await act(conduct.id, 'resolve')).status).toBe(200);
    await raise(9, t.clerk, 'question'); // left open

    day1 = (await get<DayStats>('/api/stats/day')).body;
    expect(day1.assist).toEqual({
      total: 3,
      answered: 1,
      resolved: 1,
      withdrawn: 1,
      open: 1,
      unanswered: 1,
      medianAnswerSeconds: 120,
      longestAnswerSeconds: 120,
      byKind: [
        { kind: 'question', count: 1 },
        { kind: 'conduct', count: 1 },
        { kind: 'equipment', count: 1 },
        { kind: 'other', count: 0 },
      ],
      byWindow: [
        { windowNo: 9, count: 2, medianAnswerSeconds: 120 },
        { windowNo: 10, count: 1, medianAnswerSeconds: null },
      ],
      byClerk: [
        { id: expect.any(String), username: 'c01', name: expect.any(String), count: 2 },
        { id: expect.any(String), username: 'c02', name: expect.any(String), count: 1 },
      ],
    });
    expect(clerkRow(day1, 'c01')).toMatchObject({ calls: 2, autoCalls: 1 });
    expect(clerkRow(day1, 'c02')).toMatchObject({ calls: 1, autoCalls: 0 });
  });

  it('the day read back from the store after it ended, and a range over both days', async () => {
    t.s.clock.advance(24 * 60 * MIN);
    await api(t.s.url, 'POST', '/api/tickets', { body: { queue: 'A' } }); // ends the old day
    await t.signIn();
    // At window 10: window 9's call of yesterday is still open, and a window has one live call at a time.
    c02 = await login(t.s.url, 'c02', '1234');
    await post('/api/windows/10/session', c02);
    const other = await raise(10, c02, 'other');
    expect(other.serviceDay).toBe('2026-12-01');
    t.s.clock.advance(5 * MIN);
    expect((await act(other.id, 'acknowledge')).status).toBe(200);

    const past = (await get<DayStats>('/api/stats/day?date=2026-11-30')).body;
    expect(past.live).toBe(false);
    expect(past.assist).toEqual(day1.assist);
    expect(clerkRow(past, 'c01')).toMatchObject({ calls: 2, autoCalls: 1 });
    expect(clerkRow(past, 'c02')).toMatchObject({ calls: 1, autoCalls: 0 });

    const today = (await get<DayStats>('/api/stats/day')).body;
    expect(today.assist).toMatchObject({ total: 1, answered: 1, open: 1, medianAnswerSeconds: 300 });

    const range = (await get<RangeStats>('/api/stats/range?from=2026-11-30&to=2026-12-01')).body;
    expect(range.assist).toMatchObject({
      total: 4,
      answered: 2,
      withdrawn: 1,
      open: 2,
      unanswered: 1,
      medianAnswerSeconds: 210, // (120 + 300) / 2
      longestAnswerSeconds: 300,
      byWindow: [
        { windowNo: 9, count: 2, medianAnswerSeconds: 120 },
        { windowNo: 10, count: 2, medianAnswerSeconds: 300 },
      ],
    });
    expect(range.assist?.byClerk.map((c) => [c.username, c.count])).toEqual([
      ['c01', 2],
      ['c02', 2],
    ]);
    expect(clerkRow(range, 'c01')).toMatchObject({ calls: 2, autoCalls: 1 });
  });

  it.each([
    { name: 'auto not a boolean', body: { auto: 'yes' } },
    { name: 'auto as a number', body: { auto: 1 } },
  ])('window:next refuses $name (400)', async ({ body }) => {
    expect((await api(t.s.url, 'POST', '/api/windows/9/next', { token: t.clerk, body })).status).toBe(400);
  });
});
