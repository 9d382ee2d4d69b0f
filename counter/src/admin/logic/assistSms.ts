/**
 * 求助短信 (pure): the duty phones and minutes as the 短信提醒 page's form holds them, checked
 * before sending with the rules of AssistSmsSettings (shared/admin.ts; a test checks they agree),
 * each problem said at its field. The server checks again.
 */
import type { AssistSmsSettings } from '../../../../shared/admin';
import { isMobile } from '../../../../shared/citizen';
import { ASSIST_SMS_MINUTES, ASSIST_SMS_PHONES_MAX } from '../../../../shared/notify';
import { int } from './validate';

export interface AssistSmsForm {
  /** One entry per row of the form; blank rows are left out when saved. */
  phones: string[];
  minutes: string;
}

export type AssistSmsErrorKey = 'assistSms.err.phone' | 'assistSms.err.duplicate' | 'form.intRange' | 'form.required';
export interface AssistSmsError {
  key: AssistSmsErrorKey;
  params?: Record<string, string | number>;
}
/** Keyed `minutes` or `phones.<row>`. */
export type AssistSmsErrors = Record<string, AssistSmsError>;

export const toAssistForm = (s: AssistSmsSettings): AssistSmsForm => ({ phones: s.dutyPhones.length ? [...s.dutyPhones] : [''], minutes: String(s.minutes) });

/** Digits only: a number typed as 139 1234 5678 or 139-1234-5678 is the same number. */
const digits = (v: string): string => v.replace(/[\s-]/g, '');

export function validateAssistSms(f: AssistSmsForm): AssistSmsErrors {
  const e: AssistSmsErrors = {};
  const seen = new Set<string>();
  f.phones.forEach((raw, i) => {
    const p = digits(raw);
    if (p === '') return;
    if (!isMobile(p)) e[`phones.${i}`] = { key: 'assistSms.err.phone' };
    else if (seen.has(p)) e[`phones.${i}`] = { key: 'assistSms.err.duplicate' };
    seen.add(p);
  });
  const [min, max] = ASSIST_SMS_MINUTES;
  const m = int(f.minutes, min, max);
  if ('error' in m) e.minutes = m.error.key === 'form.required' ? { key: 'form.required' } : { key: 'form.intRange', params: { min, max } };
  return e;
}

/** The body of PUT /api/sms/assist (call after validateAssistSms found nothing). */
export function assistSmsBody(f: AssistSmsForm): AssistSmsSettings {
  return { dutyPhones: f.phones.map(digits).filter((p) => p !== ''), minutes: Number(f.minutes.trim()) };
}

/** Another row may be added while fewer than the most are shown. */
export const canAddPhone = (f: AssistSmsForm): boolean => f.phones.length < ASSIST_SMS_PHONES_MAX;
