/** The 数据备份 group's figures in words (pure): file sizes, seconds. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 812 B, 4.0 KB, 1.2 MB, 35 MB: three significant figures at most, 1024 to the step. */
export function formatSize(bytes: number): string {
  let v = Math.max(0, bytes);
  let unit = 0;
  while (v >= 1024 && unit < UNITS.length - 1) {
    v /= 1024;
    unit++;
  }
  const shown = unit === 0 || v >= 100 ? String(Math.round(v)) : v.toFixed(1);
  return `${shown} ${UNITS[unit]}`;
}

/** A run's duration in seconds for people: 0.1 at least, one decimal under ten. */
export function formatSeconds(ms: number): string {
  const s = Math.max(0.1, ms / 1000);
  return s < 10 ? s.toFixed(1) : String(Math.round(s));
}
