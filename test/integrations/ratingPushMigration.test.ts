/**
 * The migration that adds the 好差评推送 outbox, on a real database file holding ratings and a
 * 整改 from before it: they stay as they were, nothing is queued for them (the platform can pull
 * GET /api/ratings for the past), the table takes both kinds once per ticket and refuses others,
 * and the sender's question uses its index.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open';
import { tempDir } from '../support/tmp';

const all = loadMigrations();
const push = all.find((m) => m.name.endsWith('_rating_push.sql'))!;
const SETTINGS = { recallLimit: 2, prioritySwapAfter: 3, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: [] };

describe('rating_push_outbox', () => {
  it('keeps older ratings and 整改 as they were, queues nothing for them; once per kind and ticket; the head query uses its index', () => {
    expect(push).toBeDefined();
    const file = join(tempDir('rating-push-mig-'), 'hall.db');
    let db = openDatabase(file);
    migrate(
      db,
      all.filter((m) => m.id < push.id),
    );
    db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(SETTINGS));
    const ticket = db.prepare(`INSERT INTO tickets (id, hall_id, service_day, number, queue, status, priority, channel, matters, issued_at, arrived_at, ord, recalls)
      VALUES (?, 'h1', '2026-11-30', ?, 'A', 'done', 'normal', 'kiosk', '[]', 1000, 1000, ?, 0)`);
    ticket.run('t1', 'A001', 1);
    ticket.run('t2', 'A002', 2);
    const rating = db.prepare(`INSERT INTO ratings (ticket_id, hall_id, service_day, number, queue, score, reasons, rated_at) VALUES (?, 'h1', '2026-11-30', ?, 'A', ?, ?, ?)`);
    rating.run('t1', 'A001', 5, '[]', 2000);
    rating.run('t2', 'A002', 1, '["slow"]', 3000);
    db.prepare(`INSERT INTO rating_follow_ups (ticket_id, hall_id, note, handled_by, handled_at) VALUES ('t2', 'h1', '已回访', 'u1', 4000)`).run();
    const before = {
      ratings: db.prepare('SELECT * FROM ratings ORDER BY ticket_id').all(),
      followUps: db.prepare('SELECT * FROM rating_follow_ups').all(),
    };
    db.close();

    // Reopened, as a server after an upgrade does, and migrated.
    db = openDatabase(file);
    expect(migrate(db)).toContain(push.id);
    // As they were; 0023 (评价渠道) names their channel: before the 评价器, ratings came from phones.
    expect(db.prepare('SELECT * FROM ratings ORDER BY ticket_id').all()).toEqual(before.ratings.map((r) => ({ ...(r as object), channel: 'phone' })));
    expect(db.prepare('SELECT * FROM rating_follow_ups').all()).toEqual(before.followUps);
    expect(db.prepare('SELECT count(*) FROM rating_push_outbox').pluck().get()).toBe(0);

    const add = db.prepare(`INSERT INTO rating_push_outbox (hall_id, kind, ref, payload, created_at, next_at) VALUES ('h1', ?, ?, '{}', 5000, 5000)`);
    expect(add.run('rating', 't1').lastInsertRowid).toBe(1);
    expect(add.run('follow_up', 't2').lastInsertRowid).toBe(2);
    expect(add.run('rating', 't2').lastInsertRowid).toBe(3);
    expect(() => add.run('rating', 't1')).toThrow(/UNIQUE/);
    expect(() => add.run('follow_up', 't2')).toThrow(/UNIQUE/);
    expect(() => add.run('complaint', 't1')).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE rating_push_outbox SET status = 'lost' WHERE id = 1`).run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT status, attempts, last_error, sent_at FROM rating_push_outbox WHERE id = 1').get()).toEqual({ status: 'pending', attempts: 0, last_error: null, sent_at: null });
    expect(() => db.prepare(`INSERT INTO rating_push_outbox (hall_id, kind, ref, payload, created_at, next_at) VALUES ('nohall', 'rating', 'ty', '{}', 1, 1)`).run()).toThrow(/FOREIGN KEY/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM rating_push_outbox WHERE hall_id = 'h1' AND status = 'pending' ORDER BY id LIMIT 1").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('rating_push_outbox_pending');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
