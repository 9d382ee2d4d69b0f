/**
 * The 异地副本 folder is usually a network mount, and a NAS that goes away can make every call on
 * its folder block — an NFS hard mount waits for ever. A synchronous call would then freeze the
 * whole hall (every clerk's 叫号 waits on the one event loop). So the copy folder is touched only
 * here: asynchronous calls (libuv's thread pool, never the event loop), each within a time limit.
 * One that overruns is reported as the folder not answering, and while it has not settled no
 * further call is made: each hung call holds a pool thread, and piling more on would starve the
 * pool that file reads and crypto share. The last listing is kept for the console, which never
 * waits on the folder.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { parseBackupName } from './rules';

/** The calls made on the copy folder; tests put a folder that hangs in their place. */
export interface CopyFs {
  readdir(dir: string): Promise<string[]>;
  mkdir(dir: string): Promise<unknown>;
  copyFile(src: string, dest: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  chmod(path: string, mode: number): Promise<void>;
  rm(path: string): Promise<void>;
}

export const nodeCopyFs: CopyFs = {
  readdir: (dir) => fsp.readdir(dir),
  mkdir: (dir) => fsp.mkdir(dir, { recursive: true }),
  copyFile: (src, dest) => fsp.copyFile(src, dest),
  rename: (from, to) => fsp.rename(from, to),
  chmod: (path, mode) => fsp.chmod(path, mode),
  rm: (path) => fsp.rm(path, { force: true }),
};

/** A listing, a rename, a deletion: a healthy folder answers at once, even over a network. */
export const QUICK_MS = 20_000;
/** Writing or reading back a whole backup (hundreds of MB over a slow link). */
export const WHOLE_FILE_MS = 30 * 60_000;

const ENC = '.enc';

/** The backup a file of the copy folder holds (`hall-….db` or `hall-….db.enc`), or null for other files. */
export function backupOfCopy(file: string): string | null {
  const base = file.endsWith(ENC) ? file.slice(0, -ENC.length) : file;
  return parseBackupName(base) ? base : null;
}

export class NotAnswering extends Error {}

export function createCopyFolder(dir: string, opts: { now: () => number; fs?: CopyFs | undefined; quickMs?: number | undefined }) {
  const fs = opts.fs ?? nodeCopyFs;
  const quickMs = opts.quickMs ?? QUICK_MS;
  /** A call that overran and has not settled yet: when it began. */
  let stuckSince: number | null = null;
  let listing: string[] | null = null;

  const notAnswering = (since: number): NotAnswering =>
    new NotAnswering(`the copy folder ${dir} has not answered since ${new Date(since).toISOString()} (a network storage that hung?); nothing more is tried there until it does`);

  /** `op` within `ms`, unless an earlier call is still hanging (then refused at once). */
  function guard<T>(op: () => Promise<T>, ms: number): Promise<T> {
    if (stuckSince !== null) return Promise.reject(notAnswering(stuckSince));
    const began = opts.now();
    return new Promise<T>((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        stuckSince = began;
        reject(notAnswering(began));
      }, ms);
      op().then(
        (v) => {
          clearTimeout(timer);
          if (late) stuckSince = null;
          else resolve(v);
        },
        (e: unknown) => {
          clearTimeout(timer);
          if (late) stuckSince = null;
          else reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  /** Our files in the folder (the listing kept for the console); throws when it cannot be read or does not answer. */
  async function list(): Promise<string[]> {
    const files = (await guard(() => fs.readdir(dir), quickMs)).filter((f) => backupOfCopy(f) !== null);
    listing = files;
    return files;
  }

  return {
    dir,
    list,
    /** As list(), or null when the folder cannot be read or does not answer (a NAS not mounted, or hung). */
    async tryList(): Promise<string[] | null> {
      try {
        return await list();
      } catch {
        listing = null;
        return null;
      }
    },
    /** The last listing (null: never read, or it failed); the console reads this, never the folder. */
    cached: (): string[] | null => listing,
    /** Since when a call on the folder has hung, or null. */
    stuckSince: (): number | null => stuckSince,
    /** A quick call on a path of the folder (mkdir, rename, chmod, rm). */
    quick: <T>(op: (fs: CopyFs) => Promise<T>): Promise<T> => guard(() => op(fs), quickMs),
    /** A call that writes or reads a whole file there. */
    whole: <T>(op: (fs: CopyFs) => Promise<T>): Promise<T> => guard(() => op(fs), WHOLE_FILE_MS),
    path: (file: string): string => join(dir, file),
  };
}

export type CopyFolder = ReturnType<typeof createCopyFolder>;
