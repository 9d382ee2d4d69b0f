/**
 * 扫码取号需验证手机号 (防黄牛), pure: when a phone may be sent a code, whether a typed code lets a
 * number through, and whether the phone already holds as many numbers of a queue as the hall
 * allows. Times and counts in, a decision out; tested with tables in
 * test/citizen/phoneVerifyRules.test.ts. The store and the service only read and write.
 */
import type { TicketStatus } from '../../shared/schemas';

const MINUTE = 60_000;

/** A code is good for five minutes after it was sent. */
export const CODE_TTL_MS = 5 * MINUTE;
/** One code per phone per minute (the phone's 获取验证码 counts down the same). */
export const CODE_RESEND_MS = MINUTE;
/** At most this many codes per phone per rolling hour. */
export const CODES_PER_HOUR = 5;
export const HOUR_MS = 60 * MINUTE;
/** Wrong tries a code takes; the last one kills it (a new code must be asked for). */
export const CODE_MAX_ATTEMPTS = 5;

export type CodeRequestDecision = { ok: true } | { ok: false; why: 'too_soon' | 'hourly'; retryInMs: number };

/**
 * May a code be sent to a phone now? `sentAt`: when its earlier codes were sent (any order).
 * Refused within CODE_RESEND_MS of the last, or once CODES_PER_HOUR went out in the last hour
 * (then until the oldest of those is an hour old).
 */
export function codeRequest(sentAt: readonly number[], now: number): CodeRequestDecision {
  const recent = sentAt.filter((t) => t > now - HOUR_MS && t <= now).sort((a, b) => a - b);
  const last = recent[recent.length - 1];
  if (last !== undefined && now - last < CODE_RESEND_MS) return { ok: false, why: 'too_soon', retryInMs: last + CODE_RESEND_MS - now };
  if (recent.length >= CODES_PER_HOUR) return { ok: false, why: 'hourly', retryInMs: recent[recent.length - CODES_PER_HOUR]! + HOUR_MS - now };
  return { ok: true };
}

/** A phone's latest code as stored (the hash is compared by the caller: this rule sees the outcome). */
export interface CodeState {
  expiresAt: number;
  attempts: number;
  usedAt?: number | undefined;
}

/**
 * What a typed code does: `ok` lets the number through (the code is then used); `wrong` counts
 * a try; `dead` (used, expired, out of tries, or no code at all) counts nothing — ask again.
 * `matches`: the typed digits hash to the stored code.
 */
export type CodeCheck = 'ok' | 'wrong' | 'dead';

export function checkCode(code: CodeState | undefined, matches: boolean, now: number): CodeCheck {
  if (!code || code.usedAt !== undefined || now >= code.expiresAt || code.attempts >= CODE_MAX_ATTEMPTS) return 'dead';
  return matches ? 'ok' : 'wrong';
}

/** The statuses a phone's number still holds a place in: waiting, or called and not yet served. */
const HOLDING: ReadonlySet<TicketStatus> = new Set<TicketStatus>(['waiting', 'called']);

/**
 * Does the phone already hold `limit` numbers of the queue today? `statuses`: its phone tickets of
 * that queue and day (a ticket no longer in the hall's state counts as gone: undefined). 实名取号's
 * per-person limit (idDailyLimit) is the same rule over one card's tickets.
 */
export function limitReached(statuses: readonly (TicketStatus | undefined)[], limit: number): boolean {
  return statuses.filter((s) => s !== undefined && HOLDING.has(s)).length >= limit;
}

/** A limit refusal's words (`who`: this phone, this person); it ends with the numbers held, which kiosks read. */
export const limitMessage = (who: string, limit: number, queue: string, numbers: readonly string[]): string =>
  `${who} already holds ${limit} number(s) of queue ${queue} today (the most the hall allows): ${numbers.join(', ')}`;

/** The tickets among these that still hold a place (the ones a limit refusal names), in order. */
export function holding<T extends { status: TicketStatus }>(tickets: readonly (T | undefined)[]): T[] {
  return tickets.filter((t): t is T => t !== undefined && HOLDING.has(t.status));
}
