/** 容缺受理 in SQLite: migration 0027 on an old database, a matter's 容缺受理清单 kept, and the 容缺台账's repository on a real file. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDeferralRepo, type DeferralRec } from '../../server/deferral/deferral-repo';
import { createStore } from '../../server/store';
import { loadMigrations, migrate } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open';
import { storeWithAccounts } from '../support/store-accounts';
import { tempDir } from '../support/tmp';

const SETTINGS = { recallLimit: 2, prioritySwapAfter: 3, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: [] };

const rec = (over: Partial<DeferralRec> = {}): DeferralRec => ({
  id: 'd1',
  ticketId: 't1',
  ticketNumber: 'E001',
  matterId: 'E-02',
  matterName: '医保异地就医备案',
  missing: ['异地居住证明'],
  serviceDay: '2026-11-30',
  days: 5,
  deadline: '2026-12-05',
  name: '张三',
  phone: '13812345678',
  clerkId: 'u1',
  windowNo: 3,
  createdAt: Date.parse('2026-11-30T02:00:00Z'),
  status: 'pending',
  ...over,
});

describe('migration 0027 (matters.deferrable_materials, deferrals)', () => {
  it('applies to a database of 0026: an old matter reads without a 容缺受理清单, then keeps one in the catalogue order', () => {
    const db = openDatabase(':memory:');
    migrate(
      db,
      loadMigrations().filter((m) => m.id < 27),
    );
    db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(SETTINGS));
    db.prepare("INSERT INTO queues VALUES ('h1', 'E', '社保医保', 'Social insurance', '民生', 20, 0, 1, 999, 6, 1, 300, NULL)").run();
    // The row as the old repository wrote it: eight columns.
    db.prepare("INSERT INTO matters VALUES ('h1', 'E-02', 'E', '医保异地就医备案', 'Filing', ?, 20, 0)").run(JSON.stringify(['身份证', '医保卡', '异地居住证明']));

    const store = createStore(db);
    expect(db.prepare('SELECT name FROM migrations WHERE id = 27').pluck().get()).toBe('0027_deferrals.sql');
    const [old] = store.catalogue.matters('h1');
    expect(old).toEqual({ id: 'E-02', queue: 'E', name: '医保异地就医备案', nameEn: 'Filing', materials: ['身份证', '医保卡', '异地居住证明'], timeLimitMinutes: 20 });

    // Given out of order, kept in the materials' order; a material not in the list is dropped.
    store.catalogue.apply('h1', [{ ...old!, deferrable: ['异地居住证明', '医保卡', '户口簿'] }], []);
    expect(store.catalogue.matters('h1')[0]!.deferrable).toEqual(['医保卡', '异地居住证明']);
    store.catalogue.apply('h1', [{ ...old!, deferrable: [] }], []);
    expect(store.catalogue.matters('h1')[0]).not.toHaveProperty('deferrable');
    store.close();
  });
});

describe('容缺台账 repository', () => {
  it('round-trips a record on a real file, one 待补齐 per ticket and matter, filters, search and counts', () => {
    const path = join(tempDir('deferral-store-'), 'hall.db');
    let store = storeWithAccounts(path);
    let repo = createDeferralRepo(store.db);
    repo.insert('h1', rec());
    expect(repo.byId('h1', 'd1')).toEqual(rec());
    // The partial unique index: a second 待补齐 for the same ticket and matter is refused.
    expect(() => repo.insert('h1', rec({ id: 'd2' }))).toThrow(/UNIQUE/);
    repo.insert('h1', rec({ id: 'd2', matterId: 'E-01', matterName: '社保参保登记', ticketNumber: 'E002', ticketId: 't2', name: '', phone: '', deadline: '2026-12-01', createdAt: rec().createdAt + 1000 }));
    repo.insert('h1', rec({ id: 'd3', ticketId: 't3', ticketNumber: 'A%01', name: '李四', phone: '13900001111', createdAt: rec().createdAt + 2000 }));
    store.close();

    store = createStore(openDatabase(path));
    repo = createDeferralRepo(store.db);
    const ids = (f: Parameters<typeof repo.find>[1]) => repo.find('h1', f).map((r) => r.id);
    const base = { filter: 'all' as const, today: '2026-12-03', limit: 100 };
    expect(ids(base)).toEqual(['d3', 'd2', 'd1']);
    expect(ids({ ...base, filter: 'overdue' })).toEqual(['d2']);
    expect(ids({ ...base, filter: 'pending' })).toEqual(['d3', 'd2', 'd1']);
    expect(ids({ ...base, limit: 1 })).toEqual(['d3']);
    expect(ids({ ...base, q: '1390000' })).toEqual(['d3']);
    expect(ids({ ...base, q: '张' })).toEqual(['d1']);
    expect(ids({ ...base, q: 'E002' })).toEqual(['d2']);
    // % is a character to find, not a wildcard.
    expect(ids({ ...base, q: '%' })).toEqual(['d3']);
    expect(ids({ ...base, ticketId: 't1' })).toEqual(['d1']);
    expect(repo.counts('h1', '2026-12-03')).toEqual({ pending: 3, overdue: 1 });

    const done: DeferralRec = { ...rec(), status: 'done', closedBy: 'u2', closedAt: rec().createdAt + 5000 };
    repo.close('h1', done);
    expect(repo.byId('h1', 'd1')).toEqual(done);
    expect(repo.pendingOf('h1', 't1', 'E-02')).toBeUndefined();
    // Closed, it no longer blocks a new 待补齐 of the same matter.
    repo.insert('h1', rec({ id: 'd4', createdAt: rec().createdAt + 6000 }));
    expect(repo.pendingOf('h1', 't1', 'E-02')?.id).toBe('d4');
    expect(ids({ ...base, filter: 'done' })).toEqual(['d1']);
    repo.close('h1', { ...rec({ id: 'd2', matterId: 'E-01' }), status: 'cancelled', closedBy: 'u2', closedAt: 1, cancelReason: '群众放弃办理' });
    expect(repo.byId('h1', 'd2')).toMatchObject({ status: 'cancelled', cancelReason: '群众放弃办理', ticketNumber: 'E002' });
    expect(repo.counts('h1', '2026-12-09')).toEqual({ pending: 2, overdue: 2 });
    expect(repo.counts('h2', '2026-12-09')).toEqual({ pending: 0, overdue: 0 });
    store.close();
  });
});

describe('migration 0028 (补齐提醒) and the reminder stamps', () => {
  it("widens the outbox's kinds keeping its rows, ids and receipts; stamps each step once; lists only what may still be due", () => {
    const path = join(tempDir('deferral-0028-'), 'hall.db');
    let db = openDatabase(path);
    migrate(
      db,
      loadMigrations().filter((m) => m.id < 28),
    );
    db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(SETTINGS));
    const put = db.prepare(`INSERT INTO sms_outbox (hall_id, kind, phone, text, ref, status, attempts, created_at, next_at, expires_at, sent_at, delivery, delivery_at)
      VALUES ('h1', ?, '13900000001', 't', ?, 'sent', 1, 1, 1, 9, 2, ?, ?)`);
    put.run('booked', 'appointment:1', 'delivered', 3);
    put.run('verify', 'verify:7', null, null);
    db.prepare('DELETE FROM sms_outbox WHERE id = 2').run();
    const before = db.prepare('SELECT * FROM sms_outbox ORDER BY id').all();
    expect(() => put.run('deferral', 'deferral:d1/before', null, null)).toThrow(/CHECK/);
    db.close();

    const store = createStore(openDatabase(path));
    db = store.db;
    expect(db.prepare('SELECT name FROM migrations WHERE id = 28').pluck().get()).toBe('0028_deferral_reminders.sql');
    expect(db.prepare('SELECT * FROM sms_outbox ORDER BY id').all()).toEqual(before);
    // The counter carried over: the deleted id 2 is not handed out again.
    const add = db.prepare(`INSERT INTO sms_outbox (hall_id, kind, phone, text, ref, created_at, next_at, expires_at) VALUES ('h1', 'deferral', '1', 't', 'deferral:d1/before', 1, 1, 2)`);
    expect(add.run().lastInsertRowid).toBe(3);
    expect(() => add.run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE sms_outbox SET delivery = 'lost' WHERE id = 1`).run()).toThrow(/CHECK/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sms_outbox' AND name NOT LIKE 'sqlite_autoindex%'").pluck().all()).toEqual(['sms_outbox_due']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    const repo = createDeferralRepo(db);
    repo.insert('h1', rec());
    repo.insert('h1', rec({ id: 'd2', ticketId: 't2', phone: '' }));
    repo.insert('h1', rec({ id: 'd3', ticketId: 't3', deadline: '2026-11-20' }));
    repo.insert('h1', rec({ id: 'd4', ticketId: 't4', status: 'done' }));
    // d1's text (id 3 above) is read with the record; d2 has no phone, d3 is past the cut-off, d4 is closed.
    expect(repo.remindable('h1', '2026-11-25').map((r) => r.id)).toEqual(['d1']);
    expect(repo.markReminded('h1', 'd1', 'before', 100)).toBe(true);
    expect(repo.markReminded('h1', 'd1', 'before', 200)).toBe(false);
    expect(repo.byId('h1', 'd1')).toEqual({ ...rec(), reminded: { before: 100 }, sms: { before: 'pending' } });
    expect(repo.remindable('h1', '2026-11-25').map((r) => r.id)).toEqual(['d1']);
    expect(repo.markReminded('h1', 'd1', 'overdue', 300)).toBe(true);
    expect(repo.remindable('h1', '2026-11-25')).toEqual([]);
    expect(repo.byId('h1', 'd1')?.reminded).toEqual({ before: 100, overdue: 300 });
    // The reminder run's query uses the new index.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM deferrals WHERE hall_id = 'h1' AND status = 'pending' AND deadline >= '2026-11-25'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('deferrals_open');
    store.close();
  });
});
