/**
 * 异地副本 on real files: each backup is copied to the copy folder, checked there, as a plain
 * database or encrypted with the hall's passphrase; a copy folder that cannot be written leaves
 * the backup standing, is logged, audited and shown, and is caught up by the hourly retry (and
 * after a start); the folder keeps the newest N; an encrypted copy restores with its passphrase.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { COPY_RETRY_MS } from '../../server/backup/backup-service';
import { decryptFile } from '../../server/backup/crypt';
import { restoreBackup } from '../../server/backup/restore';
import { tempDir } from '../support/tmp';
import { backupHall, listed, ticketIds } from './support';

const PASS = 'correct horse battery staple';
const DAY = 24 * 60 * 60_000;
const SYSTEM = { kind: 'system' } as const;
const run = promisify(execFile);

describe('a plain copy', () => {
  it('lands beside the backup in the copy folder, checked, readable by the server only, and is shown', async () => {
    const copyDir = join(tempDir('nas-'), 'hall');
    const h = backupHall({ copyDir });
    const ids = [h.issue('A'), h.issue('B')];
    const r = await h.backups.run(SYSTEM, 'manual');
    expect(r.ok).toBe(true);
    const copy = join(copyDir, 'hall-2026-11-30T090000.db');
    expect(readdirSync(copyDir)).toEqual(['hall-2026-11-30T090000.db']);
    expect(ticketIds(copy)).toEqual([...ids].sort());
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    const st = h.backups.status();
    expect(st.lastRun?.copy).toMatchObject({ ok: true, copied: ['hall-2026-11-30T090000.db'], error: null });
    expect(st.copy).toMatchObject({ dir: copyDir, encrypted: false, count: 1, last: { ok: true } });
    expect(JSON.parse(h.audits('BackupMade')[0]!.after)).toMatchObject({ copied: ['hall-2026-11-30T090000.db'], copyError: null });
    h.close();
  });
});

describe('an encrypted copy', () => {
  it('holds the backup only for the passphrase, and restores with it (and only with it)', async () => {
    const copyDir = tempDir('usb-');
    const h = backupHall({ copyDir, passphrase: PASS });
    const ids = [h.issue('A'), h.issue('E'), h.issue('F')];
    await h.backups.run(SYSTEM, 'manual');
    h.issue('A');
    expect(readdirSync(copyDir)).toEqual(['hall-2026-11-30T090000.db.enc']);
    expect(h.backups.status().copy).toMatchObject({ encrypted: true, count: 1 });
    const enc = join(copyDir, 'hall-2026-11-30T090000.db.enc');
    const out = join(tempDir('plain-'), 'x.db');
    await decryptFile(enc, out, PASS);
    expect(ticketIds(out)).toEqual([...ids].sort());
    h.close();

    // The machine died; the IT person restores the copy onto a new one.
    const db = join(tempDir('newpc-'), 'hall.db');
    await expect(restoreBackup(enc, db)).rejects.toThrow(/encrypted: give the hall's backup passphrase/);
    await expect(restoreBackup(enc, db, Date.now(), 'not the passphrase')).rejects.toThrow(/could not be decrypted, nothing changed/);
    expect(existsSync(db)).toBe(false);
    expect(existsSync(`${db}.restoring`)).toBe(false);
    await restoreBackup(enc, db, Date.now(), PASS);
    expect(ticketIds(db)).toEqual([...ids].sort());
  });

  it('the restore script takes the passphrase from HALL_BACKUP_PASSPHRASE and refuses without it', async () => {
    const copyDir = tempDir('usb-');
    const h = backupHall({ copyDir, passphrase: PASS });
    const ids = [h.issue('A')];
    await h.backups.run(SYSTEM, 'manual');
    h.close();
    const enc = join(copyDir, 'hall-2026-11-30T090000.db.enc');
    const db = join(tempDir('newpc-'), 'hall.db');
    const script = (env: Record<string, string>) =>
      run(process.execPath, ['--import', 'tsx', 'scripts/restore-backup.ts', enc, '--db', db], { env: { ...process.env, HALL_BACKUP_PASSPHRASE: '', ...env } });
    const refused = await script({}).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toMatch(/encrypted: set HALL_BACKUP_PASSPHRASE/);
    const done = await script({ HALL_BACKUP_PASSPHRASE: PASS });
    expect(done.stdout).toMatch(/restored .*\.db\.enc into/);
    expect(ticketIds(db)).toEqual(ids);
  });
});

describe('a copy folder that cannot be written', () => {
  it('leaves the backup standing; is logged, audited and shown; the hourly retry catches up every backup missed', async () => {
    const nas = tempDir('nas-');
    const copyDir = join(nas, 'hall');
    writeFileSync(copyDir, 'not a folder: the NAS is not mounted');
    const h = backupHall({ copyDir, keep: 5 });
    h.issue('A');
    const first = await h.backups.run(SYSTEM, 'manual');
    expect(first.ok).toBe(true);
    expect(listed(h.dir)).toEqual(['hall-2026-11-30T090000.db']);
    const st = h.backups.status();
    expect(st.lastRun).toMatchObject({ ok: true, copy: { ok: false, copied: [] } });
    expect(st.lastRun?.copy?.error).toMatch(/EEXIST|ENOTDIR/);
    expect(st.copy).toMatchObject({ count: null, last: { ok: false } });
    expect(h.audits('BackupCopyFailed')).toHaveLength(1);
    expect(h.logs.some((l) => l.startsWith('backup copy FAILED'))).toBe(true);

    // The next day's backup, the NAS still away.
    h.clock.advance(DAY);
    await h.backups.tick();
    expect(listed(h.dir)).toHaveLength(2);
    expect(h.audits('BackupCopyFailed')).toHaveLength(2);

    // The NAS is back: not retried within the hour, then both backups are copied, newest first.
    rmSync(copyDir);
    mkdirSync(copyDir);
    h.clock.advance(COPY_RETRY_MS - 60_000);
    await h.backups.tick();
    expect(readdirSync(copyDir)).toEqual([]);
    h.clock.advance(60_000);
    await h.backups.tick();
    expect(h.backups.status().copy?.last?.copied).toEqual(['hall-2026-12-01T090000.db', 'hall-2026-11-30T090000.db']);
    expect(readdirSync(copyDir).sort()).toEqual(['hall-2026-11-30T090000.db', 'hall-2026-12-01T090000.db']);
    expect(h.backups.status().copy).toMatchObject({ count: 2, last: { ok: true } });
    h.close();
  });
});

describe('the copy folder', () => {
  it('keeps what the backup folder keeps, leaves other files alone, and counts a copy made before encryption was set', async () => {
    const copyDir = tempDir('nas-');
    writeFileSync(join(copyDir, 'README.txt'), 'the IT person’s note');
    const h = backupHall({ copyDir, keep: 2 });
    for (let i = 0; i < 3; i++) {
      await h.backups.run(SYSTEM, 'manual');
      h.clock.advance(DAY);
    }
    expect(readdirSync(copyDir).sort()).toEqual(['README.txt', 'hall-2026-12-01T090000.db', 'hall-2026-12-02T090000.db']);
    expect(h.backups.status().lastRun?.copy?.deleted).toEqual(['hall-2026-11-30T090000.db']);
    h.close();

    // The same folders, now with a passphrase, later on 12-02: the plain copies count, new ones are encrypted.
    const again = backupHall({ copyDir, keep: 2, passphrase: PASS, dir: h.dir });
    again.clock.set(h.clock.now() - DAY + 60_000);
    await again.backups.tick(); // the catch-up after a start: nothing is missing
    expect(again.backups.status().copy?.last).toMatchObject({ ok: true, copied: [] });
    await again.backups.run(SYSTEM, 'manual');
    expect(readdirSync(copyDir).sort()).toEqual(['README.txt', 'hall-2026-12-01T090000.db', 'hall-2026-12-02T090000.db', 'hall-2026-12-02T090100.db.enc']);
    again.close();
  });

  it('is caught up after a start: backups made while no copy folder was set are copied at the first tick', async () => {
    const h = backupHall();
    await h.backups.run(SYSTEM, 'manual');
    h.close();
    const copyDir = tempDir('nas-');
    const later = backupHall({ copyDir, dir: h.dir });
    later.clock.set(h.clock.now() + 60_000);
    await later.backups.tick();
    expect(readdirSync(copyDir)).toEqual(['hall-2026-11-30T090000.db']);
    later.close();
  });
});
