/**
 * The figures of a group of tickets, gathered in one pass: a tally per group (the hall, a queue,
 * a day) takes each ticket once, and only the waits are kept (for the percentile). A quarter's
 * report is 70,000 tickets and more: filtering the list again for every figure of every group
 * cost most of its time, and the garbage of the copies the rest.
 */
import type { HallTotals } from '../../shared/stats';
import { serviceDayOf } from './time';
import type { TicketRec } from './types';

/**
 * What the figures read of a ticket: a TicketRec has it all; the stored tickets are read with
 * only these columns (server/store/stats-repo.ts).
 */
export type StatsTicket = Pick<
  TicketRec,
  | 'serviceDay'
  | 'queue'
  | 'status'
  | 'issuedAt'
  | 'arrivedAt'
  | 'order'
  | 'calledAt'
  | 'startedAt'
  | 'finishedAt'
  | 'windowNo'
  | 'servedBy'
  | 'targetWaitMinutes'
  | 'autoCalled'
>;

/** What a ticket list for a report reads of a ticket (stats.ts `dayTickets`): the figures' fields, its number and how it came and went. */
export type ReportTicket = StatsTicket & Pick<TicketRec, 'number' | 'channel' | 'priority' | 'recalls' | 'closedReason' | 'transferredFrom'>;

/** The nearest-rank percentile of ascending values (0 when there are none). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

/** Seconds from arrival to (first) call. */
export function waitOf(t: StatsTicket): number | undefined {
  return t.calledAt === undefined ? undefined : Math.max(0, (t.calledAt - t.arrivedAt) / 1000);
}

/**
 * serviceDayOf, remembered per quarter hour: a report asks it for every ticket, and Intl
 * formatting is the slow part. Zone offsets are whole quarter hours, so every instant of a
 * quarter hour has the same date.
 */
const QUARTER = 15 * 60_000;
const dayCache = new Map<string, Map<number, string>>();
export function dayOf(at: number, timezone: string): string {
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

/**
 * When the clerk finished. A service still open when the day ended was completed by the day's
 * end (not by the clerk): that instant is not a real finish, and would count hours of service.
 */
export function finishOf(t: StatsTicket, timezone: string): number | undefined {
  return t.finishedAt !== undefined && dayOf(t.finishedAt, timezone) === t.serviceDay ? t.finishedAt : undefined;
}

/** Seconds from start to finish of a ticket served to the end (none when the day's end closed it). */
export function serviceOf(t: StatsTicket, timezone: string): number | undefined {
  if (t.status !== 'done' || t.startedAt === undefined) return undefined;
  const end = finishOf(t, timezone);
  return end === undefined ? undefined : (end - t.startedAt) / 1000;
}

/** A group's counts so far; `waits` in seconds, in the order met. */
export interface Tally {
  issued: number;
  waiting: number;
  served: number;
  noShow: number;
  cancelled: number;
  waits: number[];
  within: number;
  /** Service lengths in milliseconds: whole numbers, so the sum does not depend on the order met. */
  serviceMs: number;
  services: number;
}

export const newTally = (): Tally => ({ issued: 0, waiting: 0, served: 0, noShow: 0, cancelled: 0, waits: [], within: 0, serviceMs: 0, services: 0 });

/** One ticket into a tally: its wait (seconds, none before a call), its service, and whether it was called within its target. */
export function count(tally: Tally, t: StatsTicket, wait: number | undefined, service: number | undefined, withinTarget: boolean): void {
  tally.issued++;
  if (t.status === 'waiting') tally.waiting++;
  else if (t.status === 'done') tally.served++;
  else if (t.status === 'no_show') tally.noShow++;
  else if (t.status === 'cancelled') tally.cancelled++;
  if (wait !== undefined) {
    tally.waits.push(wait);
    if (withinTarget) tally.within++;
  }
  if (service !== undefined) {
    tally.serviceMs += Math.round(service * 1000);
    tally.services++;
  }
}

/** A tally's figures: averages, the 90th percentile over every wait, the share within target (1 when nobody was called). */
export function totalsOf(tally: Tally): HallTotals {
  const waits = Float64Array.from(tally.waits).sort();
  let sum = 0;
  for (const w of waits) sum += w;
  return {
    issued: tally.issued,
    waiting: tally.waiting,
    served: tally.served,
    noShow: tally.noShow,
    cancelled: tally.cancelled,
    avgWaitSeconds: waits.length === 0 ? 0 : Math.round(sum / waits.length),
    p90WaitSeconds: Math.round(percentile(waits, 0.9)),
    slaAttainment: waits.length === 0 ? 1 : tally.within / waits.length,
    avgServiceSeconds: tally.services === 0 ? 0 : Math.round(tally.serviceMs / tally.services / 1000),
  };
}
