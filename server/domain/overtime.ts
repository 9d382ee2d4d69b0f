/**
 * 延时服务 (pure): how long a clerk served citizens outside the hall's working time (作息时间) —
 * over the lunch break, after closing, on a day off — the figure a manager grants 调休 by. A
 * service runs from the call to the finish. A call that ended 未到 is work too (calling, waiting,
 * recalling: minutes after closing that the clerk gave), counted in the time but not as a 件. A
 * clerk at two panels at once is not owed twice: the
 * services of a day are joined before the working time is taken out. Local times are the hall's
 * zone, read through the calendar helpers (a zone that moves its clocks is still right).
 */
import { addDays, dayOfWeek, zonedEpoch } from './calendar';
import { dayOf } from './stats-tally';
import type { WorkHours } from './types';

/** A stretch of time, epoch ms, `to` excluded. */
export interface Span {
  from: number;
  to: number;
}

/** A call of a clerk's: served to the end, under way, or ended 未到 (`noShow`). */
export interface Work extends Span {
  noShow?: boolean;
}

export interface Overtime {
  seconds: number;
  /** Services (not 未到 calls) with any of it (a second or more) outside working time. */
  tickets: number;
}

/** Less than this outside is a press on the stroke of the hour, not service: such a ticket is not counted. */
const TICKET_MIN_MS = 1000;

/** Whether 作息时间 are set: without a span nothing is counted (统计 says so rather than 0). */
export const workHoursSet = (w: WorkHours | undefined): w is WorkHours => w !== undefined && w.spans.length > 0;

/** A calendar day as instants: its bounds, and its working spans (none on a day off). */
interface CalendarDay {
  start: number;
  end: number;
  work: Span[];
}

export interface WorkCalendar {
  readonly hours: WorkHours;
  /** Milliseconds of `s` outside working time, over as many calendar days as it runs. */
  outside(s: Span): number;
}

/**
 * Whether a date is a working day: 节假日 (offDates) never, 调休上班 (onDates) always, else by its
 * weekday. The schema keeps a date out of both lists.
 */
export function isWorkingDay(date: string, hours: WorkHours): boolean {
  if (hours.offDates?.includes(date)) return false;
  if (hours.onDates?.includes(date)) return true;
  return hours.days.includes(dayOfWeek(date));
}

/**
 * The hall's days under one 作息时间, each worked out once: the zone's arithmetic goes through
 * Intl, the slow part, and a quarter's report meets each day hundreds of times.
 */
export function workCalendar(hours: WorkHours, timezone: string): WorkCalendar {
  const days = new Map<string, CalendarDay>();
  const dayAt = (date: string): CalendarDay => {
    let d = days.get(date);
    if (!d) {
      const working = isWorkingDay(date, hours);
      d = {
        start: zonedEpoch(date, '00:00', timezone),
        end: zonedEpoch(addDays(date, 1), '00:00', timezone),
        work: working ? hours.spans.map((r) => ({ from: zonedEpoch(date, r.start, timezone), to: zonedEpoch(date, r.end, timezone) })) : [],
      };
      days.set(date, d);
    }
    return d;
  };
  return {
    hours,
    outside(s) {
      if (s.to <= s.from) return 0;
      let ms = 0;
      for (let date = dayOf(s.from, timezone); ; date = addDays(date, 1)) {
        const d = dayAt(date);
        const from = Math.max(s.from, d.start);
        const to = Math.min(s.to, d.end);
        if (to > from) {
          ms += to - from;
          for (const w of d.work) ms -= Math.max(0, Math.min(to, w.to) - Math.max(from, w.from));
        }
        if (d.end >= s.to) return ms;
      }
    },
  };
}

/**
 * A clerk's 延时服务 of a day from their calls (call → finish, or → now for the one under way):
 * the time outside working time of the calls joined, and how many services (not 未到) had any.
 */
export function overtimeOf(services: readonly Work[], calendar: WorkCalendar): Overtime {
  const sorted = services.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from);
  let tickets = 0;
  let ms = 0;
  // Services joined where they overlap; a service alone (the usual case) keeps the outside time
  // already worked out for it, so a quarter's report asks the calendar once per service.
  let joined: { span: Span; alone: boolean; outside: number } | undefined;
  const close = (j: NonNullable<typeof joined>): number => (j.alone ? j.outside : calendar.outside(j.span));
  for (const s of sorted) {
    const outside = calendar.outside(s);
    if (outside >= TICKET_MIN_MS && !s.noShow) tickets++;
    if (joined && s.from <= joined.span.to) {
      joined.span.to = Math.max(joined.span.to, s.to);
      joined.alone = false;
    } else {
      if (joined) ms += close(joined);
      joined = { span: { ...s }, alone: true, outside };
    }
  }
  if (joined) ms += close(joined);
  return { seconds: Math.round(ms / 1000), tickets };
}

/** A change of 作息时间 (the event log's SettingsChanged where they differ): as they were before and after, at `at`. */
export interface WorkHoursChange {
  at: number;
  before: WorkHours | undefined;
  after: WorkHours | undefined;
}

/**
 * The 作息时间 a service day is read by: those in force at its end (as before the first change
 * made after it, else as now), so new hours do not rewrite last month's 调休. A day before the
 * hall first set them is read by the first ones it set: a hall that sets them today still wants
 * last month's figure. Hours cleared on purpose stay cleared for their days. `changes` in order.
 */
export function workHoursAsOf(current: WorkHours | undefined, changes: readonly WorkHoursChange[], day: string, timezone: string): WorkHours | undefined {
  const later = changes.filter((c) => dayOf(c.at, timezone) > day);
  const atEnd = later.length > 0 ? later[0]!.before : current;
  if (workHoursSet(atEnd)) return atEnd;
  const setByThen = changes.some((c) => dayOf(c.at, timezone) <= day && (workHoursSet(c.before) || workHoursSet(c.after)));
  if (setByThen) return undefined;
  const first = later.find((c) => workHoursSet(c.after))?.after ?? current;
  return workHoursSet(first) ? first : undefined;
}

/**
 * The hours a day is read by, with the 节假日 and 调休上班 lists as they are now. Spans and weekdays
 * are a policy that changes from a day on, so a day keeps the ones it had (workHoursAsOf); a listed
 * date is a fact about that date, so the latest lists decide it: 国庆 entered on 10月8日, or a date
 * listed by mistake and taken out, puts the past day right.
 */
export function withDatesOf(hours: WorkHours, latest: WorkHours | undefined): WorkHours {
  const { offDates: _off, onDates: _on, ...rest } = hours;
  return {
    ...rest,
    ...(latest?.offDates?.length ? { offDates: latest.offDates } : {}),
    ...(latest?.onDates?.length ? { onDates: latest.onDates } : {}),
  };
}

/**
 * The hours as 统计 shows them for a period: the lists cut to the period's own dates (a hall
 * keeps years of them; the page names this period's).
 */
export function hoursOfPeriod(hours: WorkHours, from: string, to: string): WorkHours {
  const within = (dates: readonly string[] | undefined): string[] => (dates ?? []).filter((d) => d >= from && d <= to);
  const offDates = within(hours.offDates);
  const onDates = within(hours.onDates);
  const { offDates: _off, onDates: _on, ...rest } = hours;
  return { ...rest, ...(offDates.length ? { offDates } : {}), ...(onDates.length ? { onDates } : {}) };
}

/**
 * Each service day's calendar for a period's figures (undefined where 作息时间 were not set), one
 * calendar per distinct setting.
 */
export function workOfDays(current: WorkHours | undefined, changes: readonly WorkHoursChange[], timezone: string): (day: string) => WorkCalendar | undefined {
  const calendars = new Map<string, WorkCalendar>();
  const byDay = new Map<string, WorkCalendar | undefined>();
  return (day) => {
    if (byDay.has(day)) return byDay.get(day);
    const asOf = workHoursAsOf(current, changes, day, timezone);
    const hours = asOf && withDatesOf(asOf, current);
    let c: WorkCalendar | undefined;
    if (hours) {
      const key = JSON.stringify(hours);
      c = calendars.get(key);
      if (!c) calendars.set(key, (c = workCalendar(hours, timezone)));
    }
    byDay.set(day, c);
    return c;
  };
}
