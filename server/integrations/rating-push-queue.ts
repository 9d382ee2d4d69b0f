/**
 * What the rating service calls inside its own transactions (server/citizen/rating-service.ts):
 * each rating, 整改 and reopened 整改 becomes a report in the push outbox, written with it or not
 * at all. Names (hall, queue, matters, staff) are read here, as they are when the report is made.
 * The sender is kicked after the commit (app.ts, on `ratingsChanged`).
 */
import type { Actor } from '../service/actor';
import type { HallService } from '../service/hall-service';
import type { TicketRec } from '../domain';
import type { Db } from '../store';
import type { FollowUpRec } from '../citizen/follow-up-repo';
import type { RatingRec } from '../citizen/rating-repo';
import { createRatingPushRepo } from './rating-push-repo';
import { followUpPayload, ratingPayload, type FollowUpPushInput } from './rating-push-rules';

export function createRatingPushQueue(deps: { db: Db; hall: HallService }) {
  const { hall } = deps;
  const repo = createRatingPushRepo(deps.db);
  // Any account, also one deactivated since: a report names who served or followed up.
  const staffName = deps.db.prepare('SELECT name FROM users WHERE id = ?').pluck();
  const staff = (id: string, known?: string) => ({ staffId: id, name: known ?? (staffName.get(id) as string | undefined) ?? id });
  const hallOf = () => ({ id: hall.hallId, name: hall.state().name });

  const followUpReport = (r: RatingRec, followUp: FollowUpPushInput['followUp']) =>
    repo.queue(
      hall.hallId,
      'follow_up',
      r.ticketId,
      followUpPayload({ hall: hallOf(), ticket: { id: r.ticketId, number: r.number, serviceDay: r.serviceDay }, rating: r, followUp }),
      followUp.at,
    );

  return {
    /** A rating was stored for the served ticket `t`. */
    rated(r: RatingRec, t: TicketRec): void {
      const queue = hall.state().queues.get(r.queue);
      const payload = ratingPayload({
        hall: hallOf(),
        ticket: { ...t, windowNo: r.windowNo },
        queue: { code: r.queue, name: queue?.name ?? r.queue },
        matters: t.matters.map((id) => ({ id, name: hall.matter(id)?.name ?? id })),
        clerk: r.clerkId !== undefined ? staff(r.clerkId) : undefined,
        rating: r,
      });
      repo.queue(hall.hallId, 'rating', r.ticketId, payload, r.ratedAt);
    },
    /** A 差评's 整改 was recorded or its note changed. */
    followedUp(r: RatingRec, f: FollowUpRec): void {
      followUpReport(r, { status: 'handled', note: f.note, by: staff(f.by, f.byName), at: f.at });
    },
    /** A 整改 was taken back: the 差评 is open again. */
    reopened(r: RatingRec, by: Extract<Actor, { kind: 'user' }>, at: number): void {
      followUpReport(r, { status: 'reopened', by: staff(by.id, by.name), at });
    },
  };
}

export type RatingPushQueue = ReturnType<typeof createRatingPushQueue>;
