/**
 * The 好差评推送 outbox in SQLite (rating_push_outbox): queue (or re-queue) a report, the sender's
 * head, claim and outcome, the manager's list. Outcomes are recorded only while the row still has
 * the attempt the sender claimed: a 整改 re-queued meanwhile (attempts back to 0, a new payload)
 * stays pending, to be sent as it is now.
 */
import type { RatingPushKind, RatingPushPayload, RatingPushStatus } from '../../shared/ratingPush';
import type { Db } from '../store';

export interface PushRec {
  id: number;
  hallId: string;
  kind: RatingPushKind;
  /** The ticket id. */
  ref: string;
  payload: RatingPushPayload;
  status: RatingPushStatus;
  attempts: number;
  lastError?: string;
  createdAt: number;
  nextAt: number;
  sentAt?: number;
}

interface Row {
  id: number;
  hall_id: string;
  kind: RatingPushKind;
  ref: string;
  payload: string;
  status: RatingPushStatus;
  attempts: number;
  last_error: string | null;
  created_at: number;
  next_at: number;
  sent_at: number | null;
}

function fromRow(r: Row): PushRec {
  const x: PushRec = {
    id: r.id,
    hallId: r.hall_id,
    kind: r.kind,
    ref: r.ref,
    payload: JSON.parse(r.payload) as RatingPushPayload,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.created_at,
    nextAt: r.next_at,
  };
  if (r.last_error !== null) x.lastError = r.last_error;
  if (r.sent_at !== null) x.sentAt = r.sent_at;
  return x;
}

export function createRatingPushRepo(db: Db) {
  const s = {
    // A new report, or one of the same kind about the same ticket again (a changed 整改): pending
    // with the new payload, its attempts afresh.
    queue: db.prepare(`INSERT INTO rating_push_outbox (hall_id, kind, ref, payload, created_at, next_at) VALUES (@hall_id, @kind, @ref, @payload, @at, @at)
      ON CONFLICT (hall_id, kind, ref) DO UPDATE SET payload = excluded.payload, status = 'pending', attempts = 0, last_error = NULL,
        created_at = excluded.created_at, next_at = excluded.next_at, sent_at = NULL`),
    head: db.prepare(`SELECT * FROM rating_push_outbox WHERE hall_id = ? AND status = 'pending' ORDER BY id LIMIT 1`),
    pending: db.prepare(`SELECT * FROM rating_push_outbox WHERE hall_id = ? AND status = 'pending' ORDER BY id LIMIT ?`),
    // The attempt is counted and the next one scheduled before sending: a crash mid-send retries later.
    claim: db.prepare(`UPDATE rating_push_outbox SET attempts = attempts + 1, next_at = ?
      WHERE id = ? AND hall_id = ? AND status = 'pending' AND attempts = ?`),
    sent: db.prepare(`UPDATE rating_push_outbox SET status = 'sent', sent_at = ?, last_error = NULL
      WHERE id = ? AND hall_id = ? AND status = 'pending' AND attempts = ?`),
    failed: db.prepare(`UPDATE rating_push_outbox SET status = 'failed', last_error = ?
      WHERE id = ? AND hall_id = ? AND status = 'pending' AND attempts = ?`),
    error: db.prepare(`UPDATE rating_push_outbox SET last_error = ? WHERE id = ? AND hall_id = ? AND status = 'pending' AND attempts = ?`),
    retry: db.prepare(`UPDATE rating_push_outbox SET status = 'pending', attempts = 0, next_at = ?, last_error = NULL
      WHERE id = ? AND hall_id = ? AND status = 'failed'`),
    byId: db.prepare('SELECT * FROM rating_push_outbox WHERE id = ? AND hall_id = ?'),
    list: db.prepare('SELECT * FROM rating_push_outbox WHERE hall_id = ? ORDER BY id DESC LIMIT ?'),
    counts: db.prepare('SELECT status, count(*) AS n FROM rating_push_outbox WHERE hall_id = ? GROUP BY status'),
    oldestPending: db.prepare(`SELECT min(created_at) FROM rating_push_outbox WHERE hall_id = ? AND status = 'pending'`).pluck(),
    newestRefusal: db.prepare(`SELECT * FROM rating_push_outbox WHERE hall_id = ? AND status = 'failed' ORDER BY id DESC LIMIT 1`),
  };
  const one = (r: unknown): PushRec | undefined => (r ? fromRow(r as Row) : undefined);
  const guard = (hallId: string, m: PushRec) => [m.id, hallId, m.attempts] as const;
  return {
    /** Queues the report (again, for a changed 整改); inside the caller's transaction. */
    queue(hallId: string, kind: RatingPushKind, ref: string, payload: RatingPushPayload, at: number): void {
      s.queue.run({ hall_id: hallId, kind, ref, payload: JSON.stringify(payload), at });
    },
    /** The oldest pending report: the next to go, whether due or not. */
    head(hallId: string): PushRec | undefined {
      return one(s.head.get(hallId));
    },
    /** Pending reports, oldest first, at most `limit`: what a pass walks. */
    pending(hallId: string, limit: number): PushRec[] {
      return (s.pending.all(hallId, limit) as Row[]).map(fromRow);
    },
    /** Takes the report for one attempt; the claimed record (attempts + 1), or undefined if it changed meanwhile. */
    claim(hallId: string, m: PushRec, retryAt: number): PushRec | undefined {
      if (s.claim.run(retryAt, m.id, hallId, m.attempts).changes !== 1) return undefined;
      return { ...m, attempts: m.attempts + 1, nextAt: retryAt };
    },
    /** The claimed attempt went through; false when the row was re-queued meanwhile. */
    sent(hallId: string, claimed: PushRec, at: number): boolean {
      return s.sent.run(at, ...guard(hallId, claimed)).changes === 1;
    },
    /** Refused for good. */
    failed(hallId: string, claimed: PushRec, error: string): boolean {
      return s.failed.run(error, ...guard(hallId, claimed)).changes === 1;
    },
    /** A failed attempt, retried at the time claim() set. */
    attemptFailed(hallId: string, claimed: PushRec, error: string): void {
      s.error.run(error, ...guard(hallId, claimed));
    },
    /** A failed report back to pending, its attempts afresh; false unless it was failed. */
    retry(hallId: string, id: number, now: number): boolean {
      return s.retry.run(now, id, hallId).changes === 1;
    },
    byId(hallId: string, id: number): PushRec | undefined {
      return one(s.byId.get(id, hallId));
    },
    /** Newest first. */
    list(hallId: string, limit: number): PushRec[] {
      return (s.list.all(hallId, limit) as Row[]).map(fromRow);
    },
    counts(hallId: string): Record<RatingPushStatus, number> {
      const out: Record<RatingPushStatus, number> = { pending: 0, sent: 0, failed: 0 };
      for (const r of s.counts.all(hallId) as { status: RatingPushStatus; n: number }[]) out[r.status] = r.n;
      return out;
    },
    oldestPendingAt(hallId: string): number | undefined {
      return (s.oldestPending.get(hallId) as number | null) ?? undefined;
    },
    /**
     * What holds the queue up now (the oldest pending report, when its last attempt failed; a
     * stuck one stays there while the reports behind it go), else the newest refusal.
     */
    lastError(hallId: string): PushRec | undefined {
      const head = one(s.head.get(hallId));
      return head?.lastError !== undefined ? head : one(s.newestRefusal.get(hallId));
    },
  };
}

export type RatingPushRepo = ReturnType<typeof createRatingPushRepo>;
