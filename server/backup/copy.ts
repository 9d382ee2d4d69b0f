/**
 * 异地副本: each checked backup is also copied to a second folder on another disk or machine (a
 * mounted NAS, a USB disk), encrypted when the hall has a passphrase (crypt.ts). A copy is written
 * under a temporary name, checked where it landed (a plain copy: the database check; an encrypted
 * one: read back through its tag), and only then renamed to `hall-….db` (or `hall-….db.enc`). Every
 * local backup among the newest `keep` that the folder lacks is copied, newest first, so a day the
 * NAS was down is caught up on the next try; the folder keeps the newest `keep`, like the backups.
 */
import { join } from 'node:path';
import { checkDatabaseFile } from './check';
import { backupOfCopy, NotAnswering, type CopyFolder } from './copy-folder';
import { encryptFile, verifyEncrypted } from './crypt';
import { backupsToDelete, backupsToKeep } from './rules';

export { backupOfCopy } from './copy-folder';

const ENC = '.enc';

export interface CopyTarget {
  /** The local backup folder. */
  dir: string;
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

/**
 * Writes the copy of backup `name` (at `src`) into the copy folder, encrypted with a passphrase,
 * checked where it landed, then renamed into place (over a damaged one: repair.ts). Returns its
 * file name. Every call on the folder goes through its guard (copy-folder.ts).
 */
export async function writeCopy(src: string, folder: CopyFolder, name: string, passphrase: string | undefined): Promise<string> {
  const target = passphrase ? `${name}${ENC}` : name;
  const temp = folder.path(`.${target}.tmp`);
  try {
    if (passphrase) {
      await folder.whole(async () => {
        await encryptFile(src, temp, passphrase);
        await verifyEncrypted(temp, passphrase);
      });
    } else {
      await folder.whole((fs) => fs.copyFile(src, temp));
      const check = await folder.whole(() => checkDatabaseFile(temp));
      if (!check.ok) throw new Error(`the copy of ${name} failed its check: ${check.error}`);
    }
    await folder.quick((fs) => fs.chmod(temp, 0o600));
    await folder.quick((fs) => fs.rename(temp, folder.path(target)));
    return target;
  } catch (e) {
    // A folder that does not answer would only hang again: its leftovers go at the next start.
    if (!(e instanceof NotAnswering)) {
      for (const f of [temp, `${temp}-journal`]) await folder.quick((fs) => fs.rm(f)).catch(() => undefined);
    }
    throw e;
  }
}

/** Brings the copy folder up to the kept local backups. Never throws: the outcome says what failed. */
export async function syncCopies(t: CopyTarget, folder: CopyFolder, local: readonly string[]): Promise<CopyOutcome> {
  const copied: string[] = [];
  const deleted: string[] = [];
  try {
    await folder.quick((fs) => fs.mkdir(folder.dir));
    // Either form counts: copies made before a passphrase was set are not made again.
    const present = new Set((await folder.list()).map((f) => backupOfCopy(f)!));
    for (const name of backupsToKeep(local, t.keep, t.today)) {
      if (present.has(name)) continue;
      copied.push(await writeCopy(join(t.dir, name), folder, name, t.passphrase));
      present.add(name);
    }
    const files = await folder.list();
    const old = new Set(backupsToDelete([...new Set(files.map((f) => backupOfCopy(f)!))], t.keep, t.today));
    for (const f of files) {
      if (!old.has(backupOfCopy(f)!)) continue;
      await folder.quick((fs) => fs.rm(folder.path(f)));
      deleted.push(f);
    }
    if (deleted.length > 0) await folder.list();
    return { ok: true, copied, deleted, error: null };
  } catch (e) {
    await folder.tryList();
    return { ok: false, copied, deleted, error: e instanceof Error ? e.message : String(e) };
  }
}
