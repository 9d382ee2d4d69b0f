/**
 * 延时服务 in words (pure): the 统计 page's list of who served outside 作息时间 (most first, so
 * the person owed the most 调休 heads it), its durations ("1 小时 20 分"), and the
 * working time it was counted by ("周一至周五 09:00–12:00、13:00–17:00").
 */
import type { WorkHours } from '../../../../shared/admin';
import type { DayClerkStats } from '../../../../shared/stats';
import type { TextKey } from '../text';
import type { Translate } from './stats';

export interface OvertimeRow {
  id: string;
  username: string;
  name: string;
  seconds: number;
  tickets: number;
  /** The bar: share of the longest (0–100). */
  pct: number;
}

/** Clerks with any 延时服务, the most first (then more services, then by 工号); and how many had none. */
export function overtimeRows(clerks: readonly DayClerkStats[]): { rows: OvertimeRow[]; none: number } {
  const owed = clerks.filter((c) => (c.overtimeSeconds ?? 0) > 0 || (c.overtimeTickets ?? 0) > 0);
  const longest = Math.max(1, ...owed.map((c) => c.overtimeSeconds ?? 0));
  const rows = owed
    .map((c) => ({ id: c.id, username: c.username, name: c.name, seconds: c.overtimeSeconds ?? 0, tickets: c.overtimeTickets ?? 0 }))
    .sort((a, b) => b.seconds - a.seconds || b.tickets - a.tickets || a.username.localeCompare(b.username))
    .map((r) => ({ ...r, pct: Math.round((r.seconds / longest) * 100) }));
  return { rows, none: clerks.length - owed.length };
}

/** Hours and minutes, to the nearest minute ("1 小时 20 分", "3 小时", "45 分"); under a minute said so, not "0 分". */
export function overtimeDuration(seconds: number, t: Translate): string {
  if (seconds > 0 && seconds < 30) return t('overtime.underMinute');
  const m = Math.round(seconds / 60);
  if (m < 60) return t('overtime.m', { m });
  return m % 60 === 0 ? t('overtime.h', { h: m / 60 }) : t('overtime.hm', { h: Math.floor(m / 60), m: m % 60 });
}

const dayKey = (d: number): TextKey => `citizen.day.${d}` as TextKey;
/** Monday first (a Chinese week). */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** The working days in words: runs of days as 周一至周五, single ones as 周六; every day as 每天. */
export function workDaysText(days: readonly number[], t: Translate): string {
  if (days.length === 7) return t('overtime.everyDay');
  const runs: number[][] = [];
  for (const d of WEEK) {
    if (!days.includes(d)) continue;
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev !== undefined && WEEK.indexOf(prev) === WEEK.indexOf(d) - 1) run.push(d);
    else runs.push([d]);
  }
  return runs
    .map((r) => (r.length >= 3 ? t('overtime.dayRange', { from: t(dayKey(r[0]!)), to: t(dayKey(r[r.length - 1]!)) }) : r.map((d) => t('overtime.dayOne', { d: t(dayKey(d)) })).join(t('overtime.daySep'))))
    .join(t('overtime.daySep'));
}

/** The working time in words: its days, then its spans, then how many 节假日 and 调休上班 days (统计 sends the period's own). */
export function workHoursText(w: WorkHours, t: Translate): string {
  const dates = [
    ...(w.offDates?.length ? [t('overtime.offDays', { n: w.offDates.length })] : []),
    ...(w.onDates?.length ? [t('overtime.onDays', { n: w.onDates.length })] : []),
  ];
  const text = `${workDaysText(w.days, t)} ${w.spans.map((r) => `${r.start}–${r.end}`).join(t('overtime.daySep'))}`;
  return dates.length ? `${text}${t('overtime.datesSep')}${dates.join(t('overtime.daySep'))}` : text;
}
