/**
 * Numbered SQL migrations (0001_name.sql …), applied in order, each in its own transaction,
 * recorded in `migrations`. A database that has applied a migration this build does not know,
 * or whose applied list is not a prefix of ours, is refused: running on it would corrupt it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './open';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return files.map((file, i) => {
    const m = /^(\d{4})_[a-z0-9_]+\.sql$/.exec(file);
    if (!m) throw new Error(`migration file name must look like 0001_name.sql: ${file}`);
    const id = Number(m[1]);
    if (id !== i + 1) throw new Error(`migrations must be numbered 0001, 0002 … without gaps: ${file}`);
    return { id, name: file, sql: readFileSync(join(dir, file), 'utf8') };
  });
}

export function migrate(db: Db, migrations: Migration[] = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT id, name FROM migrations ORDER BY id').all() as { id: number; name: string }[];
  applied.forEach((row, i) => {
    const known = migrations[i];
    if (!known || known.id !== row.id || known.name !== row.name) {
      throw new Error(`database has migration ${row.name} that this version does not know (or in another order); refusing to start`);
    }
  });
  const insert = db.prepare('INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const m of migrations.slice(applied.length)) {
    db.transaction(() => {
      db.exec(m.sql);
      insert.run(m.id, m.name, new Date().toISOString());
    })();
    done.push(m.id);
  }
  return done;
}
