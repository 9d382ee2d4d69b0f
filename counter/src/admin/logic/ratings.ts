/**
 * The 评价 page's figures, pure: headline (how many, 满意率, average, rated share of what was
 * served, 整改率), per window / clerk / queue (worst first), and the 差评 a manager must follow up.
 */
import type { RatingRecord, ServedCounts } from '../../../../shared/ratings';
import type { FieldError } from './validate';

/** 不满意 and 非常不满意: a 差评, to be followed up (整改). */
export const isComplaint = (r: { score: number }): boolean => r.score <= 2;
/** 非常满意 and 满意 count as satisfied (the province platform's 满意率). */
const isSatisfied = (r: { score: number }): boolean => r.score >= 4;

export interface RatingHeadline {
  count: number;
  /** Share of scores 4–5, 0–1; null with no ratings. */
  satisfied: number | null;
  /** Mean score 1–5; null with no ratings. */
  average: number | null;
  /** Ratings per served ticket, 0–1; null when nothing was served. */
  rated: number | null;
  served: number;
  complaints: number;
  /** 差评 followed up (已整改), and their share of the 差评 (整改率, 0–1; null with none). */
  handled: number;
  followUpRate: number | null;
  /** How many of each score, index 0 = score 1 … index 4 = score 5. */
  byScore: [number, number, number, number, number];
  /** 评价渠道: how many at the window's 评价器, how many on phones (the ticket's QR code). */
  byChannel: { pad: number; phone: number };
}

export interface RatingGroup {
  /** Window number, clerk id or queue code. */
  key: string;
  count: number;
  average: number | null;
  complaints: number;
  /** Share of 差评 among its ratings; null with none. */
  complaintShare: number | null;
  served: number;
  rated: number | null;
}

export type GroupBy = 'window' | 'clerk' | 'queue';
export type GroupSort = 'worst' | 'count' | 'average' | 'rated';

const share = (n: number, of: number): number | null => (of === 0 ? null : n / of);

export function headline(ratings: readonly RatingRecord[], served: ServedCounts): RatingHeadline {
  const byScore: RatingHeadline['byScore'] = [0, 0, 0, 0, 0];
  const byChannel = { pad: 0, phone: 0 };
  let sum = 0;
  for (const r of ratings) {
    byScore[r.score - 1]! += 1;
    byChannel[r.channel] += 1;
    sum += r.score;
  }
  const count = ratings.length;
  const bad = ratings.filter(isComplaint);
  const handled = bad.filter(isHandled).length;
  return {
    count,
    satisfied: share(ratings.filter(isSatisfied).length, count),
    average: share(sum, count),
    rated: share(count, served.total),
    served: served.total,
    complaints: bad.length,
    handled,
    followUpRate: share(handled, bad.length),
    byScore,
    byChannel,
  };
}

function keyOf(r: RatingRecord, by: GroupBy): string | undefined {
  if (by === 'window') return r.windowNo === undefined ? undefined : String(r.windowNo);
  if (by === 'clerk') return r.clerkId;
  return r.queue;
}

const servedOf = (served: ServedCounts, by: GroupBy): Record<string, number> =>
  by === 'window' ? served.byWindow : by === 'clerk' ? served.byClerk : served.byQueue;

/**
 * One row per window (clerk, queue) that was rated or served: a window that served thirty
 * people and got no rating at all is worth seeing too.
 */
export function groupRatings(ratings: readonly RatingRecord[], served: ServedCounts, by: GroupBy): RatingGroup[] {
  const acc = new Map<string, { count: number; sum: number; complaints: number }>();
  const slot = (k: string) => {
    let a = acc.get(k);
    if (!a) acc.set(k, (a = { count: 0, sum: 0, complaints: 0 }));
    return a;
  };
  for (const r of ratings) {
    const k = keyOf(r, by);
    if (k === undefined) continue;
    const a = slot(k);
    a.count += 1;
    a.sum += r.score;
    if (isComplaint(r)) a.complaints += 1;
  }
  const servedBy = servedOf(served, by);
  for (const k of Object.keys(servedBy)) slot(k);
  return [...acc.entries()].map(([key, a]) => {
    const s = servedBy[key] ?? 0;
    return {
      key,
      count: a.count,
      average: share(a.sum, a.count),
      complaints: a.complaints,
      complaintShare: share(a.complaints, a.count),
      served: s,
      rated: share(a.count, s),
    };
  });
}

/** Nulls (nothing to judge) always last, whichever way. */
function byNullable(a: number | null, b: number | null, dir: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return (a - b) * dir;
}

const naturalKey = (a: RatingGroup, b: RatingGroup): number => a.key.localeCompare(b.key, 'zh-CN', { numeric: true });

/**
 * `worst`: highest 差评 share first, then lowest average, then more ratings (more weight),
 * then the key. The others: most ratings, lowest average, lowest rated share first.
 */
export function sortGroups(groups: readonly RatingGroup[], sort: GroupSort): RatingGroup[] {
  const cmp: Record<GroupSort, (a: RatingGroup, b: RatingGroup) => number> = {
    worst: (a, b) =>
      byNullable(a.complaintShare, b.complaintShare, -1) || byNullable(a.average, b.average, 1) || b.count - a.count || naturalKey(a, b),
    count: (a, b) => b.count - a.count || naturalKey(a, b),
    average: (a, b) => byNullable(a.average, b.average, 1) || naturalKey(a, b),
    rated: (a, b) => byNullable(a.rated, b.rated, 1) || naturalKey(a, b),
  };
  return [...groups].sort(cmp[sort]);
}

/** The 差评, newest first; `onlyOpen`: those still to be followed up (待整改). */
export function complaints(ratings: readonly RatingRecord[], onlyOpen = false): RatingRecord[] {
  return ratings
    .filter((r) => isComplaint(r) && !(onlyOpen && isHandled(r)))
    .sort((a, b) => (a.ratedAt < b.ratedAt ? 1 : a.ratedAt > b.ratedAt ? -1 : 0));
}

// ---- follow-up (整改) -----------------------------------------------------------------------

/** FOLLOW_UP_NOTE_MAX of shared/ratings.ts (a test checks they agree), not imported: that would bring zod into the console. */
export const NOTE_MAX = 500;

/** A 差评 a manager has recorded a follow-up for (已整改). */
export const isHandled = (r: RatingRecord): boolean => r.followUp?.status === 'handled';

/** The follow-up note as typed: what was done, required, at most 500 characters (the server trims too). */
export function validateFollowUpNote(note: string): FieldError | undefined {
  const v = note.trim();
  if (!v) return { key: 'form.required' };
  return v.length > NOTE_MAX ? { key: 'form.tooLong', params: { n: NOTE_MAX } } : undefined;
}

/** The ratings with one replaced by the server's answer (same ticket), so the row changes at once. */
export const withRating = (ratings: readonly RatingRecord[], changed: RatingRecord): RatingRecord[] =>
  ratings.map((r) => (r.ticketId === changed.ticketId ? changed : r));

// ---- the span asked -------------------------------------------------------------------------

export type SpanChoice = { kind: 'today' } | { kind: 'week' } | { kind: 'day'; day: string };

function addDays(day: string, n: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The days a choice covers, given the hall's service day (today); the week is today and the six before. */
export function spanOf(choice: SpanChoice, today: string): { from: string; to: string } {
  if (choice.kind === 'week') return { from: addDays(today, -6), to: today };
  if (choice.kind === 'day') return { from: choice.day, to: choice.day };
  return { from: today, to: today };
}

/** The query string of GET /api/ratings for a span. */
export const spanQuery = (s: { from: string; to: string }): string =>
  s.from === s.to ? `?date=${s.from}` : `?from=${s.from}&to=${s.to}`;
