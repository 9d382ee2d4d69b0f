/**
 * A service day's figures from its tickets: per queue (waits against target), per clerk, the
 * whole hall, and hour by hour; a range of days the same way, with a day-by-day series. Pure:
 * today's come from the hall's state, a past day's from the stored tickets, through the same
 * functions, so both read alike. Each ticket is met once (stats-tally.ts).
 */
import { datesOf, type DayClerkStats, type DaySeriesStats, type DayStats, type DayTicket, type HourStats, type OvertimeStats, type PeriodQueueStats, type RangeStats } from '../../shared/stats';
import { hoursOfPeriod, overtimeOf, workOfDays, type WorkCalendar, type WorkHoursChange, type Work } from './overtime';
import { judging, queuesAsOf, type QueueChange } from './stats-queues';
import { count, finishOf, newTally, serviceOf, totalsOf, waitOf, type ReportTicket, type StatsTicket, type Tally } from './stats-tally';
import { iso } from './time';
import type { Clerk, HallState, QueueDef, WorkHours } from './types';

export type { ReportTicket, StatsTicket } from './stats-tally';
export { queuesAsOf, type QueueChange } from './stats-queues';
export { overtimeOf, workCalendar, workHoursAsOf, workHoursSet, type Overtime, type Span, type Work, type WorkCalendar, type WorkHoursChange } from './overtime';

const hourFormats = new Map<string, Intl.DateTimeFormat>();
/** The hour of day (0–23) of an instant in a time zone. */
export function hourOf(at: number, timezone: string): number {
  let f = hourFormats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', hourCycle: 'h23' });
    hourFormats.set(timezone, f);
  }
  return Number(f.formatToParts(new Date(at)).find((p) => p.type === 'hour')?.value ?? 0) % 24;
}

/** Hour by hour, contiguous from the first hour anything happened to the last. */
export function hourBuckets(tickets: Iterable<StatsTicket>, timezone: string): HourStats[] {
  const issued = new Map<number, number>();
  const waits = new Map<number, { n: number; sum: number }>();
  for (const t of tickets) {
    const h = hourOf(t.issuedAt, timezone);
    issued.set(h, (issued.get(h) ?? 0) + 1);
    const wait = waitOf(t);
    if (wait !== undefined) {
      const c = hourOf(t.calledAt!, timezone);
      const w = waits.get(c) ?? { n: 0, sum: 0 };
      w.n++;
      w.sum += wait;
      waits.set(c, w);
    }
  }
  const hours = [...issued.keys(), ...waits.keys()];
  if (hours.length === 0) return [];
  const out: HourStats[] = [];
  for (let h = Math.min(...hours); h <= Math.max(...hours); h++) {
    const w = waits.get(h);
    out.push({ hour: h, issued: issued.get(h) ?? 0, called: w?.n ?? 0, avgWaitSeconds: w ? Math.round(w.sum / w.n) : 0 });
  }
  return out;
}

export type ClerkName = Pick<Clerk, 'id' | 'username' | 'name'>;

export interface DayInput {
  serviceDay: string;
  timezone: string;
  /** The current service day: clerks at a window count their span up to now. */
  live: boolean;
  /** The hall's queues now, in display order. */
  queues: readonly QueueDef[];
  /**
   * The changes of the hall's queues (the event log), in order: a past period's queue rows are
   * named as the queues were then. Not needed while the period runs (`live`).
   */
  queueChanges?: readonly QueueChange[];
  tickets: Iterable<StatsTicket>;
  /** Who a clerk id is; a clerk unknown here is left out of the clerk rows. */
  clerks: ReadonlyMap<string, ClerkName>;
  /** Clerk id → the window they are signed in at now (today only). */
  signedIn: ReadonlyMap<string, number>;
  /** 作息时间 now (延时服务); absent or without spans: not set. */
  workHours?: WorkHours;
  /** Their changes (the event log), in order: each day is read by the hours it had (overtime.ts workHoursAsOf). */
  workHoursChanges?: readonly WorkHoursChange[];
}

/** A clerk's day: from the first call to the last finish; their calls (call → finish, 未到 ones too) for 延时服务. */
interface ClerkDay {
  first: number;
  end: number;
  services: Work[];
  /** The call of the ticket they are serving now (to now on the live day). */
  servingFrom: number | undefined;
}

/** A clerk's tickets so far: their services, the ticket they last worked on, their days. */
interface ClerkTally {
  /** Tickets they called, and of those the ones 自动叫号 called. */
  calls: number;
  autoCalls: number;
  services: number;
  serviceMs: number;
  last: StatsTicket | undefined;
  days: Map<string, ClerkDay>;
  /** When the service they are in now began (the day's only ticket still `serving` with them). */
  servingSince: number | undefined;
}

/** Later work first; among equal instants the earlier issued ticket, as a stable sort in issue order would keep it. */
const workedLater = (a: StatsTicket, b: StatsTicket): boolean => {
  const ka = a.finishedAt ?? a.calledAt!;
  const kb = b.finishedAt ?? b.calledAt!;
  return ka !== kb ? ka > kb : a.issuedAt !== b.issuedAt ? a.issuedAt < b.issuedAt : a.order < b.order;
};

function countClerk(byClerk: Map<string, ClerkTally>, t: StatsTicket, service: number | undefined, timezone: string): void {
  if (t.servedBy === undefined || t.calledAt === undefined) return;
  let c = byClerk.get(t.servedBy);
  if (!c) byClerk.set(t.servedBy, (c = { calls: 0, autoCalls: 0, services: 0, serviceMs: 0, last: undefined, days: new Map(), servingSince: undefined }));
  c.calls++;
  if (t.status === 'serving' && t.startedAt !== undefined) c.servingSince = Math.max(c.servingSince ?? 0, t.startedAt);
  if (t.autoCalled) c.autoCalls++;
  if (service !== undefined) {
    c.services++;
    c.serviceMs += Math.round(service * 1000);
  }
  if (!c.last || workedLater(t, c.last)) c.last = t;
  const finish = finishOf(t, timezone);
  const end = finish ?? t.startedAt ?? t.calledAt;
  let d = c.days.get(t.serviceDay);
  if (!d) c.days.set(t.serviceDay, (d = { first: t.calledAt, end, services: [], servingFrom: undefined }));
  else {
    d.first = Math.min(d.first, t.calledAt);
    d.end = Math.max(d.end, end);
  }
  if (t.status === 'done' && finish !== undefined) d.services.push({ from: t.calledAt, to: finish });
  else if (t.status === 'no_show' && finish !== undefined) d.services.push({ from: t.calledAt, to: finish, noShow: true });
  else if (t.status === 'serving') d.servingFrom = Math.max(d.servingFrom ?? 0, t.calledAt);
}

interface ClerkRowsInput {
  /** The service day still going on (today), if among the tickets: a clerk at a window counts its span up to now. */
  liveDay: string | undefined;
  clerks: ReadonlyMap<string, ClerkName>;
  signedIn: ReadonlyMap<string, number>;
  /** Each day's 作息时间 (undefined: not set); absent when no day of the period had them: no 延时服务 figures. */
  work: ((day: string) => WorkCalendar | undefined) | undefined;
}

/**
 * One row per clerk who called a ticket (or is at a window now). The span is counted day by
 * day, from the first call to the last finish of each day, and summed: nights are not work.
 */
function clerkRows(byClerk: ReadonlyMap<string, ClerkTally>, input: ClerkRowsInput, now: number): DayClerkStats[] {
  const ids = new Set([...byClerk.keys(), ...input.signedIn.keys()]);
  return [...ids]
    .map((id) => input.clerks.get(id))
    .filter((c) => c !== undefined)
    .sort((a, b) => a.username.localeCompare(b.username))
    .map((c) => {
      const mine = byClerk.get(c.id);
      const at = input.signedIn.get(c.id);
      // Where they work: the window they are at now, else the one they last served at.
      const windowNo = at ?? mine?.last?.windowNo;
      let span = 0;
      for (const [day, d] of mine?.days ?? []) {
        const end = day === input.liveDay && at !== undefined ? now : d.end;
        span += Math.max(0, Math.round((end - d.first) / 1000));
      }
      const services = mine?.services ?? 0;
      const busyMs = mine?.serviceMs ?? 0;
      // The service under way is work already done: without it a clerk on a long case looks idle
      // until they finish it. It counts to the busy time only, not to the served or the average.
      const since = input.liveDay !== undefined && at !== undefined ? mine?.servingSince : undefined;
      const ongoingMs = since === undefined ? 0 : Math.max(0, now - since);
      const s: DayClerkStats = {
        id: c.id,
        username: c.username,
        name: c.name,
        served: services,
        avgServiceSeconds: services === 0 ? 0 : Math.round(busyMs / services / 1000),
        busySeconds: Math.round((busyMs + ongoingMs) / 1000),
        spanSeconds: span,
        calls: mine?.calls ?? 0,
        autoCalls: mine?.autoCalls ?? 0,
      };
      if (windowNo !== undefined) s.windowNo = windowNo;
      if (input.work) {
        let seconds = 0;
        let tickets = 0;
        for (const [day, d] of mine?.days ?? []) {
          const calendar = input.work(day);
          if (!calendar) continue;
          // The service under way counts to now, as the busy time does.
          const open = day === input.liveDay && at !== undefined && d.servingFrom !== undefined ? [{ from: d.servingFrom, to: now }] : [];
          const o = overtimeOf([...d.services, ...open], calendar);
          seconds += o.seconds;
          tickets += o.tickets;
        }
        s.overtimeSeconds = seconds;
        s.overtimeTickets = tickets;
      }
      return s;
    });
}

/**
 * Each day's 作息时间 for a period, or undefined when none of its days had them (then nothing is
 * counted, and the page says 未设置作息时间 rather than 0); with the latest of them, for the page to show.
 */
function periodWork(input: Pick<DayInput, 'workHours' | 'workHoursChanges' | 'timezone'>, days: readonly string[]) {
  const work = workOfDays(input.workHours, input.workHoursChanges ?? [], input.timezone);
  const latest = [...days].reverse().map(work).find((c) => c !== undefined);
  return latest ? { work, hours: hoursOfPeriod(latest.hours, days[0]!, days[days.length - 1]!) } : undefined;
}

/** The hall's 延时服务: its clerks' added up (two clerks at once are two people owed), with the hours it was counted by. */
function overtimeTotals(clerks: readonly DayClerkStats[], hours: WorkHours): OvertimeStats {
  let seconds = 0;
  let tickets = 0;
  for (const c of clerks) {
    seconds += c.overtimeSeconds ?? 0;
    tickets += c.overtimeTickets ?? 0;
  }
  return { workHours: structuredClone(hours), seconds, tickets };
}

/** Everything one pass over the tickets gathers: the hall's, each queue's, each day's and each clerk's tallies. */
interface Gathered {
  hall: Tally;
  queues: Map<string, Tally>;
  days: Map<string, Tally>;
  clerks: Map<string, ClerkTally>;
  judged: ReturnType<typeof judging>;
}

function gather(tickets: Iterable<StatsTicket>, queues: readonly QueueDef[], timezone: string): Gathered {
  const g: Gathered = { hall: newTally(), queues: new Map(), days: new Map(), clerks: new Map(), judged: judging(queues) };
  for (const t of tickets) {
    const wait = waitOf(t);
    const service = serviceOf(t, timezone);
    // Each wait is held against its own ticket's target (the hall's totals mix queues and days).
    // Asked of every ticket, called or not: its queue row shows the targets of all of them.
    const target = g.judged.targetOf(t);
    const within = wait !== undefined && wait <= target;
    count(g.hall, t, wait, service, within);
    let q = g.queues.get(t.queue);
    if (!q) g.queues.set(t.queue, (q = newTally()));
    count(q, t, wait, service, within);
    let d = g.days.get(t.serviceDay);
    if (!d) g.days.set(t.serviceDay, (d = newTally()));
    count(d, t, wait, service, within);
    countClerk(g.clerks, t, service, timezone);
  }
  return g;
}

/**
 * Each queue's figures, in the hall's display order, then any queue the hall no longer has that
 * the period's tickets were in; each named and targeted as it was in the period (`lastDay`).
 */
function queueRows(input: Pick<DayInput, 'queues' | 'queueChanges' | 'timezone' | 'live'>, lastDay: string, g: Gathered): PeriodQueueStats[] {
  const asOf = input.live || !input.queueChanges ? new Map(input.queues.map((q) => [q.code, q])) : queuesAsOf(input.queues, input.queueChanges, lastDay, input.timezone);
  const current = [...input.queues].sort((a, b) => a.sort - b.sort).map((q) => q.code);
  const gone = [...g.queues.keys()].filter((code) => !current.includes(code)).sort();
  return [...current, ...gone].map((code) => ({ code, ...totalsOf(g.queues.get(code) ?? newTally()), ...g.judged.rowOf(code, asOf, input.live) }));
}

export function dayStats(input: DayInput, now: number): DayStats {
  const tickets = [...input.tickets];
  const g = gather(tickets, input.queues, input.timezone);
  const worked = periodWork(input, [input.serviceDay]);
  const clerks = clerkRows(g.clerks, { ...input, liveDay: input.live ? input.serviceDay : undefined, work: worked?.work }, now);
  const out: DayStats = {
    serviceDay: input.serviceDay,
    at: iso(now),
    timezone: input.timezone,
    live: input.live,
    totals: totalsOf(g.hall),
    queues: queueRows(input, input.serviceDay, g),
    untargeted: g.judged.untargeted(),
    clerks,
    hours: hourBuckets(tickets, input.timezone),
  };
  if (worked) out.overtime = overtimeTotals(clerks, worked.hours);
  return out;
}

export { datesOf } from '../../shared/stats';

export interface RangeInput extends Omit<DayInput, 'serviceDay'> {
  from: string;
  to: string;
  /** Every ticket of the range's service days (today's from the hall's state when `live`). */
  tickets: Iterable<StatsTicket>;
}

/**
 * Several service days as one: the day's figures over all the range's tickets (so P90 is over
 * every wait of the range), and per day the headline figures, every date of the range listed.
 */
export function rangeStats(input: RangeInput, now: number): RangeStats {
  const g = gather(input.tickets, input.queues, input.timezone);
  const dates = datesOf(input.from, input.to);
  const worked = periodWork(input, dates);
  const clerks = clerkRows(g.clerks, { ...input, liveDay: input.live ? input.to : undefined, work: worked?.work }, now);
  const days: DaySeriesStats[] = dates.map((date) => {
    const f = totalsOf(g.days.get(date) ?? newTally());
    return { date, issued: f.issued, served: f.served, avgWaitSeconds: f.avgWaitSeconds, p90WaitSeconds: f.p90WaitSeconds, slaAttainment: f.slaAttainment };
  });
  const out: RangeStats = {
    from: input.from,
    to: input.to,
    at: iso(now),
    timezone: input.timezone,
    live: input.live,
    totals: totalsOf(g.hall),
    queues: queueRows(input, input.to, g),
    untargeted: g.judged.untargeted(),
    clerks,
    days,
  };
  if (worked) out.overtime = overtimeTotals(clerks, worked.hours);
  return out;
}

/** What dayStats needs from the hall's state (today). */
export function todayInput(state: HallState): DayInput {
  const signedIn = new Map<string, number>();
  for (const w of state.windows.values()) if (w.clerkId) signedIn.set(w.clerkId, w.no);
  return {
    serviceDay: state.serviceDay,
    timezone: state.timezone,
    live: true,
    queues: [...state.queues.values()],
    tickets: state.tickets.values(),
    clerks: state.clerks,
    signedIn,
    workHours: state.settings.workHours,
  };
}

/** Today's figures (`stats:today`: a TodayStats, with the day's extra figures beside it). */
export function todayStats(state: HallState, now: number): DayStats {
  return dayStats(todayInput(state), now);
}

/** The day's tickets as report rows: who served, when, how long; nothing about the citizen. */
export function dayTickets(tickets: Iterable<ReportTicket>, clerks: ReadonlyMap<string, ClerkName>, timezone: string): DayTicket[] {
  return [...tickets]
    .sort((a, b) => a.issuedAt - b.issuedAt || a.order - b.order)
    .map((t) => {
      const row: DayTicket = {
        number: t.number,
        queue: t.queue,
        channel: t.channel,
        priority: t.priority,
        status: t.status,
        issuedAt: iso(t.issuedAt),
        recalls: t.recalls,
      };
      if (t.closedReason) row.closedReason = t.closedReason;
      if (t.calledAt !== undefined) row.calledAt = iso(t.calledAt);
      if (t.startedAt !== undefined) row.startedAt = iso(t.startedAt);
      if (t.finishedAt !== undefined) row.finishedAt = iso(t.finishedAt);
      const wait = waitOf(t);
      if (wait !== undefined) row.waitSeconds = Math.round(wait);
      const service = serviceOf(t, timezone);
      if (service !== undefined) row.serviceSeconds = Math.round(service);
      if (t.windowNo !== undefined) row.windowNo = t.windowNo;
      const c = t.servedBy === undefined ? undefined : clerks.get(t.servedBy);
      if (c) {
        row.clerkUsername = c.username;
        row.clerkName = c.name;
      }
      if (t.transferredFrom) row.transferredFrom = t.transferredFrom;
      if (t.targetWaitMinutes !== undefined) row.targetWaitMinutes = t.targetWaitMinutes;
      return row;
    });
}
