/**
 * 扫码取号需验证手机号 in SQLite (migration 0017): the codes asked for (hashed) and which phone took
 * which phone ticket. Both hold a phone number in full, so both are cleared by the 个人信息保存期限
 * clean-up once their day is over (server/citizen/retention-repo.ts).
 */
import type { Db } from '../store';

export interface PhoneCodeRec {
  id: number;
  salt: string;
  codeHash: string;
  createdAt: number;
  expiresAt: number;
  attempts: number;
  usedAt?: number;
}

interface CodeRow {
  id: number;
  salt: string;
  code_hash: string;
  created_at: number;
  expires_at: number;
  attempts: number;
  used_at: number | null;
}

export interface NewPhoneCode {
  phone: string;
  serviceDay: string;
  salt: string;
  codeHash: string;
  createdAt: number;
  expiresAt: number;
}

export function createPhoneVerifyRepo(db: Db) {
  const s = {
    insert: db.prepare(`INSERT INTO phone_codes (hall_id, phone, service_day, salt, code_hash, created_at, expires_at)
      VALUES (@hall_id, @phone, @service_day, @salt, @code_hash, @created_at, @expires_at)`),
    sentSince: db.prepare<[string, string, number], { created_at: number }>(
      'SELECT created_at FROM phone_codes WHERE hall_id = ? AND phone = ? AND created_at > ? ORDER BY created_at',
    ),
    latest: db.prepare<[string, string], CodeRow>('SELECT * FROM phone_codes WHERE hall_id = ? AND phone = ? ORDER BY created_at DESC, id DESC LIMIT 1'),
    wrongTry: db.prepare<[number]>('UPDATE phone_codes SET attempts = attempts + 1 WHERE id = ?'),
    use: db.prepare<[number, number]>('UPDATE phone_codes SET used_at = ? WHERE id = ? AND used_at IS NULL'),
    take: db.prepare(`INSERT INTO mobile_ticket_phones (hall_id, ticket_id, service_day, queue, phone, issued_at)
      VALUES (@hall_id, @ticket_id, @service_day, @queue, @phone, @issued_at)`),
    held: db.prepare<[string, string, string, string], { ticket_id: string }>(
      'SELECT ticket_id FROM mobile_ticket_phones WHERE hall_id = ? AND phone = ? AND service_day = ? AND queue = ?',
    ),
  };
  return {
    /** Stores a code asked for; its id (the outbox ref's subject). */
    insert(hallId: string, c: NewPhoneCode): number {
      const r = s.insert.run({
        hall_id: hallId,
        phone: c.phone,
        service_day: c.serviceDay,
        salt: c.salt,
        code_hash: c.codeHash,
        created_at: c.createdAt,
        expires_at: c.expiresAt,
      });
      return Number(r.lastInsertRowid);
    },
    /** When the phone's codes after `since` were asked for (the throttle). */
    sentSince(hallId: string, phone: string, since: number): number[] {
      return s.sentSince.all(hallId, phone, since).map((r) => r.created_at);
    },
    /** The phone's latest code: the only one that counts. */
    latest(hallId: string, phone: string): PhoneCodeRec | undefined {
      const r = s.latest.get(hallId, phone);
      if (!r) return undefined;
      const x: PhoneCodeRec = { id: r.id, salt: r.salt, codeHash: r.code_hash, createdAt: r.created_at, expiresAt: r.expires_at, attempts: r.attempts };
      if (r.used_at !== null) x.usedAt = r.used_at;
      return x;
    },
    wrongTry(id: number): void {
      s.wrongTry.run(id);
    },
    /** Marks the code used; false when it already was (a second number on one code). */
    use(id: number, at: number): boolean {
      return s.use.run(at, id).changes === 1;
    },
    /** Records that `phone` took this phone ticket. */
    take(hallId: string, t: { ticketId: string; serviceDay: string; queue: string; phone: string; at: number }): void {
      s.take.run({ hall_id: hallId, ticket_id: t.ticketId, service_day: t.serviceDay, queue: t.queue, phone: t.phone, issued_at: t.at });
    },
    /** The phone tickets `phone` took of a queue on a day. */
    held(hallId: string, phone: string, serviceDay: string, queue: string): string[] {
      return s.held.all(hallId, phone, serviceDay, queue).map((r) => r.ticket_id);
    },
  };
}

export type PhoneVerifyRepo = ReturnType<typeof createPhoneVerifyRepo>;
