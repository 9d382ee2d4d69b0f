/** 好差评: one rating per served ticket, by whoever holds its id (the phone page, a rating terminal). */
import type { RateBody, Rating, RatingList, RatingQuery } from '../../shared/citizen';
import type { Reply } from '../../shared/errors';
import { serviceDayOf } from '../domain';
import type { Clock } from '../service/clock';
import { err, ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import type { Db } from '../store';
import type { RatingRepo } from './rating-repo';
import { checkRatable, checkRatingInput } from './rules';
import type { SettingsRepo } from './settings-repo';
import { ratingRecordView, ratingView } from './views';

export interface RatingServiceDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  ratings: RatingRepo;
  settings: SettingsRepo;
}

export function createRatingService(deps: RatingServiceDeps) {
  const { db, hall, clock, ratings } = deps;
  const hallId = hall.hallId;

  return {
    rate(ticketId: string, input: RateBody): Reply<Rating> {
      const t = hall.findTicket(ticketId);
      if (!t) return err('UNKNOWN_TICKET', 'no such ticket');
      const now = clock.now();
      const ratable = checkRatable(t.status, t.finishedAt, now, deps.settings.get(hallId));
      if (!ratable.ok) return err(ratable.code, ratable.message);
      const checked = checkRatingInput(input.score, input.reasons ?? [], input.comment);
      if (!checked.ok) return err(checked.code, checked.message);
      return db.transaction((): Reply<Rating> => {
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
        });
        return ok(ratingView(ratings.byTicket(hallId, t.id)!));
      })();
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
      const byScore: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
      for (const r of rows) byScore[String(r.score)] = (byScore[String(r.score)] ?? 0) + 1;
      const satisfied = rows.filter((r) => r.score >= 4).length;
      return ok({
        date: from,
        from,
        to,
        count: rows.length,
        satisfaction: rows.length === 0 ? null : satisfied / rows.length,
        byScore,
        served: ratings.servedCounts(hallId, from, to),
        ratings: rows.map(ratingRecordView),
      });
    },
  };
}

export type RatingService = ReturnType<typeof createRatingService>;
