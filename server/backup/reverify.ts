/**
 * 复核 on the timer: one kept file — a local backup or a 异地副本 — read back per call, the one
 * verified longest ago once its last verdict is a day old (rules.ts nextToVerify). The reading
 * streams (a digest, or the decryption through its tag) and a database check runs in a worker,
 * so it never holds up the hall; the timer's 30-second ticks spread a day's files. A damaged
 * file is logged each time it is found, and audited (`BackupDamaged`) when it turns damaged; then
 * it is written again from its good twin when there is one (repair.ts), audited `BackupRepaired`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupConfig } from './config';
import { backupOfCopy } from './copy';
import type { CopyFolder } from './copy-folder';
import { repairCopy, repairLocal } from './repair';
import { nextToVerify } from './rules';
import { verifyFile, type CheckBook, type Place } from './verify';

export interface ReverifyDeps {
  config: BackupConfig;
  /** The copy folder's guard; null without one. */
  folder: CopyFolder | null;
  book: CheckBook;
  now: () => number;
  /** A verdict this old is read again (rules.ts VERIFY_EVERY_MS). */
  everyMs: number;
  log: (msg: string) => void;
  audit: (type: string, data: Record<string, unknown>) => void;
}

export function createReverify(deps: ReverifyDeps) {
  const { config, folder, book, now, everyMs, log, audit } = deps;
  const folderOf = (place: Place): string => (place === 'local' ? config.dir : config.copyDir!);

  /** A damaged file written again from its twin in the other folder, when that one is good. */
  async function repair(pick: { place: Place; file: string }, local: readonly string[], copies: readonly string[] | null): Promise<void> {
    if (!folder) return;
    const name = pick.place === 'local' ? pick.file : backupOfCopy(pick.file)!;
    const twin = pick.place === 'local' ? copies?.find((f) => backupOfCopy(f) === name) : local.includes(name) ? name : undefined;
    // Its twin aged out, or never was (a NAS that was down that day): nothing to repair from.
    if (twin === undefined) return;
    const sha256 = book.get('local', name)?.sha256;
    const places = { dir: config.dir, folder, passphrase: config.passphrase };
    const r = pick.place === 'copy' ? await repairCopy(places, name, pick.file, sha256) : await repairLocal(places, name, twin, sha256);
    const path = join(folderOf(pick.place), pick.file);
    if (!r.ok) {
      log(`backup: cannot repair ${path}: ${r.error}`);
      return;
    }
    // A plain copy holds the backup's bytes, so its digest; an encrypted one is proven by its tag.
    book.set(pick.place, r.file, { at: now(), ok: true, error: null, sha256: r.file === name ? sha256 ?? r.sha256 : undefined });
    if (pick.place === 'copy' && r.file !== pick.file) book.keepOnly('copy', (await folder.tryList()) ?? [r.file]);
    book.save();
    log(`backup REPAIRED: ${join(folderOf(pick.place), r.file)} written again from ${join(folderOf(pick.place === 'local' ? 'copy' : 'local'), twin)}`);
    audit('BackupRepaired', { place: pick.place, name: r.file, dir: folderOf(pick.place), from: twin });
  }

  /** Reads back the file most due, if any is; resolves when done, never rejects. */
  async function verifyNext(local: readonly string[]): Promise<void> {
    const copies = folder ? await folder.tryList() : null;
    book.keepOnly('local', local);
    // A folder that cannot be read forgets nothing: its files are likely still there.
    if (copies) book.keepOnly('copy', copies);
    // An encrypted copy with no passphrase set cannot be read back: it waits, unjudged.
    const readable = (copies ?? []).filter((f) => config.passphrase || f === backupOfCopy(f));
    const files = [...local.map((file) => ({ place: 'local' as const, file })), ...readable.map((file) => ({ place: 'copy' as const, file }))];
    const key = nextToVerify(
      files.map((f) => ({ key: `${f.place}/${f.file}`, verifiedAt: book.get(f.place, f.file)?.at ?? null })),
      now(),
      everyMs,
    );
    const pick = files.find((f) => `${f.place}/${f.file}` === key);
    if (!pick) return;
    const path = join(folderOf(pick.place), pick.file);
    const before = book.get(pick.place, pick.file);
    const read = () => verifyFile(path, { encrypted: pick.file !== backupOfCopy(pick.file), passphrase: config.passphrase, sha256: before?.sha256 });
    let verdict: Awaited<ReturnType<typeof verifyFile>>;
    if (pick.place === 'local') verdict = await read();
    else {
      try {
        verdict = await folder!.whole(read);
      } catch (e) {
        // A folder that stopped answering says nothing about the file: no verdict (the console shows the folder hung).
        log(`backup: 复核 of ${path} stopped: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
    }
    // Deleted while it was read (a new backup's clean-up): nothing to say about it.
    const still = pick.place === 'local' ? existsSync(path) : (await folder!.tryList())?.includes(pick.file) === true;
    if (!still) return;
    book.set(pick.place, pick.file, { at: now(), ok: verdict.ok, error: verdict.error, sha256: before?.sha256 ?? verdict.sha256 });
    book.save();
    if (verdict.ok) return;
    log(`backup DAMAGED (${pick.place === 'local' ? 'backup folder' : 'copy folder'}): ${path}: ${verdict.error}; a restore must use the newest good one`);
    if (before?.ok !== false) audit('BackupDamaged', { place: pick.place, name: pick.file, dir: folderOf(pick.place), error: verdict.error });
    await repair(pick, local, copies);
  }

  return { verifyNext };
}
