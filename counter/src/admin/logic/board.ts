/**
 * The manager's live hall board (pure): one row per window and per queue, with the figures
 * ticking from server timestamps, and the levels that colour them.
 */
import type { Window } from '../../../../shared/schemas';
import type { QueueBoardRow } from '../../../../shared/queueBoard';
import { secondsSince } from '../../shared/time';

// The queue rows and their levels are shared/queueBoard.ts's: the server's 排队预警 reads "over
// target" with the same rule.
export { queueBoard, waitLevel, type Level, type QueueBoardRow } from '../../../../shared/queueBoard';

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
