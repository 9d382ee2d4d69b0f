/**
 * A service day's figures for the manager's statistics page (统计): today live from the hall's
 * state, a past day from the stored tickets. The queue and clerk rows are those of
 * `stats:today` (shared/admin.ts); beside them the hall's totals, an hour-by-hour view, and the
 * day's tickets for a report (no citizen names or phones: tickets carry none).
 */
import { z } from 'zod';
import { ClerkStats, QueueStats, TodayStats, WorkHours } from './admin';
import { AssistKind } from './assist';
import { DateStr } from './citizen';
import { Channel, ClosedReason, Priority, QueueCode, TicketStatus } from './schemas';

/** `GET /api/stats/day?date=YYYY-MM-DD` (`stats:day`); no date: today. */
export const DayQuery = z.object({ date: DateStr.optional() });

/** The whole hall: the queue figures over all tickets of the day (P90 over all waits, not an average of queues). */
export const HallTotals = QueueStats.omit({ code: true });

/** One hour of the day (hall's time zone): tickets taken in it, calls made in it and their average wait. */
export const HourStats = z.object({
  hour: z.number().int().min(0).max(23),
  issued: z.number().int(),
  called: z.number().int(),
  /** Average wait of the tickets first called in this hour; 0 when none was. */
  avgWaitSeconds: z.number().int(),
});

/**
 * A clerk's row plus the span of the day they worked: from their first call to their last
 * finish (to now while they are still at a window today). busySeconds / spanSeconds is the busy share;
 * today busySeconds also holds the service under way of a clerk at a window (served and the average do not).
 */
export const DayClerkStats = ClerkStats.extend({
  spanSeconds: z.number().int(),
  /**
   * Tickets they called (each ticket's last call counts once) and of those, the ones the clerk
   * panel's 自动叫号 called rather than a press. Always sent (optional only for figures made before).
   */
  calls: z.number().int().optional(),
  autoCalls: z.number().int().optional(),
  /**
   * 延时服务: seconds they served outside the hall's 作息时间 (lunch, after closing, days off; each
   * service from the call to the finish, overlaps once), and the services that had any. Sent when
   * the period had 作息时间 (see `overtime`); absent otherwise.
   */
  overtimeSeconds: z.number().int().optional(),
  overtimeTickets: z.number().int().optional(),
});

/**
 * The hall's 延时服务 over a period: its clerks' added up, and the 作息时间 it was counted by (the
 * period's latest day that had them; each day is read by the hours it had). Absent when no day of
 * the period had 作息时间: nothing was counted (say 未设置作息时间, not 0).
 */
export const OvertimeStats = z.object({
  workHours: WorkHours,
  seconds: z.number().int(),
  tickets: z.number().int(),
});

/** 求助 of one kind, one window or one clerk in a period. */
export const AssistCount = z.object({ count: z.number().int() });

/**
 * The period's calls for help (求助): how many, what for, where and who asked, and how quickly a
 * manager answered (我来处理, or settled at once). Managers only (stats:day, stats:range).
 */
export const AssistStats = z.object({
  total: z.number().int(),
  /** A manager answered (acknowledged, or resolved without that step). */
  answered: z.number().int(),
  /** 已解决, by a manager or by the clerk themselves. */
  resolved: z.number().int(),
  /** 撤销: withdrawn by the clerk before anyone answered. */
  withdrawn: z.number().int(),
  /** Still without an end now (open or taken): a past day's too, left open overnight. */
  open: z.number().int(),
  /** Of `open`, those nobody has answered yet. */
  unanswered: z.number().int(),
  /** From the ask to the answer, over the answered ones; null when none was. */
  medianAnswerSeconds: z.number().int().nullable(),
  longestAnswerSeconds: z.number().int().nullable(),
  /** Every kind, in the closed list's order, zeros too. */
  byKind: z.array(AssistCount.extend({ kind: AssistKind })),
  /** Windows that asked, by window number, each with its own median answer. */
  byWindow: z.array(AssistCount.extend({ windowNo: z.number().int(), medianAnswerSeconds: z.number().int().nullable() })),
  /** Clerks who asked, the most first. */
  byClerk: z.array(AssistCount.extend({ id: z.string(), username: z.string(), name: z.string() })),
});

/**
 * A queue's row of a day or a range: its figures, and the queue as it was then — the name at the
 * period's end (absent for a queue the hall no longer has and never changed: show the code), and
 * the target its latest ticket was judged by (each ticket is held against the target it was issued
 * under), marked `targetChanged` when the period's tickets had different targets.
 */
export const PeriodQueueStats = QueueStats.extend({
  name: z.string().optional(),
  nameEn: z.string().optional(),
  /** Minutes; absent only for a queue with nothing known about its target. */
  targetWaitMinutes: z.number().int().optional(),
  /** Always sent (optional only for figures made before it existed). */
  targetChanged: z.boolean().optional(),
});

export const DayStats = TodayStats.extend({
  /** The hall's IANA time zone: the hours and the ticket times are read in it. */
  timezone: z.string(),
  /** True for the current service day (figures still moving). */
  live: z.boolean(),
  totals: HallTotals,
  /** The hall's queues in its order, then any queue it no longer has that the day's tickets were in. */
  queues: z.array(PeriodQueueStats),
  /**
   * Tickets stored before tickets kept their target (and not given one on the upgrade): judged by
   * their queue's current target. 0 on any day since. Always sent (optional only for figures
   * made before it existed).
   */
  untargeted: z.number().int().optional(),
  /** Contiguous, from the first hour with a ticket or call to the last; empty on a day without tickets. */
  hours: z.array(HourStats),
  clerks: z.array(DayClerkStats),
  overtime: OvertimeStats.optional(),
  /** 求助 figures: sent by stats:day (managers), not by stats:today (open to every staff member). */
  assist: AssistStats.optional(),
});

/** One ticket of the day, as a report row. Times are ISO; durations in seconds. */
export const DayTicket = z.object({
  number: z.string(),
  queue: QueueCode,
  channel: Channel,
  priority: Priority,
  status: TicketStatus,
  closedReason: ClosedReason.optional(),
  issuedAt: z.string(),
  calledAt: z.string().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  /** From arrival (an appointment: its slot) to the call. */
  waitSeconds: z.number().int().optional(),
  /** From the start of service to its end (served tickets only). */
  serviceSeconds: z.number().int().optional(),
  windowNo: z.number().int().optional(),
  clerkUsername: z.string().optional(),
  clerkName: z.string().optional(),
  recalls: z.number().int(),
  /** The queue it waited in first, when a clerk transferred it. */
  transferredFrom: QueueCode.optional(),
  /** The target wait (minutes) it was judged by: its queue's when it joined it; absent on tickets stored before targets were kept. */
  targetWaitMinutes: z.number().int().optional(),
});

/** `GET /api/stats/tickets?date=YYYY-MM-DD` (`stats:tickets`), managers only: in issue order. */
export const DayTickets = z.object({
  serviceDay: DateStr,
  timezone: z.string(),
  tickets: z.array(DayTicket),
});

/** The longest range one report may cover: a quarter (92 days), enough for 季报 too. */
export const MAX_RANGE_DAYS = 92;

/** Days from `from` to `to`, both counted (calendar dates, no time zone involved). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The calendar dates from `from` to `to`, both included (YYYY-MM-DD; no time zone involved). */
export function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= end; d += 86_400_000) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

/**
 * `GET /api/stats/range?from=YYYY-MM-DD&to=YYYY-MM-DD` (`stats:range`), managers only: both
 * days counted, at most MAX_RANGE_DAYS. "Not in the future" needs the hall's today: the server
 * checks it.
 */
/** A calendar date that exists (the pattern lets 2026-11-31 through; the Date would roll it to December). */
const RealDate = DateStr.refine((d) => {
  const at = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === d;
}, 'no such date');

export const RangeQuery = z
  .object({ from: RealDate, to: RealDate })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => daysBetween(q.from, q.to) <= MAX_RANGE_DAYS, { message: `at most ${MAX_RANGE_DAYS} days`, path: ['to'] });

/** One service day of a range: its tickets' figures (the day's own P90, for the chart). */
export const DaySeriesStats = z.object({
  date: DateStr,
  issued: z.number().int(),
  served: z.number().int(),
  avgWaitSeconds: z.number().int(),
  p90WaitSeconds: z.number().int(),
  /** Share of that day's called tickets called within target (1 when none was called). */
  slaAttainment: z.number(),
});

/**
 * A range of service days: the figures of a day over all the tickets of the range (P90 over all
 * the range's waits, not an average of days), and a day-by-day series instead of the hours.
 * A clerk's spanSeconds is the sum of their daily spans (the nights are not work).
 */
export const RangeStats = z.object({
  from: DateStr,
  to: DateStr,
  at: z.string(),
  timezone: z.string(),
  /** True when the range ends today (its last day's figures still moving). */
  live: z.boolean(),
  totals: HallTotals,
  queues: z.array(PeriodQueueStats),
  /** As a day's: the range's tickets judged by their queue's current target, having none of their own. */
  untargeted: z.number().int().optional(),
  clerks: z.array(DayClerkStats),
  /** Every day from `from` to `to`, days without tickets as zeros. */
  days: z.array(DaySeriesStats),
  overtime: OvertimeStats.optional(),
  /** 求助 over the range's days (always sent by stats:range). */
  assist: AssistStats.optional(),
});

export type DayQuery = z.infer<typeof DayQuery>;
export type AssistStats = z.infer<typeof AssistStats>;
export type RangeQuery = z.infer<typeof RangeQuery>;
export type DaySeriesStats = z.infer<typeof DaySeriesStats>;
export type RangeStats = z.infer<typeof RangeStats>;
export type HallTotals = z.infer<typeof HallTotals>;
export type PeriodQueueStats = z.infer<typeof PeriodQueueStats>;
export type HourStats = z.infer<typeof HourStats>;
export type DayClerkStats = z.infer<typeof DayClerkStats>;
export type OvertimeStats = z.infer<typeof OvertimeStats>;
export type DayStats = z.infer<typeof DayStats>;
export type DayTicket = z.infer<typeof DayTicket>;
export type DayTickets = z.infer<typeof DayTickets>;
