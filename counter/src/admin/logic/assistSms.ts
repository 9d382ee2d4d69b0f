/**
 * 求助短信 (pure): the duty phones and minutes, and the second tier's (分管领导) phones and minutes,
 * as the 短信提醒 page's form holds them, checked before sending with the rules of
 * AssistSmsSettings (shared/admin.ts; a test checks they agree), each problem said at its field.
 * The server checks again.
 */
import type { AssistSmsSettings } from '../../../../shared/admin';
import { isMobile } from '../../../../shared/citizen';
import { ASSIST_SMS_MINUTES, ASSIST_SMS_PHONES_MAX } from '../../../../shared/notify';
import { int } from './validate';

export interface AssistSmsForm {
  /** One entry per row of the form; blank rows are left out when saved. */
  phones: string[];
  minutes: string;
  /** The second tier: texted when still unanswered `leaderMinutes` after the ask (0: never). */
  leaderPhones: string[];
  leaderMinutes: string;
}

/** The two phone lists of the form. */
export type PhoneListKey = 'phones' | 'leaderPhones';

export type AssistSmsErrorKey = 'assistSms.err.phone' | 'assistSms.err.duplicate' | 'assistSms.err.leaderLater' | 'form.intRange' | 'form.required';
export interface AssistSmsError {
  key: AssistSmsErrorKey;
  params?: Record<string, string | number>;
}
/** Keyed `minutes`, `leaderMinutes`, `phones.<row>` or `leaderPhones.<row>`. */
export type AssistSmsErrors = Record<string, AssistSmsError>;

const rows = (phones: readonly string[]): string[] => (phones.length ? [...phones] : ['']);

export const toAssistForm = (s: AssistSmsSettings): AssistSmsForm => ({
  phones: rows(s.dutyPhones),
  minutes: String(s.minutes),
  leaderPhones: rows(s.leaderPhones),
  leaderMinutes: String(s.leaderMinutes),
});

/** Digits only: a number typed as 139 1234 5678 or 139-1234-5678 is the same number. */
const digits = (v: string): string => v.replace(/[\s-]/g, '');

function checkPhones(list: readonly string[], key: PhoneListKey, e: AssistSmsErrors): void {
  const seen = new Set<string>();
  list.forEach((raw, i) => {
    const p = digits(raw);
    if (p === '') return;
    if (!isMobile(p)) e[`${key}.${i}`] = { key: 'assistSms.err.phone' };
    else if (seen.has(p)) e[`${key}.${i}`] = { key: 'assistSms.err.duplicate' };
    seen.add(p);
  });
}

function checkMinutes(raw: string, key: 'minutes' | 'leaderMinutes', e: AssistSmsErrors): number | null {
  const [min, max] = ASSIST_SMS_MINUTES;
  const m = int(raw, min, max);
  if (!('error' in m)) return m.value;
  e[key] = m.error.key === 'form.required' ? { key: 'form.required' } : { key: 'form.intRange', params: { min, max } };
  return null;
}

export function validateAssistSms(f: AssistSmsForm): AssistSmsErrors {
  const e: AssistSmsErrors = {};
  checkPhones(f.phones, 'phones', e);
  checkPhones(f.leaderPhones, 'leaderPhones', e);
  const first = checkMinutes(f.minutes, 'minutes', e);
  const second = checkMinutes(f.leaderMinutes, 'leaderMinutes', e);
  // The leaders hear of it only when the duty managers have had their chance.
  if (first !== null && second !== null && first > 0 && second > 0 && second <= first) e.leaderMinutes = { key: 'assistSms.err.leaderLater', params: { n: first } };
  return e;
}

/** The body of PUT /api/sms/assist (call after validateAssistSms found nothing). */
export function assistSmsBody(f: AssistSmsForm): AssistSmsSettings {
  const list = (l: readonly string[]) => l.map(digits).filter((p) => p !== '');
  return { dutyPhones: list(f.phones), minutes: Number(f.minutes.trim()), leaderPhones: list(f.leaderPhones), leaderMinutes: Number(f.leaderMinutes.trim()) };
}

/** Another row may be added while fewer than the most are shown. */
export const canAddPhone = (phones: readonly string[]): boolean => phones.length < ASSIST_SMS_PHONES_MAX;
