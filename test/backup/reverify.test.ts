/**
 * 复核 on real files: kept backups and copies are read back a day after their last verdict, one
 * file per tick; a changed byte (one SQLite's integrity check would pass) makes a file damaged,
 * logged and audited once, shown with its reason, and written again from its good twin (a copy
 * from the backup, a backup from its copy, encrypted or not); with both damaged the restore points
 * at the newest good one; an encrypted copy is read back with the passphrase; verdicts survive a restart.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../server/backup/check';
import { verifyEncrypted } from '../../server/backup/crypt';
import { VERIFY_EVERY_MS } from '../../server/backup/rules';
import { BOOK_FILE, sha256File } from '../../server/backup/verify';
import { tempDir } from '../support/tmp';
import { backupHall, flipByte, listed, ticketIds } from './support';

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

  it('finds a changed byte in a copy (the database check would not), logs and audits it, and writes it again from the good backup', async () => {
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
    // Repaired at once: the copy is the backup's bytes again, read back good now.
    expect(st.backups[0]).toMatchObject({ name: newest, verified: { ok: true }, copy: { file: newest, verified: { ok: true } } });
    expect(await sha256File(copy)).toBe(await sha256File(join(h.dir, newest)));
    expect(h.logs.filter((l) => l.startsWith('backup DAMAGED (copy folder)'))).toHaveLength(1);
    expect(h.logs.filter((l) => l.startsWith('backup REPAIRED'))).toEqual([`backup REPAIRED: ${copy} written again from ${join(h.dir, newest)}`]);
    const damaged = h.audits('BackupDamaged');
    expect(damaged).toHaveLength(1);
    expect(damaged[0]!.actor).toBe('system');
    expect(JSON.parse(damaged[0]!.after)).toMatchObject({ place: 'copy', name: newest, dir: copyDir, error: expect.stringMatching(/SHA-256/) });
    expect(h.audits('BackupRepaired').map((a) => JSON.parse(a.after))).toEqual([{ place: 'copy', name: newest, dir: copyDir, from: newest }]);
    expect(st.restore).toMatchObject({ name: newest, place: 'local', file: join(h.dir, newest), encrypted: false });
    expect(st.restore?.command).toBe(`npx tsx scripts/restore-backup.ts ${join(h.dir, newest)} --db ${h.dbPath}`);

    // The local one rots: written again from its (good) copy, with every ticket.
    const tickets = ticketIds(copy);
    flipByte(join(h.dir, newest));
    h.clock.advance(HOUR);
    await verifyAll(h);
    expect(h.backups.status().backups[0]).toMatchObject({ verified: { at: h.clock.now(), ok: true }, copy: { verified: { ok: true } } });
    expect(ticketIds(join(h.dir, newest))).toEqual(tickets);
    expect(tickets.length).toBeGreaterThanOrEqual(300);
    expect(h.audits('BackupRepaired').map((a) => JSON.parse(a.after).place)).toEqual(['copy', 'local']);
    h.close();
  });

  it('both a backup and its copy damaged: nothing to repair from; reported, and the restore goes to the next newest good one', async () => {
    const copyDir = tempDir('nas-');
    const h = backupHall({ copyDir, verifyEveryMs: HOUR });
    await h.backups.tick();
    h.clock.advance(HOUR);
    await h.backups.run(SYSTEM, 'manual');
    const newest = 'hall-2026-11-30T100000.db';
    flipByte(join(h.dir, newest));
    flipByte(join(copyDir, newest));
    h.clock.advance(HOUR);
    await verifyAll(h);
    const st = h.backups.status();
    expect(st.backups[0]).toMatchObject({ verified: { ok: false }, copy: { verified: { ok: false } } });
    expect(st.restore).toMatchObject({ name: 'hall-2026-11-30T090000.db', place: 'local' });
    expect(h.audits('BackupDamaged').map((a) => JSON.parse(a.after).place).sort()).toEqual(['copy', 'local']);
    expect(h.audits('BackupRepaired')).toEqual([]);
    expect(h.logs.filter((l) => l.startsWith('backup: cannot repair'))).toHaveLength(2);
    // A day later both are read again: logged again, audited only when they turned damaged.
    h.clock.advance(HOUR);
    await verifyAll(h);
    expect(h.audits('BackupDamaged')).toHaveLength(2);
    expect(h.logs.filter((l) => l.startsWith('backup DAMAGED'))).toHaveLength(4);
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
    const before = readFileSync(join(copyDir, enc));
    flipByte(join(copyDir, enc), 100);
    h.clock.advance(HOUR);
    await verifyAll(h);
    expect(h.logs.filter((l) => l.startsWith('backup DAMAGED'))).toEqual([expect.stringContaining('wrong passphrase, or the file is damaged')]);
    // Encrypted again from the good backup (a new salt: other bytes), and read back good.
    expect(h.backups.status().backups[0]?.copy).toMatchObject({ file: enc, verified: { at: h.clock.now(), ok: true } });
    expect(readFileSync(join(copyDir, enc)).equals(before)).toBe(false);
    await verifyEncrypted(join(copyDir, enc), PASS);
    h.close();
  });

  it('a damaged local backup is decrypted again from its encrypted copy; without the passphrase it cannot be, and the copy is the restore', async () => {
    const copyDir = tempDir('usb-');
    const h = backupHall({ copyDir, passphrase: PASS, verifyEveryMs: HOUR });
    h.issue('A');
    await h.backups.tick();
    const name = 'hall-2026-11-30T090000.db';
    const tickets = ticketIds(join(h.dir, name));
    flipByte(join(h.dir, name));
    h.clock.advance(HOUR);
    await verifyAll(h);
    expect(h.backups.status().backups[0]?.verified).toMatchObject({ at: h.clock.now(), ok: true });
    expect(ticketIds(join(h.dir, name))).toEqual(tickets);
    expect(h.audits('BackupRepaired').map((a) => JSON.parse(a.after))).toEqual([{ place: 'local', name, dir: h.dir, from: `${name}.enc` }]);
    expect(listed(h.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    h.close();

    // The same folders under a server without the passphrase: the copy cannot be read (nor judged).
    const again = backupHall({ dir: h.dir, copyDir, verifyEveryMs: HOUR });
    again.clock.set(h.clock.now() + HOUR);
    flipByte(join(h.dir, name));
    await again.backups.tick(); // a start's first tick: the 异地副本 catch-up
    await verifyAll(again);
    expect(again.backups.status().backups[0]?.verified).toMatchObject({ ok: false });
    expect(again.logs.filter((l) => l.startsWith('backup: cannot repair'))).toEqual([expect.stringContaining('HALL_BACKUP_PASSPHRASE is not set')]);
    const file = join(copyDir, `${name}.enc`);
    expect(again.backups.status().restore).toEqual({ name, at: expect.any(Number), place: 'copy', file, encrypted: true, command: `npx tsx scripts/restore-backup.ts ${file} --db ${again.dbPath}` });
    again.close();
  });

  it('a damaged plain copy made before the passphrase was set is made again encrypted, and the plain one goes', async () => {
    const copyDir = tempDir('nas-');
    const h = backupHall({ copyDir, verifyEveryMs: HOUR });
    await h.backups.tick();
    h.close();
    const name = 'hall-2026-11-30T090000.db';
    const again = backupHall({ dir: h.dir, copyDir, passphrase: PASS, verifyEveryMs: HOUR });
    again.clock.set(h.clock.now() + HOUR);
    flipByte(join(copyDir, name));
    await again.backups.tick(); // a start's first tick: the 异地副本 catch-up
    await verifyAll(again);
    expect(listed(copyDir)).toEqual([`${name}.enc`]);
    expect(again.backups.status().backups[0]?.copy).toEqual({ file: `${name}.enc`, verified: { at: again.clock.now(), ok: true, error: null } });
    await verifyEncrypted(join(copyDir, `${name}.enc`), PASS);
    again.close();
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
