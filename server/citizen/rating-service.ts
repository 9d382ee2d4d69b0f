/** 好差评: one rating per served ticket, by whoever holds its id (the phone page, a rating terminal). */
import type { RateBody, Rating, RatingList, RatingQuery, RatingRecord } from '../../shared/ratings';
import type { Reply } from '../../shared/errors';
import { serviceDayOf } from '../domain';
import type { Actor } from '../service/actor';
import type { Clock } from '../service/clock';
import { err, ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import { createRatingPushQueue } from '../integrations/rating-push-queue';
import type { Db } from '../store';
import type { FollowUpRec, FollowUpRepo } from './follow-up-repo';
import type { RatingRec, RatingRepo } from './rating-repo';
import { checkFollowUp, checkRatable, checkRatingInput, followUpFigures } from './rules';
import type { SettingsRepo } from './settings-repo';
import { ratingRecordView, ratingView } from './views';

/** What the audit log keeps of a follow-up, before and after a change (the number names it on the audit page). */
function auditState(r: RatingRec, f: FollowUpRec | undefined) {
  const base = { ticketId: r.ticketId, number: r.number, score: r.score };
  return f ? { ...base, status: 'handled' as const, note: f.note, by: f.by } : { ...base, status: 'open' as const };
}

export interface RatingServiceDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  ratings: RatingRepo;
  followUps: FollowUpRepo;
  settings: SettingsRepo;
}

export function createRatingService(deps: RatingServiceDeps) {
  const { db, hall, clock, ratings, followUps } = deps;
  const hallId = hall.hallId;
  // 好差评推送: each rating and 整改 is queued for the province's platform in its own transaction.
  const pushes = createRatingPushQueue({ db, hall });

  /** The rating of a ticket, if it is a 差评 (only those are followed up). */
  const complaint = (ticketId: string): Reply<RatingRec> => {
    const r = ratings.byTicket(hallId, ticketId);
    if (!r) return err('NOT_FOUND', 'this ticket has no rating');
    const allowed = checkFollowUp(r.score);
    return allowed.ok ? ok(r) : err(allowed.code, allowed.message);
  };

  /** After a committed follow-up change: other consoles reload their 好差评 page. */
  const told = (r: Reply<RatingRecord>): Reply<RatingRecord> => {
    if (r.ok) hall.ratingsChanged({ serviceDay: r.data.serviceDay, number: r.data.number, score: r.data.score });
    return r;
  };

  return {
    rate(ticketId: string, input: RateBody): Reply<Rating> {
      const t = hall.findTicket(ticketId);
      if (!t) return err('UNKNOWN_TICKET', 'no such ticket');
      const now = clock.now();
      const ratable = checkRatable(t.status, t.finishedAt, now, deps.settings.get(hallId));
      if (!ratable.ok) return err(ratable.code, ratable.message);
      const checked = checkRatingInput(input.score, input.reasons ?? [], input.comment);
      if (!checked.ok) return err(checked.code, checked.message);
      const done = db.transaction((): Reply<Rating> => {
        if (ratings.byTicket(hallId, t.id)) return err('CONFLICT', 'this ticket has already been rated');
        const comment = input.comment?.trim();
        ratings.insert({
          ticketId: t.id,
          hallId,
          serviceDay: t.serviceDay,
          number: t.number,
          queue: t.queue,
          ...(t.windowNo !== undefined ? { windowNo: t.windowNo } : {}),
          ...(t.servedBy !== undefined ? { clerkId: t.servedBy } : {}),
          score: input.score,
          reasons: checked.reasons,
          ...(comment ? { comment } : {}),
          ratedAt: now,
          channel: input.via ?? 'phone',
        });
        const stored = ratings.byTicket(hallId, t.id)!;
        pushes.rated(stored, t);
        return ok(ratingView(stored));
      })();
      if (done.ok) hall.ratingsChanged({ serviceDay: t.serviceDay, number: t.number, score: input.score });
      return done;
    },

    /** The ticket's rating, `null` when not rated yet. */
    get(ticketId: string): Reply<Rating | null> {
      const t = hall.findTicket(ticketId);
      if (!t) return err('UNKNOWN_TICKET', 'no such ticket');
      const r = ratings.byTicket(hallId, t.id);
      return ok(r ? ratingView(r) : null);
    },

    /** The ratings of one service day (default today) or of a span of days, with what was served then. */
    list(q: RatingQuery): Reply<RatingList> {
      const from = q.from ?? q.date ?? serviceDayOf(clock.now(), hall.state().timezone);
      const to = q.to ?? from;
      const rows = ratings.bySpan(hallId, from, to);
      const done = followUps.bySpan(hallId, from, to);
      const byScore: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
      const byChannel = { phone: 0, pad: 0 };
      for (const r of rows) {
        byScore[String(r.score)] = (byScore[String(r.score)] ?? 0) + 1;
        byChannel[r.channel]++;
      }
      const satisfied = rows.filter((r) => r.score >= 4).length;
      return ok({
        date: from,
        from,
        to,
        count: rows.length,
        satisfaction: rows.length === 0 ? null : satisfied / rows.length,
        byScore,
        byChannel,
        served: ratings.servedCounts(hallId, from, to),
        followUp: followUpFigures(rows.map((r) => ({ score: r.score, handled: done.has(r.ticketId) }))),
        ratings: rows.map((r) => ratingRecordView(r, done.get(r.ticketId))),
      });
    },

    /**
     * Records (or corrects) what was done about a 差评 (整改): managers only (the route checks).
     * The rating may be of any past day; the note arrives trimmed and 1–500 long (FollowUpBody).
     */
    followUp(actor: Actor, ticketId: string, note: string): Reply<RatingRecord> {
      if (actor.kind !== 'user') return err('UNAUTHORIZED', 'sign in first');
      return told(db.transaction((): Reply<RatingRecord> => {
        const found = complaint(ticketId);
        if (!found.ok) return found;
        const r = found.data;
        const before = followUps.byTicket(hallId, ticketId);
        followUps.put(hallId, { ticketId, note, by: actor.id, at: clock.now() });
        const after = followUps.byTicket(hallId, ticketId)!;
        pushes.followedUp(r, after);
        hall.audit(actor, 'RatingFollowedUp', auditState(r, before), auditState(r, after));
        return ok(ratingRecordView(r, after));
      })());
    },

    /** Back to open (the note was wrong, the citizen complained again); nothing to do when open. */
    reopen(actor: Actor, ticketId: string): Reply<RatingRecord> {
      if (actor.kind !== 'user') return err('UNAUTHORIZED', 'sign in first');
      return told(db.transaction((): Reply<RatingRecord> => {
        const found = complaint(ticketId);
        if (!found.ok) return found;
        const r = found.data;
        const before = followUps.byTicket(hallId, ticketId);
        if (before) {
          followUps.remove(hallId, ticketId);
          pushes.reopened(r, actor, clock.now());
          hall.audit(actor, 'RatingFollowUpReopened', auditState(r, before), auditState(r, undefined));
        }
        return ok(ratingRecordView(r, undefined));
      })());
    },
  };
}

export type RatingService = ReturnType<typeof createRatingService>;
