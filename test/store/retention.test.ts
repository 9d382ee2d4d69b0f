/**
 * 个人信息保存期限 on real SQLite (server/citizen/retention-repo.ts, migration 0016): what is older
 * than the cut-off keeps only masked names and phones, what is newer is untouched, a second run
 * changes nothing, and two bookings whose numbers mask alike do not collide.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createRetentionRepo } from '../../server/citizen/retention-repo';
import { maskName, maskPhone } from '../../server/citizen/rules';
import { migrate } from '../../server/store/migrate';
import { openDatabase, type Db } from '../../server/store/open';

const SETTINGS = { recallLimit: 2, prioritySwapAfter: 3, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: [] };
const MASKS = { name: maskName, phone: maskPhone };
/** Cut-off 2026-06-03 (local midnight in Shanghai); today 2026-11-30. */
const CUT = { hallId: 'h1', date: '2026-06-03', at: Date.parse('2026-06-02T16:00:00Z'), today: '2026-11-30' };

let db: Db;
let seq = 0;

function appointment(date: string, phone: string, status = 'checked_in', name = '张三丰', queue = 'A'): string {
  const id = `ap${++seq}`;
  db.prepare(
    `INSERT INTO appointments (id, hall_id, code, date, slot, slot_start, slot_end, queue, matters, name, phone, status, created_at, created_by)
     VALUES (?, 'h1', ?, ?, '10:00', 0, 0, ?, '[]', ?, ?, ?, 0, 'public')`,
  ).run(id, String(10_000_000 + seq), date, queue, name, phone, status);
  return id;
}
const row = (id: string) => db.prepare('SELECT name, phone FROM appointments WHERE id = ?').get(id) as { name: string; phone: string };

function sms(at: number, phone: string, status = 'sent'): number {
  return Number(
    db
      .prepare("INSERT INTO sms_outbox (hall_id, kind, phone, text, ref, status, created_at, next_at, expires_at) VALUES ('h1', 'booked', ?, '【大厅】预约成功', ?, ?, ?, ?, ?)")
      .run(phone, `appointment:${++seq}`, status, at, at, at + 3_600_000).lastInsertRowid,
  );
}
const smsPhone = (id: number) => db.prepare('SELECT phone FROM sms_outbox WHERE id = ?').pluck().get(id);

beforeEach(() => {
  db = openDatabase(':memory:');
  migrate(db);
  db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(SETTINGS));
});

describe('retention clean-up in the store', () => {
  it('masks names and phones dated before the cut-off, leaves the rest, and a second run changes nothing', () => {
    const old = appointment('2026-06-02', '13912345678', 'missed', '欧阳娜娜');
    const edge = appointment('2026-06-03', '13912340000');
    const pardonOld = db.prepare("INSERT INTO missed_pardons (hall_id, phone, pardoned_at, reason, pardoned_by) VALUES ('h1', '13912345678', ?, '生病', 'u1')").run(CUT.at - 1).lastInsertRowid;
    const pardonNew = db.prepare("INSERT INTO missed_pardons (hall_id, phone, pardoned_at, reason, pardoned_by) VALUES ('h1', '13912345678', ?, '生病', 'u1')").run(CUT.at).lastInsertRowid;
    const smsOld = sms(CUT.at - 1, '13912345678');
    const smsFailedOld = sms(CUT.at - 1, '13912345679', 'failed');
    const smsPendingOld = sms(CUT.at - 1, '13912345670', 'pending');
    const smsNew = sms(CUT.at, '13912345678');
    db.prepare("INSERT INTO ticket_sms_phones VALUES ('h1', 't1', '2026-11-29', '13700000000', 0), ('h1', 't2', '2026-11-30', '13700000001', 0)").run();
    const repo = createRetentionRepo(db);

    const due = { appointments: 1, pardons: 1, sms: 2, ticketPhones: 1, idCards: 0, deferrals: 0 };
    expect(repo.pending(CUT)).toEqual(due);
    expect(repo.purge(CUT, MASKS)).toEqual(due);

    expect(row(old)).toEqual({ name: '欧***', phone: '139****5678' });
    expect(row(edge)).toEqual({ name: '张三丰', phone: '13912340000' });
    const pardonPhone = (id: number | bigint) => db.prepare('SELECT phone FROM missed_pardons WHERE id = ?').pluck().get(id);
    expect(pardonPhone(pardonOld)).toBe('139****5678');
    expect(pardonPhone(pardonNew)).toBe('13912345678');
    expect([smsPhone(smsOld), smsPhone(smsFailedOld), smsPhone(smsPendingOld), smsPhone(smsNew)]).toEqual(['139****5678', '139****5679', '13912345670', '13912345678']);
    expect(db.prepare('SELECT ticket_id FROM ticket_sms_phones').pluck().all()).toEqual(['t2']);

    const none = { appointments: 0, pardons: 0, sms: 0, ticketPhones: 0, idCards: 0, deferrals: 0 };
    expect(repo.pending(CUT)).toEqual(none);
    expect(repo.purge(CUT, MASKS)).toEqual(none);
    expect(row(old)).toEqual({ name: '欧***', phone: '139****5678' });
  });

  it('two bookings of one day and queue whose numbers mask alike are both masked (migration 0016)', () => {
    const a = appointment('2026-05-01', '13811115678');
    const b = appointment('2026-05-01', '13822225678');
    const c = appointment('2026-05-01', '13833335678', 'booked');
    expect(createRetentionRepo(db).purge(CUT, MASKS).appointments).toBe(3);
    expect([row(a).phone, row(b).phone, row(c).phone]).toEqual(['138****5678', '138****5678', '138****5678']);
  });

  it('still holds one active booking per real number, day and queue', () => {
    appointment('2026-12-01', '13811115678', 'booked');
    expect(() => appointment('2026-12-01', '13811115678', 'booked')).toThrow(/UNIQUE/);
    appointment('2026-12-01', '13811115678', 'booked', '张三', 'B');
  });
});
