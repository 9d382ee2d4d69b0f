/**
 * 数据备份's service on a real database file in a temp folder: a backup is a whole, checked
 * database holding the tickets; the day's backup comes once a day; the newest N stay; never two
 * at once; a failure is logged, audited and shown, never thrown.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../server/backup/check';
import { loadMigrations } from '../../server/store/migrate';
import { backupHall, listed, ticketIds } from './support';

const DAY = 24 * 60 * 60_000;

describe('a backup', () => {
  it('is a whole, checked database file holding every ticket, alone (no -wal beside it), readable by the server only', async () => {
    const h = backupHall();
    const ids = [h.issue('A'), h.issue('B'), h.issue('A')];
    const r = await h.backups.run({ kind: 'system' }, 'manual');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({ name: 'hall-2026-11-30T090000.db', checked: true, at: h.clock.now() });
    const file = join(h.dir, r.data.name);
    expect(r.data.size).toBe(statSync(file).size);
    expect(ticketIds(file)).toEqual([...ids].sort());
    expect(listed(h.dir)).toEqual([r.data.name]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await checkDatabaseFile(file)).toEqual({ ok: true, migrations: loadMigrations().length });
    // The live database is untouched and goes on.
    h.issue('A');
    expect(ticketIds(file)).toHaveLength(3);
    h.close();
  });

  it('made while tickets are issued between its steps still passes and holds a consistent state', async () => {
    const h = backupHall();
    for (let i = 0; i < 50; i++) h.issue('A');
    const running = h.backups.run({ kind: 'system' }, 'manual');
    for (let i = 0; i < 20; i++) {
      h.issue('B');
      await new Promise((r) => setImmediate(r));
    }
    const r = await running;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const held = ticketIds(join(h.dir, r.data.name));
    expect(held.length).toBeGreaterThanOrEqual(50);
    expect(held.length).toBeLessThanOrEqual(70);
    h.close();
  });

  it('is audited with who made it, its size and what was deleted', async () => {
    const h = backupHall({ keep: 1 });
    await h.backups.run({ kind: 'system' }, 'auto');
    h.clock.advance(DAY);
    await h.backups.run({ kind: 'user', id: 'u-admin', username: 'admin', name: '管理员', role: 'manager' }, 'manual');
    const made = h.audits('BackupMade');
    expect(made.map((a) => a.actor)).toEqual(['system', 'u-admin']);
    expect(JSON.parse(made[1]!.after)).toMatchObject({ name: 'hall-2026-12-01T090000.db', trigger: 'manual', deleted: ['hall-2026-11-30T090000.db'] });
    h.close();
  });
});

describe('the day’s backup', () => {
  it('is made at the first check of a service day, once; a new day makes the next', async () => {
    const h = backupHall();
    await h.backups.tick();
    expect(listed(h.dir)).toEqual(['hall-2026-11-30T090000.db']);
    h.clock.advance(30_000);
    await h.backups.tick();
    h.clock.advance(14 * 60 * 60_000); // 23:00 the same day
    await h.backups.tick();
    expect(listed(h.dir)).toHaveLength(1);
    h.clock.set(Date.parse('2026-11-30T16:00:30Z')); // 00:00:30 on 12-01 in Shanghai
    await h.backups.tick();
    expect(listed(h.dir).sort()).toEqual(['hall-2026-11-30T090000.db', 'hall-2026-12-01T000030.db']);
    expect(h.backups.status().lastRun).toMatchObject({ ok: true, trigger: 'auto', name: 'hall-2026-12-01T000030.db' });
    h.close();
  });

  it('counts a 立即备份 of the day as the day’s backup', async () => {
    const h = backupHall();
    await h.backups.run({ kind: 'system' }, 'manual');
    h.clock.advance(60_000);
    await h.backups.tick();
    expect(listed(h.dir)).toHaveLength(1);
    h.close();
  });
});

describe('keeping the newest', () => {
  it('deletes the oldest beyond HALL_BACKUP_KEEP and leaves other files in the folder alone', async () => {
    const h = backupHall({ keep: 3 });
    mkdirSync(h.dir, { recursive: true });
    writeFileSync(join(h.dir, 'README.txt'), 'copied off-site nightly');
    for (let d = 0; d < 5; d++) {
      h.clock.set(Date.parse('2026-11-30T01:00:00Z') + d * DAY);
      await h.backups.tick();
    }
    expect(listed(h.dir).sort()).toEqual(['README.txt', 'hall-2026-12-02T090000.db', 'hall-2026-12-03T090000.db', 'hall-2026-12-04T090000.db']);
    expect(h.backups.status().backups.map((b) => b.name)).toEqual(['hall-2026-12-04T090000.db', 'hall-2026-12-03T090000.db', 'hall-2026-12-02T090000.db']);
    expect(h.backups.status().lastRun?.deleted).toEqual(['hall-2026-12-01T090000.db']);
    h.close();
  });
});

describe('never two at once', () => {
  it('a second request while one is written is refused; the timer does not start one either', async () => {
    const h = backupHall();
    for (let i = 0; i < 30; i++) h.issue('A');
    const first = h.backups.run({ kind: 'system' }, 'manual');
    expect(h.backups.status().running).toBe(true);
    const second = await h.backups.run({ kind: 'system' }, 'manual');
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await h.backups.tick();
    expect((await first).ok).toBe(true);
    expect(h.backups.status().running).toBe(false);
    expect(listed(h.dir)).toHaveLength(1);
    // Done: the next one may run (same second: the counter keeps the name free).
    const third = await h.backups.run({ kind: 'system' }, 'manual');
    expect(third.ok && third.data.name).toBe('hall-2026-11-30T090000-2.db');
    h.close();
  });
});

describe('a failure', () => {
  it('is logged, audited and shown as the last run, and leaves no file behind', async () => {
    const h = backupHall();
    const dir = join(h.root, 'not-a-folder');
    writeFileSync(dir, 'a file where the folder should be');
    const broken = backupHall({ dir });
    const r = await broken.backups.run({ kind: 'system' }, 'auto');
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const last = broken.backups.status().lastRun;
    expect(last).toMatchObject({ ok: false, trigger: 'auto', name: null });
    expect(last?.error).toMatch(/EEXIST|ENOTDIR/);
    expect(broken.logs.some((l) => l.startsWith('backup FAILED'))).toBe(true);
    expect(JSON.parse(broken.audits('BackupFailed')[0]!.after)).toMatchObject({ trigger: 'auto' });
    // The timer's tick resolves too: the server goes on.
    await expect(broken.backups.tick()).resolves.toBeUndefined();
    expect(broken.backups.status().backups).toEqual([]);
    broken.close();
    h.close();
  });

  it('a copy that fails its check does not count: no file under a backup name, the reason shown', async () => {
    const h = backupHall();
    // A database a newer version has touched: its copy cannot be served by this one.
    h.store.db.prepare("INSERT INTO migrations (id, name, applied_at) VALUES (999, '0999_future.sql', 'x')").run();
    const r = await h.backups.run({ kind: 'system' }, 'manual');
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(h.backups.status().lastRun?.error).toMatch(/failed its check: migration 0999_future\.sql/);
    expect(listed(h.dir)).toEqual([]);
    h.close();
  });

  it('a temporary file left by a crash mid-backup is removed at the next start', () => {
    const h = backupHall();
    mkdirSync(h.dir, { recursive: true });
    writeFileSync(join(h.dir, '.hall-2026-11-29T090000.db.tmp'), 'half a copy');
    writeFileSync(join(h.dir, '.hall-2026-11-29T090000.db.tmp-journal'), '');
    const again = backupHall({ dir: h.dir });
    expect(existsSync(join(h.dir, '.hall-2026-11-29T090000.db.tmp'))).toBe(false);
    expect(listed(h.dir)).toEqual([]);
    again.close();
    h.close();
  });
});
