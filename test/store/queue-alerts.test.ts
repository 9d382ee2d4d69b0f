/**
 * Migration 0031 (排队预警) on a real database file holding texts from before it: sms_outbox
 * rebuilt for the kind 'queue' with every row, id, receipt and the counter kept, the index and the
 * UNIQUE rule back; queue_alerts takes an alert once; the repository's settings (defaults when
 * none) and each queue's latest alert of a day.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUEUE_ALERT_DEFAULTS } from '../../shared/queueAlert';
import { createQueueAlertRepo } from '../../server/notify/queue-alert-repo';
import { loadMigrations, migrate } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open';
import { tempDir } from '../support/tmp';

const all = loadMigrations();
const mine = all.find((m) => m.name.endsWith('_queue_alerts.sql'))!;
const SETTINGS = { recallLimit: 2, prioritySwapAfter: 3, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: [] };

describe('migration 0031_queue_alerts', () => {
  it('keeps every text, id, receipt and the counter; takes the kind queue; the alerts table and its repository', () => {
    const file = join(tempDir('queue-alerts-'), 'hall.db');
    let db = openDatabase(file);
    migrate(
      db,
      all.filter((m) => m.id < mine.id),
    );
    db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(SETTINGS));
    const insert = db.prepare(`INSERT INTO sms_outbox (hall_id, kind, phone, text, ref, status, attempts, created_at, next_at, expires_at, sent_at, delivery, delivery_at, delivery_error)
      VALUES ('h1', ?, '13900000001', 't', ?, ?, 1, 1000, 1000, 9000, ?, ?, ?, ?)`);
    insert.run('assist', 'assist:r1/1', 'sent', 1500, 'undelivered', 1600, '用户关机');
    insert.run('deferral', 'deferral:d1/before', 'pending', null, null, null, null);
    insert.run('booked', 'appointment:33333333', 'sent', 1500, 'delivered', 1700, null);
    db.prepare('DELETE FROM sms_outbox WHERE id = 3').run();
    const before = db.prepare('SELECT * FROM sms_outbox ORDER BY id').all();
    expect(() => insert.run('queue', 'queue:2026-11-30/F/1/1', 'pending', null, null, null, null)).toThrow(/CHECK/);
    db.close();

    db = openDatabase(file);
    expect(migrate(db)).toContain(mine.id);
    expect(db.prepare('SELECT * FROM sms_outbox ORDER BY id').all()).toEqual(before);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sms_outbox' AND name NOT LIKE 'sqlite_autoindex%'").pluck().all()).toEqual(['sms_outbox_due']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const add = db.prepare(`INSERT INTO sms_outbox (hall_id, kind, phone, text, ref, created_at, next_at, expires_at) VALUES ('h1', ?, '13800000001', 't', ?, 1, 1, 2)`);
    // Id 3 was deleted before: never handed out again.
    expect(add.run('queue', 'queue:2026-11-30/F/1/1').lastInsertRowid).toBe(4);
    expect(() => add.run('queue', 'queue:2026-11-30/F/1/1')).toThrow(/UNIQUE/);
    expect(() => add.run('fax', 'x')).toThrow(/CHECK/);

    const repo = createQueueAlertRepo(db);
    expect(repo.settings('h1')).toEqual(QUEUE_ALERT_DEFAULTS);
    repo.putSettings('h1', { minutes: 5, cooldownMinutes: 20, minWaiting: 3 });
    expect(repo.settings('h1')).toEqual({ minutes: 5, cooldownMinutes: 20, minWaiting: 3 });
    const alert = { serviceDay: '2026-11-30', queue: 'F', n: 1, at: 1000, waiting: 14, longestMinutes: 25, targetMinutes: 20, windowNo: 12 };
    expect(repo.insert('h1', alert)).toBe(true);
    expect(repo.insert('h1', { ...alert, at: 2000 })).toBe(false);
    expect(repo.insert('h1', { ...alert, n: 2, at: 5000, windowNo: undefined })).toBe(true);
    expect(repo.insert('h1', { ...alert, queue: 'A', at: 3000 })).toBe(true);
    expect(repo.insert('h1', { ...alert, serviceDay: '2026-11-29', n: 7 })).toBe(true);
    expect(repo.latest('h1', '2026-11-30').map((a) => [a.queue, a.n, a.at, a.windowNo])).toEqual([
      ['A', 1, 3000, 12],
      ['F', 2, 5000, undefined],
    ]);
    db.close();
  });
});
