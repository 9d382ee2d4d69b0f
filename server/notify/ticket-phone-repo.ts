/** The phones holders added to their tickets for 快到您了 (migration 0012), apart from the tickets. */
import type { Db } from '../store';

export interface TicketPhoneRec {
  ticketId: string;
  phone: string;
}

export function createTicketPhoneRepo(db: Db) {
  const s = {
    put: db.prepare(`INSERT INTO ticket_sms_phones (hall_id, ticket_id, service_day, phone, added_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (hall_id, ticket_id) DO UPDATE SET phone = excluded.phone, added_at = excluded.added_at`),
    remove: db.prepare('DELETE FROM ticket_sms_phones WHERE hall_id = ? AND ticket_id = ?'),
    get: db.prepare('SELECT phone FROM ticket_sms_phones WHERE hall_id = ? AND ticket_id = ?'),
    onDay: db.prepare('SELECT ticket_id, phone FROM ticket_sms_phones WHERE hall_id = ? AND service_day = ?'),
  };
  return {
    put(hallId: string, ticketId: string, serviceDay: string, phone: string, at: number): void {
      s.put.run(hallId, ticketId, serviceDay, phone, at);
    },
    remove(hallId: string, ticketId: string): boolean {
      return s.remove.run(hallId, ticketId).changes === 1;
    },
    get(hallId: string, ticketId: string): string | undefined {
      return (s.get.get(hallId, ticketId) as { phone: string } | undefined)?.phone;
    },
    onDay(hallId: string, serviceDay: string): TicketPhoneRec[] {
      return (s.onDay.all(hallId, serviceDay) as { ticket_id: string; phone: string }[]).map((r) => ({ ticketId: r.ticket_id, phone: r.phone }));
    },
  };
}

export type TicketPhoneRepo = ReturnType<typeof createTicketPhoneRepo>;
