/** 差评 follow-ups (整改) in SQLite: at most one row per rating; no row means still open. */
import type { Db } from '../store';

export interface FollowUpRec {
  ticketId: string;
  note: string;
  /** The manager's user id, and name when the account still exists. */
  by: string;
  byName?: string;
  at: number;
}

interface Row {
  ticket_id: string;
  note: string;
  handled_by: string;
  name: string | null;
  handled_at: number;
}

function fromRow(r: Row): FollowUpRec {
  const x: FollowUpRec = { ticketId: r.ticket_id, note: r.note, by: r.handled_by, at: r.handled_at };
  if (r.name !== null) x.byName = r.name;
  return x;
}

const SELECT = 'SELECT f.ticket_id, f.note, f.handled_by, f.handled_at, u.name FROM rating_follow_ups f LEFT JOIN users u ON u.id = f.handled_by';

export function createFollowUpRepo(db: Db) {
  const s = {
    put: db.prepare(`INSERT INTO rating_follow_ups (ticket_id, hall_id, note, handled_by, handled_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (ticket_id) DO UPDATE SET note = excluded.note, handled_by = excluded.handled_by, handled_at = excluded.handled_at`),
    remove: db.prepare('DELETE FROM rating_follow_ups WHERE hall_id = ? AND ticket_id = ?'),
    byTicket: db.prepare(`${SELECT} WHERE f.hall_id = ? AND f.ticket_id = ?`),
    // Through the ratings' day index: the follow-ups of the ratings of those service days.
    bySpan: db.prepare(`${SELECT} JOIN ratings r ON r.ticket_id = f.ticket_id
      WHERE r.hall_id = ? AND r.service_day BETWEEN ? AND ?`),
  };
  return {
    put(hallId: string, x: { ticketId: string; note: string; by: string; at: number }): void {
      s.put.run(x.ticketId, hallId, x.note, x.by, x.at);
    },
    remove(hallId: string, ticketId: string): void {
      s.remove.run(hallId, ticketId);
    },
    byTicket(hallId: string, ticketId: string): FollowUpRec | undefined {
      const r = s.byTicket.get(hallId, ticketId) as Row | undefined;
      return r ? fromRow(r) : undefined;
    },
    /** The follow-ups of the ratings of service days from–to, by ticket id. */
    bySpan(hallId: string, from: string, to: string): Map<string, FollowUpRec> {
      return new Map((s.bySpan.all(hallId, from, to) as Row[]).map((r) => [r.ticket_id, fromRow(r)]));
    },
  };
}

export type FollowUpRepo = ReturnType<typeof createFollowUpRepo>;
