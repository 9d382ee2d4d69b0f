/**
 * 延时服务 on 法定节假日 and 调休上班 days, as tables: a date in offDates counts whole even on a
 * ticked weekday, a date in onDates works the usual spans even on a Saturday, and the lists a past
 * day is read by are the latest ones (a holiday entered late puts its day right). Times carry their
 * zone's offset, so the rule's own zone arithmetic is checked, not repeated.
 */
import { describe, expect, it } from 'vitest';
import { WORK_DATES_MAX, WorkHours as WorkHoursSchema } from '../../shared/admin';
import { overtimeOf, rangeStats, workCalendar, type ClerkName, type Span, type StatsTicket, type WorkHours, type WorkHoursChange } from '../../server/domain';
import { hoursOfPeriod, isWorkingDay, workOfDays } from '../../server/domain/overtime';

const TZ = 'Asia/Shanghai';
const SPANS = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
/** Saved before the lists existed: Monday to Friday, no dates. */
const PLAIN: WorkHours = { spans: SPANS, days: [1, 2, 3, 4, 5] };
/** 2026: 国庆 1–7 October (1 October is a Thursday), 调休上班 on Saturday 10 October. */
const NATIONAL = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'];
const HOLIDAYS: WorkHours = { ...PLAIN, offDates: NATIONAL, onDates: ['2026-10-10'] };

const at = (date: string, time: string): number => Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`);
const span = (date: string, from: string, to: string): Span => ({ from: at(date, from), to: at(date, to) });
const across = (fromDate: string, from: string, toDate: string, to: string): Span => ({ from: at(fromDate, from), to: at(toDate, to) });

describe('isWorkingDay', () => {
  const cases: { date: string; hours: WorkHours; working: boolean; why: string }[] = [
    { date: '2026-10-01', hours: HOLIDAYS, working: false, why: '国庆 on a Thursday (ticked): off' },
    { date: '2026-10-01', hours: PLAIN, working: true, why: 'the same Thursday without the lists: working' },
    { date: '2026-10-10', hours: HOLIDAYS, working: true, why: '调休上班 Saturday: working' },
    { date: '2026-10-17', hours: HOLIDAYS, working: false, why: 'a Saturday in neither list: off' },
    { date: '2026-10-08', hours: HOLIDAYS, working: true, why: 'a Thursday in neither list: working' },
    { date: '2026-10-01', hours: { ...PLAIN, offDates: [], onDates: [] }, working: true, why: 'empty lists are no lists' },
  ];
  it.each(cases)('$date: $why', ({ date, hours, working }) => {
    expect(isWorkingDay(date, hours)).toBe(working);
  });
});

describe('overtimeOf with 节假日 and 调休上班', () => {
  const cases: { name: string; services: Span[]; hours?: WorkHours; seconds: number; tickets: number }[] = [
    { name: '节假日 on a ticked weekday (国庆, Thursday): inside 9–17 counts whole', services: [span('2026-10-01', '10:00', '10:30')], seconds: 30 * 60, tickets: 1 },
    { name: '节假日: the whole day, lunch and evening too', services: [span('2026-10-02', '08:30', '18:00')], seconds: 9.5 * 3600, tickets: 1 },
    { name: 'the same Thursday saved before the lists existed: only outside 9–17', services: [span('2026-10-01', '16:30', '17:30')], hours: PLAIN, seconds: 30 * 60, tickets: 1 },
    { name: '调休上班 Saturday within the spans: nothing', services: [span('2026-10-10', '10:00', '10:30')], seconds: 0, tickets: 0 },
    { name: '调休上班 Saturday over lunch and after 17:00: only those', services: [span('2026-10-10', '11:50', '12:20'), span('2026-10-10', '16:50', '17:20')], seconds: 40 * 60, tickets: 2 },
    { name: 'a Saturday in neither list: whole', services: [span('2026-10-17', '10:00', '10:30')], seconds: 30 * 60, tickets: 1 },
    { name: 'a weekday in neither list: only outside the spans', services: [span('2026-10-08', '16:45', '17:15')], seconds: 15 * 60, tickets: 1 },
    {
      name: 'from a working evening past midnight into 国庆: 17:00–24:00, then all of 1 October’s part',
      services: [across('2026-09-30', '16:30', '2026-10-01', '10:00')],
      seconds: 7 * 3600 + 10 * 3600,
      tickets: 1,
    },
    {
      name: 'from the last holiday night into a working morning: the holiday’s half hour, then up to 09:00',
      services: [across('2026-10-07', '23:30', '2026-10-08', '09:30')],
      seconds: 30 * 60 + 9 * 3600,
      tickets: 1,
    },
    {
      name: 'from Friday night into the 调休 Saturday: the Saturday is read by the spans',
      services: [across('2026-10-09', '23:00', '2026-10-10', '10:00')],
      seconds: 60 * 60 + 9 * 3600,
      tickets: 1,
    },
  ];
  it.each(cases)('$name', ({ services, hours, seconds, tickets }) => {
    expect(overtimeOf(services, workCalendar(hours ?? HOLIDAYS, TZ))).toEqual({ seconds, tickets });
  });
});

describe('the lists a past day is read by', () => {
  const LONGER: WorkHours = { spans: [{ start: '09:00', end: '17:30' }], days: [1, 2, 3, 4, 5] };
  const change = (date: string, before: WorkHours | undefined, after: WorkHours | undefined): WorkHoursChange => ({ at: at(date, '10:00'), before, after });
  const outside = (changes: WorkHoursChange[], current: WorkHours, s: Span, day: string): number | undefined => {
    const c = workOfDays(current, changes, TZ)(day);
    return c && c.outside(s) / 60_000;
  };

  it('国庆 entered on 10月8日: 1 October, already past, counts whole', () => {
    const changes = [change('2026-10-08', PLAIN, HOLIDAYS)];
    expect(outside(changes, HOLIDAYS, span('2026-10-01', '10:00', '10:30'), '2026-10-01')).toBe(30);
  });

  it('a date listed by mistake and taken out: the day is read as its weekday again', () => {
    const changes = [change('2026-09-01', PLAIN, HOLIDAYS), change('2026-10-20', HOLIDAYS, PLAIN)];
    expect(outside(changes, PLAIN, span('2026-10-01', '10:00', '10:30'), '2026-10-01')).toBe(0);
  });

  it('the spans stay those the day had: the 17:30 hours of before, the lists of now', () => {
    const LONGER_HOLIDAYS: WorkHours = { ...LONGER, offDates: ['2026-10-01'] };
    const changes = [change('2026-11-02', LONGER, { ...PLAIN, offDates: ['2026-10-01'] })];
    const read = workOfDays({ ...PLAIN, offDates: ['2026-10-01'] }, changes, TZ);
    expect(read('2026-10-08')?.hours).toEqual({ ...LONGER, offDates: ['2026-10-01'] });
    expect(read('2026-10-08')?.outside(span('2026-10-08', '17:00', '17:40'))).toBe(10 * 60_000);
    expect(read('2026-10-01')?.hours).toEqual(LONGER_HOLIDAYS);
    expect(read('2026-11-30')?.hours).toEqual({ ...PLAIN, offDates: ['2026-10-01'] });
  });

  it('cleared 作息时间 stay cleared: a listed date does not bring them back', () => {
    const NONE: WorkHours = { spans: [], days: [1, 2, 3, 4, 5], offDates: ['2026-12-25'] };
    expect(workOfDays(NONE, [change('2026-11-20', PLAIN, NONE)], TZ)('2026-12-25')).toBeUndefined();
  });
});

describe('hoursOfPeriod: 统计 names only the period’s own dates', () => {
  it.each([
    { from: '2026-10-01', to: '2026-10-01', off: ['2026-10-01'], on: undefined },
    { from: '2026-09-28', to: '2026-10-11', off: NATIONAL, on: ['2026-10-10'] },
    { from: '2026-11-01', to: '2026-11-30', off: undefined, on: undefined },
  ])('$from – $to', ({ from, to, off, on }) => {
    const shown = hoursOfPeriod(HOLIDAYS, from, to);
    expect(shown.offDates).toEqual(off);
    expect(shown.onDates).toEqual(on);
    expect(shown.spans).toEqual(SPANS);
  });
});

describe('the 国庆 fortnight in the range figures', () => {
  const CLERKS = new Map<string, ClerkName>([['u1', { id: 'u1', username: 'c01', name: '张三' }]]);
  let order = 0;
  const served = (day: string, from: string, to: string): StatsTicket => ({
    serviceDay: day,
    queue: 'A',
    status: 'done',
    issuedAt: at(day, '08:30'),
    arrivedAt: at(day, '08:30'),
    order: ++order,
    calledAt: at(day, from),
    startedAt: at(day, from),
    finishedAt: at(day, to),
    windowNo: 1,
    servedBy: 'u1',
    targetWaitMinutes: 15,
    autoCalled: false,
  });

  it('the holiday counts whole, the 调休 Saturday only outside the spans, an ordinary day as before', () => {
    const tickets = [
      served('2026-10-01', '10:00', '11:00'), // 国庆: 60
      served('2026-10-10', '10:00', '11:00'), // 调休上班: 0
      served('2026-10-10', '17:00', '17:20'), // 调休上班 after hours: 20
      served('2026-10-12', '16:50', '17:05'), // Monday: 5
    ];
    const r = rangeStats(
      { from: '2026-09-28', to: '2026-10-12', timezone: TZ, live: false, queues: [], tickets, clerks: CLERKS, signedIn: new Map(), workHours: { ...HOLIDAYS, offDates: ['2026-01-01', ...NATIONAL] } },
      at('2026-10-13', '09:00'),
    );
    expect(r.clerks[0]).toMatchObject({ overtimeSeconds: (60 + 20 + 5) * 60, overtimeTickets: 3 });
    // 元旦 of the same list is not this period's: not sent.
    expect(r.overtime).toEqual({ workHours: HOLIDAYS, seconds: (60 + 20 + 5) * 60, tickets: 3 });
  });
});

describe('the WorkHours schema’s lists', () => {
  const ok = (more: Partial<WorkHours>) => WorkHoursSchema.safeParse({ ...PLAIN, ...more }).success;
  it.each([
    { name: 'old settings without the lists', more: {}, valid: true },
    { name: 'both lists', more: { offDates: NATIONAL, onDates: ['2026-10-10'] }, valid: true },
    { name: 'a date twice', more: { offDates: ['2026-10-01', '2026-10-01'] }, valid: false },
    { name: 'a date in both lists', more: { offDates: ['2026-10-01'], onDates: ['2026-10-01'] }, valid: false },
    { name: 'not a date', more: { onDates: ['2026-10-32'] }, valid: false },
    { name: 'not YYYY-MM-DD', more: { offDates: ['2026/10/01'] }, valid: false },
    {
      name: `more than ${WORK_DATES_MAX}`,
      more: { offDates: Array.from({ length: WORK_DATES_MAX + 1 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)) },
      valid: false,
    },
    {
      name: `exactly ${WORK_DATES_MAX}`,
      more: { offDates: Array.from({ length: WORK_DATES_MAX }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)) },
      valid: true,
    },
  ])('$name', ({ more, valid }) => {
    expect(ok(more)).toBe(valid);
  });
});
