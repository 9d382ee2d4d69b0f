/**
 * Restoring a backup (scripts/restore-backup.ts; docs/operations.md): with the server stopped,
 * the backup is copied beside the database, checked there (integrity, migrations a prefix of
 * this version's), the current database is kept aside as `<db>.before-restore-<time>`, and the
 * copy is renamed into place. Nothing is deleted: a wrong restore is undone by renaming back.
 * An encrypted 异地副本 (`hall-….db.enc`) is decrypted straight into that place beside the
 * database, with the hall's passphrase; a wrong one changes nothing.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkDatabaseFile } from './check';
import { decryptFile, isEncryptedBackup } from './crypt';

export interface RestoreResult {
  /** Where the database was before (null: there was none). */
  keptAside: string | null;
  /** How many migrations the restored database has applied (the server applies newer ones at start). */
  migrations: number;
}

/** `20261128T203015`: the time in a name that sorts, UTC (a restore is a rare, manual thing). */
const stamp = (at: number): string => new Date(at).toISOString().slice(0, 19).replace(/[-:]/g, '');

/**
 * Throws when another connection has the database open (a running server): switching a WAL
 * database to rollback mode needs it alone, and fails at once (busy_timeout 0) otherwise. When
 * it succeeds, the last run's WAL is folded into the file, so the file set aside is whole.
 */
function assertNotInUse(db: string): void {
  let conn: Database.Database | undefined;
  try {
    conn = new Database(db, { fileMustExist: true });
    conn.pragma('busy_timeout = 0');
    conn.pragma('journal_mode = DELETE');
  } catch (e) {
    const busy = e instanceof Error && 'code' in e && String(e.code).startsWith('SQLITE_BUSY');
    throw new Error(busy ? `${db} is in use (is the server running?): stop it first` : `cannot open ${db}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    conn?.close();
  }
}

export async function restoreBackup(backup: string, db: string, now: number = Date.now(), passphrase?: string): Promise<RestoreResult> {
  if (!existsSync(backup)) throw new Error(`no such backup file: ${backup}`);
  const encrypted = isEncryptedBackup(backup);
  if (encrypted && !passphrase) throw new Error(`${backup} is encrypted: give the hall's backup passphrase (HALL_BACKUP_PASSPHRASE)`);
  const hadDb = existsSync(db);
  if (hadDb) assertNotInUse(db);
  mkdirSync(dirname(db), { recursive: true });
  // Checked where it will live (the same disk), so the rename below cannot half-happen.
  const incoming = `${db}.restoring`;
  if (encrypted) {
    try {
      await decryptFile(backup, incoming, passphrase!);
    } catch (e) {
      rmSync(incoming, { force: true });
      throw new Error(`the backup could not be decrypted, nothing changed: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else {
    copyFileSync(backup, incoming);
  }
  const check = await checkDatabaseFile(incoming);
  if (!check.ok) {
    rmSync(incoming, { force: true });
    throw new Error(`the backup failed its check, nothing changed: ${check.error}`);
  }
  let keptAside: string | null = null;
  if (hadDb) {
    keptAside = `${db}.before-restore-${stamp(now)}`;
    renameSync(db, keptAside);
    // After the switch to rollback mode there is no WAL; an -shm left over would confuse the next open.
    for (const f of [`${db}-wal`, `${db}-shm`, `${db}-journal`]) if (existsSync(f)) renameSync(f, `${keptAside}${f.slice(db.length)}`);
  }
  renameSync(incoming, db);
  return { keptAside, migrations: check.migrations };
}
