import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open';
import { tempDir } from '../support/tmp';

function dirWith(files: Record<string, string>): string {
  const dir = tempDir('mig-');
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('migration runner', () => {
  it('applies the shipped migrations once, in WAL mode', () => {
    const file = join(tempDir('db-'), 'hall.db');
    const db = openDatabase(file);
    const applied = migrate(db);
    expect(applied[0]).toBe(1);
    expect(migrate(db)).toEqual([]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['halls', 'queues', 'windows', 'tickets', 'events', 'users', 'sessions', 'requests', 'calls']));
    db.close();
  });

  it('applies new migrations after the old ones', () => {
    const db = openDatabase(':memory:');
    migrate(db, loadMigrations(dirWith({ '0001_a.sql': 'CREATE TABLE a (x);' })));
    expect(migrate(db, loadMigrations(dirWith({ '0001_a.sql': 'CREATE TABLE a (x);', '0002_b.sql': 'CREATE TABLE b (y);' })))).toEqual([2]);
  });

  it('refuses a database that has a migration this version does not know', () => {
    const db = openDatabase(':memory:');
    migrate(db, loadMigrations(dirWith({ '0001_a.sql': 'CREATE TABLE a (x);', '0002_b.sql': 'CREATE TABLE b (y);' })));
    expect(() => migrate(db, loadMigrations(dirWith({ '0001_a.sql': 'CREATE TABLE a (x);' })))).toThrow(/does not know/);
  });

  it('refuses a renamed (edited) migration', () => {
    const db = openDatabase(':memory:');
    migrate(db, loadMigrations(dirWith({ '0001_a.sql': 'CREATE TABLE a (x);' })));
    expect(() => migrate(db, loadMigrations(dirWith({ '0001_other.sql': 'CREATE TABLE a (x);' })))).toThrow(/does not know/);
  });

  it('refuses gaps and badly named files', () => {
    expect(() => loadMigrations(dirWith({ '0001_a.sql': '', '0003_c.sql': '' }))).toThrow(/without gaps/);
    expect(() => loadMigrations(dirWith({ 'init.sql': '' }))).toThrow(/0001_name/);
  });

  it('a failing migration leaves nothing half-applied', () => {
    const db = openDatabase(':memory:');
    const bad = loadMigrations(dirWith({ '0001_a.sql': 'CREATE TABLE a (x); THIS IS NOT SQL;' }));
    expect(() => migrate(db, bad)).toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM migrations').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
  });
});
