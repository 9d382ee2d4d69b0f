/**
 * 扫码取号需验证手机号 on real SQLite (migration 0017, server/notify/phone-verify-repo.ts): the
 * outbox takes the kind 'verify' after its rebuild with older texts kept; codes are stored as
 * hashes; the phone's latest code is the one read; a code is used once; the phone tickets are
 * found per phone, day and queue; and the 个人信息保存期限 clean-up removes both tables' rows of
 * past days (counted with the walk-ins' phones) and leaves today's.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRetentionRepo } from '../../server/citizen/retention-repo';
import { maskName, maskPhone } from '../../server/citizen/rules';
import { createPhoneVerifyRepo } from '../../server/notify/phone-verify-repo';
import { loadMigrations, migrate } from '../../server/store/migrate';
import { openDatabase, type Db } from '../../server/store/open';
import { tempDir } from '../support/tmp';

const SETTINGS = { recallLimit: 2, prioritySwapAfter: 3, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: [] };
const all = loadMigrations();
const verifyMigration = all.find((m) => m.name.endsWith('_mobile_phone_verify.sql'))!;

function fresh(): Db {
  const db = openDatabase(':memory:');
  migrate(db);
  db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(SETTINGS));
  return db;
}
const code = (phone: string, day: string, at: number) => ({ phone, serviceDay: day, salt: 'aa', codeHash: 'bb', createdAt: at, expiresAt: at + 300_000 });

describe('migration 0017 (phone verification)', () => {
  it('keeps the outbox rows and ids, takes kind verify once per ref, refuses unknown kinds', () => {
    const file = join(tempDir('phone-verify-'), 'hall.db');
    let db = openDatabase(file);
    migrate(
      db,
      all.filter((m) => m.id < verifyMigration.id),
    );
    db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(SETTINGS));
    const insert = db.prepare(`INSERT INTO sms_outbox (hall_id, kind, phone, text, ref, created_at, next_at, expires_at) VALUES ('h1', ?, '13900000001', 't', ?, 1, 1, 2)`);
    insert.run('called', 'ticket:2026-11-30/A001');
    insert.run('assist', 'assist:r1/1');
    expect(() => insert.run('verify', 'verify:1')).toThrow(/CHECK/);
    const before = db.prepare('SELECT * FROM sms_outbox ORDER BY id').all();
    db.close();

    db = openDatabase(file);
    expect(migrate(db)).toContain(verifyMigration.id);
    // Every row as it was; the later 短信回执 columns (0025) empty.
    expect(db.prepare('SELECT * FROM sms_outbox ORDER BY id').all()).toEqual(before.map((r) => ({ ...(r as object), delivery: null, delivery_at: null, delivery_error: null })));
    const add = db.prepare(`INSERT INTO sms_outbox (hall_id, kind, phone, text, ref, created_at, next_at, expires_at) VALUES ('h1', ?, '13900000009', 't', ?, 1, 1, 2)`);
    expect(add.run('verify', 'verify:1').lastInsertRowid).toBe(3);
    expect(() => add.run('verify', 'verify:1')).toThrow(/UNIQUE/);
    expect(() => add.run('fax', 'x')).toThrow(/CHECK/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('phone codes and phone tickets in the store', () => {
  it("reads a phone's latest code, counts wrong tries, uses a code once, lists the codes of the last hour", () => {
    const db = fresh();
    const repo = createPhoneVerifyRepo(db);
    repo.insert('h1', code('13912345678', '2026-11-30', 1000));
    const second = repo.insert('h1', code('13912345678', '2026-11-30', 70_000));
    repo.insert('h1', code('13700000000', '2026-11-30', 80_000));
    expect(repo.latest('h1', '13912345678')).toMatchObject({ id: second, createdAt: 70_000, attempts: 0 });
    expect(repo.latest('h1', '13912345678')?.usedAt).toBeUndefined();
    expect(repo.latest('h1', '13600000000')).toBeUndefined();
    repo.wrongTry(second);
    repo.wrongTry(second);
    expect(repo.latest('h1', '13912345678')?.attempts).toBe(2);
    expect(repo.use(second, 90_000)).toBe(true);
    expect(repo.use(second, 91_000)).toBe(false);
    expect(repo.latest('h1', '13912345678')?.usedAt).toBe(90_000);
    expect(repo.sentSince('h1', '13912345678', 1000)).toEqual([70_000]);
    expect(repo.sentSince('h1', '13912345678', 0)).toEqual([1000, 70_000]);
    // The hash is what is kept: no column holds the digits.
    expect(db.prepare('SELECT * FROM phone_codes LIMIT 1').get()).not.toHaveProperty('code');
  });

  it('finds the phone tickets of one phone, day and queue', () => {
    const db = fresh();
    const repo = createPhoneVerifyRepo(db);
    repo.take('h1', { ticketId: 't1', serviceDay: '2026-11-30', queue: 'E', phone: '13912345678', at: 1 });
    repo.take('h1', { ticketId: 't2', serviceDay: '2026-11-30', queue: 'E', phone: '13912345678', at: 2 });
    repo.take('h1', { ticketId: 't3', serviceDay: '2026-11-30', queue: 'A', phone: '13912345678', at: 3 });
    repo.take('h1', { ticketId: 't4', serviceDay: '2026-11-29', queue: 'E', phone: '13912345678', at: 4 });
    repo.take('h1', { ticketId: 't5', serviceDay: '2026-11-30', queue: 'E', phone: '13700000000', at: 5 });
    expect(repo.held('h1', '13912345678', '2026-11-30', 'E').sort()).toEqual(['t1', 't2']);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT ticket_id FROM mobile_ticket_phones WHERE hall_id = 'h1' AND phone = 'x' AND service_day = 'd' AND queue = 'E'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('mobile_ticket_phones_phone');
  });

  it('the 个人信息保存期限 clean-up removes past days of both tables and keeps today', () => {
    const db = fresh();
    const repo = createPhoneVerifyRepo(db);
    repo.insert('h1', code('13912345678', '2026-11-29', 1000));
    repo.insert('h1', code('13912345679', '2026-11-30', 2000));
    repo.take('h1', { ticketId: 't1', serviceDay: '2026-11-29', queue: 'E', phone: '13912345678', at: 1 });
    repo.take('h1', { ticketId: 't2', serviceDay: '2026-11-30', queue: 'E', phone: '13912345679', at: 2 });
    const retention = createRetentionRepo(db);
    const cut = { hallId: 'h1', date: '2026-06-03', at: Date.parse('2026-06-02T16:00:00Z'), today: '2026-11-30' };
    const due = { appointments: 0, pardons: 0, sms: 0, ticketPhones: 2, idCards: 0, deferrals: 0 };
    expect(retention.pending(cut)).toEqual(due);
    expect(retention.purge(cut, { name: maskName, phone: maskPhone })).toEqual(due);
    expect(db.prepare('SELECT phone FROM phone_codes').pluck().all()).toEqual(['13912345679']);
    expect(db.prepare('SELECT ticket_id FROM mobile_ticket_phones').pluck().all()).toEqual(['t2']);
    expect(retention.pending(cut).ticketPhones).toBe(0);
  });
});
