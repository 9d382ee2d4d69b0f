/** 数据备份's configuration, from the environment (main.ts) or given by tests. */
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { MIN_PASSPHRASE } from './crypt';

export interface BackupConfig {
  /** The backup folder (created when the first backup is written). */
  dir: string;
  /** How many backups are kept; older ones are deleted after each new one. */
  keep: number;
  /**
   * 异地副本: a second folder, on another disk or machine (a mounted NAS, a USB disk), that gets
   * a copy of each backup; absent: no copy.
   */
  copyDir?: string | undefined;
  /** With it, the copies are encrypted (`….db.enc`, crypt.ts); the local backups are not. */
  passphrase?: string | undefined;
  /**
   * 日间备份: besides the day's backup, one every this many hours while the database changes
   * (1–24); absent or null: the day's backup only. The environment's default is DEFAULT_EVERY_HOURS.
   */
  everyHours?: number | null | undefined;
}

export const DEFAULT_KEEP = 14;

/**
 * Hourly by default: a disk that dies at 16:00 then costs at most the last hour's tickets, not
 * the day's. Cheap: a backup is made only when the database changed (so none at night), and the
 * day's later ones are deleted once the next day's backup holds them (rules.ts backupsToKeep).
 */
export const DEFAULT_EVERY_HOURS = 1;

const Keep = z.coerce.number().int().min(1).max(3650);
const EveryHours = z.coerce.number().int().min(1).max(24);

/**
 * HALL_BACKUP_DIR (default `backups` beside the database file; an in-memory database has no
 * default: backups are off), HALL_BACKUP_KEEP (default 14), HALL_BACKUP_COPY_DIR (the 异地副本
 * folder) and HALL_BACKUP_PASSPHRASE (encrypts the copies), HALL_BACKUP_EVERY_HOURS (日间备份: 1–24, default 1,
 * or `off`). A bad value stops the start: a
 * centre must not believe it is backed up, or its copies encrypted, when they are not.
 */
export function backupConfigFromEnv(env: Record<string, string | undefined>, dbPath: string): BackupConfig | undefined {
  const rawKeep = env.HALL_BACKUP_KEEP?.trim();
  const keep = Keep.safeParse(rawKeep || DEFAULT_KEEP);
  if (!keep.success) throw new Error(`HALL_BACKUP_KEEP must be a whole number from 1 to 3650, not "${rawKeep}"`);
  const rawEvery = env.HALL_BACKUP_EVERY_HOURS?.trim();
  const every = rawEvery?.toLowerCase() === 'off' ? null : EveryHours.safeParse(rawEvery || DEFAULT_EVERY_HOURS);
  if (every !== null && !every.success) throw new Error(`HALL_BACKUP_EVERY_HOURS must be a whole number of hours from 1 to 24, or off, not "${rawEvery}"`);
  const dir = env.HALL_BACKUP_DIR?.trim() || (dbPath === ':memory:' ? '' : join(dirname(dbPath), 'backups'));
  const copyDir = env.HALL_BACKUP_COPY_DIR?.trim() || undefined;
  const passphrase = env.HALL_BACKUP_PASSPHRASE || undefined;
  if (passphrase !== undefined && !copyDir) throw new Error('HALL_BACKUP_PASSPHRASE encrypts the copies in HALL_BACKUP_COPY_DIR: set that folder too (the local backups are never encrypted)');
  if (passphrase !== undefined && passphrase.length < MIN_PASSPHRASE) throw new Error(`HALL_BACKUP_PASSPHRASE must be at least ${MIN_PASSPHRASE} characters`);
  if (!dir) return undefined;
  const config: BackupConfig = { dir: resolve(dir), keep: keep.data, everyHours: every === null ? null : every.data };
  if (copyDir) {
    config.copyDir = resolve(copyDir);
    if (config.copyDir === config.dir) throw new Error('HALL_BACKUP_COPY_DIR must be another folder than the backups themselves (HALL_BACKUP_DIR)');
  }
  if (passphrase) config.passphrase = passphrase;
  return config;
}
