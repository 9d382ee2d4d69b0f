/** Appointments in SQLite, over prepared statements. Times are epoch ms; the service shapes views. */
import type { AppointmentStatus } from '../../shared/citizen';
import type { Db } from '../store';

export interface AppointmentRec {
  id: string;
  hallId: string;
  code: string;
  date: string;
  slot: string;
  slotStart: number;
  slotEnd: number;
  queue: string;
  matters: string[];
  name: string;
  phone: string;
  status: AppointmentStatus;
  externalRef?: string;
  createdAt: number;
  createdBy: string;
  cancelledAt?: number;
  cancelledBy?: string;
  checkedInAt?: number;
  checkedInBy?: string;
  missedAt?: number;
  ticketId?: string;
  late: boolean;
}

interface Row {
  id: string;
  hall_id: string;
  code: string;
  date: string;
  slot: string;
  slot_start: number;
  slot_end: number;
  queue: string;
  matters: string;
  name: string;
  phone: string;
  status: AppointmentStatus;
  external_ref: string | null;
  created_at: number;
  created_by: string;
  cancelled_at: number | null;
  cancelled_by: string | null;
  checked_in_at: number | null;
  checked_in_by: string | null;
  missed_at: number | null;
  ticket_id: string | null;
  late: number;
}

function fromRow(r: Row): AppointmentRec {
  const a: AppointmentRec = {
    id: r.id,
    hallId: r.hall_id,
    code: r.code,
    date: r.date,
    slot: r.slot,
    slotStart: r.slot_start,
    slotEnd: r.slot_end,
    queue: r.queue,
    matters: JSON.parse(r.matters) as string[],
    name: r.name,
    phone: r.phone,
    status: r.status,
    createdAt: r.created_at,
    createdBy: r.created_by,
    late: r.late === 1,
  };
  if (r.external_ref !== null) a.externalRef = r.external_ref;
  if (r.cancelled_at !== null) a.cancelledAt = r.cancelled_at;
  if (r.cancelled_by !== null) a.cancelledBy = r.cancelled_by;
  if (r.checked_in_at !== null) a.checkedInAt = r.checked_in_at;
  if (r.checked_in_by !== null) a.checkedInBy = r.checked_in_by;
  if (r.missed_at !== null) a.missedAt = r.missed_at;
  if (r.ticket_id !== null) a.ticketId = r.ticket_id;
  return a;
}

export function createAppointmentRepo(db: Db) {
  const s = {
    insert: db.prepare(`INSERT INTO appointments
      (id, hall_id, code, date, slot, slot_start, slot_end, queue, matters, name, phone, status, external_ref, created_at, created_by)
      VALUES (@id, @hall_id, @code, @date, @slot, @slot_start, @slot_end, @queue, @matters, @name, @phone, 'booked', @external_ref, @created_at, @created_by)`),
    byId: db.prepare('SELECT * FROM appointments WHERE hall_id = ? AND id = ?'),
    byCode: db.prepare('SELECT * FROM appointments WHERE hall_id = ? AND code = ?'),
    codeUsed: db.prepare('SELECT 1 FROM appointments WHERE hall_id = ? AND code = ?'),
    countSlot: db.prepare(`SELECT count(*) AS n FROM appointments
      WHERE hall_id = ? AND date = ? AND queue = ? AND slot = ? AND status IN ('booked', 'checked_in', 'missed')`),
    countDay: db.prepare(`SELECT slot, count(*) AS n FROM appointments
      WHERE hall_id = ? AND date = ? AND queue = ? AND status IN ('booked', 'checked_in', 'missed') GROUP BY slot`),
    phoneActive: db.prepare(`SELECT 1 FROM appointments
      WHERE hall_id = ? AND phone = ? AND date = ? AND queue = ? AND status IN ('booked', 'checked_in')`),
    // The 爽约 rule's input: served by appointments_phone (hall_id, phone, date); misses recorded
    // up to the phone's latest pardon (missed_pardons_phone) no longer count.
    missedDates: db.prepare(`SELECT date FROM appointments
      WHERE hall_id = @hall_id AND phone = @phone AND date >= @since AND status = 'missed'
        AND missed_at > coalesce((SELECT max(pardoned_at) FROM missed_pardons WHERE hall_id = @hall_id AND phone = @phone), -1)
      ORDER BY date`),
    // Every phone's unpardoned misses since a date (the 爽约 list): a date range on appointments_slot.
    missedAll: db.prepare(`SELECT a.phone, a.name, a.date FROM appointments a
      LEFT JOIN (SELECT phone, max(pardoned_at) AS at FROM missed_pardons WHERE hall_id = @hall_id GROUP BY phone) p ON p.phone = a.phone
      WHERE a.hall_id = @hall_id AND a.date >= @since AND a.status = 'missed' AND a.missed_at > coalesce(p.at, -1)
      ORDER BY a.phone, a.date`),
    // The name on a phone's latest missed appointment (as the 爽约 list names the citizen).
    lastMissedName: db.prepare(`SELECT name FROM appointments WHERE hall_id = ? AND phone = ? AND status = 'missed'
      ORDER BY date DESC, created_at DESC LIMIT 1`),
    // A day's checked-in appointments and their tickets (the SMS heads-up follows those tickets).
    checkedInOn: db.prepare(`SELECT ticket_id, phone FROM appointments
      WHERE hall_id = ? AND date = ? AND status = 'checked_in' AND ticket_id IS NOT NULL`),
    cancel: db.prepare(`UPDATE appointments SET status = 'cancelled', cancelled_at = ?, cancelled_by = ?
      WHERE hall_id = ? AND id = ? AND status = 'booked'`),
    checkIn: db.prepare(`UPDATE appointments SET status = 'checked_in', checked_in_at = ?, checked_in_by = ?, ticket_id = ?, late = ?
      WHERE hall_id = ? AND id = ? AND status = 'booked'`),
    markMissed: db.prepare(`UPDATE appointments SET status = 'missed', missed_at = ?
      WHERE hall_id = ? AND id = ? AND status = 'booked'`),
    // slot_end < cutoff, where cutoff = now - (minutes after the slot end that a check-in is still taken).
    sweepMissed: db.prepare(`UPDATE appointments SET status = 'missed', missed_at = ?
      WHERE hall_id = ? AND status = 'booked' AND slot_end < ?`),
    // A day's appointments; queue and status filter only when given.
    list: db.prepare(`SELECT * FROM appointments
      WHERE hall_id = @hall_id AND date = @date AND (@queue IS NULL OR queue = @queue) AND (@status IS NULL OR status = @status)
      ORDER BY slot_start, queue, created_at LIMIT 2000`),
  };

  return {
    insert(a: {
      id: string;
      hallId: string;
      code: string;
      date: string;
      slot: string;
      slotStart: number;
      slotEnd: number;
      queue: string;
      matters: string[];
      name: string;
      phone: string;
      externalRef?: string | undefined;
      createdAt: number;
      createdBy: string;
    }): void {
      s.insert.run({
        id: a.id,
        hall_id: a.hallId,
        code: a.code,
        date: a.date,
        slot: a.slot,
        slot_start: a.slotStart,
        slot_end: a.slotEnd,
        queue: a.queue,
        matters: JSON.stringify(a.matters),
        name: a.name,
        phone: a.phone,
        external_ref: a.externalRef ?? null,
        created_at: a.createdAt,
        created_by: a.createdBy,
      });
    },
    byId(hallId: string, id: string): AppointmentRec | undefined {
      const r = s.byId.get(hallId, id) as Row | undefined;
      return r ? fromRow(r) : undefined;
    },
    byCode(hallId: string, code: string): AppointmentRec | undefined {
      const r = s.byCode.get(hallId, code) as Row | undefined;
      return r ? fromRow(r) : undefined;
    },
    codeUsed(hallId: string, code: string): boolean {
      return s.codeUsed.get(hallId, code) !== undefined;
    },
    countSlot(hallId: string, date: string, queue: string, slot: string): number {
      return (s.countSlot.get(hallId, date, queue, slot) as { n: number }).n;
    },
    /** Taken places per slot of a day and queue. */
    countDay(hallId: string, date: string, queue: string): Map<string, number> {
      const rows = s.countDay.all(hallId, date, queue) as { slot: string; n: number }[];
      return new Map(rows.map((r) => [r.slot, r.n]));
    },
    phoneHasActive(hallId: string, phone: string, date: string, queue: string): boolean {
      return s.phoneActive.get(hallId, phone, date, queue) !== undefined;
    },
    /** Dates of the phone's missed appointments from `since` on, oldest first (one per appointment), not pardoned since. */
    missedDates(hallId: string, phone: string, since: string): string[] {
      return (s.missedDates.all({ hall_id: hallId, phone, since }) as { date: string }[]).map((r) => r.date);
    },
    /** Every missed appointment from `since` on not pardoned since, by phone then date. */
    missedAll(hallId: string, since: string): { phone: string; name: string; date: string }[] {
      return s.missedAll.all({ hall_id: hallId, since }) as { phone: string; name: string; date: string }[];
    },
    lastMissedName(hallId: string, phone: string): string | undefined {
      return (s.lastMissedName.get(hallId, phone) as { name: string } | undefined)?.name;
    },
    checkedInOn(hallId: string, date: string): { ticketId: string; phone: string }[] {
      return (s.checkedInOn.all(hallId, date) as { ticket_id: string; phone: string }[]).map((r) => ({ ticketId: r.ticket_id, phone: r.phone }));
    },
    cancel(hallId: string, id: string, at: number, by: string): boolean {
      return s.cancel.run(at, by, hallId, id).changes === 1;
    },
    checkIn(hallId: string, id: string, at: number, by: string, ticketId: string, late: boolean): boolean {
      return s.checkIn.run(at, by, ticketId, late ? 1 : 0, hallId, id).changes === 1;
    },
    markMissed(hallId: string, id: string, at: number): boolean {
      return s.markMissed.run(at, hallId, id).changes === 1;
    },
    /** Marks every booked appointment whose slot ended before `cutoff` as missed. */
    sweepMissed(hallId: string, cutoff: number, at: number): number {
      return s.sweepMissed.run(at, hallId, cutoff).changes;
    },
    list(hallId: string, f: { date: string; queue?: string | undefined; status?: AppointmentStatus | undefined }): AppointmentRec[] {
      const rows = s.list.all({ hall_id: hallId, date: f.date, queue: f.queue ?? null, status: f.status ?? null }) as Row[];
      return rows.map(fromRow);
    },
  };
}

export type AppointmentRepo = ReturnType<typeof createAppointmentRepo>;
