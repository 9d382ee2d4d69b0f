/**
 * 异地副本: each checked backup is also copied to a second folder on another disk or machine (a
 * mounted NAS, a USB disk), encrypted when the hall has a passphrase (crypt.ts). A copy is written
 * under a temporary name, checked where it landed (a plain copy: the database check; an encrypted
 * one: read back through its tag), and only then renamed to `hall-….db` (or `hall-….db.enc`). Every
 * local backup among the newest `keep` that the folder lacks is copied, newest first, so a day the
 * NAS was down is caught up on the next try; the folder keeps the newest `keep`, like the backups.
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkDatabaseFile } from './check';
import { encryptFile, verifyEncrypted } from './crypt';
import { backupsToDelete, backupsToKeep, parseBackupName } from './rules';

const ENC = '.enc';

export interface CopyTarget {
  /** The local backup folder. */
  dir: string;
  copyDir: string;
  passphrase?: string | undefined;
  keep: number;
  /** The hall's service day: its later backups are copied and kept too (rules.ts backupsToKeep). */
  today: string;
}

export interface CopyOutcome {
  ok: boolean;
  /** Files written to the copy folder this time (newest first). */
  copied: string[];
  /** Old copies deleted to keep the newest `keep`. */
  deleted: string[];
  error: string | null;
}

/** The backup a file of the copy folder holds (`hall-….db` or `hall-….db.enc`), or null for other files. */
export function backupOfCopy(file: string): string | null {
  const base = file.endsWith(ENC) ? file.slice(0, -ENC.length) : file;
  return parseBackupName(base) ? base : null;
}

/** Our files in the copy folder (throws when it cannot be read: a NAS not mounted). */
export function copiesIn(copyDir: string): string[] {
  return readdirSync(copyDir).filter((f) => backupOfCopy(f) !== null);
}

/**
 * Writes the copy of backup `name` (at `src`) into the copy folder, encrypted with a passphrase,
 * checked where it landed, then renamed into place (over a damaged one: repair.ts). Returns its file name.
 */
export async function writeCopy(src: string, copyDir: string, name: string, passphrase: string | undefined): Promise<string> {
  const target = passphrase ? `${name}${ENC}` : name;
  const temp = join(copyDir, `.${target}.tmp`);
  try {
    if (passphrase) {
      await encryptFile(src, temp, passphrase);
      await verifyEncrypted(temp, passphrase);
    } else {
      copyFileSync(src, temp);
      const check = await checkDatabaseFile(temp);
      if (!check.ok) throw new Error(`the copy of ${name} failed its check: ${check.error}`);
    }
    chmodSync(temp, 0o600);
    renameSync(temp, join(copyDir, target));
    return target;
  } catch (e) {
    for (const f of [temp, `${temp}-journal`]) rmSync(f, { force: true });
    throw e;
  }
}

/** Brings the copy folder up to the kept local backups. Never throws: the outcome says what failed. */
export async function syncCopies(t: CopyTarget, local: readonly string[]): Promise<CopyOutcome> {
  const copied: string[] = [];
  const deleted: string[] = [];
  try {
    mkdirSync(t.copyDir, { recursive: true });
    // Either form counts: copies made before a passphrase was set are not made again.
    const present = new Set(copiesIn(t.copyDir).map((f) => backupOfCopy(f)!));
    for (const name of backupsToKeep(local, t.keep, t.today)) {
      if (present.has(name)) continue;
      copied.push(await writeCopy(join(t.dir, name), t.copyDir, name, t.passphrase));
      present.add(name);
    }
    const files = copiesIn(t.copyDir);
    const old = new Set(backupsToDelete([...new Set(files.map((f) => backupOfCopy(f)!))], t.keep, t.today));
    for (const f of files) {
      if (!old.has(backupOfCopy(f)!)) continue;
      rmSync(join(t.copyDir, f), { force: true });
      deleted.push(f);
    }
    return { ok: true, copied, deleted, error: null };
  } catch (e) {
    return { ok: false, copied, deleted, error: e instanceof Error ? e.message : String(e) };
  }
}
