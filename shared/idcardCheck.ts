/**
 * 实名取号's pure checks (GB 11643-1999, 周岁 on a service day, the masked form, 老年人优先),
 * without zod: the kiosk checks a card before sending it, and the kiosk app (also 扫码取号 on
 * citizens' phones) loads no schema library. shared/idcard.ts re-exports all of it beside the
 * schemas; tested there with tables (test/citizen/idCardRules.test.ts).
 */

/**
 * The first two digits of the 6-digit area code: the provinces of GB/T 2260, plus 71/81/82/83
 * (台湾, 香港, 澳门 and the 港澳台居民居住证, which follow the same layout). Any other start is a
 * misread, not a card.
 */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** ISO 7064 MOD 11-2 weights of the first 17 characters (2^(17-i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** The check character for each remainder of the weighted sum mod 11. */
const CHECK = '10X98765432';

/** The check character the first 17 digits call for. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Why a number is not a valid card: said to the citizen as 号码有误 whatever it is; the reason is for logs and vendors. */
export type IdCardProblem = 'length' | 'characters' | 'area' | 'birth_date' | 'future_birth' | 'check_digit';

export interface IdCardInfo {
  /** The number as stored for hashing: 18 characters, a final `x` made `X`. */
  number: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  birthYear: number;
}

export type IdCardCheck = { ok: true; card: IdCardInfo } | { ok: false; problem: IdCardProblem };

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** A real calendar date from 1900 on (no one alive was born before; a misread often reads 0000). */
function realDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : DAYS[m - 1]!);
}

/**
 * Checks a number as read from a card or typed: 18 characters (spaces around are dropped, `x`
 * is taken as `X`), a known province, a real birth date not after `today` (YYYY-MM-DD, the
 * hall's service day) and the right check character.
 */
export function checkIdCard(text: string, today: string): IdCardCheck {
  const number = text.trim().toUpperCase();
  if (number.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(number)) return { ok: false, problem: 'characters' };
  if (!PROVINCES.has(number.slice(0, 2))) return { ok: false, problem: 'area' };
  const y = Number(number.slice(6, 10));
  const m = Number(number.slice(10, 12));
  const d = Number(number.slice(12, 14));
  if (!realDate(y, m, d)) return { ok: false, problem: 'birth_date' };
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, problem: 'future_birth' };
  if (idCardCheckChar(number) !== number[17]) return { ok: false, problem: 'check_digit' };
  return { ok: true, card: { number, birthDate, birthYear: y } };
}

/** Plain words for each problem (the server's 400 message; the kiosk says 号码有误 for all). */
export const ID_CARD_PROBLEM_TEXT: Record<IdCardProblem, string> = {
  length: 'an ID card number has 18 characters',
  characters: 'an ID card number is 17 digits and a digit or X',
  area: 'the number does not start with a known area code',
  birth_date: 'the birth date in the number is not a real date',
  future_birth: 'the birth date in the number is in the future',
  check_digit: 'the last character does not match the check digit',
};

/**
 * Full years from `birthDate` to `day` (both YYYY-MM-DD). One born on 29 February turns a year
 * older on 1 March in a year without one (the day after 28 February), as 周岁 are counted.
 */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * What the clerk sees of the number: the first 3 and the last 4 characters (110***********1234).
 * The clerk holds the card to compare, so a glance at both ends is enough to tell it is the same
 * card; the last 4 (the sequence, whose last digit gives the sex, and the check character) differ
 * between neighbours, the first 3 only name the province and city. The rest — the county and the
 * birth date — is hidden: the age shown beside it is what the clerk needs (老年人优先), and a
 * birth date with a name is what identity thieves look for. The same form is printed on the
 * receipt, which a citizen may leave behind.
 */
export function maskIdCard(number: string): string {
  return `${number.slice(0, 3)}${'*'.repeat(number.length - 7)}${number.slice(-4)}`;
}

/** 老年人优先: the setting (0 = off) and the holder's age → a priority ticket without asking. */
export function isSenior(age: number, seniorPriorityAge: number): boolean {
  return seniorPriorityAge > 0 && age >= seniorPriorityAge;
}
