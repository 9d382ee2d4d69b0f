/**
 * 工作报告 (pure): the one-page report a manager prints for a day, week or month — the waiting
 * figures the hall is judged on (统计) beside the 好差评 of the same days, per queue and per
 * person, and every 差评 with what was done about it (整改). Built from the answers of
 * GET /api/stats/day|range and GET /api/ratings; the ratings of a period longer than that route
 * answers at once are asked in pieces and put together here.
 */
import { dayNumber } from '../../../../shared/citizen';
import { RATING_SPAN_DAYS_MAX, type RatingList, type RatingRecord, type ServedCounts } from '../../../../shared/ratings';
import type { DaySeriesStats, DayStats, RangeStats } from '../../../../shared/stats';
import { complaints, groupRatings, headline, isHandled, type RatingHeadline } from './ratings';
import { anyCalled, busyShare, type QueueWords } from './stats';

export type ReportKind = 'day' | 'week' | 'month' | 'range';

const dayOf = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);

/**
 * 日报 for one day; 周报 for Monday to Sunday (or to today, the week so far); 月报 for the 1st to
 * the month's last day (or to today); else a report of the days chosen.
 */
export function reportKind(from: string, to: string, today: string): ReportKind {
  if (from === to) return 'day';
  const a = dayNumber(from);
  const b = dayNumber(to);
  const monday = (new Date(a * 86_400_000).getUTCDay() + 6) % 7 === 0;
  if (monday && (b - a === 6 || (b - a < 6 && to === today))) return 'week';
  const lastOfMonth = dayOf(b + 1).slice(8) === '01';
  if (from.slice(8) === '01' && from.slice(0, 7) === to.slice(0, 7) && (lastOfMonth || to === today)) return 'month';
  return 'range';
}

/** The pieces of GET /api/ratings a period needs: consecutive spans of at most its limit. */
export function ratingSpans(from: string, to: string, maxDays = RATING_SPAN_DAYS_MAX): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  const end = dayNumber(to);
  for (let d = dayNumber(from); d <= end; d += maxDays) out.push({ from: dayOf(d), to: dayOf(Math.min(end, d + maxDays - 1)) });
  return out;
}

/** The answers for the pieces as one: the ratings one after another, the served counts added up. */
export function mergeRatings(lists: readonly Pick<RatingList, 'ratings' | 'served'>[]): { ratings: RatingRecord[]; served: ServedCounts } {
  const served: ServedCounts = { total: 0, byQueue: {}, byWindow: {}, byClerk: {} };
  const add = (into: Record<string, number>, from: Record<string, number>) => {
    for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
  };
  for (const l of lists) {
    served.total += l.served.total;
    add(served.byQueue, l.served.byQueue);
    add(served.byWindow, l.served.byWindow);
    add(served.byClerk, l.served.byClerk);
  }
  return { ratings: lists.flatMap((l) => l.ratings), served };
}

export interface ReportQueueRow {
  code: string;
  name: string;
  issued: number;
  served: number;
  noShow: number;
  avgWaitSeconds: number;
  p90WaitSeconds: number;
  targetMinutes: number | undefined;
  /** Share called within target; null when nobody of the queue was called. */
  sla: number | null;
  /** P90 over the target (the row a superior asks about). */
  over: boolean;
  rated: number;
  /** Share of ratings 4–5; null with none. */
  satisfied: number | null;
  complaints: number;
}

export interface ReportClerkRow {
  id: string;
  name: string;
  username: string;
  served: number;
  avgServiceSeconds: number;
  /** Serving time over the working span; null before a first call. */
  busy: number | null;
  rated: number;
  /** Mean score 1–5; null with no ratings. */
  average: number | null;
  satisfied: number | null;
  complaints: number;
  /** 延时服务 (seconds, services); absent when it was not counted (no 作息时间). */
  overtimeSeconds?: number;
  overtimeTickets?: number;
}

export interface ReportComplaint {
  number: string;
  queue: string;
  serviceDay: string;
  windowNo: number | undefined;
  clerk: string;
  score: number;
  reasons: string[];
  comment: string;
  /** What was done (整改), or undefined while still open. */
  followUp: string | undefined;
}

export interface Report {
  kind: ReportKind;
  from: string;
  to: string;
  days: number;
  live: boolean;
  figures: DayStats | RangeStats;
  /** A period of several days: each day that had tickets (周报/月报 read day by day); the others counted. */
  byDay: { days: DaySeriesStats[]; quiet: number } | undefined;
  ratings: RatingHeadline;
  queues: ReportQueueRow[];
  clerks: ReportClerkRow[];
  /** Oldest first, so the page reads as the period went. */
  complaints: ReportComplaint[];
  /** 延时服务 over the period and how many people it was; null when 作息时间 were not set (nothing counted). */
  overtime: { seconds: number; tickets: number; people: number } | null;
  /** 求助: how many, how many a manager answered, the median wait for an answer (seconds, null with none). */
  assist: { total: number; answered: number; medianAnswerSeconds: number | null } | undefined;
}

const satisfiedShare = (rs: readonly RatingRecord[]): number | null => (rs.length ? rs.filter((r) => r.score >= 4).length / rs.length : null);

/** The ratings by a key (a month's thousands in one pass: appended, not copied). */
function groupBy(ratings: readonly RatingRecord[], key: (r: RatingRecord) => string | undefined): Map<string, RatingRecord[]> {
  const out = new Map<string, RatingRecord[]>();
  for (const r of ratings) {
    const k = key(r);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * The report of the figures shown and the period's ratings. Queue rows in the figures' order,
 * without queues that had nothing that period; people by how many they served, most first.
 */
export function buildReport(
  figures: DayStats | RangeStats,
  rated: { ratings: readonly RatingRecord[]; served: ServedCounts },
  words: QueueWords & { clerk: (id: string) => string | undefined },
  today: string,
): Report {
  const from = 'serviceDay' in figures ? figures.serviceDay : figures.from;
  const to = 'serviceDay' in figures ? figures.serviceDay : figures.to;
  const byQueue = groupBy(rated.ratings, (r) => r.queue);
  const queues = figures.queues
    .filter((q) => q.issued > 0 || byQueue.has(q.code))
    .map((q): ReportQueueRow => {
      const rs = byQueue.get(q.code) ?? [];
      const target = q.targetWaitMinutes ?? words.target(q.code);
      return {
        code: q.code,
        name: words.name(q.code),
        issued: q.issued,
        served: q.served,
        noShow: q.noShow,
        avgWaitSeconds: q.avgWaitSeconds,
        p90WaitSeconds: q.p90WaitSeconds,
        targetMinutes: target,
        sla: anyCalled(q) ? q.slaAttainment : null,
        over: target !== undefined && anyCalled(q) && q.p90WaitSeconds > target * 60,
        rated: rs.length,
        satisfied: satisfiedShare(rs),
        complaints: rs.filter((r) => r.score <= 2).length,
      };
    });
  const groups = new Map(groupRatings(rated.ratings, rated.served, 'clerk').map((g) => [g.key, g]));
  const byClerk = groupBy(rated.ratings, (r) => r.clerkId);
  const clerks = [...figures.clerks]
    .sort((a, b) => b.served - a.served || a.username.localeCompare(b.username))
    .map((c): ReportClerkRow => {
      const g = groups.get(c.id);
      const row: ReportClerkRow = {
        id: c.id,
        name: c.name,
        username: c.username,
        served: c.served,
        avgServiceSeconds: c.avgServiceSeconds,
        busy: busyShare(c),
        rated: g?.count ?? 0,
        average: g?.average ?? null,
        satisfied: satisfiedShare(byClerk.get(c.id) ?? []),
        complaints: g?.complaints ?? 0,
      };
      if (figures.overtime) {
        row.overtimeSeconds = c.overtimeSeconds ?? 0;
        row.overtimeTickets = c.overtimeTickets ?? 0;
      }
      return row;
    });
  return {
    kind: reportKind(from, to, today),
    from,
    to,
    days: dayNumber(to) - dayNumber(from) + 1,
    live: figures.live,
    figures,
    byDay: 'days' in figures && figures.days.length > 1 ? { days: figures.days.filter((d) => d.issued > 0), quiet: figures.days.filter((d) => d.issued === 0).length } : undefined,
    ratings: headline(rated.ratings, rated.served),
    queues,
    clerks,
    complaints: complaints(rated.ratings)
      .reverse()
      .map((r) => ({
        number: r.number,
        queue: r.queue,
        serviceDay: r.serviceDay,
        windowNo: r.windowNo,
        clerk: (r.clerkId && words.clerk(r.clerkId)) || '',
        score: r.score,
        reasons: [...r.reasons],
        comment: r.comment ?? '',
        followUp: isHandled(r) ? (r.followUp?.note ?? '') : undefined,
      })),
    overtime: figures.overtime
      ? { seconds: figures.overtime.seconds, tickets: figures.overtime.tickets, people: figures.clerks.filter((c) => (c.overtimeSeconds ?? 0) > 0).length }
      : null,
    assist: figures.assist ? { total: figures.assist.total, answered: figures.assist.answered, medianAnswerSeconds: figures.assist.medianAnswerSeconds } : undefined,
  };
}
