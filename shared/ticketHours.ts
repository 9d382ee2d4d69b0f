/**
 * 取号时间, pure, one rule for every side: the server refuses a kiosk ticket outside the hall's
 * spans, and kiosks and walls say so first with the same reading of the same spans. Local time
 * is read in the hall's zone from the instant given (server time on the screens).
 */
import type { TimeRange } from './schemas';

/** '09:30' → 570. */
export const minutesOfTime = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

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

/** The span holding `minutes` (start included, end excluded), and whether it is the day's last. */
export function sessionAt(hours: readonly TimeRange[], minutes: number): { range: TimeRange; last: boolean } | undefined {
  const sorted = [...hours].sort((a, b) => a.start.localeCompare(b.start));
  const i = sorted.findIndex((r) => minutesOfTime(r.start) <= minutes && minutes < minutesOfTime(r.end));
  return i < 0 ? undefined : { range: sorted[i]!, last: i === sorted.length - 1 };
}

/** No spans: always. Otherwise within one of them. */
export const isTicketTime = (hours: readonly TimeRange[], minutes: number): boolean => hours.length === 0 || sessionAt(hours, minutes) !== undefined;

/** The next span's start: later today, or `tomorrow` the first one; null without spans. */
export function nextOpening(hours: readonly TimeRange[], minutes: number): { at: string; tomorrow: boolean } | null {
  const starts = hours.map((r) => r.start).sort();
  if (starts.length === 0) return null;
  const later = starts.find((s) => minutesOfTime(s) > minutes);
  return later ? { at: later, tomorrow: false } : { at: starts[0]!, tomorrow: true };
}

/** "08:30–12:00  13:30–17:00" (screens), or with another separator (the server's messages). */
export const hoursLabel = (hours: readonly TimeRange[], separator = '  '): string => hours.map((r) => `${r.start}–${r.end}`).join(separator);
