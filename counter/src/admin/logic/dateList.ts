/**
 * A list of calendar dates edited on the console (pure): 预约's 休息日 and 作息时间's 节假日 and
 * 调休上班. The date a new entry starts from, a date added (sorted, each once, or why not), and a
 * date's weekday. Dates are YYYY-MM-DD in the hall's zone; the arithmetic is on the calendar only.
 */
import { addDays, DateStr, dayNumber } from '../../../../shared/citizen';

export const isDate = (d: string): boolean => DateStr.safeParse(d).success;

/** A new date: the day after the latest listed (holidays come in runs), or `today`. */
export function nextListedDate(dates: readonly string[], today: string): string {
  const latest = dates.filter(isDate).sort().pop();
  return latest ? addDays(latest, 1) : today;
}

/** The weekday of a date, 0 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (date: string): number => (((dayNumber(date) + 4) % 7) + 7) % 7;

export type AddRefusal = { key: 'dates.err.date' } | { key: 'dates.err.listed'; date: string } | { key: 'dates.err.max'; max: number };

/** `dates` with `date` added, in order; or why it is not added (not a date, listed already, the list full). */
export function addDate(dates: readonly string[], date: string, max: number): string[] | AddRefusal {
  if (!isDate(date)) return { key: 'dates.err.date' };
  if (dates.includes(date)) return { key: 'dates.err.listed', date };
  if (dates.length >= max) return { key: 'dates.err.max', max };
  return [...dates, date].sort();
}

/**
 * `dates` with every date of `more` that is not already in it nor in `elsewhere` (the other list:
 * a date is in one of them), sorted, up to `max`; and how many were added.
 */
export function mergeDates(dates: readonly string[], more: readonly string[], elsewhere: readonly string[], max: number): { dates: string[]; added: number } {
  const out = new Set(dates);
  let added = 0;
  for (const d of [...more].sort()) {
    if (out.size >= max) break;
    if (!isDate(d) || out.has(d) || elsewhere.includes(d)) continue;
    out.add(d);
    added++;
  }
  return { dates: [...out].sort(), added };
}
