/**
 * The migration that widens sms_outbox's kinds ('called', 'assist'): SQLite cannot change a CHECK,
 * so it rebuilds the table. On a real database file holding texts from before it: every row kept
 * as it was (ids too), the counter carried over (no id handed out twice), the index and the
 * once-per-kind-and-subject rule back, the new kinds taken, an unknown kind still refused.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open';
import { tempDir } from '../support/tmp';

const all = loadMigrations();
const widen = all.find((m) => m.name.endsWith('_sms_called_assist.sql'))!;
const SETTINGS = { recallLimit: 2, prioritySwapAfter: 3, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: [] };

describe('sms_outbox with the kinds called and assist', () => {
  it('keeps every row, id and the counter; the index and UNIQUE come back; new kinds go in, others are refused', () => {
    const file = join(tempDir('sms-kinds-'), 'hall.db');
    let db = openDatabase(file);
    migrate(
      db,
      all.filter((m) => m.id < widen.id),
    );
    db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(SETTINGS));
    const insert = db.prepare(`INSERT INTO sms_outbox (hall_id, kind, phone, text, ref, status, attempts, last_error, created_at, next_at, expires_at, sent_at)
      VALUES ('h1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    insert.run('booked', '13900000001', '预约成功', 'appointment:11111111', 'sent', 1, null, 1000, 1000, 9000, 1500);
    insert.run('reminder', '13900000002', '提醒', 'appointment:22222222', 'failed', 3, 'HTTP 400: bad number', 2000, 2600, 9000, null);
    insert.run('near_turn', '13900000003', '快到您了', 'ticket:2026-11-30/A006', 'pending', 0, null, 3000, 3000, 9000, null);
    insert.run('booked', '13900000004', '预约成功', 'appointment:44444444', 'sent', 1, null, 4000, 4000, 9000, 4100);
    // The newest row was deleted (a centre's own clean-up): its id 4 must never come back.
    db.prepare('DELETE FROM sms_outbox WHERE id = 4').run();
    const before = db.prepare('SELECT * FROM sms_outbox ORDER BY id').all();
    expect(before).toHaveLength(3);
    expect(() => insert.run('called', '13900000005', '轮到您了', 'ticket:2026-11-30/A007', 'pending', 0, null, 5000, 5000, 9000, null)).toThrow(/CHECK/);
    db.close();

    // Reopened, as a server after an upgrade does, and migrated.
    db = openDatabase(file);
    expect(migrate(db)).toContain(widen.id);
    // Every row as it was; the later 短信回执 columns (0025) empty.
    expect(db.prepare('SELECT * FROM sms_outbox ORDER BY id').all()).toEqual(before.map((r) => ({ ...(r as object), delivery: null, delivery_at: null, delivery_error: null })));
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sms_outbox' AND name NOT LIKE 'sqlite_autoindex%'").pluck().all();
    expect(indexes).toEqual(['sms_outbox_due']);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sms_outbox_new'").pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    const add = db.prepare(`INSERT INTO sms_outbox (hall_id, kind, phone, text, ref, created_at, next_at, expires_at) VALUES ('h1', ?, '13900000009', 't', ?, 1, 1, 2)`);
    expect(add.run('called', 'ticket:2026-11-30/A007').lastInsertRowid).toBe(5);
    expect(add.run('assist', 'assist:r1/1').lastInsertRowid).toBe(6);
    expect(() => add.run('assist', 'assist:r1/1')).toThrow(/UNIQUE/);
    expect(() => add.run('near_turn', 'ticket:2026-11-30/A006')).toThrow(/UNIQUE/);
    expect(() => add.run('fax', 'x')).toThrow(/CHECK/);
    // The sender's question still uses the index.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM sms_outbox WHERE hall_id = 'h1' AND status = 'pending' AND next_at <= 5 ORDER BY next_at, id").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('sms_outbox_due');
    // 求助短信's settings table is there, one row per hall.
    db.prepare("INSERT INTO assist_sms_settings (hall_id, duty_phones, minutes) VALUES ('h1', '[\"13800000001\"]', 3)").run();
    expect(() => db.prepare("INSERT INTO assist_sms_settings (hall_id) VALUES ('h1')").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO assist_sms_settings (hall_id) VALUES ('nope')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
