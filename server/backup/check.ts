/**
 * The check a backup must pass before it counts (and again before a restore puts it in place):
 * SQLite's own integrity check, and a migrations table whose list is a prefix of this build's
 * (the store refuses any other, so a backup that fails here could never be served).
 */
import Database from 'better-sqlite3';
import { loadMigrations, type Migration } from '../store/migrate';

export type CheckResult = { ok: true; migrations: number } | { ok: false; error: string };

/** The first applied migration this build does not know at that place, or null when all are ours. */
export function unknownMigration(applied: readonly { id: number; name: string }[], ours: readonly Migration[]): string | null {
  for (const [i, row] of applied.entries()) {
    const known = ours[i];
    if (!known || known.id !== row.id || known.name !== row.name) return row.name;
  }
  return null;
}

/**
 * Checks a database file and leaves it in rollback-journal mode, one self-contained file (a
 * copy of a WAL database would otherwise want its -wal and -shm beside it). The file is written
 * to (the journal mode), so check a copy, never the live database.
 */
export function checkDatabaseFile(path: string, ours: readonly Migration[] = loadMigrations()): CheckResult {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    const verdict = integrity.map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') return { ok: false, error: `integrity_check: ${verdict.slice(0, 300)}` };
    const applied = db.prepare('SELECT id, name FROM migrations ORDER BY id').all() as { id: number; name: string }[];
    if (applied.length === 0) return { ok: false, error: 'no migrations applied: not a hall database' };
    const unknown = unknownMigration(applied, ours);
    if (unknown) return { ok: false, error: `migration ${unknown} is not one of this version's (a newer version made it?)` };
    return { ok: true, migrations: applied.length };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    db?.close();
  }
}
