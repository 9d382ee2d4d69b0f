/**
 * 排队预警's rule (pure): which queues are due a text to the duty managers now. A queue is over
 * when its longest-waiting ticket has waited past the queue's target (the board's level,
 * shared/queueBoard.ts); it is texted once that wait is `minutes` past the target — the head has
 * then stood over target that long, so the queue has been over at least that long — with at least
 * `minWaiting` people waiting, then at most once per `cooldownMinutes` while it stays over. Only
 * while SMS is on and within the hall's open hours (作息时间). Tables in test/citizen/queueAlertRules.test.ts.
 */
import { WORK_DAYS_DEFAULT } from '../../shared/admin';
import type { QueueBoardRow } from '../../shared/queueBoard';
import type { QueueAlertSettings } from '../../shared/queueAlert';
import { minutesOf } from '../domain/calendar';
import { isWorkingDay } from '../domain/overtime';
import type { WorkHours } from '../domain/types';

const MINUTE = 60_000;

/** Without 作息时间 set: alerts on Monday to Friday, 08:00–18:00 (a ticket left waiting after hours texts nobody at night). */
export const QUEUE_ALERT_FALLBACK_HOURS = { from: '08:00', to: '18:00' } as const;

/** A text about a queue is worth sending for this long after it is written (the wait has moved on since). */
export const QUEUE_ALERT_TTL_MS = 10 * MINUTE;

/**
 * Whether the hall is open at a local date and time of day (minutes since midnight): on a working
 * day of its 作息时间 (节假日 never, 调休上班 always) and inside one of its spans; without spans set,
 * Monday to Friday within QUEUE_ALERT_FALLBACK_HOURS.
 */
export function inOpenHours(hours: WorkHours | undefined, local: { date: string; minutes: number }): boolean {
  const set = hours !== undefined && hours.spans.length > 0;
  const spans = set ? hours.spans.map((s) => ({ from: s.start, to: s.end })) : [QUEUE_ALERT_FALLBACK_HOURS];
  const days = set ? hours : { spans: [], days: [...WORK_DAYS_DEFAULT] };
  if (!isWorkingDay(local.date, days)) return false;
  return spans.some((s) => local.minutes >= minutesOf(s.from) && local.minutes < minutesOf(s.to));
}

export interface QueueAlertInput {
  /** The board's rows now (shared/queueBoard.ts's queueBoard). */
  rows: readonly QueueBoardRow[];
  /** When each queue was last texted today (epoch ms); a queue not in it was not. */
  last: ReadonlyMap<string, number>;
  settings: QueueAlertSettings;
  /** `smsEnabled`: one switch for every text the hall sends. */
  smsOn: boolean;
  /** inOpenHours now. */
  open: boolean;
  now: number;
}

/** The rows due a text now, in the board's order. */
export function queueAlertsDue(input: QueueAlertInput): QueueBoardRow[] {
  const { settings: s } = input;
  if (!input.smsOn || !input.open || s.minutes <= 0) return [];
  return input.rows.filter((r) => {
    if (r.level !== 'over' || r.queue.waiting < Math.max(1, s.minWaiting)) return false;
    if (r.longestWait < (r.queue.targetWaitMinutes + s.minutes) * 60) return false;
    const last = input.last.get(r.queue.code);
    return last === undefined || input.now - last >= s.cooldownMinutes * MINUTE;
  });
}
