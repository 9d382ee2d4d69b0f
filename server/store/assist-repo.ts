/** 求助 requests in SQLite (migration 0009): one row per call for help, updated as it moves on. */
import type { AssistKind, AssistStatus } from '../../shared/assist';
import type { AssistRec } from '../domain/assist';
import type { Db } from './open';

interface Row {
  id: string;
  service_day: string;
  window_no: number;
  clerk_id: string;
  kind: string;
  note: string;
  ticket_number: string | null;
  status: string;
  raised_at: number;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  closed_by: string | null;
  closed_at: number | null;
  outcome: string;
}

function fromRow(r: Row): AssistRec {
  const x: AssistRec = {
    id: r.id,
    serviceDay: r.service_day,
    windowNo: r.window_no,
    clerkId: r.clerk_id,
    kind: r.kind as AssistKind,
    note: r.note,
    status: r.status as AssistStatus,
    raisedAt: r.raised_at,
    outcome: r.outcome,
  };
  if (r.ticket_number !== null) x.ticketNumber = r.ticket_number;
  if (r.acknowledged_by !== null) x.acknowledgedBy = r.acknowledged_by;
  if (r.acknowledged_at !== null) x.acknowledgedAt = r.acknowledged_at;
  if (r.closed_by !== null) x.closedBy = r.closed_by;
  if (r.closed_at !== null) x.closedAt = r.closed_at;
  return x;
}

const COLUMNS =
  'id, service_day, window_no, clerk_id, kind, note, ticket_number, status, raised_at, acknowledged_by, acknowledged_at, closed_by, closed_at, outcome';

export function createAssistRepo(db: Db) {
  const s = {
    put: db.prepare(`INSERT INTO assist_requests (hall_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, acknowledged_by = excluded.acknowledged_by,
        acknowledged_at = excluded.acknowledged_at, closed_by = excluded.closed_by, closed_at = excluded.closed_at,
        outcome = excluded.outcome`),
    byId: db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM assist_requests WHERE hall_id = ? AND id = ?`),
    ofDay: db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM assist_requests WHERE hall_id = ? AND service_day = ? ORDER BY raised_at DESC, id`),
    ofDays: db.prepare<[string, string, string], Row>(
      `SELECT ${COLUMNS} FROM assist_requests WHERE hall_id = ? AND service_day BETWEEN ? AND ? ORDER BY raised_at, id`,
    ),
    // Served by the partial index: only live requests are in it.
    active: db.prepare<[string], Row>(
      `SELECT ${COLUMNS} FROM assist_requests WHERE hall_id = ? AND status IN ('open', 'acknowledged') ORDER BY raised_at`,
    ),
  };
  return {
    /** Inserts a new request or writes the moves of an existing one (what it asked never changes). */
    put(hallId: string, r: AssistRec): void {
      s.put.run(
        hallId,
        r.id,
        r.serviceDay,
        r.windowNo,
        r.clerkId,
        r.kind,
        r.note,
        r.ticketNumber ?? null,
        r.status,
        r.raisedAt,
        r.acknowledgedBy ?? null,
        r.acknowledgedAt ?? null,
        r.closedBy ?? null,
        r.closedAt ?? null,
        r.outcome,
      );
    },
    byId(hallId: string, id: string): AssistRec | undefined {
      const r = s.byId.get(hallId, id);
      return r ? fromRow(r) : undefined;
    },
    /** A service day's requests, newest first. */
    ofDay(hallId: string, serviceDay: string): AssistRec[] {
      return s.ofDay.all(hallId, serviceDay).map(fromRow);
    },
    /** The requests of the service days from `from` to `to` (both included), oldest first: the 统计 page's figures. */
    ofDays(hallId: string, from: string, to: string): AssistRec[] {
      return s.ofDays.all(hallId, from, to).map(fromRow);
    },
    /** Requests still waiting for an end, of any day (one left open overnight still needs one). */
    active(hallId: string): AssistRec[] {
      return s.active.all(hallId).map(fromRow);
    },
  };
}

export type AssistRepo = ReturnType<typeof createAssistRepo>;
