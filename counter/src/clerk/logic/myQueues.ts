/**
 * The queues one window serves, as the clerk sees them (pure): waiting count, longest wait
 * (ticking live from the oldest arrival) against the target, and a hint of where the next
 * call will come from. The hint follows the dispatch rules in the design (primary before
 * overflow unless an overflow head is past its target; then the longest wait relative to the
 * queue's target); the server decides, so the screen calls it an estimate.
 */
import type { MappingEntry, MappingRole, QueueSummary } from '../../../../shared/schemas';
import { secondsSince } from '../../shared/time';

export interface QueueRow {
  code: string;
  name: string;
  nameEn: string;
  role: MappingRole;
  waiting: number;
  /** Longest current wait, seconds, live. */
  longestWait: number;
  targetSeconds: number;
  overTarget: boolean;
  /** The clerk has no skill for it: the window will not call from it for this clerk. */
  unskilled: boolean;
}

export function queueRows(
  mapping: readonly MappingEntry[],
  queues: readonly QueueSummary[],
  now: number,
  skills?: ReadonlySet<string>,
): QueueRow[] {
  const byCode = new Map(queues.map((q) => [q.code, q]));
  const rows: QueueRow[] = [];
  for (const entry of mapping) {
    const q = byCode.get(entry.queue);
    if (!q) continue;
    const longestWait = q.waiting > 0 ? (q.oldestArrivedAt ? secondsSince(q.oldestArrivedAt, now) : q.longestWaitSeconds) : 0;
    const targetSeconds = q.targetWaitMinutes * 60;
    rows.push({
      code: q.code,
      name: q.name,
      nameEn: q.nameEn,
      role: entry.role,
      waiting: q.waiting,
      longestWait,
      targetSeconds,
      overTarget: q.waiting > 0 && targetSeconds > 0 && longestWait > targetSeconds,
      unskilled: skills ? !skills.has(q.code) : false,
    });
  }
  return rows;
}

/** The queue the next call most likely comes from, or null when nothing waits. */
export function likelyNext(rows: readonly QueueRow[]): QueueRow | null {
  const candidates = rows.filter((r) => r.waiting > 0 && !r.unskilled);
  if (candidates.length === 0) return null;
  const pulled = candidates.filter((r) => r.role === 'primary' || r.overTarget);
  const pool = pulled.length > 0 ? pulled : candidates;
  const urgency = (r: QueueRow): number => (r.targetSeconds > 0 ? r.longestWait / r.targetSeconds : r.longestWait);
  return pool.reduce((best, r) => (urgency(r) > urgency(best) ? r : best));
}

export const totalWaiting = (rows: readonly QueueRow[]): number => rows.reduce((n, r) => n + r.waiting, 0);
