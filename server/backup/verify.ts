/**
 * 复核: kept backups and their 异地副本 are read back daily, since a disk, a NAS or a USB stick can
 * rot a file long after it passed its check. What each file was found to be is kept in a small
 * record book beside the backups (`backup-checks.json` in HALL_BACKUP_DIR: not in the database,
 * so a 复核 is no change that would call for a backup, and a restore does not bring back old
 * verdicts).
 *
 * How a file is proven: the SHA-256 of a local backup is taken when it passed its check (a plain
 * copy is the same bytes), and a later read must give the same digest — any changed byte shows,
 * where SQLite's integrity check would pass a flipped byte inside a name. An encrypted copy is
 * read through its GCM tag with the passphrase, which covers every byte the same way. A file
 * with no digest on record (made before this version) gets the database check, read-only, and
 * its digest is recorded from then on.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { BackupVerify } from '../../shared/backup';
import { checkDatabaseFile } from './check';
import { verifyEncrypted } from './crypt';

/** A file's last verdict: when it was read, whether it was good and why not, and its digest when written. */
export interface VerifyRecord extends BackupVerify {
  sha256?: string | undefined;
}

/** Where a file lives: the backup folder or the 异地副本 folder. */
export type Place = 'local' | 'copy';

export const BOOK_FILE = 'backup-checks.json';
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Reads `path` back: good when it is what was written. Never throws: the verdict says why not. */
export async function verifyFile(path: string, how: { passphrase?: string | undefined; sha256?: string | undefined; encrypted: boolean }): Promise<{ ok: boolean; error: string | null; sha256?: string }> {
  try {
    if (how.encrypted) {
      if (!how.passphrase) return { ok: false, error: 'encrypted, and HALL_BACKUP_PASSPHRASE is not set: it cannot be read back' };
      await verifyEncrypted(path, how.passphrase);
      return { ok: true, error: null };
    }
    const sha256 = await sha256File(path);
    if (how.sha256) return sha256 === how.sha256 ? { ok: true, error: null, sha256 } : { ok: false, error: 'its bytes changed since it was written (SHA-256 differs): the file is damaged' };
    const check = await checkDatabaseFile(path, undefined, { readonly: true });
    return check.ok ? { ok: true, error: null, sha256 } : { ok: false, error: check.error };
  } catch (e) {
    return { ok: false, error: message(e) };
  }
}

/** The record book: `local/<name>` and `copy/<file>` → the last verdict. */
export function createCheckBook(dir: string, log: (msg: string) => void) {
  const path = join(dir, BOOK_FILE);
  let records = new Map<string, VerifyRecord>();
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { files?: Record<string, VerifyRecord> };
    records = new Map(Object.entries(raw.files ?? {}));
  } catch {
    // none yet (or unreadable): every file is read back soon, and recorded anew
  }
  const keyOf = (place: Place, file: string): string => `${place}/${file}`;
  return {
    get: (place: Place, file: string): VerifyRecord | undefined => records.get(keyOf(place, file)),
    set(place: Place, file: string, r: VerifyRecord): void {
      records.set(keyOf(place, file), r);
    },
    /** Forgets files no longer in their folder (deleted to keep the newest, or by hand). */
    keepOnly(place: Place, files: readonly string[]): void {
      const present = new Set(files.map((f) => keyOf(place, f)));
      for (const k of records.keys()) if (k.startsWith(`${place}/`) && !present.has(k)) records.delete(k);
    },
    /** Written whole under a temporary name, then renamed: a crash leaves the old book or the new. */
    save(): void {
      try {
        const temp = join(dir, `.hall-checks.json.tmp`);
        writeFileSync(temp, JSON.stringify({ files: Object.fromEntries(records) }, null, 1), { mode: 0o600 });
        renameSync(temp, path);
      } catch (e) {
        log(`backup: could not save ${path}: ${message(e)}`);
      }
    },
  };
}

export type CheckBook = ReturnType<typeof createCheckBook>;
