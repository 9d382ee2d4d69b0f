/**
 * The statistics page (pure): figures to words, levels that colour them, the hour chart's bars,
 * the CSV files of a day, and the throttle that keeps the live view from asking too often.
 */
import type { DayClerkStats, DayStats, DayTicket, HourStats } from '../../../../shared/stats';
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

// ---- CSV ------------------------------------------------------------------------------------

type Cell = string | number | undefined;

/** A spreadsheet might run a cell that starts like a formula: such text gets a leading apostrophe. */
function cell(v: Cell): string {
  if (v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark, so Excel in China opens the Chinese correctly; CRLF lines. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const minutes1 = (seconds: number | undefined): number | undefined => (seconds === undefined ? undefined : Math.round(seconds / 6) / 10);
const pct1 = (share: number | null): number | undefined => (share === null ? undefined : Math.round(share * 1000) / 10);

/** "2026-11-30 09:05:07" in the hall's time zone, whatever the manager's PC is set to. */
export function localDateTime(isoTime: string | undefined, timezone: string): string | undefined {
  if (isoTime === undefined) return undefined;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(isoTime));
  const p = (type: Intl.DateTimeFormatPartTypes): string => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')}`;
}

export interface QueueWords {
  /** Queue code → its name in the chosen language. */
  name: (code: string) => string;
  /** Queue code → target wait, minutes (today's). */
  target: (code: string) => number | undefined;
}

/** The day's per-queue and per-clerk tables, one after the other, as a manager's report. */
export function figuresCsv(day: DayStats, hallName: string, q: QueueWords, t: Translate): string {
  const min = (key: TextKey) => t('stats.csv.minutes', { label: t(key) });
  const share = (key: TextKey) => t('stats.csv.percent', { label: t(key) });
  const queueHead = [
    t('stats.col.queue'),
    t('stats.csv.queueName'),
    t('stats.col.issued'),
    t('stats.col.waiting'),
    t('stats.col.served'),
    t('stats.col.noShow'),
    t('stats.col.cancelled'),
    min('stats.col.avgWait'),
    min('stats.col.p90Wait'),
    t('stats.csv.targetMinutes'),
    share('stats.col.sla'),
    min('stats.col.avgService'),
  ];
  const figures = (f: DayStats['totals']): Cell[] => [
    f.issued,
    f.waiting,
    f.served,
    f.noShow,
    f.cancelled,
    minutes1(f.avgWaitSeconds),
    minutes1(f.p90WaitSeconds),
  ];
  // Left empty where they mean nothing: nobody called yet, nobody served.
  const shares = (f: DayStats['totals']): Cell[] => [
    anyCalled(f) ? pct1(f.slaAttainment) : undefined,
    f.served > 0 ? minutes1(f.avgServiceSeconds) : undefined,
  ];
  const rows: Cell[][] = [[t('stats.csv.title', { hall: hallName, day: day.serviceDay })], [], [t('stats.byQueue')], queueHead];
  for (const r of day.queues) {
    rows.push([r.code, q.name(r.code), ...figures(r), q.target(r.code), ...shares(r)]);
  }
  const total = day.totals;
  rows.push([t('stats.total'), '', ...figures(total), undefined, ...shares(total)]);
  rows.push([], [t('stats.byClerk')]);
  rows.push([t('stats.csv.username'), t('stats.csv.clerkName'), t('stats.col.window'), t('stats.col.served'), min('stats.col.avgService'), min('stats.col.busy'), share('stats.col.busyShare')]);
  for (const c of day.clerks) {
    rows.push([c.username, c.name, c.windowNo, c.served, minutes1(c.avgServiceSeconds), minutes1(c.busySeconds), pct1(busyShare(c))]);
  }
  return toCsv(rows);
}

/** The outcome of a ticket in words: its status, and why it closed when it did not end served. */
export function outcome(ticket: Pick<DayTicket, 'status' | 'closedReason'>, t: Translate): string {
  const status = t(`stats.status.${ticket.status}` as TextKey);
  return ticket.closedReason ? `${status}（${t(`stats.closed.${ticket.closedReason}` as TextKey)}）` : status;
}

/** One line per ticket of the day (no citizen names or phones: the tickets carry none). */
export function ticketsCsv(list: { timezone: string; tickets: readonly DayTicket[] }, q: QueueWords, t: Translate): string {
  const at = (iso: string | undefined) => localDateTime(iso, list.timezone);
  const rows: Cell[][] = [
    [
      t('stats.csv.number'),
      t('stats.col.queue'),
      t('stats.csv.queueName'),
      t('stats.csv.channel'),
      t('stats.csv.priority'),
      t('stats.csv.issuedAt'),
      t('stats.csv.calledAt'),
      t('stats.csv.startedAt'),
      t('stats.csv.finishedAt'),
      t('stats.csv.wait'),
      t('stats.csv.service'),
      t('stats.col.window'),
      t('stats.csv.username'),
      t('stats.csv.clerkName'),
      t('stats.csv.status'),
      t('stats.csv.recalls'),
      t('stats.csv.transferredFrom'),
    ],
  ];
  for (const x of list.tickets) {
    rows.push([
      x.number,
      x.queue,
      q.name(x.queue),
      t(`channel.${x.channel}` as TextKey),
      t(`priority.${x.priority}` as TextKey),
      at(x.issuedAt),
      at(x.calledAt),
      at(x.startedAt),
      at(x.finishedAt),
      minutes1(x.waitSeconds),
      minutes1(x.serviceSeconds),
      x.windowNo,
      x.clerkUsername,
      x.clerkName,
      outcome(x, t),
      x.recalls,
      x.transferredFrom,
    ]);
  }
  return toCsv(rows);
}

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
