/**
 * The statistics page (pure): figures to words, levels that colour them, the chart's bars (hour
 * by hour, or day by day for a range), the quick ranges (本周 / 本月 / 上月), and the throttle
 * that keeps the live view from asking too often. The CSV files are in statsCsv.ts.
 */
import { daysBetween, MAX_RANGE_DAYS, type DayClerkStats, type DaySeriesStats, type DayStats, type HourStats, type RangeStats } from '../../../../shared/stats';
import type { Params } from '../../shared/i18n';
import type { TextKey } from '../text';

export type Translate = (key: TextKey, params?: Params) => string;

/** 0.953 → "95.3%"; null (nothing to share) → the dash. */
export function percent(share: number | null, t: Translate): string {
  return share === null ? t('stats.none') : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** A duration for people: "12 分 05 秒" / "1 小时 02 分". */
export function duration(seconds: number, t: Translate): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return t('stats.durationHours', { h: Math.floor(s / 3600), m: String(Math.floor((s % 3600) / 60)).padStart(2, '0') });
  return t('stats.duration', { m: Math.floor(s / 60), s: String(s % 60).padStart(2, '0') });
}

export interface DurationPart {
  n: string;
  unit: string;
}

/** A headline duration as number/unit pairs, so the numbers can be large and the units small. */
export function durationParts(seconds: number, t: Translate): DurationPart[] {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  if (s >= 3600) {
    return [
      { n: String(Math.floor(s / 3600)), unit: t('stats.unit.h') },
      { n: two(Math.floor((s % 3600) / 60)), unit: t('stats.unit.m') },
    ];
  }
  return [
    { n: String(Math.floor(s / 60)), unit: t('stats.unit.m') },
    { n: two(s % 60), unit: t('stats.unit.s') },
  ];
}

/** Share of the working span spent serving; null before the clerk's first call. */
export function busyShare(c: Pick<DayClerkStats, 'busySeconds' | 'spanSeconds'>): number | null {
  return c.spanSeconds > 0 ? Math.min(1, c.busySeconds / c.spanSeconds) : null;
}

/** The share of a clerk's calls that 自动叫号 made; null when they called nobody (or the figures predate it). */
export function autoShare(c: Pick<DayClerkStats, 'calls' | 'autoCalls'>): number | null {
  return c.calls ? (c.autoCalls ?? 0) / c.calls : null;
}

/**
 * Whether anyone of a group was called (so its share within target means something; the server
 * says 1 when nobody was). Tickets still waiting or cancelled before a call have no wait.
 */
export const anyCalled = (f: { issued: number; waiting: number; cancelled: number }): boolean => f.issued - f.waiting - f.cancelled > 0;

/** The share within target as words: the dash while nobody was called. */
export const slaText = (f: { issued: number; waiting: number; cancelled: number; slaAttainment: number }, t: Translate): string =>
  percent(anyCalled(f) ? f.slaAttainment : null, t);

export type Level = 'ok' | 'near' | 'over';

/** A P90 over the queue's target is red, from 80 % of it amber (a queue nobody was called from has 0: ok). */
export function p90Level(p90Seconds: number, targetMinutes: number | undefined): Level {
  if (!targetMinutes || p90Seconds <= 0) return 'ok';
  if (p90Seconds > targetMinutes * 60) return 'over';
  return p90Seconds >= targetMinutes * 60 * 0.8 ? 'near' : 'ok';
}

export interface HourBar {
  hour: number;
  label: string;
  issued: number;
  called: number;
  avgWaitSeconds: number;
  /** Bar heights, 0–100 (% of the day's busiest hour / longest hourly wait). */
  issuedPct: number;
  waitPct: number;
}

/** Bars scaled to the day's maximum, so the busiest hour fills its row. */
export function hourBars(hours: readonly HourStats[]): HourBar[] {
  const maxIssued = Math.max(1, ...hours.map((h) => h.issued));
  const maxWait = Math.max(1, ...hours.map((h) => h.avgWaitSeconds));
  return hours.map((h) => ({
    ...h,
    label: String(h.hour).padStart(2, '0'),
    issuedPct: Math.round((h.issued / maxIssued) * 100),
    waitPct: Math.round((h.avgWaitSeconds / maxWait) * 100),
  }));
}

/** A column of the chart, whatever it stands for (an hour, a day). */
export interface ChartBar {
  key: string;
  /** Under the column; empty when the columns are too many to label each. */
  label: string;
  issued: number;
  /** Whether the wait below means anything (someone was called in it). */
  anyWait: boolean;
  avgWaitSeconds: number;
  issuedPct: number;
  waitPct: number;
  /** The column's numbers in words (its tooltip and its accessible name). */
  title: string;
}

/** The hours as chart columns. */
export const hourColumns = (hours: readonly HourStats[], t: Translate): ChartBar[] =>
  hourBars(hours).map((b) => ({
    key: String(b.hour),
    label: b.label,
    issued: b.issued,
    anyWait: b.called > 0,
    avgWaitSeconds: b.avgWaitSeconds,
    issuedPct: b.issuedPct,
    waitPct: b.waitPct,
    title: t('stats.hourTitle', { hour: b.label, issued: b.issued, called: b.called, wait: duration(b.avgWaitSeconds, t) }),
  }));

/**
 * The days of a range as chart columns, scaled to the range's busiest day. A month labels every
 * other day or so, a quarter about every week: about 16 labels fit under the chart.
 */
export function dayColumns(days: readonly DaySeriesStats[], t: Translate): ChartBar[] {
  const maxIssued = Math.max(1, ...days.map((d) => d.issued));
  const maxWait = Math.max(1, ...days.map((d) => d.avgWaitSeconds));
  const every = Math.max(1, Math.ceil(days.length / 16));
  return days.map((d, i) => ({
    key: d.date,
    label: i % every === 0 ? `${Number(d.date.slice(5, 7))}/${Number(d.date.slice(8, 10))}` : '',
    issued: d.issued,
    anyWait: d.issued > 0 && d.avgWaitSeconds > 0,
    avgWaitSeconds: d.avgWaitSeconds,
    issuedPct: Math.round((d.issued / maxIssued) * 100),
    waitPct: Math.round((d.avgWaitSeconds / maxWait) * 100),
    title: t('stats.dayTitle', {
      day: d.date,
      issued: d.issued,
      served: d.served,
      wait: duration(d.avgWaitSeconds, t),
      p90: duration(d.p90WaitSeconds, t),
      sla: percent(d.issued > 0 ? d.slaAttainment : null, t),
    }),
  }));
}

// ---- ranges ---------------------------------------------------------------------------------

export interface DateRange {
  from: string;
  to: string;
}
export type QuickRange = 'week' | 'month' | 'lastMonth';

const dateOf = (d: Date): string => d.toISOString().slice(0, 10);
const utc = (day: string): Date => new Date(`${day}T00:00:00Z`);

/**
 * 本周: Monday to today (a Chinese week starts on Monday); 本月: the 1st to today; 上月: the
 * whole previous month. `today` is the hall's service day, so the manager's PC clock plays no part.
 */
export function quickRange(kind: QuickRange, today: string): DateRange {
  const d = utc(today);
  if (kind === 'week') {
    const sinceMonday = (d.getUTCDay() + 6) % 7;
    return { from: dateOf(new Date(d.getTime() - sinceMonday * 86_400_000)), to: today };
  }
  if (kind === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  // Day 0 of this month is the last day of the previous one (December when this is January).
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0));
  return { from: `${dateOf(last).slice(0, 8)}01`, to: dateOf(last) };
}

/** Why a range cannot be asked for (the server refuses the same), or null when it can. */
export function rangeProblem(r: DateRange, today: string): 'stats.range.incomplete' | 'stats.range.reversed' | 'stats.range.future' | 'stats.range.tooLong' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r.from) || !/^\d{4}-\d{2}-\d{2}$/.test(r.to)) return 'stats.range.incomplete';
  if (r.from > r.to) return 'stats.range.reversed';
  if (r.to > today) return 'stats.range.future';
  if (daysBetween(r.from, r.to) > MAX_RANGE_DAYS) return 'stats.range.tooLong';
  return null;
}

export interface QueueWords {
  /** Queue code → its name in the chosen language. */
  name: (code: string) => string;
  /** Queue code → target wait, minutes (today's). */
  target: (code: string) => number | undefined;
}

/** What the figures cover, in words: the day, or "from至to". */
export const periodText = (f: DayStats | RangeStats, t: Translate): string =>
  'serviceDay' in f ? f.serviceDay : t('stats.range.period', { from: f.from, to: f.to });

// ---- refresh --------------------------------------------------------------------------------

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Runs `fn` at once on the first poke, then at most once per `ms`: pokes in between are folded
 * into one run at the end of the interval, so the last change is always shown.
 */
export function throttle(fn: () => void, ms: number, timers: Timers) {
  let last = Number.NEGATIVE_INFINITY;
  let pending: unknown;
  const run = () => {
    pending = undefined;
    last = timers.now();
    fn();
  };
  return {
    poke(): void {
      if (pending !== undefined) return;
      const wait = last + ms - timers.now();
      if (wait <= 0) run();
      else pending = timers.setTimeout(run, wait);
    },
    cancel(): void {
      if (pending !== undefined) timers.clearTimeout(pending);
      pending = undefined;
    },
  };
}
