/**
 * Calendar arithmetic on the hall's days (YYYY-MM-DD), without zod, so the clerk panel can count
 * a 补齐期限 without carrying the schema library (shared/citizen.ts re-exports both).
 */
/** Whole days from 1970-01-01 to a DateStr (calendar arithmetic, no time zone involved). */
export const dayNumber = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
/** YYYY-MM-DD plus `days` calendar days (2026-12-29 + 5 → 2027-01-03). */
export const addDays = (day: string, days: number): string => new Date((dayNumber(day) + days) * 86_400_000).toISOString().slice(0, 10);
