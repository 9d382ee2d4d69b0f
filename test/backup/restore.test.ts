/**
 * Restoring a backup: the backup replaces the database and the old one is kept aside; a database
 * in use, a damaged backup, or one from a newer version is refused with nothing changed. The
 * script itself runs once as the IT person would run it.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../server/backup/restore';
import { openStore } from '../../server/store';
import { backupHall, ticketIds } from './support';

const run = promisify(execFile);
const NOW = Date.parse('2026-11-30T12:34:56Z');

/** A hall with one backup holding `before` tickets, and `after` more tickets only in the live database. */
async function hallWithBackup() {
  const h = backupHall();
  const before = [h.issue(), h.issue()];
  const r = await h.backups.run({ kind: 'system' }, 'manual');
  if (!r.ok) throw new Error(r.error.message);
  const after = [h.issue(), h.issue(), h.issue()];
  return { h, backup: join(h.dir, r.data.name), before, after };
}

describe('restoring a backup', () => {
  it('puts the backup in place, keeps the old database aside whole, and the store opens it', async () => {
    const { h, backup, before, after } = await hallWithBackup();
    h.close(); // the server is stopped
    const r = await restoreBackup(backup, h.dbPath, NOW);
    expect(r.keptAside).toBe(`${h.dbPath}.before-restore-20261130T123456`);
    expect(ticketIds(h.dbPath)).toEqual([...before].sort());
    expect(ticketIds(r.keptAside!)).toEqual([...before, ...after].sort());
    expect(readdirSync(h.root).sort()).toEqual(['backups', 'hall.db', 'hall.db.before-restore-20261130T123456']);
    const store = openStore(h.dbPath);
    expect(store.halls.hallIds()).toHaveLength(1);
    store.close();
  });

  it('into a place with no database yet', async () => {
    const { h, backup, before } = await hallWithBackup();
    h.close();
    const target = join(h.root, 'new', 'hall.db');
    expect((await restoreBackup(backup, target, NOW)).keptAside).toBeNull();
    expect(ticketIds(target)).toEqual([...before].sort());
  });

  it('refuses while the database is in use (the server running) and changes nothing', async () => {
    const { h, backup, before, after } = await hallWithBackup();
    await expect(restoreBackup(backup, h.dbPath, NOW)).rejects.toThrow(/in use/);
    expect(ticketIds(h.dbPath)).toEqual([...before, ...after].sort());
    expect(readdirSync(h.root).filter((f) => f.includes('restor'))).toEqual([]);
    h.close();
  });

  it.each([
    ['not a database', (f: string) => writeFileSync(f, 'this is not a database, it is a shopping list'), /check/],
    [
      'from a newer version (a migration we do not know)',
      (f: string) => {
        const db = new Database(f);
        db.prepare("INSERT INTO migrations (id, name, applied_at) VALUES (999, '0999_future.sql', 'x')").run();
        db.close();
      },
      /0999_future\.sql/,
    ],
    [
      'a database that is not a hall’s',
      (f: string) => {
        const db = new Database(f);
        db.exec('DROP TABLE migrations');
        db.close();
      },
      /migrations/,
    ],
  ])('refuses a backup %s and leaves the database as it was', async (_what, spoil, why) => {
    const { h, backup, before, after } = await hallWithBackup();
    h.close();
    const bad = join(h.root, 'bad.db');
    copyFileSync(backup, bad);
    spoil(bad);
    await expect(restoreBackup(bad, h.dbPath, NOW)).rejects.toThrow(why);
    expect(ticketIds(h.dbPath)).toEqual([...before, ...after].sort());
    expect(readdirSync(h.root).sort()).toEqual(['backups', 'bad.db', 'hall.db']);
  });

  it('the script: usage, a refusal with exit 1, a restore with exit 0', async () => {
    const { h, backup, before } = await hallWithBackup();
    // What `npx tsx scripts/restore-backup.ts` runs, without npx's own second.
    const script = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'scripts/restore-backup.ts', ...args]);
    const usage = await script(backup, 'two.db').catch((e: { code: number; stderr: string }) => e);
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringContaining('usage') });
    const busy = await script(backup, '--db', h.dbPath).catch((e: { code: number; stderr: string }) => e);
    expect(busy).toMatchObject({ code: 1, stderr: expect.stringContaining('in use') });
    h.close();
    const done = await script(backup, '--db', h.dbPath);
    expect(done.stdout).toContain('before-restore-');
    expect(ticketIds(h.dbPath)).toEqual([...before].sort());
    expect(existsSync(`${h.dbPath}-wal`)).toBe(false);
  }, 30_000);
});
