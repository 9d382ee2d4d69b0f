/**
 * 数据备份: online copies of the hall database with SQLite's backup API (better-sqlite3's
 * `db.backup`, which copies 100 pages a step between turns of the event loop, so the hall keeps
 * working meanwhile). A copy is written under a temporary name, checked (checkDatabaseFile), and
 * only then renamed to its `hall-<local time>.db` name: every file of that form in the folder
 * has passed. One backup at a time; what rules.ts backupsToKeep says stays. The day's backup
 * comes at the first check of each day, 日间备份 every `everyHours` while the database changes;
 * kept files are read back daily (reverify.ts). A failure is logged, audited and shown as the
 * last run, never thrown at the server.
 */
import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BackupCopyRun, BackupCopyStatus, BackupEntry, BackupRestore, BackupRun, BackupStatus, BackupVerify } from '../../shared/backup';
import type { Reply } from '../../shared/errors';
import { serviceDayOf } from '../domain';
import { SYSTEM, type Actor } from '../service/actor';
import type { Clock } from '../service/clock';
import { err, ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import type { Db } from '../store';
import { checkDatabaseFile } from './check';
import { DEFAULT_KEEP, type BackupConfig } from './config';
import { backupOfCopy, syncCopies } from './copy';
import { createCopyFolder, type CopyFs } from './copy-folder';
import { createReverify } from './reverify';
import { backupDue, backupName, backupsToDelete, backupTime, newestFirst, newestGood, parseBackupName, restoreCommand, VERIFY_EVERY_MS } from './rules';
import { createCheckBook, sha256File, type VerifyRecord } from './verify';

export interface BackupDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  /** The folder and how many to keep; absent: backups are off (an in-memory database). */
  config?: BackupConfig | undefined;
  log: (msg: string) => void;
  /** How old a verdict may grow before the file is read back again; tests shorten it. */
  verifyEveryMs?: number | undefined;
  /** The calls made on the copy folder and how long a quick one may take; tests put a hanging folder in. */
  copyFs?: CopyFs | undefined;
  copyQuickMs?: number | undefined;
}

type Trigger = BackupRun['trigger'];

const TEMP_SUFFIX = '.tmp';
/** After a failed 异地副本 (the NAS was down), the copies are tried again this often. */
export const COPY_RETRY_MS = 60 * 60_000;
/** After a failed automatic backup (a full disk), the timer tries again this often, not every tick. */
export const BACKUP_RETRY_MS = 60 * 60_000;
/** A verdict as the API shows it (the digest stays in the record book). */
const shown = (r: VerifyRecord | undefined): BackupVerify | null => (r ? { at: r.at, ok: r.ok, error: r.error } : null);
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Removes what a failed run left; never throws past the failure's report (a folder squatting on the name). */
function removeQuietly(files: readonly string[]): void {
  for (const f of files) {
    try {
      rmSync(f, { force: true });
    } catch {
      // left for the next start's clean-up, or for the IT person
    }
  }
}

export function createBackups(deps: BackupDeps) {
  const { db, hall, clock, config, log } = deps;
  const timezone = (): string => hall.state().timezone;
  const today = (): string => serviceDayOf(clock.now(), timezone());
  let running: Promise<unknown> | null = null;
  let lastRun: BackupRun | null = null;
  let lastCopy: BackupCopyRun | null = null;
  /** A 复核 being read (the timer's; a 立即备份 may run beside it). */
  let verifying: Promise<unknown> | null = null;
  const book = config ? createCheckBook(config.dir, log) : null;
  // The copy folder (a NAS) is never touched but through this guard: a hung mount must not freeze the hall.
  const folder = config?.copyDir ? createCopyFolder(config.copyDir, { now: () => clock.now(), fs: deps.copyFs, quickMs: deps.copyQuickMs }) : null;

  // Did the database change since the last backup? SQLite's total_changes() counts the rows this
  // connection changed — the server's is the only one writing — at no cost. Our own audit entries
  // (BackupMade …) are no change worth a backup, or each backup would call for the next one.
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  let ownWrites = 0;
  const changes = (): number => Number(totalChanges.get()) - ownWrites;
  /** changes() when the last backup began; null since the start: what happened while the server was down is unknown. */
  let backedUpAt: number | null = null;
  /** Our backups in the folder (files of the name form only; a missing folder has none). */
  function names(): string[] {
    if (!config) return [];
    try {
      return readdirSync(config.dir).filter((f) => parseBackupName(f) !== null);
    } catch {
      return [];
    }
  }

  /** The copy of `name` among the copy folder's files (plain or encrypted). */
  function copyOf(name: string, copies: readonly string[] | null): BackupEntry['copy'] {
    const file = copies?.find((f) => backupOfCopy(f) === name);
    return file ? { file, verified: shown(book?.get('copy', file)) } : null;
  }

  function entry(name: string, copies: readonly string[] | null = null): BackupEntry | null {
    if (!config) return null;
    try {
      const size = statSync(join(config.dir, name)).size;
      return { name, size, at: backupTime(name, timezone()) ?? 0, checked: true, verified: shown(book?.get('local', name)), copy: copyOf(name, copies) };
    } catch {
      return null; // deleted between the listing and the stat
    }
  }

  /** Audit without letting a failing audit (a full disk) turn a backup's outcome into a throw. */
  function audit(actor: Actor, type: string, data: Record<string, unknown>): void {
    const before = Number(totalChanges.get());
    try {
      hall.audit(actor, type, null, data);
    } catch (e) {
      log(`backup: could not write the audit entry ${type}: ${message(e)}`);
    } finally {
      ownWrites += Number(totalChanges.get()) - before;
    }
  }

  /** Records the verdicts the writing gave (a backup, its copies) and forgets deleted files. */
  function record(place: 'local' | 'copy', files: readonly string[], sha256: (file: string) => string | undefined, present: readonly string[] | null): void {
    if (!book) return;
    for (const file of files) book.set(place, file, { at: clock.now(), ok: true, error: null, sha256: sha256(file) });
    if (present) book.keepOnly(place, present);
    book.save();
  }

  /** Brings the 异地副本 folder up to date; logged and audited, never thrown. Null without a copy folder. */
  async function copyOut(actor: Actor): Promise<BackupCopyRun | null> {
    if (!config?.copyDir || !folder) return null;
    const r = await syncCopies({ dir: config.dir, passphrase: config.passphrase, keep: config.keep, today: today() }, folder, names());
    lastCopy = { at: clock.now(), ...r };
    // A plain copy is the backup's bytes: its digest is the backup's. An encrypted one is proven by its tag.
    record('copy', r.copied, (f) => (f === backupOfCopy(f) ? book?.get('local', f)?.sha256 : undefined), folder.cached());
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
      const changesAt = changes();
      await db.backup(temp);
      const check = await checkDatabaseFile(temp);
      if (!check.ok) throw new Error(`the copy failed its check: ${check.error}`);
      // It holds names and phones: readable by the server's account only.
      chmodSync(temp, 0o600);
      // Its digest as it passed: a later 复核 that reads other bytes finds it damaged.
      const sha256 = await sha256File(temp);
      renameSync(temp, join(dir, name));
      backedUpAt = changesAt;
      const deleted = backupsToDelete(names(), keep, today());
      for (const old of deleted) rmSync(join(dir, old), { force: true });
      record('local', [name], () => sha256, names());
      const made = entry(name);
      if (!made) throw new Error(`${name} vanished right after it was written`);
      // The backup stands whatever becomes of its copy: a NAS that is down is reported, not fatal.
      const copy = await copyOut(actor);
      const run = finish({ ok: true, name, error: null, deleted, copy });
      audit(actor, 'BackupMade', { name, size: made.size, ms: run.ms, trigger, deleted, ...(copy ? { copied: copy.copied, copyError: copy.error } : {}) });
      log(`backup: ${name} (${made.size} bytes, ${run.ms} ms)${deleted.length ? `; deleted ${deleted.join(', ')}` : ''}`);
      return ok(made);
    } catch (e) {
      if (temp) removeQuietly([temp, `${temp}-journal`]);
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

  /** The timer's 复核 of one file, beside (never instead of) a 立即备份. */
  async function verifyNext(): Promise<void> {
    if (!reverify) return;
    const reading = reverify.verifyNext(names());
    verifying = reading;
    try {
      await reading;
    } finally {
      verifying = null;
    }
  }

  /** The newest good backup and the command that restores it (rules.ts newestGood). */
  function restoreFrom(entries: readonly BackupEntry[]): BackupRestore | null {
    if (!config) return null;
    const pick = newestGood(entries.map((e) => ({ name: e.name, localOk: e.verified?.ok !== false, copy: e.copy && { file: e.copy.file, ok: e.copy.verified?.ok !== false } })));
    if (!pick) return null;
    const file = join(pick.place === 'local' ? config.dir : config.copyDir!, pick.file);
    // An in-memory database (tests) has no file: the script's default (HALL_DB) stands.
    const dbFile = db.memory ? null : resolve(db.name);
    return { name: pick.name, at: backupTime(pick.name, timezone()) ?? 0, place: pick.place, file, encrypted: pick.file !== pick.name, command: restoreCommand(file, dbFile) };
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

  /** From the last listing: the console never waits on the copy folder. */
  function copyStatus(): BackupCopyStatus | null {
    if (!config?.copyDir || !folder) return null;
    return { dir: config.copyDir, encrypted: config.passphrase !== undefined, count: folder.cached()?.length ?? null, last: lastCopy, notAnsweringSince: folder.stuckSince() };
  }

  const leftover = (f: string): boolean => f.startsWith('.hall-') && f.includes(TEMP_SUFFIX);
  /** Temporary files left by a run the server did not finish (a crash mid-backup); the copy folder's without waiting on it. */
  function removeLeftovers(): void {
    if (config) {
      try {
        for (const f of readdirSync(config.dir)) if (leftover(f)) rmSync(join(config.dir, f), { force: true });
      } catch {
        // no folder yet: nothing left over
      }
    }
    if (folder) {
      void folder
        .quick(async (fs) => {
          for (const f of await fs.readdir(folder.dir)) if (leftover(f)) await fs.rm(folder.path(f));
        })
        .catch(() => undefined); // not mounted, or not answering: tried at the next start
    }
  }
  removeLeftovers();
  const reverify = config && book ? createReverify({ config, folder, book, now: () => clock.now(), everyMs: deps.verifyEveryMs ?? VERIFY_EVERY_MS, log, audit: (type, data) => audit(SYSTEM, type, data) }) : null;

  return {
    run,
    /**
     * At the start and from the server's timer (every 30 s), one thing at most: the day's backup
     * when today (the hall's zone) has none yet, or a 日间备份 when due (rules.ts backupDue) —
     * after a failed one, not before BACKUP_RETRY_MS —; else the 异地副本 catch-up or retry when
     * due; else the 复核 of one file when one is due. Resolves when done; never rejects.
     */
    async tick(): Promise<void> {
      if (!config || running || verifying) return;
      const now = clock.now();
      const due = backupDue({ names: names(), today: today(), now, timezone: timezone(), everyHours: config.everyHours ?? null, changed: backedUpAt === null || changes() !== backedUpAt });
      const failedLately = lastRun !== null && !lastRun.ok && lastRun.trigger !== 'manual' && now - lastRun.at < BACKUP_RETRY_MS;
      if (due && !failedLately) {
        await run(SYSTEM, due);
        return;
      }
      // 异地副本: caught up once after a start (the folder may lack backups made while it was
      // away), then retried hourly while it fails.
      if (config.copyDir && (lastCopy === null || (!lastCopy.ok && now - lastCopy.at >= COPY_RETRY_MS))) {
        await retryCopy();
        return;
      }
      await verifyNext();
    },
    /** The copy folder listed afresh for status(), waiting a second at most (a hung NAS is the console's news, not its wait). */
    async refresh(): Promise<void> {
      if (!folder || folder.stuckSince() !== null) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([folder.tryList(), new Promise<void>((r) => (timer = setTimeout(r, 1_000)))]);
      clearTimeout(timer);
    },
    status(): BackupStatus {
      const copies = folder?.cached() ?? null;
      const backups = newestFirst(names()).flatMap((n) => entry(n, copies) ?? []);
      return {
        enabled: config !== undefined,
        dir: config?.dir ?? null,
        keep: config?.keep ?? DEFAULT_KEEP,
        running: running !== null,
        backups,
        lastRun,
        copy: copyStatus(),
        everyHours: config?.everyHours ?? null,
        restore: restoreFrom(backups),
      };
    },
    /** The file of a listed backup, for its download; null for any name not in the listing. */
    fileOf(name: string): string | null {
      return config && names().includes(name) ? join(config.dir, name) : null;
    },
    /** Waits for a backup being written (the server's close). */
    async idle(): Promise<void> {
      if (running) await running;
      if (verifying) await verifying;
    },
  };
}

export type Backups = ReturnType<typeof createBackups>;
