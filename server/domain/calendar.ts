/**
 * Dates and times of day in the hall's time zone, pure (Intl only, no clock). Appointments are
 * booked as "2026-12-01 09:30" local time; the hall service works in epoch milliseconds.
 */

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timezone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timezone, f);
  }
  return f;
}

/** Local wall-clock fields of an instant in a zone. */
export function localParts(at: number, timezone: string): { date: string; time: string; minutes: number; seconds: number } {
  const p: Record<string, string> = {};
  for (const x of partsFormatter(timezone).formatToParts(new Date(at))) p[x.type] = x.value;
  const date = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}`;
  return { date, time, minutes: Number(p.hour) * 60 + Number(p.minute), seconds: Number(p.second) };
}

/** The zone's offset from UTC at an instant, in ms (Shanghai: +8 h). */
function offsetAt(at: number, timezone: string): number {
  const p: Record<string, string> = {};
  for (const x of partsFormatter(timezone).formatToParts(new Date(at))) p[x.type] = x.value;
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

export function timeOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Is `date` (YYYY-MM-DD) a real calendar day (not 2026-02-31)? */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
}

/** The instant of a local date and time of day in a zone (DST-safe: re-checks the offset). */
export function zonedEpoch(date: string, time: string, timezone: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  const guess = Date.UTC(y!, mo! - 1, d!) + minutesOf(time) * 60_000;
  const first = guess - offsetAt(guess, timezone);
  const second = offsetAt(first, timezone);
  return guess - second;
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
}
