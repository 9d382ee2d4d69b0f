/**
 * The check a backup must pass before it counts (and again before a restore puts it in place):
 * SQLite's own integrity check, and a migrations table whose list is a prefix of this build's
 * (the store refuses any other, so a backup that fails here could never be served).
 *
 * The check reads the whole file (a year of a busy hall is hundreds of MB: seconds), and
 * better-sqlite3 is synchronous, so it runs in a worker thread on its own connection: calls go
 * on meanwhile. The worker is plain JavaScript so that it runs under any loader (tsx, vitest).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { loadMigrations, type Migration } from '../store/migrate';

export type CheckResult = { ok: true; migrations: number } | { ok: false; error: string };

/** What the worker reads from the file, judged below. */
type Facts = { integrity: string; applied: { id: number; name: string }[] } | { error: string };

const SQLITE = createRequire(import.meta.url).resolve('better-sqlite3');

// Leaves the file in rollback-journal mode, one self-contained file (a copy of a WAL database
// would otherwise want its -wal and -shm beside it): it writes, so check a copy, never the live file.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
let db;
try {
  db = new Database(workerData.path, { fileMustExist: true, readonly: workerData.readonly });
  if (!workerData.readonly) db.pragma('journal_mode = DELETE');
  const integrity = db.pragma('integrity_check').map((r) => r.integrity_check).join('; ');
  const applied = integrity === 'ok' ? db.prepare('SELECT id, name FROM migrations ORDER BY id').all() : [];
  parentPort.postMessage({ integrity, applied });
} catch (e) {
  parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
} finally {
  if (db) db.close();
}
`;

function readFacts(path: string, readonly: boolean): Promise<Facts> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { sqlite: SQLITE, path, readonly } });
    worker.once('message', (facts: Facts) => resolve(facts));
    worker.once('error', (e) => resolve({ error: e.message }));
    worker.once('exit', (code) => resolve({ error: `the check stopped (exit ${code})` }));
  });
}

/** The first applied migration this build does not know at that place, or null when all are ours. */
export function unknownMigration(applied: readonly { id: number; name: string }[], ours: readonly Migration[]): string | null {
  for (const [i, row] of applied.entries()) {
    const known = ours[i];
    if (!known || known.id !== row.id || known.name !== row.name) return row.name;
  }
  return null;
}

/**
 * Checks a database file: a fresh copy is switched to rollback-journal mode; `readonly` (the
 * re-verification of a kept backup, already in that mode) opens it without writing a byte.
 */
export async function checkDatabaseFile(path: string, ours: readonly Migration[] = loadMigrations(), opts: { readonly?: boolean } = {}): Promise<CheckResult> {
  const facts = await readFacts(path, opts.readonly === true);
  if ('error' in facts) return { ok: false, error: facts.error };
  if (facts.integrity !== 'ok') return { ok: false, error: `integrity_check: ${facts.integrity.slice(0, 300)}` };
  if (facts.applied.length === 0) return { ok: false, error: 'no migrations applied: not a hall database' };
  const unknown = unknownMigration(facts.applied, ours);
  if (unknown) return { ok: false, error: `migration ${unknown} is not one of this version's (a newer version made it?)` };
  return { ok: true, migrations: facts.applied.length };
}
