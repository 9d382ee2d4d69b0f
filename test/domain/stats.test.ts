import { describe, expect, it } from 'vitest';
import {
  datesOf,
  dayStats,
  dayTickets,
  hourBuckets,
  hourOf,
  queuesAsOf,
  rangeStats,
  todayStats,
  type ClerkName,
  type DayInput,
  type QueueChange,
  type QueueDef,
  type RangeInput,
  type TicketRec,
} from '../../server/domain';
import { RangeQuery } from '../../shared/stats';
import { MIN, T0, issue, makeHall, next, run } from '../support/hall-fixture';

const TZ = 'Asia/Shanghai';
let order = 0;

/** A ticket of the day; times in minutes after T0 (09:00 in Shanghai). */
function tk(
  queue: string,
  issued: number,
  more: { called?: number; started?: number; finished?: number; status?: TicketRec['status']; by?: string; window?: number; arrived?: number; target?: number; auto?: boolean } = {},
): TicketRec {
  order++;
  const status = more.status ?? (more.finished !== undefined ? 'done' : more.called !== undefined ? 'called' : 'waiting');
  const t: TicketRec = {
    id: `t${order}`,
    serviceDay: '2026-11-30',
    number: `${queue}${String(order).padStart(3, '0')}`,
    queue,
    status,
    priority: 'normal',
    channel: 'kiosk',
    matters: [],
    issuedAt: T0 + issued * MIN,
    arrivedAt: T0 + (more.arrived ?? issued) * MIN,
    order,
    recalls: 0,
  };
  if (more.called !== undefined) t.calledAt = T0 + more.called * MIN;
  if (more.started !== undefined) t.startedAt = T0 + more.started * MIN;
  if (more.finished !== undefined) t.finishedAt = T0 + more.finished * MIN;
  if (more.by) t.servedBy = more.by;
  if (more.window !== undefined) t.windowNo = more.window;
  if (more.target !== undefined) t.targetWaitMinutes = more.target;
  if (more.auto) t.autoCalled = true;
  return t;
}

const queue = (code: string, targetWaitMinutes: number, sort: number): QueueDef => ({
  code,
  name: `队列${code}`,
  nameEn: `Queue ${code}`,
  category: 'test',
  targetWaitMinutes,
  priorityQueue: false,
  numberStart: 1,
  numberEnd: 999,
  sort,
});
const CLERKS = new Map<string, ClerkName>([
  ['u1', { id: 'u1', username: 'c01', name: '张三' }],
  ['u2', { id: 'u2', username: 'c02', name: '李四' }],
]);
const input = (tickets: TicketRec[], more: Partial<DayInput> = {}): DayInput => ({
  serviceDay: '2026-11-30',
  timezone: TZ,
  live: false,
  queues: [queue('B', 20, 2), queue('A', 10, 1)],
  tickets,
  clerks: CLERKS,
  signedIn: new Map(),
  ...more,
});

describe('hourOf', () => {
  it.each([
    { at: '2026-11-30T01:00:00Z', hour: 9 },
    { at: '2026-11-30T01:59:59Z', hour: 9 },
    { at: '2026-11-30T15:59:00Z', hour: 23 },
    { at: '2026-11-30T16:00:00Z', hour: 0 },
  ])('$at is $hour o’clock in Shanghai', ({ at, hour }) => {
    expect(hourOf(Date.parse(at), TZ)).toBe(hour);
  });
  it('reads the hour in the zone given', () => {
    expect(hourOf(Date.parse('2026-11-30T01:00:00Z'), 'UTC')).toBe(1);
  });
});

describe('hourBuckets', () => {
  it.each([
    { name: 'no tickets: no hours', tickets: () => [], hours: [] },
    {
      name: 'arrivals by issue hour, waits by call hour, the quiet hour between kept',
      tickets: () => [tk('A', 10, { called: 30 }), tk('A', 50, { called: 150 }), tk('A', 125)],
      hours: [
        { hour: 9, issued: 2, called: 1, avgWaitSeconds: 20 * 60 },
        { hour: 10, issued: 0, called: 0, avgWaitSeconds: 0 },
        { hour: 11, issued: 1, called: 1, avgWaitSeconds: 100 * 60 },
      ],
    },
    {
      name: 'an appointment waits from its slot, not from its check-in',
      tickets: () => [tk('A', 0, { arrived: 5, called: 15 })],
      hours: [{ hour: 9, issued: 1, called: 1, avgWaitSeconds: 600 }],
    },
  ])('$name', ({ tickets, hours }) => {
    expect(hourBuckets(tickets(), TZ)).toEqual(hours);
  });
});

describe('dayStats', () => {
  it('queues in display order; the hall’s totals hold each wait against its own queue’s target', () => {
    const s = dayStats(
      input([
        tk('A', 0, { called: 5, started: 6, finished: 16, by: 'u1', window: 1 }), // 5 min: within A's 10
        tk('A', 0, { called: 15, started: 15, finished: 25, by: 'u1', window: 1 }), // 15 min: over A's 10
        tk('B', 0, { called: 15, status: 'no_show', by: 'u2', window: 2 }), // 15 min: within B's 20
        tk('B', 1, { status: 'cancelled' }),
        tk('B', 2),
      ]),
      T0 + 60 * MIN,
    );
    expect(s.queues.map((q) => q.code)).toEqual(['A', 'B']);
    expect(s.queues[0]).toEqual({
      code: 'A',
      issued: 2,
      waiting: 0,
      served: 2,
      noShow: 0,
      cancelled: 0,
      avgWaitSeconds: 600,
      p90WaitSeconds: 900,
      slaAttainment: 0.5,
      avgServiceSeconds: 600,
      name: '队列A',
      nameEn: 'Queue A',
      targetWaitMinutes: 10,
      targetChanged: false,
    });
    expect(s.totals).toEqual({
      issued: 5,
      waiting: 1,
      served: 2,
      noShow: 1,
      cancelled: 1,
      avgWaitSeconds: Math.round((5 + 15 + 15) * 20),
      p90WaitSeconds: 900,
      slaAttainment: 2 / 3,
      avgServiceSeconds: 600,
    });
    expect(s).toMatchObject({ serviceDay: '2026-11-30', timezone: TZ, live: false, at: new Date(T0 + 60 * MIN).toISOString() });
  });

  const clerkCases = [
    {
      name: 'a past day: the span runs from the first call to the last finish; the window is the last one served at',
      more: {},
      row: { username: 'c01', served: 2, avgServiceSeconds: 450, busySeconds: 900, spanSeconds: 40 * 60, windowNo: 3, calls: 3, autoCalls: 0 },
    },
    {
      name: 'today, still at a window: the span runs to now and the window is where they sit',
      more: { live: true, signedIn: new Map([['u1', 7]]) },
      row: { username: 'c01', served: 2, avgServiceSeconds: 450, busySeconds: 900, spanSeconds: 60 * 60, windowNo: 7, calls: 3, autoCalls: 0 },
    },
  ];
  it.each(clerkCases)('clerks — $name', ({ more, row }) => {
    const tickets = [
      tk('A', 0, { called: 10, started: 11, finished: 16, by: 'u1', window: 1 }),
      tk('A', 0, { called: 40, started: 40, finished: 50, by: 'u1', window: 3 }),
      tk('A', 0, { called: 20, status: 'no_show', by: 'u1', window: 1 }),
    ];
    const s = dayStats(input(tickets, more), T0 + 70 * MIN);
    expect(s.clerks).toHaveLength(1);
    expect(s.clerks[0]).toEqual({ id: 'u1', name: '张三', ...row });
  });

  it('today, in a service now: its time so far counts to the busy time, not to the served or the average', () => {
    const tickets = [
      tk('A', 0, { called: 10, started: 11, finished: 16, by: 'u1', window: 7 }),
      tk('A', 0, { called: 58, started: 60, status: 'serving', by: 'u1', window: 7 }),
    ];
    const live = dayStats(input(tickets, { live: true, signedIn: new Map([['u1', 7]]) }), T0 + 70 * MIN);
    expect(live.clerks[0]).toMatchObject({ served: 1, avgServiceSeconds: 300, busySeconds: 300 + 600, spanSeconds: 60 * 60 });
    // Signed out (the service left behind, e.g. the window closed from the console): the span ends at the last finish, and so does the busy time.
    const away = dayStats(input(tickets, { live: true, signedIn: new Map() }), T0 + 70 * MIN);
    expect(away.clerks[0]).toMatchObject({ served: 1, busySeconds: 300 });
  });

  it('a service the day’s end closed counts as served but has no length, and does not stretch the clerk’s span', () => {
    const midnight = (24 - 9) * 60; // minutes from 09:00 to 00:00 the next day
    const s = dayStats(
      input([
        tk('A', 0, { called: 10, started: 10, finished: 20, by: 'u1', window: 1 }),
        tk('A', 0, { called: 30, started: 30, finished: midnight + 1, by: 'u1', window: 1 }),
      ]),
      T0 + (midnight + 60) * MIN,
    );
    expect(s.totals).toMatchObject({ served: 2, avgServiceSeconds: 600 });
    expect(s.clerks[0]).toMatchObject({ served: 1, busySeconds: 600, spanSeconds: 20 * 60 });
    const rows = dayTickets([tk('A', 0, { called: 30, started: 30, finished: midnight + 1, by: 'u1' })], CLERKS, TZ);
    expect(rows[0]).toMatchObject({ status: 'done', waitSeconds: 1800 });
    expect(rows[0]?.serviceSeconds).toBeUndefined();
  });

  it('a clerk signed in who has called nobody yet is listed with zeros; an unknown id is left out', () => {
    const s = dayStats(input([tk('A', 0, { called: 5, by: 'ghost', window: 1 })], { live: true, signedIn: new Map([['u2', 4]]) }), T0);
    expect(s.clerks).toEqual([{ id: 'u2', username: 'c02', name: '李四', served: 0, avgServiceSeconds: 0, busySeconds: 0, spanSeconds: 0, windowNo: 4, calls: 0, autoCalls: 0 }]);
  });

  it('a day without tickets: zeros, attainment 1, no hours', () => {
    const s = dayStats(input([]), T0);
    expect(s.totals).toMatchObject({ issued: 0, avgWaitSeconds: 0, p90WaitSeconds: 0, slaAttainment: 1 });
    expect(s.hours).toEqual([]);
    expect(s.clerks).toEqual([]);
  });
});

describe('todayStats', () => {
  it('is dayStats over the hall’s state: live, with the clerk at their window', () => {
    const h = makeHall();
    issue(h, 'A', T0);
    issue(h, 'A', T0 + MIN);
    next(h, 1, T0 + 5 * MIN);
    run(h, { type: 'complete', windowNo: 1, clerkId: 'c1' }, T0 + 9 * MIN);
    const s = todayStats(h, T0 + 10 * MIN);
    expect(s).toMatchObject({ live: true, timezone: 'Asia/Shanghai', serviceDay: '2026-11-30' });
    expect(s.totals).toMatchObject({ issued: 2, waiting: 1, served: 1, avgWaitSeconds: 300 });
    expect(s.hours).toEqual([{ hour: 9, issued: 2, called: 1, avgWaitSeconds: 300 }]);
    expect(s.clerks.find((c) => c.id === 'c1')).toMatchObject({ served: 1, windowNo: 1, spanSeconds: 300 });
  });
});

describe('dayTickets', () => {
  it('one row per ticket in issue order: times, wait, service, window and clerk; nothing about the citizen', () => {
    const a = tk('A', 3, { called: 13, started: 14, finished: 20, by: 'u1', window: 1 });
    a.note = '王先生 13800000000';
    a.transferredFrom = 'B';
    const b = tk('B', 1, { status: 'cancelled' });
    b.closedReason = 'cancelled_by_holder';
    const rows = dayTickets([a, b], CLERKS, TZ);
    expect(rows.map((r) => r.number)).toEqual([b.number, a.number]);
    expect(rows[1]).toEqual({
      number: a.number,
      queue: 'A',
      channel: 'kiosk',
      priority: 'normal',
      status: 'done',
      issuedAt: '2026-11-30T01:03:00.000Z',
      calledAt: '2026-11-30T01:13:00.000Z',
      startedAt: '2026-11-30T01:14:00.000Z',
      finishedAt: '2026-11-30T01:20:00.000Z',
      waitSeconds: 600,
      serviceSeconds: 360,
      windowNo: 1,
      clerkUsername: 'c01',
      clerkName: '张三',
      recalls: 0,
      transferredFrom: 'B',
    });
    expect(rows[0]).toEqual({ number: b.number, queue: 'B', channel: 'kiosk', priority: 'normal', status: 'cancelled', closedReason: 'cancelled_by_holder', issuedAt: '2026-11-30T01:01:00.000Z', recalls: 0 });
    expect(JSON.stringify(rows)).not.toContain('13800000000');
  });
});

/** The same ticket `days` later (its times and its service day moved). */
function later(days: number, t: TicketRec): TicketRec {
  const shift = (at: number | undefined) => (at === undefined ? undefined : at + days * 24 * 60 * MIN);
  const moved: TicketRec = { ...t, serviceDay: datesOf('2026-11-30', '2027-03-01')[days]!, issuedAt: shift(t.issuedAt)!, arrivedAt: shift(t.arrivedAt)! };
  for (const k of ['calledAt', 'startedAt', 'finishedAt'] as const) {
    const v = shift(t[k]);
    if (v !== undefined) moved[k] = v;
  }
  return moved;
}

const rangeInput = (tickets: TicketRec[], more: Partial<RangeInput> = {}): RangeInput => {
  const { serviceDay: _day, ...day } = input(tickets);
  return { ...day, from: '2026-11-30', to: '2026-12-02', ...more };
};

describe('datesOf', () => {
  it.each([
    { from: '2026-11-30', to: '2026-11-30', dates: ['2026-11-30'] },
    { from: '2026-12-30', to: '2027-01-02', dates: ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'] },
    { from: '2028-02-28', to: '2028-03-01', dates: ['2028-02-28', '2028-02-29', '2028-03-01'] },
    { from: '2026-12-02', to: '2026-12-01', dates: [] },
  ])('$from to $to', ({ from, to, dates }) => {
    expect(datesOf(from, to)).toEqual(dates);
  });
});

describe('RangeQuery', () => {
  it.each([
    { q: { from: '2026-11-01', to: '2026-11-30' }, ok: true },
    { q: { from: '2026-11-30', to: '2026-11-30' }, ok: true },
    { q: { from: '2026-09-01', to: '2026-12-01' }, ok: true }, // 92 days
    { q: { from: '2026-08-31', to: '2026-12-01' }, ok: false }, // 93 days
    { q: { from: '2026-12-01', to: '2026-11-30' }, ok: false },
    { q: { from: '2026-11-31', to: '2026-12-01' }, ok: false }, // no such day
    { q: { from: '2027-02-29', to: '2027-03-01' }, ok: false },
    { q: { from: '2026-13-01', to: '2026-12-01' }, ok: false },
    { q: { from: '2026-11-01' }, ok: false },
  ])('$q → $ok', ({ q, ok }) => {
    expect(RangeQuery.safeParse(q).success).toBe(ok);
  });
});

describe('rangeStats', () => {
  it('P90 and the average are over every wait of the range, not averaged per day', () => {
    // Day 1: ten waits of 1 min; day 3: one of 60 min. Per day the P90s are 1 and 60 min
    // (their mean 30.5 min); over the eleven waits the 90th percentile is the tenth: 1 min.
    const day1 = Array.from({ length: 10 }, (_, i) => tk('A', i, { called: i + 1 }));
    const day3 = [later(2, tk('A', 0, { called: 60 }))];
    const s = rangeStats(rangeInput([...day1, ...day3]), T0);
    expect(s.totals).toMatchObject({ issued: 11, p90WaitSeconds: 60, avgWaitSeconds: Math.round((10 * 60 + 3600) / 11), slaAttainment: 10 / 11 });
    expect(s.days.map((d) => d.p90WaitSeconds)).toEqual([60, 0, 3600]);
  });

  it('a series with every day of the range, a quiet day as zeros; totals are the sum of the days', () => {
    const s = rangeStats(
      rangeInput([
        tk('A', 0, { called: 5, started: 5, finished: 10, by: 'u1', window: 1 }),
        tk('B', 0, { called: 30, status: 'no_show', by: 'u1', window: 1 }),
        later(2, tk('A', 0, { called: 20, started: 20, finished: 25, by: 'u1', window: 2 })),
        later(2, tk('B', 1)),
      ]),
      T0,
    );
    expect(s.days).toEqual([
      { date: '2026-11-30', issued: 2, served: 1, avgWaitSeconds: Math.round((5 + 30) * 30), p90WaitSeconds: 1800, slaAttainment: 0.5 },
      { date: '2026-12-01', issued: 0, served: 0, avgWaitSeconds: 0, p90WaitSeconds: 0, slaAttainment: 1 },
      { date: '2026-12-02', issued: 2, served: 1, avgWaitSeconds: 1200, p90WaitSeconds: 1200, slaAttainment: 0 },
    ]);
    expect(s.totals).toMatchObject({ issued: 4, served: 2, noShow: 1, waiting: 1, avgServiceSeconds: 300 });
    expect(s.queues.map((q) => [q.code, q.issued, q.served])).toEqual([
      ['A', 2, 2],
      ['B', 2, 0],
    ]);
    expect(s).toMatchObject({ from: '2026-11-30', to: '2026-12-02', live: false, timezone: TZ });
    expect(s).not.toHaveProperty('hours');
  });

  it('a clerk’s span is summed day by day (the night between is not work); the window is the last served at', () => {
    const s = rangeStats(
      rangeInput([
        tk('A', 0, { called: 10, started: 10, finished: 20, by: 'u1', window: 1 }),
        later(1, tk('A', 0, { called: 10, started: 10, finished: 40, by: 'u1', window: 5 })),
      ]),
      T0,
    );
    expect(s.clerks).toEqual([{ id: 'u1', username: 'c01', name: '张三', served: 2, avgServiceSeconds: 1200, busySeconds: 2400, spanSeconds: 40 * 60, windowNo: 5, calls: 2, autoCalls: 0 }]);
  });

  it('a range ending today: a clerk still at a window counts today’s span up to now, the past days to their last finish', () => {
    const now = T0 + 2 * 24 * 60 * MIN + 90 * MIN; // 10:30 on the range's last day
    const s = rangeStats(
      rangeInput(
        [tk('A', 0, { called: 10, started: 10, finished: 20, by: 'u1', window: 1 }), later(2, tk('A', 0, { called: 30, started: 30, finished: 40, by: 'u1', window: 2 }))],
        { live: true, signedIn: new Map([['u1', 7]]) },
      ),
      now,
    );
    expect(s.live).toBe(true);
    expect(s.clerks[0]).toMatchObject({ spanSeconds: (10 + 60) * 60, windowNo: 7 });
  });

  it('the same figures as dayStats for a range of one day', () => {
    const tickets = [tk('A', 0, { called: 5, started: 6, finished: 16, by: 'u1', window: 1 }), tk('B', 0, { called: 25, by: 'u2', window: 2 }), tk('B', 3)];
    const day = dayStats(input(tickets), T0 + 60 * MIN);
    const range = rangeStats(rangeInput(tickets, { to: '2026-11-30' }), T0 + 60 * MIN);
    expect(range.totals).toEqual(day.totals);
    expect(range.queues).toEqual(day.queues);
    expect(range.clerks).toEqual(day.clerks);
  });
});

// ---- each ticket judged by its own target; queues named as they were ------------------------

const DAY = 24 * 60 * MIN;
const named = (code: string, name: string, target: number, sort = 1): QueueDef => ({ ...queue(code, target, sort), name, nameEn: `${name} (en)` });
/** A change of a queue made `days` after T0's day, at 15:00 in Shanghai. */
const change = (days: number, before: QueueDef, after: QueueDef): QueueChange => ({ at: T0 + days * DAY + 6 * 60 * MIN, before, after });

describe('queuesAsOf', () => {
  const a1 = named('A', '企业开办', 10);
  const a2 = named('A', '企业开办（一）', 15);
  const a3 = named('A', '企业开办（二）', 20);
  const z1 = named('Z', '旧业务', 30, 9);
  const z2 = named('Z', '旧业务（停）', 45, 9);
  // A changed on 11-30 and on 12-02; Z (no longer in the hall) changed on 12-01.
  const changes = [change(0, a1, a2), change(1, z1, z2), change(2, a2, a3)];

  it.each([
    { day: '2026-11-29', a: a1, z: z1 },
    { day: '2026-11-30', a: a2, z: z1 }, // a change during the day holds at its end
    { day: '2026-12-01', a: a2, z: z2 },
    { day: '2026-12-02', a: a3, z: z2 },
    { day: '2026-12-09', a: a3, z: z2 },
  ])('at the end of $day', ({ day, a, z }) => {
    const asOf = queuesAsOf([a3], changes, day, TZ);
    expect(asOf.get('A')).toEqual(a);
    expect(asOf.get('Z')).toEqual(z);
  });

  it('a queue the log never mentions is as it is now; one the hall no longer has and the log never mentions is unknown', () => {
    const b = named('B', '工程建设', 20, 2);
    const asOf = queuesAsOf([a3, b], [], '2026-11-01', TZ);
    expect(asOf.get('B')).toBe(b);
    expect(asOf.has('Q')).toBe(false);
  });
});

describe('judged by their own targets', () => {
  const a30 = named('A', '企业开办', 30);

  it('each ticket by the target it was issued under; the row shows the latest, marked when they differed', () => {
    // Issued under 10 (waited 12: over), then under 15 (waited 12: within); today the target is 30.
    const tickets = [tk('A', 0, { called: 12, target: 10 }), tk('A', 60, { called: 72, target: 15 })];
    const past = dayStats(input(tickets, { queues: [a30] }), T0 + DAY);
    expect(past.totals.slaAttainment).toBe(0.5);
    expect(past.queues[0]).toMatchObject({ code: 'A', targetWaitMinutes: 15, targetChanged: true, slaAttainment: 0.5 });
    expect(past.untargeted).toBe(0);
    // Live, the queue's current target is the latest of the period.
    const live = dayStats(input(tickets, { queues: [a30], live: true }), T0 + 2 * 60 * MIN);
    expect(live.queues[0]).toMatchObject({ targetWaitMinutes: 30, targetChanged: true, slaAttainment: 0.5 });
    // One target all day: not marked.
    const same = dayStats(input([tk('A', 0, { called: 5, target: 10 }), tk('A', 5, { called: 25, target: 10 })], { queues: [a30] }), T0 + DAY);
    expect(same.queues[0]).toMatchObject({ targetWaitMinutes: 10, targetChanged: false });
  });

  it('a ticket stored without its target is judged by its queue’s current one and counted; an unknown queue’s counts as within', () => {
    const s = dayStats(input([tk('A', 0, { called: 20 }), tk('A', 0, { called: 20, target: 10 }), tk('Q', 0, { called: 500 })], { queues: [a30] }), T0 + DAY);
    expect(s.untargeted).toBe(2);
    expect(s.queues.find((q) => q.code === 'A')).toMatchObject({ slaAttainment: 0.5, targetWaitMinutes: 10, targetChanged: true });
    expect(s.totals.slaAttainment).toBe(2 / 3);
  });

  it('a queue renamed since is named as it was; one the hall no longer has is listed after the hall’s queues, by the name the log kept or by its code', () => {
    const aNow = named('A', '企业开办（新）', 20);
    const bNow = named('B', '工程建设', 20, 2);
    const zLast = named('Z', '旧业务', 30, 9);
    const queueChanges = [change(1, named('A', '企业开办', 20), aNow), change(-10, named('Z', '旧业务（试）', 30, 9), zLast)];
    const tickets = [tk('Z', 0, { called: 10, target: 30 }), tk('Q', 0, { called: 10, target: 15 }), tk('A', 0, { called: 5, target: 20 })];
    const s = dayStats(input(tickets, { queues: [bNow, aNow], queueChanges }), T0 + 2 * DAY);
    expect(s.queues.map((q) => [q.code, q.name ?? null, q.issued, q.targetWaitMinutes])).toEqual([
      ['A', '企业开办', 1, 20],
      ['B', '工程建设', 0, 20],
      ['Q', null, 1, 15],
      ['Z', '旧业务', 1, 30],
    ]);
    // A range ending after the rename names A anew.
    const r = rangeStats(rangeInput(tickets, { to: '2026-12-01', queues: [bNow, aNow], queueChanges }), T0 + 2 * DAY);
    expect(r.queues[0]).toMatchObject({ code: 'A', name: '企业开办（新）' });
  });
});
