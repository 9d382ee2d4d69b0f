/**
 * The one closed list of error codes a client can receive, REST or Socket.IO.
 * Adding a code is a contract change: document it in docs/protocol.md.
 */
export const ERROR_CODES = [
  'BAD_REQUEST', // malformed JSON, wrong types or values
  'PAYLOAD_TOO_LARGE',
  'UNAUTHORIZED', // no token, bad token, expired token, wrong password
  'FORBIDDEN', // authenticated but the role may not do this
  'RATE_LIMITED',
  'NOT_FOUND', // unknown route or socket event
  'UNKNOWN_QUEUE',
  'UNKNOWN_WINDOW',
  'UNKNOWN_TICKET',
  'UNKNOWN_USER',
  'WINDOW_HELD', // another clerk is signed in at that window
  'NOT_SIGNED_IN', // the clerk is not signed in at that window
  'WINDOW_PAUSED',
  'WINDOW_CLOSED',
  'NO_CURRENT_TICKET',
  'INVALID_STATE', // the ticket or window is not in a state that allows the command
  'NOT_SKILLED', // the clerk has no skill for that queue
  'NUMBERS_EXHAUSTED', // the queue's daily number range is used up
  'CONFLICT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Finer reasons beside some codes, for machines (other vendors' kiosks) that must tell cases
 * apart without reading the message. Closed like the codes; absent where the code says enough.
 */
export const ERROR_REASONS = [
  'unknown_code', // no appointment has this check-in code
  'already_checked_in',
  'cancelled',
  'missed',
  'not_today', // the appointment is for another day
  'too_early', // before the check-in window opens
  'slot_full',
  'phone_has_booking', // this phone already holds a booking for that queue and day
  'missed_limit', // this phone missed too many appointments lately (爽约): booking is blocked for a while
  'outside_hours', // not the hall's ticketing hours (取号时间)
  'queue_stopped', // the queue takes no more tickets today: the wait would run past closing (停止取号)
  'phone_code_invalid', // 扫码取号: the phone's texted code is wrong, expired, used up or was never sent
  'phone_daily_limit', // 扫码取号: this phone already holds as many numbers of the queue today as the hall allows
  'onsite_code_invalid', // 场内扫码取号: the phone brought no code of the hall's QR, or not a real one
  'onsite_code_expired', // 场内扫码取号: the QR's code is too old: scan the kiosk's screen again
  'id_card_invalid', // 实名取号: not a valid 居民身份证 number (length, area, birth date, check digit): read the card again
  'id_card_required', // 实名取号: this hall takes kiosk numbers only with an ID card
  'id_card_daily_limit', // 实名取号: this person already holds as many numbers of the queue today as the hall allows
  'not_deferrable', // 容缺受理: a missing material is not on the matter's 容缺受理清单 (or it has none)
  'deferral_not_own', // 容缺受理 撤销: a clerk may withdraw only a record they accepted themselves (a manager: any)
  'deferral_day_over', // 容缺受理 撤销: the record's service day is over: only a manager withdraws it now
  'question_personal_data', // 疑难问题: the text holds what looks like a citizen's ID card or mobile number: ask about the rule, not the person
  'question_not_own', // 疑难问题 撤回: only the clerk who asked withdraws a question
  'question_not_open', // 疑难问题: withdrawn, or (撤回) already answered
  'question_not_answered', // 疑难问题 收入常见问题: only an answered question is published
  'unknown_matter', // no matter of the catalogue has this id
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  reason?: ErrorReason;
}

/** The one reply shape: socket acknowledgements use it as is; REST sends `data` or `{error}`. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ApiError };
