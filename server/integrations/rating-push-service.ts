/** 好差评推送 for managers: the platform's state with the latest reports, and 重推 of a refused one (audited). */
import { RATING_PUSH_LIST, type RatingPushRow, type RatingPushState } from '../../shared/ratingPush';
import type { Reply } from '../../shared/errors';
import type { Actor } from '../service/actor';
import type { Clock } from '../service/clock';
import { err, ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import type { Db } from '../store';
import type { PushRec, RatingPushRepo } from './rating-push-repo';
import type { RatingPushSender } from './rating-push-sender';

const iso = (at: number): string => new Date(at).toISOString();

function rowView(m: PushRec): RatingPushRow {
  const v: RatingPushRow = {
    id: m.id,
    kind: m.kind,
    ticketId: m.ref,
    number: m.payload.ticket.number,
    status: m.status,
    attempts: m.attempts,
    createdAt: iso(m.createdAt),
  };
  if (m.lastError !== undefined) v.lastError = m.lastError;
  if (m.status === 'pending' && m.attempts > 0) v.nextAttemptAt = iso(m.nextAt);
  if (m.sentAt !== undefined) v.sentAt = iso(m.sentAt);
  return v;
}

export interface RatingPushServiceDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  repo: RatingPushRepo;
  sender: RatingPushSender;
}

export function createRatingPushService(deps: RatingPushServiceDeps) {
  const { db, hall, clock, repo, sender } = deps;
  const hallId = hall.hallId;
  return {
    state(): Reply<RatingPushState> {
      const oldest = repo.oldestPendingAt(hallId);
      const last = repo.lastError(hallId);
      return ok({
        platform: { configured: sender.configured, ...(sender.target ? { target: sender.target } : {}) },
        counts: repo.counts(hallId),
        ...(oldest !== undefined ? { oldestPendingAt: iso(oldest) } : {}),
        ...(last?.lastError !== undefined ? { lastError: { id: last.id, number: last.payload.ticket.number, error: last.lastError } } : {}),
        rows: repo.list(hallId, RATING_PUSH_LIST).map(rowView),
      });
    },

    /** 重推: a refused report back in the queue from its first attempt (managers; the route checks); audited. */
    retry(actor: Actor, id: number): Reply<RatingPushRow> {
      const r = db.transaction((): Reply<RatingPushRow> => {
        const m = repo.byId(hallId, id);
        if (!m) return err('NOT_FOUND', 'no such report');
        if (m.status !== 'failed') return err('INVALID_STATE', 'only a refused report is pushed again');
        repo.retry(hallId, id, clock.now());
        const after = repo.byId(hallId, id)!;
        const audited = (x: PushRec) => ({ id: x.id, kind: x.kind, ticketId: x.ref, number: x.payload.ticket.number, status: x.status, attempts: x.attempts, lastError: x.lastError ?? null });
        hall.audit(actor, 'RatingPushRetried', audited(m), audited(after));
        return ok(rowView(after));
      })();
      if (r.ok) sender.kick();
      return r;
    },
  };
}

export type RatingPushService = ReturnType<typeof createRatingPushService>;
