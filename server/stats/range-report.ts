/**
 * A range's figures (stats:range, 月报/季报) from what the database holds and what only the hall's
 * state knows. The one function both paths call: inline on the main connection's store, and in
 * the range worker (range-worker.ts) on its own read-only connection to the same file — so the
 * two answers cannot drift apart.
 */
import type { RangeStats } from '../../shared/stats';
import { rangeStats, type ClerkName, type QueueDef, type StatsTicket, type WorkHours } from '../domain';
import { assistStats } from '../domain/stats-assist';
import type { AssistRepo } from '../store/assist-repo';
import type { StatsRepo } from '../store/stats-repo';
import type { UserRepo } from '../store/user-repo';

/** What a range report reads from the database (the main store, or the worker's read-only repositories). */
export interface RangeReads {
  stats: Pick<StatsRepo, 'ticketsOf' | 'queueChanges' | 'workHoursChanges'>;
  users: Pick<UserRepo, 'list'>;
  assist: Pick<AssistRepo, 'ofDays'>;
}

/**
 * A range asked for, with what only the main thread has: the hall's state now. Plain data (Maps
 * and arrays), so it crosses to the worker by structured clone.
 */
export interface RangeAsk {
  hallId: string;
  from: string;
  to: string;
  /** The current service day: a range ending on it is `live`. */
  today: string;
  timezone: string;
  /** The hall's queues now, in display order. */
  queues: readonly QueueDef[];
  /** The hall's tickets in memory (today's and any still open); read only when the range ends today. */
  liveTickets: readonly StatsTicket[];
  /** Clerk id → the window they are signed in at now. */
  signedIn: ReadonlyMap<string, number>;
  /** 作息时间 now. */
  workHours: WorkHours | undefined;
  /** The answer's `at`, and where a live clerk's span ends. */
  now: number;
}

/** Everyone who ever had an account in the hall, deactivated ones too: old tickets name them. */
export function clerksOf(users: RangeReads['users'], hallId: string): Map<string, ClerkName> {
  return new Map(users.list(hallId).map((u) => [u.id, { id: u.id, username: u.username, name: u.name }]));
}

/** 求助 of the service days from `from` to `to`, as figures (read from the store: requests are not hall state). */
export function assistOf(reads: Pick<RangeReads, 'assist'>, hallId: string, from: string, to: string, clerks: ReadonlyMap<string, ClerkName>) {
  return assistStats(reads.assist.ofDays(hallId, from, to), clerks);
}

/**
 * The stored tickets of the range's past days, and today's from the hall's state when the range
 * ends today (the live day is in memory; the table may lag behind it).
 */
export function rangeReport(reads: RangeReads, ask: RangeAsk): RangeStats {
  const live = ask.to === ask.today;
  const stored = reads.stats.ticketsOf(ask.hallId, ask.from, ask.to);
  const tickets = live ? [...stored.filter((t) => t.serviceDay !== ask.today), ...ask.liveTickets] : stored;
  const clerks = clerksOf(reads.users, ask.hallId);
  return {
    ...rangeStats(
      {
        from: ask.from,
        to: ask.to,
        timezone: ask.timezone,
        live,
        // Each ticket is judged by the target it was issued under; a past range's queues are named as they were at its end.
        queues: ask.queues,
        ...(live ? {} : { queueChanges: reads.stats.queueChanges(ask.hallId) }),
        tickets,
        clerks,
        signedIn: live ? ask.signedIn : new Map(),
        workHours: ask.workHours,
        workHoursChanges: reads.stats.workHoursChanges(ask.hallId),
      },
      ask.now,
    ),
    assist: assistOf(reads, ask.hallId, ask.from, ask.to, clerks),
  };
}
