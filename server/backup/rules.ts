/**
 * 数据备份's rules, pure: a backup's name from the time it is made, which backups the folder
 * keeps, whether the day's automatic backup is still due. Names carry the hall's local time
 * (what the IT person reads in the folder) and sort by time as text.
 */
import { BACKUP_NAME_RE } from '../../shared/backup';
import { localParts, zonedEpoch } from '../citizen/calendar';

/** `2026-11-28T203015`: the local time of `at` in the hall's zone, as a file name wants it. */
export function localStamp(at: number, timezone: string): string {
  const { date, time, seconds } = localParts(at, timezone);
  return `${date}T${time.replace(':', '')}${String(seconds).padStart(2, '0')}`;
}

/** The parts of a backup's name, or null for any other file (never listed, never deleted). */
export function parseBackupName(name: string): { day: string; stamp: string; n: number } | null {
  const m = BACKUP_NAME_RE.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, n] = m;
  return { day: `${y}-${mo}-${d}`, stamp: `${y}-${mo}-${d}T${h}${mi}${s}`, n: n ? Number(n) : 1 };
}

/**
 * The name for a backup made at `at`: `hall-<local time>.db`, or `-2`, `-3` … when that second
 * is taken already (立即备份 twice in a second; a clock set back an hour).
 */
export function backupName(at: number, timezone: string, taken: ReadonlySet<string>): string {
  const stamp = localStamp(at, timezone);
  for (let n = 1; n < 1000; n++) {
    const name = n === 1 ? `hall-${stamp}.db` : `hall-${stamp}-${n}.db`;
    if (!taken.has(name)) return name;
  }
  throw new Error(`999 backups in the second ${stamp}`);
}

/** Newest first: by local time, then by the same-second counter (text order would put `-2` first). */
export function newestFirst(names: readonly string[]): string[] {
  const keyed = names.flatMap((name) => {
    const p = parseBackupName(name);
    return p ? [{ name, p }] : [];
  });
  keyed.sort((a, b) => (a.p.stamp === b.p.stamp ? b.p.n - a.p.n : a.p.stamp < b.p.stamp ? 1 : -1));
  return keyed.map((k) => k.name);
}

/** The backups to delete so that the newest `keep` stay; other files in the folder are not ours to touch. */
export function backupsToDelete(names: readonly string[], keep: number): string[] {
  return newestFirst(names).slice(Math.max(1, keep));
}

/**
 * The day's automatic backup is due when no backup (automatic or 立即备份) carries today's date:
 * the first check of a service day — at the server's start, or the timer's first tick after
 * midnight — makes it, so it holds everything up to the end of the day before.
 */
export function dailyBackupDue(names: readonly string[], today: string): boolean {
  return !names.some((name) => parseBackupName(name)?.day === today);
}

/** When a backup was made, read from its name (the file's mtime changes when someone copies the folder). */
export function backupTime(name: string, timezone: string): number | null {
  const p = parseBackupName(name);
  if (!p) return null;
  const t = p.stamp.slice(11);
  return zonedEpoch(p.day, `${t.slice(0, 2)}:${t.slice(2, 4)}`, timezone) + Number(t.slice(4, 6)) * 1000;
}
