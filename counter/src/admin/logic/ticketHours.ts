/**
 * The 取号时间 rows of the 大厅设置 page (pure): checked as the server's TicketHours schema checks
 * them (tests check they agree), so each problem is said next to its row before anything is sent.
 */
import type { TimeRange } from '../../../../shared/schemas';
import { normalTime, nextSession } from './citizenSettings';

export const TICKET_HOURS_MAX = 6;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export type HoursErrorKey = 'hours.err.required' | 'hours.err.time' | 'hours.err.order' | 'hours.err.overlap' | 'hours.err.count';
export interface HoursErrors {
  list?: { key: HoursErrorKey; params?: Record<string, number> };
  rows: Array<HoursErrorKey | undefined>;
}

/** Rows as typed, tidied ("8:30" → "08:30"). */
export const tidyHours = (rows: readonly TimeRange[]): TimeRange[] => rows.map((r) => ({ start: normalTime(r.start), end: normalTime(r.end) }));

export function validateHours(rows: readonly TimeRange[]): HoursErrors {
  const out: HoursErrors = {
    rows: rows.map((r, i) => {
      if (!r.start || !r.end) return 'hours.err.required';
      if (!TIME.test(r.start) || !TIME.test(r.end)) return 'hours.err.time';
      if (r.start >= r.end) return 'hours.err.order';
      const prev = rows[i - 1];
      if (prev && TIME.test(prev.end) && r.start < prev.end) return 'hours.err.overlap';
      return undefined;
    }),
  };
  if (rows.length > TICKET_HOURS_MAX) out.list = { key: 'hours.err.count', params: { max: TICKET_HOURS_MAX } };
  return out;
}

export const hoursValid = (e: HoursErrors): boolean => !e.list && e.rows.every((x) => x === undefined);

/** A new row after the last: from its end, an hour long; the usual morning span when there is none. */
export function nextHours(rows: readonly TimeRange[]): TimeRange {
  const last = rows[rows.length - 1];
  return last ? nextSession(last.end) : { start: '08:30', end: '12:00' };
}
