/**
 * 数据备份: online copies of the hall database with SQLite's backup API (better-sqlite3's
 * `db.backup`, which copies 100 pages a step between turns of the event loop, so the hall keeps
 * working meanwhile). A copy is written under a temporary name, checked (checkDatabaseFile), and
 * only then renamed to its `hall-<local time>.db` name: every file of that form in the folder
 * has passed. One backup at a time; the newest `keep` stay. A failure is logged, audited and
 * shown as the last run, never thrown at the server.
 */
import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupCopyRun, BackupCopyStatus, BackupEntry, BackupRun, BackupStatus } from '../../shared/backup';
import type { Reply } from '../../shared/errors';
import { serviceDayOf } from '../domain';
import { SYSTEM, type Actor } from '../service/actor';
import type { Clock } from '../service/clock';
import { err, ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import type { Db } from '../store';
import { checkDatabaseFile } from './check';
import { DEFAULT_KEEP, type BackupConfig } from './config';
import { copiesIn, syncCopies } from './copy';
import { backupName, backupsToDelete, backupTime, dailyBackupDue, newestFirst, parseBackupName } from './rules';

export interface BackupDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  /** The folder and how many to keep; absent: backups are off (an in-memory database). */
  config?: BackupConfig | undefined;
  log: (msg: string) => void;
}

type Trigger = BackupRun['trigger'];

const TEMP_SUFFIX = '.tmp';
/** After a failed 异地副本 (the NAS was down), the copies are tried again this often. */
export const COPY_RETRY_MS = 60 * 60_000;
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createBackups(deps: BackupDeps) {
  const { db, hall, clock, config, log } = deps;
  const timezone = (): string => hall.state().timezone;
  let running: Promise<unknown> | null = null;
  let lastRun: BackupRun | null = null;
  let lastCopy: BackupCopyRun | null = null;

  /** Our backups in the folder (files of the name form only; a missing folder has none). */
  function names(): string[] {
    if (!config) return [];
    try {
      return readdirSync(config.dir).filter((f) => parseBackupName(f) !== null);
    } catch {
      return [];
    }
  }

  function entry(name: string): BackupEntry | null {
    if (!config) return null;
    try {
      const size = statSync(join(config.dir, name)).size;
      return { name, size, at: backupTime(name, timezone()) ?? 0, checked: true };
    } catch {
      return null; // deleted between the listing and the stat
    }
  }

  /** Audit without letting a failing audit (a full disk) turn a backup's outcome into a throw. */
  function audit(actor: Actor, type: string, data: Record<string, unknown>): void {
    try {
      hall.audit(actor, type, null, data);
    } catch (e) {
      log(`backup: could not write the audit entry ${type}: ${message(e)}`);
    }
  }

  /** Brings the 异地副本 folder up to date; logged and audited, never thrown. Null without a copy folder. */
  async function copyOut(actor: Actor): Promise<BackupCopyRun | null> {
    if (!config?.copyDir) return null;
    const r = await syncCopies({ dir: config.dir, copyDir: config.copyDir, passphrase: config.passphrase, keep: config.keep }, names());
    lastCopy = { at: clock.now(), ...r };
    if (r.ok) {
      if (r.copied.length > 0) log(`backup copy: ${r.copied.join(', ')} to ${config.copyDir}${r.deleted.length ? `; deleted ${r.deleted.join(', ')}` : ''}`);
    } else {
      audit(actor, 'BackupCopyFailed', { dir: config.copyDir, error: r.error, copied: r.copied });
      log(`backup copy FAILED (${config.copyDir}): ${r.error}`);
    }
    return lastCopy;
  }

  async function write(dir: string, keep: number, actor: Actor, trigger: Trigger): Promise<Reply<BackupEntry>> {
    const started = performance.now();
    let temp = '';
    const finish = (run: Omit<BackupRun, 'at' | 'trigger' | 'ms'>): BackupRun =>
      (lastRun = { at: clock.now(), trigger, ms: Math.round(performance.now() - started), ...run });
    try {
      mkdirSync(dir, { recursive: true });
      const name = backupName(clock.now(), timezone(), new Set(names()));
      temp = join(dir, `.${name}${TEMP_SUFFIX}`);
      await db.backup(temp);
      const check = await checkDatabaseFile(temp);
      if (!check.ok) throw new Error(`the copy failed its check: ${check.error}`);
      // It holds names and phones: readable by the server's account only.
      chmodSync(temp, 0o600);
      renameSync(temp, join(dir, name));
      const deleted = backupsToDelete(names(), keep);
      for (const old of deleted) rmSync(join(dir, old), { force: true });
      const made = entry(name);
      if (!made) throw new Error(`${name} vanished right after it was written`);
      // The backup stands whatever becomes of its copy: a NAS that is down is reported, not fatal.
      const copy = await copyOut(actor);
      const run = finish({ ok: true, name, error: null, deleted, copy });
      audit(actor, 'BackupMade', { name, size: made.size, ms: run.ms, trigger, deleted, ...(copy ? { copied: copy.copied, copyError: copy.error } : {}) });
      log(`backup: ${name} (${made.size} bytes, ${run.ms} ms)${deleted.length ? `; deleted ${deleted.join(', ')}` : ''}`);
      return ok(made);
    } catch (e) {
      if (temp) for (const f of [temp, `${temp}-journal`]) rmSync(f, { force: true });
      const error = message(e);
      finish({ ok: false, name: null, error, deleted: [], copy: null });
      audit(actor, 'BackupFailed', { error, trigger });
      log(`backup FAILED: ${error}`);
      return err('INTERNAL', `backup failed: ${error}`);
    }
  }

  /** Makes a backup now, unless one is being written (then CONFLICT: never two at once). */
  async function run(actor: Actor, trigger: Trigger): Promise<Reply<BackupEntry>> {
    if (!config) return err('CONFLICT', 'backups are off: this database has no backup folder (HALL_BACKUP_DIR)');
    if (running) return err('CONFLICT', 'a backup is being written; try again when it is done');
    const writing = write(config.dir, config.keep, actor, trigger);
    running = writing;
    try {
      return await writing;
    } finally {
      running = null;
    }
  }

  /** The hourly retry of a failed 异地副本, alone (no new backup); under the same one-at-a-time guard. */
  async function retryCopy(): Promise<void> {
    const copying = copyOut(SYSTEM);
    running = copying;
    try {
      await copying;
    } finally {
      running = null;
    }
  }

  function copyStatus(): BackupCopyStatus | null {
    if (!config?.copyDir) return null;
    let count: number | null;
    try {
      count = new Set(copiesIn(config.copyDir)).size;
    } catch {
      count = null;
    }
    return { dir: config.copyDir, encrypted: config.passphrase !== undefined, count, last: lastCopy };
  }

  /** Temporary files left by a run the server did not finish (a crash mid-backup). */
  function removeLeftovers(): void {
    for (const dir of [config?.dir, config?.copyDir]) {
      if (!dir) continue;
      try {
        for (const f of readdirSync(dir)) if (f.startsWith('.hall-') && f.includes(TEMP_SUFFIX)) rmSync(join(dir, f), { force: true });
      } catch {
        // no folder yet (or a copy folder not mounted): nothing left over
      }
    }
  }
  removeLeftovers();

  return {
    run,
    /**
     * At the start and from the server's timer (every 30 s): the day's backup when today (the
     * hall's zone) has none yet; else the 异地副本 catch-up or retry when due. Resolves when done;
     * never rejects.
     */
    async tick(): Promise<void> {
      if (!config || running) return;
      if (dailyBackupDue(names(), serviceDayOf(clock.now(), timezone()))) {
        await run(SYSTEM, 'auto');
        return;
      }
      // 异地副本: caught up once after a start (the folder may lack backups made while it was
      // away), then retried hourly while it fails.
      if (config.copyDir && (lastCopy === null || (!lastCopy.ok && clock.now() - lastCopy.at >= COPY_RETRY_MS))) await retryCopy();
    },
    status(): BackupStatus {
      return {
        enabled: config !== undefined,
        dir: config?.dir ?? null,
        keep: config?.keep ?? DEFAULT_KEEP,
        running: running !== null,
        backups: newestFirst(names()).flatMap((n) => entry(n) ?? []),
        lastRun,
        copy: copyStatus(),
      };
    },
    /** The file of a listed backup, for its download; null for any name not in the listing. */
    fileOf(name: string): string | null {
      return config && names().includes(name) ? join(config.dir, name) : null;
    },
    /** Waits for a backup being written (the server's close). */
    async idle(): Promise<void> {
      if (running) await running;
    },
  };
}

export type Backups = ReturnType<typeof createBackups>;
