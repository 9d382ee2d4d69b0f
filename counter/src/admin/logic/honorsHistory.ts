/**
 * 历届光荣榜 in the console, pure: the record by year (the year a stint began: a 12月服务之星 belongs
 * to the year it was given), filtered to one person, and as a CSV file for the year-end 评优.
 */
import type { HonorStint } from '../../../../shared/honors';
import type { TextKey } from '../text';
import { toCsv } from './statsCsv';

type Translate = (key: TextKey, params?: Record<string, string | number>) => string;

export interface HonorYear {
  year: string;
  stints: HonorStint[];
}

/** Everyone in the record, once, under the 工号 and name of their newest stint; by 工号. */
export function historyPeople(stints: readonly HonorStint[]): { clerkId: string; username: string; name: string }[] {
  const seen = new Map<string, { clerkId: string; username: string; name: string }>();
  // The record comes newest first: the first stint of a person is their newest.
  for (const s of stints) if (!seen.has(s.clerkId)) seen.set(s.clerkId, { clerkId: s.clerkId, username: s.username, name: s.name });
  return [...seen.values()].sort((a, b) => a.username.localeCompare(b.username) || a.name.localeCompare(b.name));
}

/** Only that person's stints ('' : everyone). */
export const historyOf = (stints: readonly HonorStint[], clerkId: string): HonorStint[] => (clerkId ? stints.filter((s) => s.clerkId === clerkId) : [...stints]);

/** The stints by the year they began, the newest year first, each in the record's order (newest first). */
export function historyByYear(stints: readonly HonorStint[]): HonorYear[] {
  const years = new Map<string, HonorStint[]>();
  for (const s of stints) {
    const y = s.from.slice(0, 4);
    const list = years.get(y) ?? [];
    list.push(s);
    years.set(y, list);
  }
  return [...years.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([year, list]) => ({ year, stints: list }));
}

/** 2026-10-31 至 2026-11-30, or 2026-10-31 至今 (still on the roll). */
export const stintSpan = (s: HonorStint, t: Translate): string => (s.to ? t('honorsHistory.span', { from: s.from, to: s.to }) : t('honorsHistory.since', { from: s.from }));

/** The record as a spreadsheet: one row a stint, as the table shows it (UTF-8 with a BOM for Excel). */
export function historyCsv(stints: readonly HonorStint[], t: Translate): string {
  const head = ['year', 'title', 'name', 'username', 'from', 'to'].map((k) => t(`honorsHistory.csv.${k}` as TextKey));
  return toCsv([head, ...stints.map((s) => [s.from.slice(0, 4), s.title, s.name, s.username, s.from, s.to ?? t('honorsHistory.now')])]);
}
