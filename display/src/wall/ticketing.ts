/**
 * 取号时间 on the wall (pure): what citizens in the hall are told about taking a number now.
 * The kiosk refuses outside the hours anyway; the wall says it first, so nobody queues at a
 * kiosk that will not issue. Judged on server time in the hall's zone, like the wall clock.
 */
import type { TimeRange } from '../../../shared/schemas';
import { hoursLabel, isTicketTime, nextOpening } from '../../../shared/ticketHours';
import type { Words } from '../shared/i18n';

export type WallTicketing =
  /** Within a span: the hours, quietly. */
  | { kind: 'open'; hours: string }
  /** Before the day's first span: numbers from `at`. */
  | { kind: 'before'; hours: string; at: string }
  /** Between two spans: numbers again from `at`. */
  | { kind: 'paused'; hours: string; at: string }
  /** After the day's last span. */
  | { kind: 'ended'; hours: string };

/** Null when the hall issues numbers all day (no hours set): the wall says nothing. */
export function wallTicketing(spans: readonly TimeRange[], minutes: number): WallTicketing | null {
  const next = nextOpening(spans, minutes);
  if (next === null) return null;
  const sorted = [...spans].sort((a, b) => a.start.localeCompare(b.start));
  const hours = hoursLabel(sorted);
  if (isTicketTime(spans, minutes)) return { kind: 'open', hours };
  if (next.tomorrow) return { kind: 'ended', hours };
  return next.at === sorted[0]!.start ? { kind: 'before', hours, at: next.at } : { kind: 'paused', hours, at: next.at };
}

/** What the wall says while numbers are not issued ("暂停取号，13:30 恢复"); null while they are. */
export function wallTicketingStatus(w: Words, t: WallTicketing): string | null {
  switch (t.kind) {
    case 'open':
      return null;
    case 'before':
      return w.ticketingBefore(t.at);
    case 'paused':
      return w.ticketingPaused(t.at);
    case 'ended':
      return w.ticketingEnded;
  }
}
