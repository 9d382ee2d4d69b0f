/**
 * 关怀提醒's reads and its one write: the day's 现场秩序求助 (assist_requests, kind conduct) and 差评
 * (ratings scored 1–2, by the clerk who served) per clerk, and the managers' 已关心 marks.
 */
import type { CareMarkRec, CareMoment } from '../domain/care';
import type { Db } from './open';

interface MarkRow {
  clerk_id: string;
  by_id: string;
  by_name: string;
  at: number;
  note: string;
}

const markOf = (r: MarkRow): CareMarkRec => ({ clerkId: r.clerk_id, byId: r.by_id, byName: r.by_name, at: r.at, note: r.note });

export function createCareRepo(db: Db) {
  const s = {
    conduct: db.prepare<[string, string], CareMoment>(
      `SELECT clerk_id AS clerkId, raised_at AS at FROM assist_requests WHERE hall_id = ? AND service_day = ? AND kind = 'conduct'`,
    ),
    // 差评 as the ratings rules say (scores 1 and 2, REASONS_AT_OR_BELOW); a rating of nobody's service is no one's.
    complaints: db.prepare<[string, string, number], CareMoment>(
      'SELECT clerk_id AS clerkId, rated_at AS at FROM ratings WHERE hall_id = ? AND service_day = ? AND score <= ? AND clerk_id IS NOT NULL',
    ),
    marks: db.prepare<[string, string], MarkRow>('SELECT clerk_id, by_id, by_name, at, note FROM care_notes WHERE hall_id = ? AND service_day = ? ORDER BY at, id'),
    add: db.prepare<[string, string, string, string, string, number, string]>(
      'INSERT INTO care_notes (hall_id, service_day, clerk_id, by_id, by_name, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
  };
  return {
    conduct: (hallId: string, day: string): CareMoment[] => s.conduct.all(hallId, day),
    complaints: (hallId: string, day: string, worstScore: number): CareMoment[] => s.complaints.all(hallId, day, worstScore),
    marks: (hallId: string, day: string): CareMarkRec[] => s.marks.all(hallId, day).map(markOf),
    add(hallId: string, day: string, m: CareMarkRec): void {
      s.add.run(hallId, day, m.clerkId, m.byId, m.byName, m.at, m.note);
    },
  };
}

export type CareRepo = ReturnType<typeof createCareRepo>;
