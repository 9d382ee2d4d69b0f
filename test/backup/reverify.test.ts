/**
 * 复核 on real files: kept backups and copies are read back a day after their last verdict, one
 * file per tick; a changed byte (one SQLite's integrity check would pass) makes a file damaged,
 * logged and audited once, shown with its reason, and the restore points at the newest good one;
 * an encrypted copy is read back with the passphrase; verdicts survive a restart.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../server/backup/check';
import { VERIFY_EVERY_MS } from '../../server/backup/rules';
import { BOOK_FILE } from '../../server/backup/verify';
import { tempDir } from '../support/tmp';
import { backupHall, flipByte } from './support';

const PASS = 'correct horse battery staple';
const SYSTEM = { kind: 'system' } as const;

/** Ticks until a tick changes nothing (each tick does one thing: here, reads one file); how many did something. */
async function verifyAll(h: ReturnType<typeof backupHall>): Promise<number> {
  const state = () => JSON.stringify(h.backups.status().backups.map((b) => [b.name, b.verified, b.copy?.verified]));
  for (let n = 0; ; n++) {
    const before = state();
    await h.backups.tick();
    if (state() === before) return n;
  }
}

/** Tests read back after an hour, not a day: no day's backup of a new day comes between. */
const HOUR = 60 * 60_000;

describe('复核', () => {
  it('a backup and its copy count as verified when written; a day on each is read back, one per tick', async () => {
    const copyDir = tempDir('nas-');
    const h = backupHall({ copyDir });
    h.issue('A');
    await h.backups.tick();
    const made = h.clock.now();
    const [b] = h.backups.status().backups;
    expect(b).toMatchObject({ verified: { at: made, ok: true, error: null }, copy: { file: 'hall-2026-11-30T090000.db', verified: { at: made, ok: true, error: null } } });
    // A day less a moment on: the next day's backup is made (a tick does one thing), nothing is read back yet.
    h.clock.advance(VERIFY_EVERY_MS - 1);
    expect(await verifyAll(h)).toBe(1);
    expect(h.backups.status().backups.map((b) => b.name)).toEqual(['hall-2026-12-01T085959.db', 'hall-2026-11-30T090000.db']);
    h.clock.advance(1);
    await h.backups.tick();
    const one = h.backups.status().backups[1]!;
    expect([one.verified?.at, one.copy?.verified?.at].filter((at) => at === h.clock.now())).toHaveLength(1);
    expect(await verifyAll(h)).toBe(1);
    expect(h.backups.status().backups[1]).toMatchObject({ verified: { at: h.clock.now(), ok: true }, copy: { verified: { at: h.clock.now(), ok: true } } });
    expect(h.backups.status().backups[0]?.verified?.at).toBe(h.clock.now() - 1);
    expect(h.audits('BackupDamaged')).toEqual([]);
    h.close();
  });

  it('finds a changed byte in a copy (the database check would not), logs and audits it once, and points the restore at the good one', async () => {
    const copyDir = tempDir('nas-');
    const h = backupHall({ copyDir, verifyEveryMs: HOUR });
    for (let i = 0; i < 300; i++) h.issue('A');
    await h.backups.tick();
    h.clock.advance(HOUR);
    await h.backups.run(SYSTEM, 'manual'); // 10:00
    const newest = 'hall-2026-11-30T100000.db';
    const copy = join(copyDir, newest);
    flipByte(copy);
    // SQLite itself finds nothing wrong: only the digest taken when it was written shows it.
    expect((await checkDatabaseFile(copy, undefined, { readonly: true })).ok).toBe(true);

    h.clock.advance(HOUR);
    await verifyAll(h);
    const st = h.backups.status();
    expect(st.backups[0]).toMatchObject({ name: newest, verified: { ok: true }, copy: { file: newest, verified: { ok: false, error: expect.stringMatching(/SHA-256 differs/) } } });
    expect(st.backups[1]).toMatchObject({ verified: { ok: true }, copy: { verified: { ok: true } } });
    expect(h.logs.filter((l) => l.startsWith('backup DAMAGED (copy folder)'))).toHaveLength(1);
    const audits = h.audits('BackupDamaged');
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actor).toBe('system');
    expect(JSON.parse(audits[0]!.after)).toMatchObject({ place: 'copy', name: newest, dir: copyDir, error: expect.stringMatching(/SHA-256/) });
    // The local backup is good: a restore uses it.
    expect(st.restore).toMatchObject({ name: newest, place: 'local', file: join(h.dir, newest), encrypted: false });
    expect(st.restore?.command).toBe(`npx tsx scripts/restore-backup.ts ${join(h.dir, newest)} --db ${h.dbPath}`);

    // The local one rots too: the restore goes to the next newest good backup. Found again a day
    // later, the damaged copy is logged again but audited only when it turned damaged.
    flipByte(join(h.dir, newest));
    h.clock.advance(HOUR);
    await verifyAll(h);
    const after = h.backups.status();
    expect(after.backups[0]?.verified).toMatchObject({ ok: false });
    expect(after.restore).toMatchObject({ name: 'hall-2026-11-30T090000.db', place: 'local' });
    expect(h.audits('BackupDamaged').map((a) => JSON.parse(a.after).place)).toEqual(['copy', 'local']);
    expect(h.logs.filter((l) => l.startsWith('backup DAMAGED'))).toHaveLength(3);
    h.close();
  });

  it('reads an encrypted copy back with the passphrase: whole, then a changed byte found', async () => {
    const copyDir = tempDir('usb-');
    const h = backupHall({ copyDir, passphrase: PASS, verifyEveryMs: HOUR });
    h.issue('A');
    await h.backups.tick();
    const enc = 'hall-2026-11-30T090000.db.enc';
    h.clock.advance(HOUR);
    await verifyAll(h);
    expect(h.backups.status().backups[0]?.copy).toMatchObject({ file: enc, verified: { at: h.clock.now(), ok: true } });
    flipByte(join(copyDir, enc), 100);
    h.clock.advance(HOUR);
    await verifyAll(h);
    expect(h.backups.status().backups[0]?.copy?.verified).toMatchObject({ ok: false, error: 'wrong passphrase, or the file is damaged' });
    h.close();
  });

  it('an encrypted copy is the restore when the local backup is damaged; the command names it', async () => {
    const copyDir = tempDir('usb-');
    const h = backupHall({ copyDir, passphrase: PASS, verifyEveryMs: HOUR });
    await h.backups.tick();
    flipByte(join(h.dir, 'hall-2026-11-30T090000.db'));
    h.clock.advance(HOUR);
    await verifyAll(h);
    const file = join(copyDir, 'hall-2026-11-30T090000.db.enc');
    expect(h.backups.status().restore).toEqual({ name: 'hall-2026-11-30T090000.db', at: expect.any(Number), place: 'copy', file, encrypted: true, command: `npx tsx scripts/restore-backup.ts ${file} --db ${h.dbPath}` });
    h.close();
  });

  it('keeps its verdicts across a restart; a backup with none on record (an older version’s) gets the database check and a digest', async () => {
    const h = backupHall();
    await h.backups.tick();
    h.close();
    const again = backupHall({ dir: h.dir });
    again.clock.set(h.clock.now() + 60_000);
    expect(again.backups.status().backups[0]?.verified).toMatchObject({ at: h.clock.now(), ok: true });

    // The record book lost (an older version had none): read at the next tick, then known.
    rmSync(join(h.dir, BOOK_FILE));
    again.close();
    const third = backupHall({ dir: h.dir, verifyEveryMs: HOUR });
    third.clock.set(h.clock.now() + 120_000);
    expect(third.backups.status().backups[0]?.verified).toBeNull();
    await third.backups.tick();
    expect(third.backups.status().backups[0]?.verified).toMatchObject({ at: third.clock.now(), ok: true });
    flipByte(join(h.dir, 'hall-2026-11-30T090000.db'));
    third.clock.advance(HOUR);
    await third.backups.tick();
    expect(third.backups.status().backups[0]?.verified).toMatchObject({ ok: false, error: expect.stringMatching(/SHA-256/) });
    third.close();
  });
});
