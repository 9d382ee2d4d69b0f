/**
 * What a period's queues are judged and named by. Managers are judged on waiting times, so a
 * target changed today must not rewrite last month's 达标率: each ticket is held against the
 * target it was issued under (TicketRec.targetWaitMinutes), and each queue row is named and
 * targeted as the queue was in the period, from the event log's queue changes, also for a queue
 * renamed or gone since.
 */
import type { PeriodQueueStats } from '../../shared/stats';
import { dayOf, type StatsTicket } from './stats-tally';
import type { QueueDef } from './types';

/** A change of a queue (the event log's QueueChanged): the queue as it was before and after, at `at`. */
export interface QueueChange {
  at: number;
  before: QueueDef;
  after: QueueDef;
}

/**
 * Each queue as it was at the end of service day `day`: as it was before its first change made
 * after that day, else as it is now; a queue the hall no longer has, as its last change left it.
 * `changes` in the order they were made.
 */
export function queuesAsOf(current: readonly QueueDef[], changes: readonly QueueChange[], day: string, timezone: string): Map<string, QueueDef> {
  const out = new Map(current.map((q) => [q.code, q]));
  const settled = new Set<string>();
  for (const c of changes) {
    const code = c.before.code;
    if (settled.has(code)) continue;
    if (dayOf(c.at, timezone) > day) {
      out.set(code, c.before);
      settled.add(code);
    } else if (!current.some((q) => q.code === code)) {
      out.set(code, c.after);
    }
  }
  return out;
}

/** The targets a queue's tickets of the period were judged by: the latest ticket's, and whether they differed. */
interface QueueTargets {
  latest: StatsTicket;
  latestMinutes: number;
  all: Set<number>;
}

type RowLabels = Pick<PeriodQueueStats, 'name' | 'nameEn' | 'targetWaitMinutes'> & { targetChanged: boolean };

const issuedAfter = (a: StatsTicket, b: StatsTicket): boolean => (a.issuedAt !== b.issuedAt ? a.issuedAt > b.issuedAt : a.order > b.order);

/**
 * Judges a period's tickets one by one (`targetOf`), remembering per queue the targets used, then
 * names and targets the queue rows (`rowOf`).
 */
export function judging(current: readonly QueueDef[]) {
  const currentMinutes = new Map(current.map((q) => [q.code, q.targetWaitMinutes]));
  const used = new Map<string, QueueTargets>();
  let untargeted = 0;
  return {
    /**
     * The ticket's target in seconds: its own, else (a ticket stored before targets were kept)
     * its queue's current one, counted in `untargeted`; none known: every wait counts as within.
     */
    targetOf(t: StatsTicket): number {
      let minutes = t.targetWaitMinutes;
      if (minutes === undefined) {
        untargeted++;
        minutes = currentMinutes.get(t.queue);
        if (minutes === undefined) return Number.POSITIVE_INFINITY;
      }
      const u = used.get(t.queue);
      if (!u) used.set(t.queue, { latest: t, latestMinutes: minutes, all: new Set([minutes]) });
      else {
        u.all.add(minutes);
        if (issuedAfter(t, u.latest)) {
          u.latest = t;
          u.latestMinutes = minutes;
        }
      }
      return minutes * 60;
    },

    /** Tickets judged by their queue's current target, having none of their own. */
    untargeted: () => untargeted,

    /**
     * A queue row's name and target: the queue as it was at the period's end (`asOf`); the
     * target that judged its latest ticket, marked when the period's tickets had different ones.
     * While the period runs (`live`) the queue's current target is the latest.
     */
    rowOf(code: string, asOf: ReadonlyMap<string, QueueDef>, live: boolean): RowLabels {
      const def = asOf.get(code);
      const u = used.get(code);
      const all = new Set(u?.all);
      let minutes = u?.latestMinutes;
      const now = currentMinutes.get(code);
      if (live && now !== undefined) {
        all.add(now);
        minutes = now;
      }
      minutes ??= def?.targetWaitMinutes;
      const row: RowLabels = { targetChanged: all.size > 1 };
      if (def) {
        row.name = def.name;
        row.nameEn = def.nameEn;
      }
      if (minutes !== undefined) row.targetWaitMinutes = minutes;
      return row;
    },
  };
}
