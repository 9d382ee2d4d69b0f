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
