/**
 * 数据备份 (managers): the hall database copied online, once a service day, every few hours
 * while it changes (日间备份) and on demand, into the backup folder; kept backups and copies are
 * read back daily (复核). docs/operations.md describes it for the IT person.
 * zod schemas; the TypeScript types are inferred from them.
 */
import { z } from 'zod';

/**
 * A backup's file name: `hall-2026-11-28T203015.db` (the hall's local time, so names sort by
 * time), with `-2`, `-3` … before `.db` for a second backup in the same second.
 */
export const BACKUP_NAME_RE = /^hall-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})(?:-([1-9]\d{0,2}))?\.db$/;
export const BackupName = z.string().max(64).regex(BACKUP_NAME_RE, 'a backup name looks like hall-2026-11-28T203015.db');

/**
 * 复核: a kept backup or copy read back (daily, and when it was written): still whole, or damaged
 * and why. docs/operations.md says how a file is proven.
 */
export const BackupVerify = z.object({
  /** When it was last read back (epoch ms). */
  at: z.number().int(),
  ok: z.boolean(),
  /** Why it is damaged, when it is. */
  error: z.string().nullable(),
});
export type BackupVerify = z.infer<typeof BackupVerify>;

/** A backup's file in the 异地副本 folder. */
export const BackupCopyFile = z.object({
  /** `hall-….db`, or `hall-….db.enc` when encrypted. */
  file: z.string(),
  /** The last 复核 of the copy, or null before its first. */
  verified: BackupVerify.nullable(),
});
export type BackupCopyFile = z.infer<typeof BackupCopyFile>;

export const BackupEntry = z.object({
  name: BackupName,
  /** Bytes. */
  size: z.number().int().min(0),
  /** When it was made (epoch ms; the file's time). */
  at: z.number().int(),
  /**
   * Passed the check (PRAGMA integrity_check = ok, the migrations table readable and known).
   * A backup is checked under its temporary name and renamed only when it passed, so every
   * listed file has; the field says so to the console, and a restore checks again.
   */
  checked: z.boolean(),
  /** The last 复核 of this file (the check when it was written counts), or null before its first. */
  verified: BackupVerify.nullable(),
  /** Its 异地副本, or null (no copy folder, or the folder lacks it or cannot be read). */
  copy: BackupCopyFile.nullable(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

/** One bringing of the 异地副本 folder up to date (after a backup, or a retry). */
export const BackupCopyRun = z.object({
  /** When it finished (epoch ms). */
  at: z.number().int(),
  ok: z.boolean(),
  /** Files written this time: `hall-….db`, or `hall-….db.enc` when encrypted. */
  copied: z.array(z.string()),
  /** Old copies deleted to keep the newest `keep`. */
  deleted: z.array(z.string()),
  /** Why it failed (the folder not mounted, a full disk …), when it did. */
  error: z.string().nullable(),
});
export type BackupCopyRun = z.infer<typeof BackupCopyRun>;

export const BackupRun = z.object({
  /** When it finished (epoch ms). */
  at: z.number().int(),
  ok: z.boolean(),
  /** 'auto' (the day's backup), 'intraday' (日间备份, HALL_BACKUP_EVERY_HOURS) or 'manual' (立即备份). */
  trigger: z.enum(['auto', 'intraday', 'manual']),
  /** The new file, when it worked. */
  name: z.string().nullable(),
  /** Why it failed, when it did. */
  error: z.string().nullable(),
  /** How long it took (ms). */
  ms: z.number().int().min(0),
  /** Old backups deleted to keep the newest `keep`. */
  deleted: z.array(z.string()),
  /** Its 异地副本, or null (no copy folder, or the backup itself failed). */
  copy: BackupCopyRun.nullable(),
});
export type BackupRun = z.infer<typeof BackupRun>;

/** 异地副本 (HALL_BACKUP_COPY_DIR): where the copies go and how they stand. */
export const BackupCopyStatus = z.object({
  /** The copy folder as the server sees it (absolute). */
  dir: z.string(),
  /** The copies are encrypted (HALL_BACKUP_PASSPHRASE set): `hall-….db.enc`. */
  encrypted: z.boolean(),
  /** Backups in the copy folder now; null when it cannot be read (a NAS not mounted). */
  count: z.number().int().min(0).nullable(),
  /** The last attempt since the server started (with a backup, or the hourly retry after a failure), or null. */
  last: BackupCopyRun.nullable(),
  /**
   * A call on the folder has hung since then (epoch ms; a NAS that stopped answering): nothing more
   * is tried there until it settles, and the hall works on. Null while it answers.
   */
  notAnsweringSince: z.number().nullable().optional(),
});
export type BackupCopyStatus = z.infer<typeof BackupCopyStatus>;

/** What a restore should use: the newest backup whose file is good (docs/operations.md, How to restore). */
export const BackupRestore = z.object({
  /** The backup (`hall-….db`). */
  name: z.string(),
  /** Its time (epoch ms). */
  at: z.number().int(),
  /** The local backup, or (when that is damaged) its 异地副本. */
  place: z.enum(['local', 'copy']),
  /** The file's absolute path as the server sees it. */
  file: z.string(),
  /** An encrypted copy: the restore asks for HALL_BACKUP_PASSPHRASE. */
  encrypted: z.boolean(),
  /** The one command line that restores it into this database (run in the project folder, the server stopped). */
  command: z.string(),
});
export type BackupRestore = z.infer<typeof BackupRestore>;

export const BackupStatus = z.object({
  /** False for a database without a backup folder (an in-memory one): nothing is backed up. */
  enabled: z.boolean(),
  /** The backup folder as the server sees it (absolute), or null when off. */
  dir: z.string().nullable(),
  /** How many backups are kept (HALL_BACKUP_KEEP). */
  keep: z.number().int().min(1),
  /** A backup is being written now. */
  running: z.boolean(),
  /** Newest first. */
  backups: z.array(BackupEntry),
  /** The last run since the server started (automatic or 立即备份), or null. */
  lastRun: BackupRun.nullable(),
  /** 异地副本, or null when no copy folder is set. */
  copy: BackupCopyStatus.nullable(),
  /** 日间备份 every this many hours while the database changes (HALL_BACKUP_EVERY_HOURS), or null: the day's only. */
  everyHours: z.number().int().min(1).max(24).nullable(),
  /** The newest good backup to restore from, or null (none yet, or every one damaged). */
  restore: BackupRestore.nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;
