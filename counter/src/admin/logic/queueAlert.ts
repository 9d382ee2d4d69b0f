/**
 * 排队预警 (pure): its settings as the 短信提醒 page's form holds them, checked before sending with
 * the ranges of QueueAlertSettings (shared/queueAlert.ts; a test checks they agree), each problem
 * said at its field; and the board's mark of a queue texted today. The server checks again.
 */
import { QUEUE_ALERT_COOLDOWN, QUEUE_ALERT_MIN_WAITING_MAX, QUEUE_ALERT_MINUTES, type QueueAlertMark, type QueueAlertSettings } from '../../../../shared/queueAlert';
import { int, type FieldError } from './validate';

export interface QueueAlertForm {
  minutes: string;
  cooldownMinutes: string;
  minWaiting: string;
}
export type QueueAlertField = keyof QueueAlertForm;
export type QueueAlertErrors = Partial<Record<QueueAlertField, FieldError>>;

export const toQueueAlertForm = (s: QueueAlertSettings): QueueAlertForm => ({
  minutes: String(s.minutes),
  cooldownMinutes: String(s.cooldownMinutes),
  minWaiting: String(s.minWaiting),
});

const RANGES: Record<QueueAlertField, readonly [number, number]> = {
  minutes: QUEUE_ALERT_MINUTES,
  cooldownMinutes: QUEUE_ALERT_COOLDOWN,
  minWaiting: [0, QUEUE_ALERT_MIN_WAITING_MAX],
};

export function validateQueueAlert(f: QueueAlertForm): QueueAlertErrors {
  const e: QueueAlertErrors = {};
  for (const key of Object.keys(RANGES) as QueueAlertField[]) {
    const [min, max] = RANGES[key];
    const r = int(f[key], min, max);
    if ('error' in r) e[key] = r.error;
  }
  return e;
}

/** The body of PUT /api/sms/queue (call after validateQueueAlert found nothing). */
export const queueAlertBody = (f: QueueAlertForm): QueueAlertSettings => ({
  minutes: Number(f.minutes.trim()),
  cooldownMinutes: Number(f.cooldownMinutes.trim()),
  minWaiting: Number(f.minWaiting.trim()),
});

/**
 * Why nothing would be texted as things are saved now, the first reason that holds (a text key),
 * or null: the setting off, SMS off, no platform, no duty phone. Unknown (still loading): null.
 */
export function queueAlertWarning(s: {
  settings: QueueAlertSettings | null;
  smsEnabled: boolean | null;
  gateway: boolean | null;
  dutyPhones: number | null;
}): 'queueAlert.off' | 'queueAlert.smsOff' | 'queueAlert.gatewayOff' | 'queueAlert.noPhones' | null {
  if (!s.settings) return null;
  if (s.settings.minutes === 0) return 'queueAlert.off';
  if (s.smsEnabled === false) return 'queueAlert.smsOff';
  if (s.gateway === false) return 'queueAlert.gatewayOff';
  return s.dutyPhones === 0 ? 'queueAlert.noPhones' : null;
}

/** Today's marks by queue code; marks of another service day (a board left open overnight) are none. */
export function marksByQueue(marks: { serviceDay: string; alerts: readonly QueueAlertMark[] } | null, today: string | undefined): Map<string, QueueAlertMark> {
  if (!marks || marks.serviceDay !== today) return new Map();
  return new Map(marks.alerts.map((a) => [a.queue, a]));
}
