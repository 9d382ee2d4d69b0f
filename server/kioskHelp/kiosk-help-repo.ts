/** 自助机呼叫工作人员's calls in SQLite (migration 0030): one row per call, updated as it moves on. */
import type { KioskHelpStatus } from '../../shared/kioskHelp';
import type { Db } from '../store/open';
import type { KioskHelpRec } from './rules';

interface Row {
  id: string;
  service_day: string;
  kiosk_id: string;
  kiosk_name: string | null;
  kiosk_no: number | null;
  raised_by: string;
  status: string;
  raised_at: number;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  closed_by: string | null;
  closed_at: number | null;
}

function fromRow(r: Row): KioskHelpRec {
  const x: KioskHelpRec = {
    id: r.id,
    serviceDay: r.service_day,
    kioskId: r.kiosk_id,
    status: r.status as KioskHelpStatus,
    raisedAt: r.raised_at,
    raisedBy: r.raised_by,
  };
  if (r.kiosk_name !== null) x.kioskName = r.kiosk_name;
  if (r.kiosk_no !== null) x.kioskNo = r.kiosk_no;
  if (r.acknowledged_by !== null) x.acknowledgedBy = r.acknowledged_by;
  if (r.acknowledged_at !== null) x.acknowledgedAt = r.acknowledged_at;
  if (r.closed_by !== null) x.closedBy = r.closed_by;
  if (r.closed_at !== null) x.closedAt = r.closed_at;
  return x;
}

const COLUMNS = 'id, service_day, kiosk_id, kiosk_name, kiosk_no, raised_by, status, raised_at, acknowledged_by, acknowledged_at, closed_by, closed_at';

export function createKioskHelpRepo(db: Db) {
  const s = {
    put: db.prepare(`INSERT INTO kiosk_help_calls (hall_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, acknowledged_by = excluded.acknowledged_by,
        acknowledged_at = excluded.acknowledged_at, closed_by = excluded.closed_by, closed_at = excluded.closed_at`),
    byId: db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM kiosk_help_calls WHERE hall_id = ? AND id = ?`),
    ofDay: db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM kiosk_help_calls WHERE hall_id = ? AND service_day = ? ORDER BY raised_at DESC, id`),
    // Served by the partial unique index: only live calls are in it.
    live: db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM kiosk_help_calls WHERE hall_id = ? AND status IN ('open', 'acknowledged') ORDER BY raised_at, id`),
    liveOf: db.prepare<[string, string], Row>(
      `SELECT ${COLUMNS} FROM kiosk_help_calls WHERE hall_id = ? AND kiosk_id = ? AND status IN ('open', 'acknowledged')`,
    ),
  };
  return {
    /** Inserts a new call or writes the moves of an existing one (which kiosk and when never change). */
    put(hallId: string, r: KioskHelpRec): void {
      s.put.run(
        hallId,
        r.id,
        r.serviceDay,
        r.kioskId,
        r.kioskName ?? null,
        r.kioskNo ?? null,
        r.raisedBy,
        r.status,
        r.raisedAt,
        r.acknowledgedBy ?? null,
        r.acknowledgedAt ?? null,
        r.closedBy ?? null,
        r.closedAt ?? null,
      );
    },
    byId(hallId: string, id: string): KioskHelpRec | undefined {
      const r = s.byId.get(hallId, id);
      return r ? fromRow(r) : undefined;
    },
    /** A service day's calls, newest first. */
    ofDay(hallId: string, serviceDay: string): KioskHelpRec[] {
      return s.ofDay.all(hallId, serviceDay).map(fromRow);
    },
    /** Calls still waiting for an end, of any day, oldest first (one left open overnight still needs one). */
    live(hallId: string): KioskHelpRec[] {
      return s.live.all(hallId).map(fromRow);
    },
    /** One kiosk's live call, if any (there is at most one). */
    liveOf(hallId: string, kioskId: string): KioskHelpRec | undefined {
      const r = s.liveOf.get(hallId, kioskId);
      return r ? fromRow(r) : undefined;
    },
  };
}

export type KioskHelpRepo = ReturnType<typeof createKioskHelpRepo>;
