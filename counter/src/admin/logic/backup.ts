/** The 数据备份 group's figures in words (pure): file sizes, seconds, how the 异地副本 stands. */
import type { BackupCopyStatus, BackupVerify } from '../../../../shared/backup';

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

/** One line of the 异地副本 state: its dictionary key, the values for it, and whether it is a problem. */
export interface CopyLine {
  key: 'backup.copy.hung' | 'backup.copy.failed' | 'backup.copy.unreadable' | 'backup.copy.made' | 'backup.copy.current' | 'backup.copy.waiting';
  params: Record<string, string | number>;
  bad: boolean;
}

/**
 * What the manager reads about the copies: a folder that stopped answering first (since when: a
 * hung NAS, which the IT person must see to), then a failed last try (with its reason, and that it
 * is retried hourly), then a folder that cannot be read, then what the last try copied, else
 * "up to date"; before the first try since the start, that it is still to come.
 */
export function copyLine(copy: BackupCopyStatus, when: (at: number) => string): CopyLine {
  const last = copy.last;
  if (copy.notAnsweringSince != null) return { key: 'backup.copy.hung', params: { time: when(copy.notAnsweringSince) }, bad: true };
  if (last && !last.ok) return { key: 'backup.copy.failed', params: { time: when(last.at), error: last.error ?? '' }, bad: true };
  if (copy.count === null) return { key: 'backup.copy.unreadable', params: {}, bad: true };
  if (!last) return { key: 'backup.copy.waiting', params: { n: copy.count }, bad: false };
  if (last.copied.length > 0) return { key: 'backup.copy.made', params: { time: when(last.at), copied: last.copied.length, n: copy.count }, bad: false };
  return { key: 'backup.copy.current', params: { time: when(last.at), n: copy.count }, bad: false };
}

/** One 复核 cell (a backup's, or its copy's): its dictionary key, the values, whether it is damaged and why (the server's words). */
export interface VerifyCell {
  key: 'backup.verify.ok' | 'backup.verify.damaged' | 'backup.verify.none' | 'backup.verify.noCopy';
  params: Record<string, string>;
  bad: boolean;
  reason: string | null;
}

/**
 * How a file stands when last read back: good with the time (上次复核), damaged with the time and
 * the reason, or not read back yet; a backup the copy folder lacks says so (`copy` and absent).
 */
export function verifyCell(v: BackupVerify | null | undefined, when: (at: number) => string, copy = false): VerifyCell {
  if (v === undefined) return { key: copy ? 'backup.verify.noCopy' : 'backup.verify.none', params: {}, bad: false, reason: null };
  if (v === null) return { key: 'backup.verify.none', params: {}, bad: false, reason: null };
  const params = { time: when(v.at) };
  return v.ok ? { key: 'backup.verify.ok', params, bad: false, reason: null } : { key: 'backup.verify.damaged', params, bad: true, reason: v.error ?? '' };
}

/** Why a file failed its 复核, in the console's words, for the reasons the server words the same way every time (server/backup/verify.ts, crypt.ts, check.ts); null: show the server's own (a disk error). */
export type DamageKey = 'backup.why.changed' | 'backup.why.noPassphrase' | 'backup.why.tag' | 'backup.why.missing' | 'backup.why.integrity';
const DAMAGE: [RegExp, DamageKey][] = [
  [/SHA-256 differs/, 'backup.why.changed'],
  [/HALL_BACKUP_PASSPHRASE is not set/, 'backup.why.noPassphrase'],
  [/wrong passphrase, or the file is damaged|not an encrypted backup/, 'backup.why.tag'],
  [/ENOENT|no such file/i, 'backup.why.missing'],
  [/^integrity_check:|not a hall database|file is not a database/, 'backup.why.integrity'],
];
export function damageKey(error: string): DamageKey | null {
  return DAMAGE.find(([re]) => re.test(error))?.[1] ?? null;
}
