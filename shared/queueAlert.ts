/**
 * 排队预警 (queue alerts by text): a queue whose longest wait has run past its target for some
 * minutes is texted to the duty managers' phones (the 求助短信 list, 值班长手机) — the board flags
 * it, but only for whoever has the console open. The manager's settings and what the board shows
 * of the alerts sent today. docs/sms.md describes it.
 */
import { z } from 'zod';
import { QueueCode } from './schemas';

/** 超过目标多少分钟后发短信: 0 is off; otherwise 1 to 60 minutes past the queue's target wait. */
export const QUEUE_ALERT_MINUTES = [0, 60] as const;
/** A new hall's: off — each text is paid for, and the duty phones may be set for 求助 only. */
export const QUEUE_ALERT_MINUTES_DEFAULT = 0;
/** 同一队列再次提醒的间隔: at most one text per queue in this many minutes while it stays over. */
export const QUEUE_ALERT_COOLDOWN = [10, 240] as const;
export const QUEUE_ALERT_COOLDOWN_DEFAULT = 30;
/** 等候人数至少: 0 is any; a queue with fewer people waiting is not texted (one slow case is no crowd). */
export const QUEUE_ALERT_MIN_WAITING_MAX = 99;

const range = (lo: number, hi: number, what: string) =>
  z
    .number()
    .int()
    .min(lo, `${lo}–${hi} ${what}`)
    .max(hi, `${lo}–${hi} ${what}`);

/**
 * GET/PUT /api/sms/queue (managers). `minutes`: how long past the target the longest wait must be
 * (0: never texted); `cooldownMinutes`: the least time between two texts about one queue;
 * `minWaiting`: the fewest people waiting for a text (0: any).
 */
export const QueueAlertSettings = z.object({
  minutes: range(QUEUE_ALERT_MINUTES[0], QUEUE_ALERT_MINUTES[1], 'minutes (0: off)'),
  cooldownMinutes: range(QUEUE_ALERT_COOLDOWN[0], QUEUE_ALERT_COOLDOWN[1], 'minutes'),
  minWaiting: range(0, QUEUE_ALERT_MIN_WAITING_MAX, 'people (0: any)'),
});
export type QueueAlertSettings = z.infer<typeof QueueAlertSettings>;

export const QUEUE_ALERT_DEFAULTS: QueueAlertSettings = {
  minutes: QUEUE_ALERT_MINUTES_DEFAULT,
  cooldownMinutes: QUEUE_ALERT_COOLDOWN_DEFAULT,
  minWaiting: 0,
};

/** The last alert texted about a queue today, as the board shows it (已短信提醒 14:05). */
export const QueueAlertMark = z.object({
  queue: QueueCode,
  /** When it was written to the outbox (the hall's clock). */
  at: z.string(),
  /** How many alerts about this queue today. */
  count: z.number().int(),
  waiting: z.number().int(),
  /** The longest wait then, whole minutes. */
  longestMinutes: z.number().int(),
});
export type QueueAlertMark = z.infer<typeof QueueAlertMark>;

/** GET /api/sms/queue/alerts (managers): today's, one per queue texted. */
export const QueueAlertMarks = z.object({ serviceDay: z.string(), alerts: z.array(QueueAlertMark) });
export type QueueAlertMarks = z.infer<typeof QueueAlertMarks>;
