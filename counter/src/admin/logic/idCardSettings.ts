/** 刷身份证取号 on 预约与评价, pure: the limit and the age as typed (null: not one the server takes). */
import { ID_DAILY_LIMIT, SENIOR_PRIORITY_AGE } from '../../../../shared/idcard';

/** A whole number within `range` (both ends in) as typed, or null. */
export function wholeIn(text: string, range: readonly [number, number]): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= range[0] && n <= range[1] ? n : null;
}

/** idDailyLimit: a whole 1–5. */
export const parseIdLimit = (text: string): number | null => wholeIn(text, ID_DAILY_LIMIT);

/** seniorPriorityAge: 0 (off) or a whole 60–80. */
export const parseSeniorAge = (text: string): number | null => (text.trim() === '0' ? 0 : wholeIn(text, SENIOR_PRIORITY_AGE));
