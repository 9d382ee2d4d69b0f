/**
 * The stored tickets of any service day, for figures and reports (the hall's state in memory
 * holds only today). Read-only.
 */
import type { TicketRec } from '../domain';
import type { Db } from './open';
import { ticketFromRow, type TicketRow } from './rows';

export function createTicketHistoryRepo(db: Db) {
  const s = {
    ofDay: db.prepare<[string, string], TicketRow>('SELECT * FROM tickets WHERE hall_id = ? AND service_day = ? ORDER BY issued_at, ord'),
  };
  return {
    /** Every ticket issued on that service day, whatever became of it, in issue order. */
    ofDay(hallId: string, serviceDay: string): TicketRec[] {
      return s.ofDay.all(hallId, serviceDay).map(ticketFromRow);
    },
  };
}

export type TicketHistoryRepo = ReturnType<typeof createTicketHistoryRepo>;
