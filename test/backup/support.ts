/** A hall on a real database file with 数据备份 beside it, driven without HTTP (service and restore tests). */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBackups } from '../../server/backup/backup-service';
import { nodeCopyFs, type CopyFs } from '../../server/backup/copy-folder';
import { BOOK_FILE } from '../../server/backup/verify';
import { seedDemoIfEmpty } from '../../server/demo/seed';
import { SYSTEM } from '../../server/service/actor';
import { ManualClock } from '../../server/service/clock';
import { createHallService } from '../../server/service/hall-service';
import { openStore } from '../../server/store';
import { createVoice } from '../../server/voice';
import { TEST_START } from '../support/server';
import { tempDir } from '../support/tmp';

export function backupHall(opts: { keep?: number; dir?: string; copyDir?: string; passphrase?: string; everyHours?: number; verifyEveryMs?: number; copyFs?: CopyFs; copyQuickMs?: number } = {}) {
  const root = tempDir('backup-');
  const dbPath = join(root, 'hall.db');
  const dir = opts.dir ?? join(root, 'backups');
  const clock = new ManualClock(TEST_START);
  const store = openStore(dbPath);
  seedDemoIfEmpty(store, { now: clock.now(), bcryptRounds: 4 });
  const logs: string[] = [];
  const log = (m: string) => void logs.push(m);
  const hallId = store.halls.hallIds()[0]!;
  const hall = createHallService({ store, clock, voice: createVoice({ log }), hallId, log });
  const backups = createBackups({ db: store.db, hall, clock, config: { dir, keep: opts.keep ?? 14, copyDir: opts.copyDir, passphrase: opts.passphrase, everyHours: opts.everyHours }, log, verifyEveryMs: opts.verifyEveryMs, copyFs: opts.copyFs, copyQuickMs: opts.copyQuickMs });
  const issue = (queue = 'A'): string => {
    const id = randomUUID();
    const r = hall.execute(SYSTEM, { type: 'issueTicket', id, queue, channel: 'kiosk', matters: [] });
    if (!r.ok) throw new Error(r.error.message);
    return id;
  };
  const audits = (type: string) =>
    store.db.prepare('SELECT actor, after FROM events WHERE type = ? ORDER BY id').all(type) as { actor: string; after: string }[];
  return { root, dbPath, dir, clock, store, hall, backups, logs, issue, audits, close: () => store.close() };
}

/** The tickets in a database file (a backup, a restored database), read on their own connection. */
export function ticketIds(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT id FROM tickets ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

/** The backup folder's files but the 复核 record book (verify.ts), which sits beside them. */
export function listed(dir: string): string[] {
  return readdirSync(dir).filter((f) => f !== BOOK_FILE);
}

/** Changes one byte inside a file (by default in its middle pages), as a rotting disk would. */
export function flipByte(path: string, at = 40_000): void {
  const fd = openSync(path, 'r+');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, at);
    b[0] = b[0]! ^ 0x20;
    writeSync(fd, b, 0, 1, at);
  } finally {
    closeSync(fd);
  }
}

/**
 * A copy folder that can hang like an NFS mount whose server went away: while `hang` is on, every
 * call waits (and counts) until release(), then does what it was asked.
 */
export function hangableFs() {
  let waiting: (() => void)[] = [];
  const h = {
    hang: false,
    /** Calls made while hanging. */
    hung: 0,
    release(): void {
      h.hang = false;
      const go = waiting;
      waiting = [];
      for (const f of go) f();
    },
    fs: {} as CopyFs,
  };
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    (...a: A): Promise<R> => {
      if (!h.hang) return f(...a);
      h.hung++;
      return new Promise<R>((resolve, reject) => waiting.push(() => void f(...a).then(resolve, reject)));
    };
  h.fs = {
    readdir: wrap(nodeCopyFs.readdir),
    mkdir: wrap(nodeCopyFs.mkdir),
    copyFile: wrap(nodeCopyFs.copyFile),
    rename: wrap(nodeCopyFs.rename),
    chmod: wrap(nodeCopyFs.chmod),
    rm: wrap(nodeCopyFs.rm),
  };
  return h;
}
