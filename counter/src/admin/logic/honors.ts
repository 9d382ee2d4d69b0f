/**
 * 光荣榜 in the console, pure: the rows a manager edits and what is wrong with them, last month
 * as the hall counts it, and who last month's figures put forward (a fair choice is a choice
 * staff can check: the figures are shown beside each name).
 */
import { HONORS_MAX, type Honor } from '../../../../shared/admin';
import type { RatingGroup } from './ratings';
import { quickRange } from './stats';

/** Longest title, as the server counts it (shared/admin.ts Honor). */
export const HONOR_TITLE_MAX = 12;
/** Put forward only with enough work and enough ratings to judge by. */
export const HONOR_MIN_SERVED = 20;
export const HONOR_MIN_RATINGS = 5;
export const HONOR_CANDIDATES = 5;

export interface HonorRow {
  clerkId: string;
  title: string;
}
export type HonorRowError = 'clerk' | 'inactive' | 'title' | 'titleLong' | 'twice';

/**
 * Each row's problem (or undefined), and whether the roll is too long. `active`: the ids that may
 * be honoured now; a row of someone deactivated since (kept in the settings, off the screens) is
 * named, since the server refuses the whole roll while it stays.
 */
export function honorProblems(rows: readonly HonorRow[], active?: ReadonlySet<string>): { rows: (HonorRowError | undefined)[]; tooMany: boolean } {
  const seen = new Set<string>();
  return {
    rows: rows.map((r) => {
      if (!r.clerkId) return 'clerk';
      if (active && !active.has(r.clerkId)) return 'inactive';
      const title = r.title.trim();
      if (!title) return 'title';
      if ([...title].length > HONOR_TITLE_MAX) return 'titleLong';
      if (seen.has(r.clerkId)) return 'twice';
      seen.add(r.clerkId);
      return undefined;
    }),
    tooMany: rows.length > HONORS_MAX,
  };
}

export const toHonors = (rows: readonly HonorRow[]): Honor[] => rows.map((r) => ({ clerkId: r.clerkId, title: r.title.trim() }));

/** The calendar month before the service day's (统计's 上月): its first and last day, and its number (1–12). */
export function lastMonth(serviceDay: string): { from: string; to: string; month: number } {
  const range = quickRange('lastMonth', serviceDay);
  return { ...range, month: Number(range.from.slice(5, 7)) };
}

/** The title a pick from last month's figures gets: 11月服务之星. */
export const monthTitle = (month: number): string => `${month}月服务之星`;

/**
 * Who last month's figures put forward, best first: those who served at least 20 and were rated
 * at least 5 times; the highest average score, then the fewest 差评, then the most served.
 */
export function honorCandidates(byClerk: readonly RatingGroup[]): RatingGroup[] {
  return byClerk
    .filter((g) => g.served >= HONOR_MIN_SERVED && g.count >= HONOR_MIN_RATINGS && g.average !== null)
    .sort((a, b) => b.average! - a.average! || a.complaints - b.complaints || b.served - a.served || a.key.localeCompare(b.key))
    .slice(0, HONOR_CANDIDATES);
}
