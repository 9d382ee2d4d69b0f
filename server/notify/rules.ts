/**
 * When an SMS is written and how its delivery is retried, pure: settings, counts and times in;
 * a decision out. Tested with tables in test/citizen/smsRules.test.ts.
 */
import { SMS_QUIET_FROM, type CitizenSettings } from '../../shared/citizen';
import type { SmsKind } from '../../shared/notify';

const MINUTE = 60_000;

/** A failed attempt is retried after 30 s, then 1, 2, 4 … minutes, at most 30 minutes apart. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 30 * MINUTE;
/** "快到您了" is worth sending for this long; after that the citizen has likely been called. */
export const NEAR_TURN_TTL_MS = 15 * MINUTE;

/** The wait before the attempt after attempt number `attempt` (1 = the first) failed. */
export function retryDelay(attempt: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1), RETRY_MAX_MS);
}

/**
 * After a failed attempt: try again, or give up (the gateway refused it for good, or this was
 * attempt `maxAttempts`).
 */
export function afterFailure(attempts: number, maxAttempts: number, retryable: boolean): 'retry' | 'give_up' {
  return retryable && attempts < maxAttempts ? 'retry' : 'give_up';
}

/** Is this kind of message written now? Only with SMS on and the kind ticked. */
export function kindOn(s: Pick<CitizenSettings, 'smsEnabled' | 'smsKinds'>, kind: SmsKind): boolean {
  return s.smsEnabled && s.smsKinds.includes(kind);
}

/**
 * Are the day-before reminders due at this local time of day (minutes since midnight)? From the
 * reminder hour until SMS_QUIET_FROM (22:00): no text wakes a citizen at night, even after the
 * server was down at the hour.
 */
export function remindersDue(localMinutes: number, reminderHour: number): boolean {
  return localMinutes >= reminderHour * 60 && localMinutes < SMS_QUIET_FROM * 60;
}

/** "轮到您了" is worth sending for this long: a call text minutes late is useless (a recall, a no-show). */
export const CALLED_TTL_MS = 5 * MINUTE;

/** Is 轮到您了 due? When the ticket goes from waiting to called — its first call, not a recall (it stays called). */
export function calledDue(prev: { status: string }, next: { status: string }): boolean {
  return prev.status === 'waiting' && next.status === 'called';
}

/** A 求助 text is worth sending for this long after it is written (unless answered first: then dropped). */
export const ASSIST_SMS_TTL_MS = 10 * MINUTE;
/**
 * A 求助 is texted only within this long after it became due: after the server was down, or the
 * setting switched on, a call for help long past is a matter for the console, not a sudden text.
 */
export const ASSIST_SMS_LATE_MS = 30 * MINUTE;

/**
 * Is a 求助 due its text to the duty phones now? Still open (nobody answered, settled or withdrew
 * it), raised on today's service day, `minutes` (> 0) or more ago but not more than
 * ASSIST_SMS_LATE_MS past that. Whether it was texted already is the outbox's to say.
 */
export function assistSmsDue(r: { status: string; serviceDay: string; raisedAt: number }, minutes: number, today: string, now: number): boolean {
  if (minutes <= 0 || r.status !== 'open' || r.serviceDay !== today) return false;
  const due = r.raisedAt + minutes * MINUTE;
  return now >= due && now < due + ASSIST_SMS_LATE_MS;
}

/** Whole minutes a 求助 has waited, for its text (at least the setting's, never "0 分钟"). */
export function waitedMinutes(raisedAt: number, now: number): number {
  return Math.max(1, Math.floor((now - raisedAt) / MINUTE));
}
