/** 爽约 pardons (解除限制) in SQLite: one row per pardon, kept for the record; the 爽约 queries read them. */
import type { Db } from '../store';

export interface PardonRec {
  phone: string;
  at: number;
  reason: string;
  /** The manager's user id. */
  by: string;
}

export function createPardonRepo(db: Db) {
  const s = {
    insert: db.prepare('INSERT INTO missed_pardons (hall_id, phone, pardoned_at, reason, pardoned_by) VALUES (?, ?, ?, ?, ?)'),
  };
  return {
    insert(hallId: string, p: PardonRec): void {
      s.insert.run(hallId, p.phone, p.at, p.reason, p.by);
    },
  };
}

export type PardonRepo = ReturnType<typeof createPardonRepo>;
