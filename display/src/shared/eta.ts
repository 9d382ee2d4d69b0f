/**
 * How a waiting ticket's ETA is said, on the kiosk's ticket and on the phone page: whole minutes,
 * or a range of them. Here, in a small file of its own, so the phone page and the 评价器 do not
 * load the kiosk's words (display/src/kiosk/kioskText.ts, about 3 kB gzip) for these few lines.
 * The kiosk's ticket takes these same functions (kioskText.ts re-exports them): one rounding.
 */

/** "3–8" that never breaks across lines after the dash (word joiners, silent to screen readers); en keeps "8 min" together too. */
export const minutesSpan = (lo: number, hi: number): string => `${lo}\u2060–\u2060${hi}`;

/** Whole minutes of an ETA, rounded up (a citizen would rather wait less than promised). */
export function etaMinutes(etaSeconds: number): number {
  return etaSeconds <= 0 ? 0 : Math.ceil(etaSeconds / 60);
}

/**
 * The range of an ETA in whole minutes as shown: the low end rounded down (at least 1), the high
 * end rounded up, so the shown range holds the 25th–75th percentiles the server sent. Null when
 * there is no range to show: none sent (older server, or not waiting), a window free now
 * ([0, 0]), or a range no wider than a minute (then one number says as much).
 * scripts/sim/eta-study.ts measures the coverage of exactly this rounding.
 */
export function etaRangeMinutes(range: readonly [number, number] | undefined): [number, number] | null {
  if (!range || range[1] <= 0) return null;
  const lo = Math.max(1, Math.floor(range[0] / 60));
  const hi = Math.ceil(range[1] / 60);
  return hi - lo > 1 ? [lo, hi] : null;
}

/** The words of both the kiosk and the phone page that say the wait. */
export interface EtaWords {
  eta: (min: number) => string;
  etaRange: (lo: number, hi: number) => string;
}

/**
 * The ETA line of a waiting ticket: "约 3–8 分钟" when the server sent a range wider than a minute,
 * else the single number (or "即将叫号" when a window is free). One number for a short wait is off
 * by more than half of it on average (docs/dispatch.md, ETA), so the range is preferred.
 */
export function etaText(words: EtaWords, t: { etaSeconds: number; etaRangeSeconds?: readonly [number, number] | undefined }): string {
  const r = etaRangeMinutes(t.etaRangeSeconds);
  return r ? words.etaRange(r[0], r[1]) : words.eta(etaMinutes(t.etaSeconds));
}
