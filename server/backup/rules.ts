/**
 * 数据备份's rules, pure: a backup's name from the time it is made, which backups the folder
 * keeps, whether the day's automatic backup is still due. Names carry the hall's local time
 * (what the IT person reads in the folder) and sort by time as text.
 */
import { BACKUP_NAME_RE } from '../../shared/backup';
import { localParts, zonedEpoch } from '../domain/calendar';

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

/** At most this many of today's backups beyond the day's own are kept (a manager pressing 立即备份 fifty times). */
export const TODAY_MAX = 24;

/**
 * The backups a folder keeps, newest first: the day's backup (the first of each day, made at
 * about midnight, holding the whole of the day before) of the newest `keep` days, and besides it
 * today's later ones (日间备份 and 立即备份, the newest TODAY_MAX). Once today is over, its later
 * ones go: the next day's first backup holds everything they held. So intra-day backups never
 * push a day out of the daily history, and the folder holds at most keep + TODAY_MAX files.
 */
export function backupsToKeep(names: readonly string[], keep: number, today: string): string[] {
  const sorted = newestFirst(names);
  const firstOfDay = new Map<string, string>();
  for (const name of sorted) firstOfDay.set(parseBackupName(name)!.day, name); // oldest last: it wins
  const daily = new Set([...firstOfDay.values()].slice(0, Math.max(1, keep)));
  const laterToday = sorted.filter((n) => parseBackupName(n)!.day === today && n !== firstOfDay.get(today)).slice(0, TODAY_MAX);
  const kept = new Set([...daily, ...laterToday]);
  return sorted.filter((n) => kept.has(n));
}

/** The backups to delete (backupsToKeep's complement); other files in the folder are not ours to touch. */
export function backupsToDelete(names: readonly string[], keep: number, today: string): string[] {
  const kept = new Set(backupsToKeep(names, keep, today));
  return newestFirst(names).filter((n) => !kept.has(n));
}

/**
 * The day's automatic backup is due when no backup (automatic or 立即备份) carries today's date:
 * the first check of a service day — at the server's start, or the timer's first tick after
 * midnight — makes it, so it holds everything up to the end of the day before.
 */
export function dailyBackupDue(names: readonly string[], today: string): boolean {
  return !names.some((name) => parseBackupName(name)?.day === today);
}

export const HOUR_MS = 60 * 60_000;

/** What the timer's check finds due: the day's backup, a 日间备份, or nothing. */
export type BackupDue = 'auto' | 'intraday' | null;

/**
 * The day's backup first (dailyBackupDue; made even when nothing changed, so each day has one);
 * else a 日间备份 when intra-day backups are on (`everyHours`), the newest backup is at least
 * that old, and the database changed since it — so a quiet night or a closed Sunday makes none.
 */
export function backupDue(s: { names: readonly string[]; today: string; now: number; timezone: string; everyHours: number | null; changed: boolean }): BackupDue {
  if (dailyBackupDue(s.names, s.today)) return 'auto';
  if (s.everyHours === null || !s.changed) return null;
  const newest = newestFirst(s.names)[0];
  const at = newest ? backupTime(newest, s.timezone) : null;
  return at === null || s.now - at >= s.everyHours * HOUR_MS ? 'intraday' : null;
}

/** Kept backups and copies are read back this often (复核): a disk or a NAS can rot a file after it was written. */
export const VERIFY_EVERY_MS = 24 * HOUR_MS;

/**
 * The file to read back next, or null: the one verified longest ago (never first), once its last
 * verification is VERIFY_EVERY_MS old. One per call: the timer's ticks spread a day's work.
 */
export function nextToVerify(files: readonly { key: string; verifiedAt: number | null }[], now: number, every: number = VERIFY_EVERY_MS): string | null {
  let pick: { key: string; verifiedAt: number | null } | null = null;
  for (const f of files) {
    if (f.verifiedAt !== null && now - f.verifiedAt < every) continue;
    if (!pick || (pick.verifiedAt !== null && (f.verifiedAt === null || f.verifiedAt < pick.verifiedAt))) pick = f;
  }
  return pick?.key ?? null;
}

/** One backup as a restore sees it: is its local file good, and its copy (file name in the copy folder)? */
export interface RestoreCandidate {
  name: string;
  localOk: boolean;
  copy: { file: string; ok: boolean } | null;
}

/**
 * What a restore should use: the newest backup with a good file, the local one before its copy
 * (on the same disk as the database, unencrypted); null when none is good.
 */
export function newestGood(candidates: readonly RestoreCandidate[]): { name: string; place: 'local' | 'copy'; file: string } | null {
  const byName = new Map(candidates.map((c) => [c.name, c]));
  for (const name of newestFirst([...byName.keys()])) {
    const c = byName.get(name)!;
    if (c.localOk) return { name, place: 'local', file: name };
    if (c.copy?.ok) return { name, place: 'copy', file: c.copy.file };
  }
  return null;
}

/** A path as one shell word (sh and Windows cmd alike): bare when plain, else in double quotes. */
export function shellWord(path: string): string {
  if (/^[\w./:@%+=,-]+$/.test(path)) return path;
  if (!/["$`!]/.test(path)) return `"${path}"`;
  return `'${path.replace(/'/g, `'\\''`)}'`;
}

/** The one command that restores `file` into `db` (run from the project folder, the server stopped); no `--db`: HALL_DB's. */
export function restoreCommand(file: string, db: string | null): string {
  return `npx tsx scripts/restore-backup.ts ${shellWord(file)}${db === null ? '' : ` --db ${shellWord(db)}`}`;
}

/** When a backup was made, read from its name (the file's mtime changes when someone copies the folder). */
export function backupTime(name: string, timezone: string): number | null {
  const p = parseBackupName(name);
  if (!p) return null;
  const t = p.stamp.slice(11);
  return zonedEpoch(p.day, `${t.slice(0, 2)}:${t.slice(2, 4)}`, timezone) + Number(t.slice(4, 6)) * 1000;
}
