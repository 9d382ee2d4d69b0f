/**
 * 打印报告 (counter/src/admin/logic/report.ts), pure: which report a period is (日报, 周报, 月报),
 * the pieces GET /api/ratings is asked in, the pieces put together, and the rows of the sheet —
 * queues with nothing left out, over-target P90 marked, people by how many they served with their
 * own ratings, every 差评 oldest first with its 整改 or 待整改.
 */
import { describe, expect, it } from 'vitest';
import type { RatingRecord, ServedCounts } from '../../shared/ratings';
import type { DayStats, RangeStats } from '../../shared/stats';
import { buildReport, mergeRatings, ratingSpans, reportKind } from '../../counter/src/admin/logic/report';

describe('reportKind', () => {
  it.each([
    ['2026-11-30', '2026-11-30', '2026-11-30', 'day'],
    ['2026-11-23', '2026-11-29', '2026-11-30', 'week'], // Monday to Sunday
    ['2026-11-30', '2026-12-02', '2026-12-02', 'week'], // Monday to today: the week so far
    ['2026-11-30', '2026-12-02', '2026-12-09', 'range'], // a part of a past week
    ['2026-11-24', '2026-11-30', '2026-11-30', 'range'], // seven days, not from a Monday
    ['2026-11-01', '2026-11-30', '2026-12-05', 'month'],
    ['2026-02-01', '2026-02-28', '2026-03-05', 'month'],
    ['2026-12-01', '2026-12-10', '2026-12-10', 'month'], // the month so far
    ['2026-12-01', '2026-12-10', '2026-12-20', 'range'],
    ['2026-10-01', '2026-11-30', '2026-12-05', 'range'], // two months
  ] as const)('%s to %s (today %s): %s', (from, to, today, kind) => {
    expect(reportKind(from, to, today)).toBe(kind);
  });
});

describe('ratingSpans', () => {
  it('one piece when the period fits, else consecutive pieces of at most the limit', () => {
    expect(ratingSpans('2026-11-30', '2026-11-30')).toEqual([{ from: '2026-11-30', to: '2026-11-30' }]);
    expect(ratingSpans('2026-11-01', '2026-11-30')).toEqual([{ from: '2026-11-01', to: '2026-11-30' }]);
    expect(ratingSpans('2026-10-01', '2026-12-15', 31)).toEqual([
      { from: '2026-10-01', to: '2026-10-31' },
      { from: '2026-11-01', to: '2026-12-01' },
      { from: '2026-12-02', to: '2026-12-15' },
    ]);
  });
});

const served = (total: number, byQueue: Record<string, number>, byClerk: Record<string, number>): ServedCounts => ({ total, byQueue, byWindow: {}, byClerk });
let n = 0;
const rating = (queue: string, clerkId: string, score: number, extra: Partial<RatingRecord> = {}): RatingRecord => ({
  ticketId: `t${++n}`,
  channel: 'phone',
  number: `${queue}${String(n).padStart(3, '0')}`,
  queue,
  serviceDay: '2026-11-30',
  windowNo: 9,
  score,
  level: 'satisfied',
  reasons: score <= 2 ? ['slow'] : [],
  ratedAt: `2026-11-30T0${n % 10}:00:00.000Z`,
  clerkId,
  ...extra,
});

describe('mergeRatings', () => {
  it('puts the ratings one after another and adds the served counts up', () => {
    const a = rating('A', 'c1', 5);
    const b = rating('B', 'c2', 1);
    const m = mergeRatings([
      { ratings: [a], served: served(3, { A: 3 }, { c1: 3 }) },
      { ratings: [b], served: served(2, { A: 1, B: 1 }, { c2: 2 }) },
    ]);
    expect(m.ratings).toEqual([a, b]);
    expect(m.served).toEqual({ total: 5, byQueue: { A: 4, B: 1 }, byWindow: {}, byClerk: { c1: 3, c2: 2 } });
  });
});

function figures(): DayStats {
  const q = (code: string, issued: number, p90: number, target: number, extra: Partial<DayStats['queues'][number]> = {}) => ({
    code,
    issued,
    waiting: 0,
    served: issued,
    noShow: 0,
    cancelled: 0,
    avgWaitSeconds: 300,
    p90WaitSeconds: p90,
    slaAttainment: 0.9,
    avgServiceSeconds: 600,
    targetWaitMinutes: target,
    ...extra,
  });
  return {
    serviceDay: '2026-11-30',
    at: '2026-11-30T09:00:00.000Z',
    timezone: 'Asia/Shanghai',
    live: false,
    totals: { issued: 9, waiting: 0, served: 9, noShow: 0, cancelled: 0, avgWaitSeconds: 300, p90WaitSeconds: 900, slaAttainment: 0.9, avgServiceSeconds: 600 },
    queues: [q('A', 5, 1500, 20), q('B', 4, 2000, 30), q('C', 0, 0, 15), q('D', 0, 0, 15, { issued: 0 })],
    hours: [],
    clerks: [
      { id: 'c1', username: 'c01', name: '张一', served: 3, avgServiceSeconds: 500, busySeconds: 1800, spanSeconds: 3600 },
      { id: 'c2', username: 'c02', name: '李二', served: 6, avgServiceSeconds: 700, busySeconds: 0, spanSeconds: 0 },
    ],
  };
}

const words = { name: (code: string) => `队列${code}`, target: () => undefined, clerk: (id: string) => ({ c1: '张一', c2: '李二' })[id] };

describe('buildReport', () => {
  const ratings = [
    rating('A', 'c1', 5),
    rating('A', 'c1', 1, { comment: '态度差', followUp: { status: 'handled', note: '已回访致歉' } }),
    rating('B', 'c2', 2, { windowNo: undefined }),
    rating('C', 'c2', 4),
  ];
  const r = buildReport(figures(), { ratings, served: served(9, { A: 5, B: 4 }, { c1: 3, c2: 6 }) }, words, '2026-12-01');

  it('is a 日报 of the day with the headline of its ratings', () => {
    expect([r.kind, r.from, r.to, r.days]).toEqual(['day', '2026-11-30', '2026-11-30', 1]);
    expect(r.ratings).toMatchObject({ count: 4, satisfied: 0.5, complaints: 2, handled: 1, followUpRate: 0.5 });
  });

  it('lists queues with tickets or ratings, in the figures order, P90 over target marked', () => {
    expect(r.queues.map((q) => [q.code, q.name, q.over, q.rated, q.satisfied, q.complaints])).toEqual([
      ['A', '队列A', true, 2, 0.5, 1], // 25 min against 20
      ['B', '队列B', true, 1, 0, 1], // 33 min against 30
      ['C', '队列C', false, 1, 1, 0], // rated, though nothing issued that day (a rating of a ticket served late)
    ]);
    // Nobody called: the share within target means nothing.
    expect(r.queues[2]!.sla).toBeNull();
  });

  it('lists people by how many they served, with their own ratings', () => {
    expect(r.clerks.map((c) => [c.username, c.served, c.busy, c.rated, c.average, c.satisfied, c.complaints])).toEqual([
      ['c02', 6, null, 2, 3, 0.5, 1],
      ['c01', 3, 0.5, 2, 3, 0.5, 1],
    ]);
  });

  it('lists every 差评 oldest first, with who served, the comment, and 整改 or open', () => {
    expect(r.complaints.map((c) => [c.number, c.clerk, c.windowNo, c.comment, c.followUp])).toEqual([
      [ratings[1]!.number, '张一', 9, '态度差', '已回访致歉'],
      [ratings[2]!.number, '李二', undefined, '', undefined],
    ]);
  });

  it('a range: the period from the figures, and 求助 when the figures carry it', () => {
    const f = figures();
    const range: RangeStats = {
      from: '2026-11-01',
      to: '2026-11-30',
      at: f.at,
      timezone: f.timezone,
      live: false,
      totals: f.totals,
      queues: f.queues,
      clerks: f.clerks,
      days: [
        { date: '2026-11-01', issued: 0, served: 0, avgWaitSeconds: 0, p90WaitSeconds: 0, slaAttainment: 1 },
        { date: '2026-11-02', issued: 40, served: 38, avgWaitSeconds: 300, p90WaitSeconds: 900, slaAttainment: 0.9 },
        { date: '2026-11-03', issued: 35, served: 35, avgWaitSeconds: 240, p90WaitSeconds: 700, slaAttainment: 0.95 },
      ],
      assist: { total: 3, answered: 2, resolved: 2, withdrawn: 1, open: 0, unanswered: 0, medianAnswerSeconds: 95, longestAnswerSeconds: 200, byKind: [], byWindow: [], byClerk: [] },
    };
    const m = buildReport(range, { ratings: [], served: served(0, {}, {}) }, words, '2026-12-01');
    expect([m.kind, m.days]).toEqual(['month', 30]);
    // Day by day: the days with tickets, the quiet ones counted (a weekend need not fill the page).
    expect(m.byDay?.days.map((d) => d.date)).toEqual(['2026-11-02', '2026-11-03']);
    expect(m.byDay?.quiet).toBe(1);
    expect(r.byDay).toBeUndefined(); // one day has no day-by-day table
    expect(m.assist).toEqual({ total: 3, answered: 2, medianAnswerSeconds: 95 });
    expect(m.complaints).toEqual([]);
    expect(m.ratings.satisfied).toBeNull();
  });
});
