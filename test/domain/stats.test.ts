import { describe, expect, it } from 'vitest';
import { dayStats, dayTickets, hourBuckets, hourOf, todayStats, type ClerkName, type DayInput, type QueueDef, type TicketRec } from '../../server/domain';
import { MIN, T0, issue, makeHall, next, run } from '../support/hall-fixture';

const TZ = 'Asia/Shanghai';
let order = 0;

/** A ticket of the day; times in minutes after T0 (09:00 in Shanghai). */
function tk(queue: string, issued: number, more: { called?: number; started?: number; finished?: number; status?: TicketRec['status']; by?: string; window?: number; arrived?: number } = {}): TicketRec {
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
      row: { username: 'c01', served: 2, avgServiceSeconds: 450, busySeconds: 900, spanSeconds: 40 * 60, windowNo: 3 },
    },
    {
      name: 'today, still at a window: the span runs to now and the window is where they sit',
      more: { live: true, signedIn: new Map([['u1', 7]]) },
      row: { username: 'c01', served: 2, avgServiceSeconds: 450, busySeconds: 900, spanSeconds: 60 * 60, windowNo: 7 },
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
    expect(s.clerks).toEqual([{ id: 'u2', username: 'c02', name: '李四', served: 0, avgServiceSeconds: 0, busySeconds: 0, spanSeconds: 0, windowNo: 4 }]);
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
