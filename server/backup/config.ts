/** 数据备份's configuration, from the environment (main.ts) or given by tests. */
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

export interface BackupConfig {
  /** The backup folder (created when the first backup is written). */
  dir: string;
  /** How many backups are kept; older ones are deleted after each new one. */
  keep: number;
}

export const DEFAULT_KEEP = 14;

const Keep = z.coerce.number().int().min(1).max(3650);

/**
 * HALL_BACKUP_DIR (default `backups` beside the database file; an in-memory database has no
 * default: backups are off) and HALL_BACKUP_KEEP (default 14). A bad value stops the start:
 * a centre must not believe it is backed up when it is not.
 */
export function backupConfigFromEnv(env: Record<string, string | undefined>, dbPath: string): BackupConfig | undefined {
  const rawKeep = env.HALL_BACKUP_KEEP?.trim();
  const keep = Keep.safeParse(rawKeep || DEFAULT_KEEP);
  if (!keep.success) throw new Error(`HALL_BACKUP_KEEP must be a whole number from 1 to 3650, not "${rawKeep}"`);
  const dir = env.HALL_BACKUP_DIR?.trim() || (dbPath === ':memory:' ? '' : join(dirname(dbPath), 'backups'));
  return dir ? { dir: resolve(dir), keep: keep.data } : undefined;
}
