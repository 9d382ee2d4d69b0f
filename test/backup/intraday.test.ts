/**
 * 日间备份 on real files: besides the day's backup, one every `everyHours` — only when the database
 * changed since the last backup (a quiet night makes none; our own audit entries are no change);
 * each copied to the 异地副本 folder; once the day is over, its later ones go and the daily
 * history stays; a failing timer backup is tried again hourly, not every tick.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_RETRY_MS } from '../../server/backup/backup-service';
import { tempDir } from '../support/tmp';
import { backupHall, listed, ticketIds } from './support';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

describe('日间备份', () => {
  it('is made once the interval is up and only after a change; a quiet night makes none', async () => {
    const h = backupHall({ everyHours: 1 });
    await h.backups.tick(); // 09:00: the day's
    expect(listed(h.dir)).toEqual(['hall-2026-11-30T090000.db']);
    h.clock.advance(HOUR);
    await h.backups.tick(); // 10:00, nothing changed (the BackupMade audit entry is no change)
    expect(listed(h.dir)).toHaveLength(1);
    const id = h.issue('A');
    await h.backups.tick();
    expect(listed(h.dir).sort()).toEqual(['hall-2026-11-30T090000.db', 'hall-2026-11-30T100000.db']);
    expect(h.backups.status().lastRun).toMatchObject({ ok: true, trigger: 'intraday', name: 'hall-2026-11-30T100000.db' });
    expect(ticketIds(join(h.dir, 'hall-2026-11-30T100000.db'))).toEqual([id]);
    expect(JSON.parse(h.audits('BackupMade')[1]!.after)).toMatchObject({ trigger: 'intraday' });

    // A change half an hour on waits for the hour.
    h.clock.advance(HOUR / 2);
    h.issue('B');
    await h.backups.tick();
    expect(listed(h.dir)).toHaveLength(2);
    h.clock.advance(HOUR / 2);
    await h.backups.tick();
    expect(listed(h.dir)).toHaveLength(3);

    // The night: every half hour a tick, nothing issued: no backup until the next day's.
    for (let i = 0; i < 24; i++) {
      h.clock.advance(HOUR / 2);
      await h.backups.tick();
    }
    expect(listed(h.dir)).toHaveLength(3);
    h.close();
  });

  it('counts from the newest backup, a 立即备份 too; a restart counts as a change (what happened meanwhile is unknown)', async () => {
    const h = backupHall({ everyHours: 2 });
    await h.backups.tick();
    h.clock.advance(HOUR);
    h.issue('A');
    await h.backups.run({ kind: 'system' }, 'manual'); // 10:00
    h.issue('A');
    h.clock.advance(HOUR + 30 * 60_000); // 11:30: 1.5 h after the 立即备份
    await h.backups.tick();
    expect(listed(h.dir)).toHaveLength(2);
    h.clock.advance(30 * 60_000);
    await h.backups.tick();
    expect(listed(h.dir)).toHaveLength(3);
    h.close();

    const again = backupHall({ everyHours: 2, dir: h.dir });
    again.clock.set(h.clock.now() + 2 * HOUR);
    await again.backups.tick();
    expect(listed(h.dir)).toHaveLength(4);
    again.close();
  });

  it('is copied to the 异地副本 folder like any backup; once the day is over only its first stays, here and there', async () => {
    const copyDir = tempDir('nas-');
    const h = backupHall({ everyHours: 1, keep: 2, copyDir });
    for (let d = 0; d < 3; d++) {
      await h.backups.tick(); // the day's, at 09:00
      for (let i = 0; i < 3; i++) {
        h.clock.advance(HOUR);
        h.issue('A');
        await h.backups.tick();
      }
      if (d === 0) expect(readdirSync(copyDir).sort()).toEqual(listed(h.dir).sort());
      h.clock.advance(DAY - 3 * HOUR);
    }
    // Day 3 (12-02): its four; of the days before, the day's backups of the newest two days.
    const kept = ['hall-2026-12-01T090000.db', 'hall-2026-12-02T090000.db', 'hall-2026-12-02T100000.db', 'hall-2026-12-02T110000.db', 'hall-2026-12-02T120000.db'];
    expect(listed(h.dir).sort()).toEqual(kept);
    expect(readdirSync(copyDir).sort()).toEqual(kept);
    expect(h.audits('BackupMade')).toHaveLength(12);
    h.close();
  });

  it('after a failure the timer tries again in an hour, not at every tick', async () => {
    const h = backupHall({ everyHours: 1 });
    await h.backups.tick();
    h.clock.advance(HOUR);
    h.issue('A');
    // A folder where the 10:00 backup's temporary file goes: it cannot be written (as a full disk).
    const blocker = join(h.dir, '.hall-2026-11-30T100000.db.tmp');
    mkdirSync(blocker);
    await h.backups.tick();
    expect(h.backups.status().lastRun).toMatchObject({ ok: false, trigger: 'intraday' });
    rmSync(blocker, { recursive: true });
    for (let i = 0; i < 10; i++) {
      h.clock.advance(30_000);
      await h.backups.tick();
    }
    expect(h.audits('BackupFailed')).toHaveLength(1);
    expect(listed(h.dir)).toHaveLength(1);
    h.clock.advance(BACKUP_RETRY_MS - 10 * 30_000);
    await h.backups.tick();
    expect(h.backups.status().lastRun).toMatchObject({ ok: true, trigger: 'intraday', name: 'hall-2026-11-30T110000.db' });
    h.close();
  });
});
