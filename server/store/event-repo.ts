/** Reading the event log and the call log: recent calls for displays, the audit trail for managers. */
import type { Call } from '../../shared/schemas';
import type { Db } from './open';

export interface AuditRow {
  id: number;
  seq: number;
  at: number;
  actor: string;
  type: string;
  data: string;
  before: string | null;
  after: string | null;
}

export function createEventRepo(db: Db) {
  const s = {
    calls: db.prepare<[string, string, number], { call: string }>(
      'SELECT call FROM calls WHERE hall_id = ? AND service_day = ? ORDER BY id DESC LIMIT ?',
    ),
    audit: db.prepare<[string, number, number], AuditRow>(
      'SELECT id, seq, at, actor, type, data, before, after FROM events WHERE hall_id = ? AND id < ? ORDER BY id DESC LIMIT ?',
    ),
    events: db.prepare<[string], AuditRow>('SELECT id, seq, at, actor, type, data, before, after FROM events WHERE hall_id = ? ORDER BY id'),
  };
  return {
    /** The latest calls of a service day, newest first. */
    recentCalls(hallId: string, serviceDay: string, limit: number): Call[] {
      return s.calls.all(hallId, serviceDay, limit).map((r) => JSON.parse(r.call) as Call);
    },
    audit(hallId: string, beforeId: number, limit: number): AuditRow[] {
      return s.audit.all(hallId, beforeId, limit);
    },
    all(hallId: string): AuditRow[] {
      return s.events.all(hallId);
    },
  };
}

export type EventRepo = ReturnType<typeof createEventRepo>;
