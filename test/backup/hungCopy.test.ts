/**
 * A 异地副本 folder that stops answering (an NFS mount whose NAS went away blocks every call on it)
 * must not freeze the hall nor stop its backups: each call on the folder is asynchronous and timed,
 * one that overruns marks the folder as not answering, nothing more is tried there until it
 * settles (no pile of hung calls), the console's status never waits on it, local backups go on,
 * and the copies catch up once it answers again.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COPY_RETRY_MS } from '../../server/backup/backup-service';
import { createCopyFolder, NotAnswering } from '../../server/backup/copy-folder';
import { tempDir } from '../support/tmp';
import { backupHall, hangableFs, listed } from './support';

const SYSTEM = { kind: 'system' } as const;
const HOUR = 60 * 60_000;

describe('a copy folder that stops answering', () => {
  it('the guard: a call that overruns is refused as not answering, later calls at once and untried, until it settles', async () => {
    const dir = tempDir('nas-');
    const h = hangableFs();
    let now = 1_000;
    // Half a second: a healthy local folder answers well within it even on two busy cores.
    const folder = createCopyFolder(dir, { now: () => now, fs: h.fs, quickMs: 500 });
    expect(await folder.list()).toEqual([]);
    expect(folder.cached()).toEqual([]);
    h.hang = true;
    await expect(folder.list()).rejects.toBeInstanceOf(NotAnswering);
    expect(folder.stuckSince()).toBe(1_000);
    now = 5_000;
    const started = performance.now();
    await expect(folder.quick((fs) => fs.mkdir(dir))).rejects.toThrow(/has not answered since 1970-01-01T00:00:01.000Z/);
    expect(await folder.tryList()).toBeNull();
    expect(performance.now() - started).toBeLessThan(250); // refused at once, not after another wait of 500 ms
    expect(h.hung).toBe(1); // no pile of hung calls
    h.release();
    await expect.poll(() => folder.stuckSince()).toBeNull();
    expect(await folder.list()).toEqual([]);
  });

  it('the hall backs up on, the status answers at once and says so, and the copies catch up when it answers again', async () => {
    const copyDir = tempDir('nas-');
    const nas = hangableFs();
    const h = backupHall({ copyDir, copyFs: nas.fs, copyQuickMs: 1_000 });
    h.issue('A');
    await h.backups.tick(); // 09:00 backup and its copy
    expect(listed(copyDir)).toEqual(['hall-2026-11-30T090000.db']);

    nas.hang = true;
    h.clock.advance(HOUR);
    h.issue('A');
    const began = performance.now();
    const run = await h.backups.run(SYSTEM, 'manual'); // 10:00
    expect(performance.now() - began).toBeLessThan(5_000);
    expect(run.ok).toBe(true);
    expect(existsSync(join(h.dir, 'hall-2026-11-30T100000.db'))).toBe(true);
    const st = h.backups.status();
    expect(st.lastRun).toMatchObject({ ok: true, copy: { ok: false, error: expect.stringMatching(/has not answered since/) } });
    expect(st.copy).toMatchObject({ notAnsweringSince: h.clock.now(), count: null });
    expect(h.logs.some((l) => l.startsWith('backup copy FAILED') && l.includes('has not answered'))).toBe(true);
    expect(h.audits('BackupCopyFailed')).toHaveLength(1);

    // Timer ticks and the console's refresh go by at once, without another call on the folder.
    const hungCalls = nas.hung;
    const ticking = performance.now();
    for (let i = 0; i < 5; i++) await h.backups.tick();
    await h.backups.refresh();
    expect(performance.now() - ticking).toBeLessThan(2_000);
    expect(nas.hung).toBe(hungCalls);
    // The hall itself never waited: tickets go on being issued.
    h.issue('B');

    // The NAS comes back: the hung call settles, and the hourly retry copies what was missed.
    nas.release();
    await expect.poll(() => h.backups.status().copy?.notAnsweringSince).toBeNull();
    h.clock.advance(COPY_RETRY_MS);
    await h.backups.tick();
    expect(listed(copyDir)).toEqual(['hall-2026-11-30T090000.db', 'hall-2026-11-30T100000.db']);
    expect(h.backups.status().copy).toMatchObject({ count: 2, notAnsweringSince: null, last: { ok: true, copied: ['hall-2026-11-30T100000.db'] } });
    h.close();
  });
});
