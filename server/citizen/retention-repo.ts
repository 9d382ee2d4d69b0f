/**
 * 个人信息保存期限 in SQLite: finds names and phones older than the cut-off and overwrites them
 * with their masked forms (138****5678, 张*). It reaches past the citizen tables into the SMS
 * outbox, the walk-ins' phones, the phones that took numbers (扫码取号需验证手机号), the cards that
 * took them (实名取号) and the 容缺台账's applicants on purpose: one clean-up, one transaction, one audit entry for
 * every place a citizen's number is kept. A real number never holds '*', so a masked row is
 * never picked again.
 */
import type { RetentionCounts } from '../../shared/citizen';
import type { Db } from '../store';

interface Cutoff {
  hallId: string;
  /** Appointments dated before this day (YYYY-MM-DD). */
  date: string;
  /** Pardons and texts written before this instant (epoch ms: the cut-off day's local midnight). */
  at: number;
  /** Walk-ins' phones of service days before this one (today). */
  today: string;
}

export interface Masks {
  name(name: string): string;
  phone(phone: string): string;
}

export function createRetentionRepo(db: Db) {
  const count = (sql: string) => db.prepare<[string, string | number], { n: number }>(`SELECT count(*) AS n FROM ${sql}`);
  const s = {
    countAppointments: count("appointments WHERE hall_id = ? AND date < ? AND instr(phone, '*') = 0"),
    countPardons: count("missed_pardons WHERE hall_id = ? AND pardoned_at < ? AND instr(phone, '*') = 0"),
    countSms: count("sms_outbox WHERE hall_id = ? AND created_at < ? AND status <> 'pending' AND instr(phone, '*') = 0"),
    countTicketPhones: count('ticket_sms_phones WHERE hall_id = ? AND service_day < ?'),
    // 扫码取号需验证手机号: the codes asked for and which phone took which phone ticket. Their use
    // ends with the day (the per-phone limit is per day), so they go with the walk-ins' phones.
    countPhoneCodes: count('phone_codes WHERE hall_id = ? AND service_day < ?'),
    countMobilePhones: count('mobile_ticket_phones WHERE hall_id = ? AND service_day < ?'),
    appointments: db.prepare<[string, string], { id: string; name: string; phone: string }>(
      "SELECT id, name, phone FROM appointments WHERE hall_id = ? AND date < ? AND instr(phone, '*') = 0",
    ),
    maskAppointment: db.prepare<[string, string, string]>('UPDATE appointments SET name = ?, phone = ? WHERE id = ?'),
    pardons: db.prepare<[string, number], { id: number; phone: string }>(
      "SELECT id, phone FROM missed_pardons WHERE hall_id = ? AND pardoned_at < ? AND instr(phone, '*') = 0",
    ),
    maskPardon: db.prepare<[string, number]>('UPDATE missed_pardons SET phone = ? WHERE id = ?'),
    // A pending text is left alone: it is sent or expires first (its life is hours, the cut-off days).
    sms: db.prepare<[string, number], { id: number; phone: string }>(
      "SELECT id, phone FROM sms_outbox WHERE hall_id = ? AND created_at < ? AND status <> 'pending' AND instr(phone, '*') = 0",
    ),
    maskSms: db.prepare<[string, number]>('UPDATE sms_outbox SET phone = ? WHERE id = ?'),
    removeTicketPhones: db.prepare<[string, string]>('DELETE FROM ticket_sms_phones WHERE hall_id = ? AND service_day < ?'),
    removePhoneCodes: db.prepare<[string, string]>('DELETE FROM phone_codes WHERE hall_id = ? AND service_day < ?'),
    removeMobilePhones: db.prepare<[string, string]>('DELETE FROM mobile_ticket_phones WHERE hall_id = ? AND service_day < ?'),
    // 实名取号: a card's hash serves only its day's limit; the masked number, age and birth year
    // stay (the clerk's line, the figures) until the cut-off, like an appointment's name.
    countIdCards: db.prepare<[string, string, string], { n: number }>(
      'SELECT count(*) AS n FROM ticket_id_cards WHERE hall_id = ? AND (service_day < ? OR (service_day < ? AND id_hash IS NOT NULL))',
    ),
    // 容缺台账: the applicant's name and phone, once the record is older than the cut-off, whatever
    // its status (a 待补齐 one that old is long overdue; its number and matter stay to follow it up).
    countDeferrals: count("deferrals WHERE hall_id = ? AND created_at < ? AND ((name <> '' AND instr(name, '*') = 0) OR (phone <> '' AND instr(phone, '*') = 0))"),
    deferrals: db.prepare<[string, number], { id: string; name: string; phone: string }>(
      "SELECT id, name, phone FROM deferrals WHERE hall_id = ? AND created_at < ? AND ((name <> '' AND instr(name, '*') = 0) OR (phone <> '' AND instr(phone, '*') = 0))",
    ),
    maskDeferral: db.prepare<[string, string, string]>('UPDATE deferrals SET name = ?, phone = ? WHERE id = ?'),
    removeIdCards: db.prepare<[string, string]>('DELETE FROM ticket_id_cards WHERE hall_id = ? AND service_day < ?'),
    dropIdHashes: db.prepare<[string, string]>('UPDATE ticket_id_cards SET id_hash = NULL WHERE hall_id = ? AND service_day < ? AND id_hash IS NOT NULL'),
  };

  return {
    /** What a clean-up would touch now, without touching it. */
    pending(c: Cutoff): RetentionCounts {
      const n = (stmt: typeof s.countSms, since: string | number): number => stmt.get(c.hallId, since)?.n ?? 0;
      return {
        appointments: n(s.countAppointments, c.date),
        pardons: n(s.countPardons, c.at),
        sms: n(s.countSms, c.at),
        ticketPhones: n(s.countTicketPhones, c.today) + n(s.countPhoneCodes, c.today) + n(s.countMobilePhones, c.today),
        idCards: s.countIdCards.get(c.hallId, c.date, c.today)?.n ?? 0,
        deferrals: n(s.countDeferrals, c.at),
      };
    },
    /** Masks and removes; the caller holds the transaction. */
    purge(c: Cutoff, mask: Masks): RetentionCounts {
      const appointments = s.appointments.all(c.hallId, c.date);
      for (const a of appointments) s.maskAppointment.run(mask.name(a.name), mask.phone(a.phone), a.id);
      const pardons = s.pardons.all(c.hallId, c.at);
      for (const p of pardons) s.maskPardon.run(mask.phone(p.phone), p.id);
      const sms = s.sms.all(c.hallId, c.at);
      for (const m of sms) s.maskSms.run(mask.phone(m.phone), m.id);
      const ticketPhones =
        s.removeTicketPhones.run(c.hallId, c.today).changes +
        s.removePhoneCodes.run(c.hallId, c.today).changes +
        s.removeMobilePhones.run(c.hallId, c.today).changes;
      const idCards = s.removeIdCards.run(c.hallId, c.date).changes + s.dropIdHashes.run(c.hallId, c.today).changes;
      const deferrals = s.deferrals.all(c.hallId, c.at);
      const masked = (v: string, m: (x: string) => string): string => (v === '' || v.includes('*') ? v : m(v));
      for (const d of deferrals) s.maskDeferral.run(masked(d.name, mask.name), masked(d.phone, mask.phone), d.id);
      return { appointments: appointments.length, pardons: pardons.length, sms: sms.length, ticketPhones, idCards, deferrals: deferrals.length };
    },
  };
}

export type RetentionRepo = ReturnType<typeof createRetentionRepo>;
