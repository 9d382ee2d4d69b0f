/**
 * Time helpers (pure). Timers on the panels count from server timestamps (calledAt,
 * oldestArrivedAt), so we correct for the difference between the server's clock and this
 * machine's: a counter PC whose clock is 3 minutes off must not show a 3-minute service.
 */

/** Server time minus local time, in ms, estimated from a server timestamp received now. */
export function clockOffset(serverAt: string, localNow: number): number {
  const t = Date.parse(serverAt);
  return Number.isFinite(t) ? t - localNow : 0;
}

/** Seconds from an ISO time to `now` (ms), never negative; 0 when the time is missing. */
export function secondsSince(iso: string | undefined, now: number): number {
  if (!iso) return 0;
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return 0;
  return Math.max(0, Math.floor((now - t) / 1000));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** 75 → "01:15"; 3725 → "1:02:05". For timers that tick. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(rest)}` : `${pad(m)}:${pad(rest)}`;
}

/** Whole minutes, rounded down: for "waited 12 min" style figures. */
export const minutes = (seconds: number): number => Math.floor(Math.max(0, seconds) / 60);
