/**
 * 取号时间 on the kiosk (pure): is it ticket time in the hall now, and when does it open next.
 * The server decides (it refuses a kiosk ticket outside the hours); the kiosk says so first, on
 * server time in the hall's zone, so nobody walks through four screens to be told no.
 */
import type { TimeRange } from '../../../shared/schemas';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight in `timeZone` (the box's own zone when the name is unknown). */
export function localMinutes(atMs: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      f = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(atMs));
  const n = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return n('hour') * 60 + n('minute');
}

const minutesOf = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** No hours: always. Otherwise within a span (start included, end excluded). */
export function isTicketTime(hours: readonly TimeRange[], minutes: number): boolean {
  return hours.length === 0 || hours.some((r) => minutesOf(r.start) <= minutes && minutes < minutesOf(r.end));
}

/** The next span's start: later today, or `tomorrow` the first one; null without hours. */
export function nextOpening(hours: readonly TimeRange[], minutes: number): { at: string; tomorrow: boolean } | null {
  const starts = hours.map((r) => r.start).sort();
  if (starts.length === 0) return null;
  const later = starts.find((s) => minutesOf(s) > minutes);
  return later ? { at: later, tomorrow: false } : { at: starts[0]!, tomorrow: true };
}

/** "08:30–12:00  13:30–17:00" */
export const hoursLabel = (hours: readonly TimeRange[]): string => hours.map((r) => `${r.start}–${r.end}`).join('  ');
