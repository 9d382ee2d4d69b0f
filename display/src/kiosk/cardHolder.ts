/**
 * What a screen may know of a card once it is read, pure (test/display/cardHolder.test.ts): the
 * number checked with the server's own rules (shared/idcard.ts), the masked form, the holder's age
 * on the hall's service day and whether that age gives 老年人优先. The guide desk shows these
 * before issuing; the server decides again when the ticket is issued.
 */
import { ageOn, checkIdCard, isSenior, maskIdCard, type IdCardProblem } from '../../../shared/idcardCheck';

/** The hall's service day (YYYY-MM-DD) on this device's clock: a birth date after it is a misread. */
export const todayIn = (timezone: string, now: number = Date.now()): string => new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(now);

export interface CardHolder {
  /** The 18 characters to send as `idCard` (a final x made X). Kept in memory only, never shown. */
  number: string;
  /** 110***********1234: all a screen ever shows. */
  masked: string;
  age: number;
  /** At or over the hall's seniorPriorityAge (0: never). */
  senior: boolean;
}

export type CardRead = { ok: true; holder: CardHolder } | { ok: false; problem: IdCardProblem };

export function readCard(text: string, today: string, seniorPriorityAge: number): CardRead {
  const checked = checkIdCard(text, today);
  if (!checked.ok) return checked;
  const { number, birthDate } = checked.card;
  const age = ageOn(birthDate, today);
  return { ok: true, holder: { number, masked: maskIdCard(number), age, senior: isSenior(age, seniorPriorityAge) } };
}
