/**
 * 延时服务: time served outside 作息时间, as tables. Times are written with their zone's offset
 * (`+08:00`), so the rule's own zone arithmetic is checked, not repeated.
 */
import { describe, expect, it } from 'vitest';
import {
  dayStats,
  overtimeOf,
  rangeStats,
  workCalendar,
  workHoursAsOf,
  type ClerkName,
  type DayInput,
  type Span,
  type StatsTicket,
  type Work,
  type WorkHours,
  type WorkHoursChange,
} from '../../server/domain';

const TZ = 'Asia/Shanghai';
/** 上午 9:00–12:00, 下午 13:00–17:00, Monday to Friday. */
const HOURS: WorkHours = {
  spans: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
  days: [1, 2, 3, 4, 5],
};
/** 2026-11-30 is a Monday, 2026-12-05 a Saturday. */
const at = (date: string, time: string, offset = '+08:00'): number => Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}${offset}`);
const span = (date: string, from: string, to: string, offset?: string): Span => ({ from: at(date, from, offset), to: at(date, to, offset) });
/** A call that ended 未到. */
const noShow = (date: string, from: string, to: string): Work => ({ ...span(date, from, to), noShow: true });
const MON = '2026-11-30';

describe('overtimeOf', () => {
  const cases: { name: string; services: Work[]; hours?: WorkHours; tz?: string; seconds: number; tickets: number }[] = [
    { name: 'inside the morning span: nothing', services: [span(MON, '09:10', '09:40')], seconds: 0, tickets: 0 },
    { name: 'over the lunch hour (午间延时)', services: [span(MON, '12:10', '12:40')], seconds: 30 * 60, tickets: 1 },
    { name: 'into the lunch hour: only the part after 12:00', services: [span(MON, '11:50', '12:20')], seconds: 20 * 60, tickets: 1 },
    { name: 'straddling 17:00: only the part after closing', services: [span(MON, '16:45', '17:25')], seconds: 25 * 60, tickets: 1 },
    { name: 'after closing, finishing the queue', services: [span(MON, '17:10', '17:30'), span(MON, '17:30', '17:45')], seconds: 35 * 60, tickets: 2 },
    { name: 'before opening', services: [span(MON, '08:40', '09:10')], seconds: 20 * 60, tickets: 1 },
    { name: 'over the whole lunch hour and into the afternoon', services: [span(MON, '11:30', '13:30')], seconds: 60 * 60, tickets: 1 },
    { name: 'ending on the stroke of 12:00 (the end is not in it)', services: [span(MON, '11:40', '12:00')], seconds: 0, tickets: 0 },
    { name: 'less than a second past 17:00: not a ticket', services: [span(MON, '16:40', '17:00:00.400')], seconds: 0, tickets: 0 },
    {
      name: 'two panels at once over lunch: the overlap counts once, both tickets count',
      services: [span(MON, '12:00', '12:30'), span(MON, '12:15', '12:45')],
      seconds: 45 * 60,
      tickets: 2,
    },
    { name: 'a Saturday (周末延时服务): the whole service', services: [span('2026-12-05', '10:00', '10:30')], seconds: 30 * 60, tickets: 1 },
    { name: 'a Saturday the hall works (ticked)', services: [span('2026-12-05', '10:00', '10:30')], hours: { ...HOURS, days: [1, 2, 3, 4, 5, 6] }, seconds: 0, tickets: 0 },
    {
      name: 'from Friday evening into Saturday: each day by its own rule',
      services: [{ from: at('2026-12-04', '16:30'), to: at('2026-12-05', '00:30') }],
      seconds: 7 * 3600 + 30 * 60, // Friday 17:00–24:00, Saturday 00:00–00:30
      tickets: 1,
    },
    {
      name: 'the hall’s own zone (Tokyo, no summer time): 12:10–12:40 there is lunch there',
      services: [span(MON, '12:10', '12:40', '+09:00')],
      tz: 'Asia/Tokyo',
      seconds: 30 * 60,
      tickets: 1,
    },
    {
      name: 'the same instants read in Shanghai are 11:10–11:40: inside',
      services: [span(MON, '12:10', '12:40', '+09:00')],
      seconds: 0,
      tickets: 0,
    },
    {
      name: 'a zone the day after it moved its clocks (Berlin, summer time from 2026-03-29)',
      services: [span('2026-03-30', '16:50', '17:20', '+02:00')],
      tz: 'Europe/Berlin',
      seconds: 20 * 60,
      tickets: 1,
    },
    { name: 'no services', services: [], seconds: 0, tickets: 0 },
    { name: 'a call after closing that ended 未到: the time counts, not as a 件', services: [noShow(MON, '17:05', '17:09')], seconds: 4 * 60, tickets: 0 },
    {
      name: 'finishing the queue after closing: two served and a 未到 between them',
      services: [span(MON, '17:00', '17:10'), noShow(MON, '17:10', '17:13'), span(MON, '17:13', '17:25')],
      seconds: 25 * 60,
      tickets: 2,
    },
    { name: 'a 未到 inside working time: nothing', services: [noShow(MON, '10:00', '10:05')], seconds: 0, tickets: 0 },
  ];
  it.each(cases)('$name', ({ services, hours, tz, seconds, tickets }) => {
    expect(overtimeOf(services, workCalendar(hours ?? HOURS, tz ?? TZ))).toEqual({ seconds, tickets });
  });
});

describe('workHoursAsOf', () => {
  const OLD: WorkHours = { spans: [{ start: '08:30', end: '17:30' }], days: [1, 2, 3, 4, 5] };
  const NONE: WorkHours = { spans: [], days: [1, 2, 3, 4, 5] };
  const change = (date: string, before: WorkHours | undefined, after: WorkHours | undefined): WorkHoursChange => ({ at: at(date, '10:00'), before, after });
  const cases: { name: string; current: WorkHours | undefined; changes: WorkHoursChange[]; day: string; hours: WorkHours | undefined }[] = [
    { name: 'never changed: the current ones', current: HOURS, changes: [], day: '2026-11-02', hours: HOURS },
    { name: 'never set', current: undefined, changes: [], day: '2026-11-02', hours: undefined },
    { name: 'changed since: the day keeps the ones it had', current: HOURS, changes: [change('2026-11-20', OLD, HOURS)], day: '2026-11-02', hours: OLD },
    { name: 'changed that very day: the ones at its end', current: HOURS, changes: [change('2026-11-20', OLD, HOURS)], day: '2026-11-20', hours: HOURS },
    { name: 'first set today: last month is read by them', current: HOURS, changes: [change('2026-11-30', undefined, HOURS)], day: '2026-11-02', hours: HOURS },
    {
      name: 'first set, then changed: a day before both is read by the first ones',
      current: HOURS,
      changes: [change('2026-11-10', undefined, OLD), change('2026-11-20', OLD, HOURS)],
      day: '2026-11-02',
      hours: OLD,
    },
    { name: 'cleared on purpose: not counted after', current: NONE, changes: [change('2026-11-10', undefined, OLD), change('2026-11-20', OLD, NONE)], day: '2026-11-25', hours: undefined },
    { name: 'cleared on purpose: counted before', current: NONE, changes: [change('2026-11-10', undefined, OLD), change('2026-11-20', OLD, NONE)], day: '2026-11-15', hours: OLD },
  ];
  it.each(cases)('$name', ({ current, changes, day, hours }) => {
    expect(workHoursAsOf(current, changes, day, TZ)).toEqual(hours);
  });
});

describe('延时服务 in the day and range figures', () => {
  const CLERKS = new Map<string, ClerkName>([
    ['u1', { id: 'u1', username: 'c01', name: '张三' }],
    ['u2', { id: 'u2', username: 'c02', name: '李四' }],
  ]);
  let order = 0;
  /** A ticket served by `by` from the call to the finish (none: still being served). */
  const served = (by: string, day: string, from: string, to?: string): StatsTicket => ({
    serviceDay: day,
    queue: 'A',
    status: to ? 'done' : 'serving',
    issuedAt: at(day, '08:30'),
    arrivedAt: at(day, '08:30'),
    order: ++order,
    calledAt: at(day, from),
    startedAt: at(day, from),
    finishedAt: to ? at(day, to) : undefined,
    windowNo: 1,
    servedBy: by,
    targetWaitMinutes: 15,
    autoCalled: false,
  });
  const input = (tickets: StatsTicket[], more: Partial<DayInput> = {}): DayInput => ({
    serviceDay: MON,
    timezone: TZ,
    live: false,
    queues: [],
    tickets,
    clerks: CLERKS,
    signedIn: new Map(),
    workHours: HOURS,
    ...more,
  });

  it('a day: per clerk and the hall’s total, with the hours it was counted by', () => {
    const s = dayStats(input([served('u1', MON, '11:50', '12:20'), served('u1', MON, '16:45', '17:25'), served('u2', MON, '10:00', '10:20')]), at(MON, '18:00'));
    expect(s.clerks.map((c) => [c.username, c.overtimeSeconds, c.overtimeTickets])).toEqual([
      ['c01', 45 * 60, 2],
      ['c02', 0, 0],
    ]);
    expect(s.overtime).toEqual({ workHours: HOURS, seconds: 45 * 60, tickets: 2 });
  });

  it('a call after closing that ended 未到 counts its minutes, not as a 件 (called → marked 未到)', () => {
    const missed: StatsTicket = { ...served('u1', MON, '17:20', '17:24'), status: 'no_show', startedAt: undefined };
    const s = dayStats(input([served('u1', MON, '17:00', '17:20'), missed]), at(MON, '18:00'));
    expect(s.clerks[0]).toMatchObject({ overtimeSeconds: 24 * 60, overtimeTickets: 1 });
    expect(s.overtime).toEqual({ workHours: HOURS, seconds: 24 * 60, tickets: 1 });
  });

  it('no 作息时间: nothing counted, no figures (not zeros)', () => {
    for (const workHours of [undefined, { spans: [], days: [1, 2, 3, 4, 5] }]) {
      const s = dayStats(input([served('u1', MON, '12:10', '12:40')], { workHours }), at(MON, '18:00'));
      expect(s.overtime).toBeUndefined();
      expect(s.clerks[0]).not.toHaveProperty('overtimeSeconds');
      expect(s.clerks[0]).not.toHaveProperty('overtimeTickets');
    }
  });

  it('today: a service under way at a window counts to now; signed out, it does not', () => {
    const tickets = [served('u1', MON, '16:50')];
    const now = at(MON, '17:20');
    const live = dayStats(input(tickets, { live: true, signedIn: new Map([['u1', 1]]) }), now);
    expect(live.clerks[0]).toMatchObject({ overtimeSeconds: 20 * 60, overtimeTickets: 1 });
    const away = dayStats(input(tickets, { live: true }), now);
    expect(away.clerks[0]).toMatchObject({ overtimeSeconds: 0, overtimeTickets: 0 });
  });

  it('a range adds the days up, each day by the hours it had', () => {
    // Until Tuesday the hall closed at 17:30; from Wednesday at 17:00.
    const OLD: WorkHours = { spans: [{ start: '09:00', end: '17:30' }], days: [1, 2, 3, 4, 5] };
    const changes = [{ at: at('2026-12-02', '08:00'), before: OLD, after: HOURS }];
    const tickets = [
      served('u1', MON, '17:10', '17:40'), // Monday by OLD: 10 minutes
      served('u1', '2026-12-02', '17:10', '17:40'), // Wednesday by HOURS: 30 minutes
      served('u1', '2026-12-05', '10:00', '10:15'), // Saturday: all 15
    ];
    const r = rangeStats({ from: MON, to: '2026-12-05', timezone: TZ, live: false, queues: [], tickets, clerks: CLERKS, signedIn: new Map(), workHours: HOURS, workHoursChanges: changes }, at('2026-12-06', '09:00'));
    expect(r.clerks[0]).toMatchObject({ overtimeSeconds: (10 + 30 + 15) * 60, overtimeTickets: 3 });
    expect(r.overtime).toEqual({ workHours: HOURS, seconds: (10 + 30 + 15) * 60, tickets: 3 });
  });
});
