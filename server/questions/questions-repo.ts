/**
 * 疑难问题 in SQLite (migration 0034): one row per question, updated as it is answered, edited,
 * published, withdrawn and read by its asker. Searching by words is done by the caller over the
 * rows read here: a county hall writes a few questions a day, never enough for an index of words.
 */
import type { QuestionStatus } from '../../shared/questions';
import type { Db } from '../store';
import type { QuestionRec } from './rules';

interface Row {
  id: string;
  text: string;
  matter_id: string | null;
  matter_name: string | null;
  asker_id: string;
  window_no: number | null;
  asked_at: number;
  status: string;
  answer: string | null;
  answered_by_id: string | null;
  answered_by_name: string | null;
  answered_at: number | null;
  edited_at: number | null;
  published: number;
  withdrawn_at: number | null;
  seen_at: number | null;
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

function recOf(r: Row): QuestionRec {
  return {
    id: r.id,
    text: r.text,
    matterId: opt(r.matter_id),
    matterName: opt(r.matter_name),
    askerId: r.asker_id,
    windowNo: opt(r.window_no),
    askedAt: r.asked_at,
    status: r.status as QuestionStatus,
    answer: opt(r.answer),
    answeredById: opt(r.answered_by_id),
    answeredByName: opt(r.answered_by_name),
    answeredAt: opt(r.answered_at),
    editedAt: opt(r.edited_at),
    published: r.published === 1,
    withdrawnAt: opt(r.withdrawn_at),
    seenAt: opt(r.seen_at),
  };
}

const COLS = 'id, text, matter_id, matter_name, asker_id, window_no, asked_at, status, answer, answered_by_id, answered_by_name, answered_at, edited_at, published, withdrawn_at, seen_at';

export function createQuestionsRepo(db: Db) {
  const s = {
    insert: db.prepare<[string, string, string, string | null, string | null, string, number | null, number, string, number]>(
      'INSERT INTO questions (id, hall_id, text, matter_id, matter_name, asker_id, window_no, asked_at, status, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    update: db.prepare<[string, string | null, string | null, string | null, number | null, number | null, number, number | null, string, string]>(
      'UPDATE questions SET status = ?, answer = ?, answered_by_id = ?, answered_by_name = ?, answered_at = ?, edited_at = ?, published = ?, withdrawn_at = ? WHERE hall_id = ? AND id = ?',
    ),
    byId: db.prepare<[string, string], Row>(`SELECT ${COLS} FROM questions WHERE hall_id = ? AND id = ?`),
    ofAsker: db.prepare<[string, string, number], Row>(`SELECT ${COLS} FROM questions WHERE hall_id = ? AND asker_id = ? ORDER BY asked_at DESC, id LIMIT ?`),
    // 待答复 first, oldest first (the longest-waiting question is answered first); then the rest, newest first.
    all: db.prepare<[string, number], Row>(
      `SELECT ${COLS} FROM questions WHERE hall_id = ? ORDER BY (status = 'open') DESC, CASE WHEN status = 'open' THEN asked_at ELSE -asked_at END, id LIMIT ?`,
    ),
    published: db.prepare<[string], Row>(`SELECT ${COLS} FROM questions WHERE hall_id = ? AND published = 1 AND status = 'answered' ORDER BY answered_at DESC, id`),
    openCount: db.prepare<[string], number>("SELECT COUNT(*) FROM questions WHERE hall_id = ? AND status = 'open'").pluck(),
    seen: db.prepare<[number, string, string]>("UPDATE questions SET seen_at = ? WHERE hall_id = ? AND asker_id = ? AND status = 'answered'"),
  };
  return {
    insert(hallId: string, q: QuestionRec): void {
      s.insert.run(q.id, hallId, q.text, q.matterId ?? null, q.matterName ?? null, q.askerId, q.windowNo ?? null, q.askedAt, q.status, q.published ? 1 : 0);
    },
    /** Writes what the rules change (status, answer, publication, withdrawal); text, asker and seen stay. */
    update(hallId: string, q: QuestionRec): void {
      s.update.run(
        q.status,
        q.answer ?? null,
        q.answeredById ?? null,
        q.answeredByName ?? null,
        q.answeredAt ?? null,
        q.editedAt ?? null,
        q.published ? 1 : 0,
        q.withdrawnAt ?? null,
        hallId,
        q.id,
      );
    },
    byId: (hallId: string, id: string): QuestionRec | undefined => {
      const r = s.byId.get(hallId, id);
      return r ? recOf(r) : undefined;
    },
    ofAsker: (hallId: string, askerId: string, limit: number): QuestionRec[] => s.ofAsker.all(hallId, askerId, limit).map(recOf),
    all: (hallId: string, limit: number): QuestionRec[] => s.all.all(hallId, limit).map(recOf),
    published: (hallId: string): QuestionRec[] => s.published.all(hallId).map(recOf),
    openCount: (hallId: string): number => s.openCount.get(hallId) ?? 0,
    /** The asker opened their answers: every answered one of theirs is read as of `at`. */
    seen(hallId: string, askerId: string, at: number): void {
      s.seen.run(at, hallId, askerId);
    },
  };
}

export type QuestionsRepo = ReturnType<typeof createQuestionsRepo>;

const repos = new WeakMap<Db, QuestionsRepo>();

/** One repository per database (its statements prepared once), without a place in the store's list. */
export function questionsRepoOf(db: Db): QuestionsRepo {
  let repo = repos.get(db);
  if (!repo) {
    repo = createQuestionsRepo(db);
    repos.set(db, repo);
  }
  return repo;
}
