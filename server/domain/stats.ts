/**
 * A service day's figures from its tickets: per queue (waits against target), per clerk, the
 * whole hall, and hour by hour; a range of days the same way, with a day-by-day series. Pure: today's come from the hall's state, a past day's from the
 * stored tickets, through the same function, so both read alike.
 */
import type { QueueStats } from '../../shared/admin';
import type { DayClerkStats, DaySeriesStats, DayStats, DayTicket, HallTotals, HourStats, RangeStats } from '../../shared/stats';
import { iso, serviceDayOf } from './time';
import type { Clerk, HallState, QueueDef, TicketRec } from './types';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Seconds from arrival to (first) call. */
function waitOf(t: TicketRec): number | undefined {
  return t.calledAt === undefined ? undefined : Math.max(0, (t.calledAt - t.arrivedAt) / 1000);
}

/**
 * When the clerk finished. A service still open when the day ended was completed by the day's
 * end (not by the clerk): that instant is not a real finish, and would count hours of service.
 */
function finishOf(t: TicketRec, timezone: string): number | undefined {
  return t.finishedAt !== undefined && dayOf(t.finishedAt, timezone) === t.serviceDay ? t.finishedAt : undefined;
}

/**
 * serviceDayOf, remembered per quarter hour: a range report asks it for every ticket several
 * times, and Intl formatting is the slow part. Zone offsets are whole quarter hours, so every
 * instant of a quarter hour has the same date.
 */
const QUARTER = 15 * 60_000;
const dayCache = new Map<string, Map<number, string>>();
function dayOf(at: number, timezone: string): string {
  let m = dayCache.get(timezone);
  if (!m) dayCache.set(timezone, (m = new Map()));
  const k = Math.floor(at / QUARTER);
  let d = m.get(k);
  if (d === undefined) {
    if (m.size > 50_000) m.clear(); // about a year and a half of quarter hours: bounded memory
    d = serviceDayOf(k * QUARTER, timezone);
    m.set(k, d);
  }
  return d;
}

/** Seconds from start to finish of a ticket served to the end (none when the day's end closed it). */
function serviceOf(t: TicketRec, timezone: string): number | undefined {
  const end = finishOf(t, timezone);
  return t.status === 'done' && t.startedAt !== undefined && end !== undefined ? (end - t.startedAt) / 1000 : undefined;
}

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

/**
 * The figures of one group of tickets. `target` (seconds) is what "within target" means for each
 * ticket: the hall's totals mix queues, so each wait is held against its own queue's target.
 */
function figures(ts: readonly TicketRec[], target: (t: TicketRec) => number, timezone: string): HallTotals {
  const called = ts.filter((t) => t.calledAt !== undefined);
  const waits = called.map((t) => waitOf(t)!).sort((a, b) => a - b);
  const services = ts.map((t) => serviceOf(t, timezone)).filter((s) => s !== undefined);
  return {
    issued: ts.length,
    waiting: ts.filter((t) => t.status === 'waiting').length,
    served: ts.filter((t) => t.status === 'done').length,
    noShow: ts.filter((t) => t.status === 'no_show').length,
    cancelled: ts.filter((t) => t.status === 'cancelled').length,
    avgWaitSeconds: Math.round(mean(waits)),
    p90WaitSeconds: Math.round(percentile(waits, 0.9)),
    slaAttainment: called.length === 0 ? 1 : called.filter((t) => waitOf(t)! <= target(t)).length / called.length,
    avgServiceSeconds: Math.round(mean(services)),
  };
}

/** Hour by hour, contiguous from the first hour anything happened to the last. */
export function hourBuckets(tickets: readonly TicketRec[], timezone: string): HourStats[] {
  const issued = new Map<number, number>();
  const waits = new Map<number, number[]>();
  for (const t of tickets) {
    const h = hourOf(t.issuedAt, timezone);
    issued.set(h, (issued.get(h) ?? 0) + 1);
    if (t.calledAt !== undefined) {
      const c = hourOf(t.calledAt, timezone);
      waits.set(c, [...(waits.get(c) ?? []), waitOf(t)!]);
    }
  }
  const hours = [...issued.keys(), ...waits.keys()];
  if (hours.length === 0) return [];
  const out: HourStats[] = [];
  for (let h = Math.min(...hours); h <= Math.max(...hours); h++) {
    const w = waits.get(h) ?? [];
    out.push({ hour: h, issued: issued.get(h) ?? 0, called: w.length, avgWaitSeconds: Math.round(mean(w)) });
  }
  return out;
}

export type ClerkName = Pick<Clerk, 'id' | 'username' | 'name'>;

export interface DayInput {
  serviceDay: string;
  timezone: string;
  /** The current service day: clerks at a window count their span up to now. */
  live: boolean;
  /** The hall's queues in display order (today's targets judge a past day too). */
  queues: readonly QueueDef[];
  tickets: Iterable<TicketRec>;
  /** Who a clerk id is; a clerk unknown here is left out of the clerk rows. */
  clerks: ReadonlyMap<string, ClerkName>;
  /** Clerk id → the window they are signed in at now (today only). */
  signedIn: ReadonlyMap<string, number>;
}

/** Each queue's figures, in the hall's display order; each wait held against its queue's target. */
function queueRows(queues: readonly QueueDef[], tickets: readonly TicketRec[], target: (t: TicketRec) => number, timezone: string): QueueStats[] {
  return [...queues]
    .sort((a, b) => a.sort - b.sort)
    .map((q) => ({ code: q.code, ...figures(tickets.filter((t) => t.queue === q.code), target, timezone) }));
}

function targetsOf(queues: readonly QueueDef[]): (t: TicketRec) => number {
  const targetOf = new Map(queues.map((q) => [q.code, q.targetWaitMinutes * 60]));
  return (t) => targetOf.get(t.queue) ?? Number.POSITIVE_INFINITY;
}

interface ClerkRowsInput {
  timezone: string;
  /** The service day still going on (today), if among the tickets: a clerk at a window counts its span up to now. */
  liveDay: string | undefined;
  clerks: ReadonlyMap<string, ClerkName>;
  signedIn: ReadonlyMap<string, number>;
}

/**
 * One row per clerk who called a ticket (or is at a window now). The span is counted day by
 * day, from the first call to the last finish of each day, and summed: nights are not work.
 */
function clerkRows(tickets: readonly TicketRec[], input: ClerkRowsInput, now: number): DayClerkStats[] {
  const byClerk = groupBy(
    tickets.filter((t) => t.servedBy !== undefined && t.calledAt !== undefined),
    (t) => t.servedBy!,
  );
  const ids = new Set([...byClerk.keys(), ...input.signedIn.keys()]);
  return [...ids]
    .map((id) => input.clerks.get(id))
    .filter((c) => c !== undefined)
    .sort((a, b) => a.username.localeCompare(b.username))
    .map((c) => {
      const mine = byClerk.get(c.id) ?? [];
      const services = mine.map((t) => serviceOf(t, input.timezone)).filter((s) => s !== undefined);
      const at = input.signedIn.get(c.id);
      // Where they work: the window they are at now, else the one they last served at.
      const last = [...mine].sort((a, b) => (b.finishedAt ?? b.calledAt!) - (a.finishedAt ?? a.calledAt!))[0];
      const windowNo = at ?? last?.windowNo;
      let span = 0;
      for (const [day, ofDay] of groupBy(mine, (t) => t.serviceDay)) {
        const first = Math.min(...ofDay.map((t) => t.calledAt!));
        const end = day === input.liveDay && at !== undefined ? now : Math.max(...ofDay.map((t) => finishOf(t, input.timezone) ?? t.startedAt ?? t.calledAt!));
        span += Math.max(0, Math.round((end - first) / 1000));
      }
      const s: DayClerkStats = {
        id: c.id,
        username: c.username,
        name: c.name,
        served: services.length,
        avgServiceSeconds: Math.round(mean(services)),
        busySeconds: Math.round(services.reduce((a, b) => a + b, 0)),
        spanSeconds: span,
      };
      if (windowNo !== undefined) s.windowNo = windowNo;
      return s;
    });
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

const inIssueOrder = (ts: Iterable<TicketRec>) => [...ts].sort((a, b) => a.issuedAt - b.issuedAt || a.order - b.order);

export function dayStats(input: DayInput, now: number): DayStats {
  const tickets = inIssueOrder(input.tickets);
  const target = targetsOf(input.queues);
  return {
    serviceDay: input.serviceDay,
    at: iso(now),
    timezone: input.timezone,
    live: input.live,
    totals: figures(tickets, target, input.timezone),
    queues: queueRows(input.queues, tickets, target, input.timezone),
    clerks: clerkRows(tickets, { ...input, liveDay: input.live ? input.serviceDay : undefined }, now),
    hours: hourBuckets(tickets, input.timezone),
  };
}

/** The calendar dates from `from` to `to`, both included (YYYY-MM-DD; no time zone involved). */
export function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= end; d += 86_400_000) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

export interface RangeInput extends Omit<DayInput, 'serviceDay'> {
  from: string;
  to: string;
  /** Every ticket of the range's service days (today's from the hall's state when `live`). */
  tickets: Iterable<TicketRec>;
}

/**
 * Several service days as one: the day's figures over all the range's tickets (so P90 is over
 * every wait of the range), and per day the headline figures, every date of the range listed.
 */
export function rangeStats(input: RangeInput, now: number): RangeStats {
  const tickets = inIssueOrder(input.tickets);
  const target = targetsOf(input.queues);
  const byDay = groupBy(tickets, (t) => t.serviceDay);
  const days: DaySeriesStats[] = datesOf(input.from, input.to).map((date) => {
    const f = figures(byDay.get(date) ?? [], target, input.timezone);
    return { date, issued: f.issued, served: f.served, avgWaitSeconds: f.avgWaitSeconds, p90WaitSeconds: f.p90WaitSeconds, slaAttainment: f.slaAttainment };
  });
  return {
    from: input.from,
    to: input.to,
    at: iso(now),
    timezone: input.timezone,
    live: input.live,
    totals: figures(tickets, target, input.timezone),
    queues: queueRows(input.queues, tickets, target, input.timezone),
    clerks: clerkRows(tickets, { ...input, liveDay: input.live ? input.to : undefined }, now),
    days,
  };
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
  };
}

/** Today's figures (`stats:today`: a TodayStats, with the day's extra figures beside it). */
export function todayStats(state: HallState, now: number): DayStats {
  return dayStats(todayInput(state), now);
}

/** The day's tickets as report rows: who served, when, how long; nothing about the citizen. */
export function dayTickets(tickets: Iterable<TicketRec>, clerks: ReadonlyMap<string, ClerkName>, timezone: string): DayTicket[] {
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
      return row;
    });
}
