/**
 * 自动修复: a kept file that 复核 found damaged is written again from its twin when the twin is
 * good — a damaged 异地副本 from the local backup (encrypted again when the hall has a
 * passphrase), a damaged local backup from its copy (decrypted when encrypted). The twin is read
 * back first, and the new file is proven like the original: the digest recorded when the backup
 * passed its check (else the database check), under a temporary name, then renamed over the
 * damaged one. A repair that cannot be made changes nothing: the damaged file stays, reported.
 */
import { chmodSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeCopy } from './copy';
import type { CopyFolder } from './copy-folder';
import { decryptFile } from './crypt';
import { verifyFile } from './verify';

export interface RepairPlaces {
  /** The local backup folder. */
  dir: string;
  /** The copy folder, every call through its guard (copy-folder.ts). */
  folder: CopyFolder;
  passphrase?: string | undefined;
}

export type RepairOutcome = { ok: true; file: string; sha256?: string | undefined } | { ok: false; error: string };

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The copy `damaged` of backup `name` is written again from the local backup, which must still
 * give `sha256` (its digest when it passed). With a passphrase set since, the new copy is
 * encrypted and the old plain one removed.
 */
export async function repairCopy(p: RepairPlaces, name: string, damaged: string, sha256: string | undefined): Promise<RepairOutcome> {
  const src = join(p.dir, name);
  const twin = await verifyFile(src, { encrypted: false, sha256 });
  if (!twin.ok) return { ok: false, error: `the local backup is not good either: ${twin.error}` };
  try {
    const file = await writeCopy(src, p.folder, name, p.passphrase);
    if (file !== damaged) await p.folder.quick((fs) => fs.rm(p.folder.path(damaged)));
    return { ok: true, file };
  } catch (e) {
    return { ok: false, error: message(e) };
  }
}

/** The local backup `name` is written again from its copy `copy` (decrypted with the passphrase when encrypted). */
export async function repairLocal(p: RepairPlaces, name: string, copy: string, sha256: string | undefined): Promise<RepairOutcome> {
  const encrypted = copy !== name;
  if (encrypted && !p.passphrase) return { ok: false, error: 'its copy is encrypted and HALL_BACKUP_PASSPHRASE is not set' };
  const temp = join(p.dir, `.${name}.repair.tmp`);
  try {
    const src = p.folder.path(copy);
    if (encrypted) await p.folder.whole(() => decryptFile(src, temp, p.passphrase!));
    else await p.folder.whole((fs) => fs.copyFile(src, temp));
    const check = await verifyFile(temp, { encrypted: false, sha256 });
    if (!check.ok) throw new Error(`its copy is not good either: ${check.error}`);
    chmodSync(temp, 0o600);
    renameSync(temp, join(p.dir, name));
    return { ok: true, file: name, sha256: sha256 ?? check.sha256 };
  } catch (e) {
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
    return { ok: false, error: message(e) };
  }
}
