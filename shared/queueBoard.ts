/**
 * The live board's queue rows (pure): each queue's longest wait, its level against the queue's
 * target, and the windows serving it. One copy for the manager console's board and the server's
 * 排队预警 (server/notify/queue-alerts.ts): both must agree on what "over target" means.
 */
import type { QueueSummary, Window } from './schemas';

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

/**
 * Seconds the queue's head has waited at `now` (ms): ticking from its arrival when the summary
 * carries it (a console's summary ages between pushes), else the summary's own figure.
 */
export function longestWaitOf(queue: QueueSummary, now: number): number {
  if (queue.waiting === 0) return 0;
  const at = queue.oldestArrivedAt ? Date.parse(queue.oldestArrivedAt) : Number.NaN;
  return Number.isFinite(at) ? Math.max(0, Math.floor((now - at) / 1000)) : queue.longestWaitSeconds;
}

export function queueBoard(queues: readonly QueueSummary[], windows: readonly Window[], now: number): QueueBoardRow[] {
  const serving = windows.filter(staffed);
  return queues.map((queue) => {
    const longestWait = longestWaitOf(queue, now);
    return {
      queue,
      longestWait,
      level: waitLevel(longestWait, queue.targetWaitMinutes, queue.waiting),
      primaryWindows: serving.filter((w) => w.mapping.some((m) => m.queue === queue.code && m.role === 'primary')).map((w) => w.no),
      overflowWindows: serving.filter((w) => w.mapping.some((m) => m.queue === queue.code && m.role === 'overflow')).map((w) => w.no),
    };
  });
}
