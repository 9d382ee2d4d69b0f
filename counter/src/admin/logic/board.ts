/**
 * The manager's live hall board (pure): one row per window and per queue, with the figures
 * ticking from server timestamps, and the levels that colour them.
 */
import type { QueueSummary, Window } from '../../../../shared/schemas';
import { secondsSince } from '../../shared/time';

export type Level = 'ok' | 'near' | 'over';

/** Over target is red; from 80 % of the target it is amber; an empty queue is always ok. */
export function waitLevel(waitSeconds: number, targetMinutes: number, waiting: number): Level {
  if (waiting === 0 || targetMinutes <= 0) return 'ok';
  const target = targetMinutes * 60;
  if (waitSeconds > target) return 'over';
  return waitSeconds >= target * 0.8 ? 'near' : 'ok';
}

export interface QueueBoardRow {
  queue: QueueSummary;
  longestWait: number;
  level: Level;
  /** Windows that are open now and map this queue (primary / overflow). */
  primaryWindows: number[];
  overflowWindows: number[];
}

const staffed = (w: Window): boolean => w.state !== 'closed';

export function queueBoard(queues: readonly QueueSummary[], windows: readonly Window[], now: number): QueueBoardRow[] {
  return queues.map((queue) => {
    const longestWait = queue.waiting > 0 ? (queue.oldestArrivedAt ? secondsSince(queue.oldestArrivedAt, now) : queue.longestWaitSeconds) : 0;
    const serving = windows.filter(staffed);
    return {
      queue,
      longestWait,
      level: waitLevel(longestWait, queue.targetWaitMinutes, queue.waiting),
      primaryWindows: serving.filter((w) => w.mapping.some((m) => m.queue === queue.code && m.role === 'primary')).map((w) => w.no),
      overflowWindows: serving.filter((w) => w.mapping.some((m) => m.queue === queue.code && m.role === 'overflow')).map((w) => w.no),
    };
  });
}

/** Seconds the window's current ticket has been at it (from start, else from the call). */
export function windowServiceSeconds(window: Window, now: number): number {
  const t = window.current;
  if (!t) return 0;
  return secondsSince(t.startedAt ?? t.calledAt, now);
}

export interface HallTotals {
  waiting: number;
  openWindows: number;
  pausedWindows: number;
  overTargetQueues: number;
}

export function hallTotals(rows: readonly QueueBoardRow[], windows: readonly Window[]): HallTotals {
  return {
    waiting: rows.reduce((n, r) => n + r.queue.waiting, 0),
    openWindows: windows.filter((w) => w.state === 'open' || w.state === 'calling' || w.state === 'serving').length,
    pausedWindows: windows.filter((w) => w.state === 'paused').length,
    overTargetQueues: rows.filter((r) => r.level === 'over').length,
  };
}

/** Queues waiting with no open window mapping them: nobody will call them. */
export function uncoveredQueues(rows: readonly QueueBoardRow[]): QueueBoardRow[] {
  return rows.filter((r) => r.queue.waiting > 0 && r.primaryWindows.length === 0 && r.overflowWindows.length === 0);
}
