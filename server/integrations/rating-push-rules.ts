/**
 * 好差评推送, pure: the payload of each report (a rating, a 差评's 整改) from plain records, its
 * idempotency key, and what a failed delivery leads to. Tested with tables in
 * test/integrations/ratingPushRules.test.ts. Nothing here may carry a citizen's phone or name:
 * the inputs hold none (a ticket, a rating, staff names).
 */
import type { RatingChannel, RatingReason } from '../../shared/ratings';
import {
  RATING_LABELS_ZH,
  RATING_REASON_LABELS_ZH,
  type RatingPushFollowUp,
  type RatingPushKind,
  type RatingPushRating,
} from '../../shared/ratingPush';
import type { Channel } from '../../shared/schemas';
import { ratingLevel } from '../citizen/rules';

const iso = (at: number): string => new Date(at).toISOString();

/** `<hall>:<kind>:<ticket id>`: the report's id and Idempotency-Key, the same on every retry and re-queue. */
export const pushKey = (hallId: string, kind: RatingPushKind, ticketId: string): string => `${hallId}:${kind}:${ticketId}`;

/** What the rating report is made of: the served ticket, the names it refers to, the rating. */
export interface RatingPushInput {
  hall: { id: string; name: string };
  ticket: {
    id: string;
    number: string;
    serviceDay: string;
    channel: Channel;
    issuedAt: number;
    calledAt?: number | undefined;
    startedAt?: number | undefined;
    finishedAt?: number | undefined;
    windowNo?: number | undefined;
  };
  queue: { code: string; name: string };
  matters: { id: string; name: string }[];
  clerk?: { staffId: string; name: string } | undefined;
  rating: { score: number; reasons: readonly RatingReason[]; comment?: string | undefined; ratedAt: number; channel: RatingChannel };
}

/** The score as the platform's scale words it. */
function scored(r: { score: number; ratedAt: number }) {
  return { score: r.score, label: RATING_LABELS_ZH[r.score] ?? String(r.score), level: ratingLevel(r.score), ratedAt: iso(r.ratedAt) };
}

export function ratingPayload(x: RatingPushInput): RatingPushRating {
  const t = x.ticket;
  const { ratedAt, ...score } = scored(x.rating);
  return {
    kind: 'rating',
    id: pushKey(x.hall.id, 'rating', t.id),
    hall: { id: x.hall.id, name: x.hall.name },
    ticket: {
      id: t.id,
      number: t.number,
      serviceDay: t.serviceDay,
      channel: t.channel,
      issuedAt: iso(t.issuedAt),
      ...(t.calledAt !== undefined ? { calledAt: iso(t.calledAt) } : {}),
      ...(t.startedAt !== undefined ? { startedAt: iso(t.startedAt) } : {}),
      ...(t.finishedAt !== undefined ? { finishedAt: iso(t.finishedAt) } : {}),
    },
    queue: { code: x.queue.code, name: x.queue.name },
    matters: x.matters.map((m) => ({ id: m.id, name: m.name })),
    ...(t.windowNo !== undefined ? { windowNo: t.windowNo } : {}),
    ...(x.clerk ? { clerk: { staffId: x.clerk.staffId, name: x.clerk.name } } : {}),
    rating: {
      ...score,
      reasons: x.rating.reasons.map((code) => ({ code, label: RATING_REASON_LABELS_ZH[code] })),
      ...(x.rating.comment ? { comment: x.rating.comment } : {}),
      ratedAt,
      channel: x.rating.channel === 'pad' ? 'pad' : 'qr_code',
    },
  };
}

/** What the 整改 report is made of: the rated ticket, and what happened to its follow-up. */
export interface FollowUpPushInput {
  hall: { id: string; name: string };
  ticket: { id: string; number: string; serviceDay: string };
  rating: { score: number; ratedAt: number };
  /** `handled` with the note; `reopened` when a manager took the note back (the 差评 is open again). */
  followUp: { status: 'handled'; note: string; by: { staffId: string; name: string }; at: number } | { status: 'reopened'; by: { staffId: string; name: string }; at: number };
}

export function followUpPayload(x: FollowUpPushInput): RatingPushFollowUp {
  const f = x.followUp;
  return {
    kind: 'follow_up',
    id: pushKey(x.hall.id, 'follow_up', x.ticket.id),
    hall: { id: x.hall.id, name: x.hall.name },
    ticket: { id: x.ticket.id, number: x.ticket.number, serviceDay: x.ticket.serviceDay },
    rating: scored(x.rating),
    followUp: {
      status: f.status,
      ...(f.status === 'handled' ? { note: f.note } : {}),
      by: { staffId: f.by.staffId, name: f.by.name },
      at: iso(f.at),
    },
  };
}

/**
 * Attempts before a report is given up: none. Integration data must arrive, so anything the
 * platform may take later (408, 429, 5xx, a timeout, no connection) is tried again, however often
 * (the SMS backoff, notify/rules.ts `retryDelay`: 30 s, 1, 2, 4 … minutes, at most 30 apart); only a
 * refusal for good (any other 4xx: a malformed report, a wrong token) gives up (`afterFailure`),
 * keeping the error for a manager's 重推.
 */
export const PUSH_MAX_ATTEMPTS = Number.POSITIVE_INFINITY;

/**
 * A report whose attempts failed this many times in a row (about 7½ minutes of the backoff) is
 * stuck: the platform may be up and choking on that one report, so from then on the reports
 * behind it may go past it (other tickets only), instead of all of the hall's ratings waiting
 * for it for days.
 */
export const PUSH_STUCK_AFTER = 5;
/** Retryable failures in one pass before it stops: two in a row means the platform is down, not one report. */
export const PUSH_FAILURES_PER_PASS = 2;

export type PassStep = 'attempt' | 'skip' | 'stop';
/** What became of one attempt: delivered, refused for good, failed (tried again later), or lost its claim (changed meanwhile, or closing). */
export type PushOutcome = 'sent' | 'refused' | 'failed' | 'stale';

/**
 * One pass over the pending reports, oldest first: which to attempt, which to step past, when to
 * stop. Order holds within a ticket (its 整改 never overtakes its rating). A report waiting for
 * its retry holds up everything behind it, as a platform that is down should not get every new
 * rating — unless it is stuck, then only its own ticket waits. A failure of a report not stuck
 * ends the pass; a stuck one's failure lets the next report probe the platform, and a second
 * failure ends the pass. So a platform that is down gets at most two requests a pass.
 */
export function pushPass() {
  const held = new Set<string>();
  let failures = 0;
  return {
    step(r: { ref: string; attempts: number; nextAt: number }, now: number): PassStep {
      if (held.has(r.ref)) return 'skip';
      if (r.nextAt <= now) return 'attempt';
      if (r.attempts < PUSH_STUCK_AFTER) return 'stop';
      held.add(r.ref);
      return 'skip';
    },
    /** After an attempt; `attempts` counts the one just made. */
    after(r: { ref: string; attempts: number }, outcome: PushOutcome): 'continue' | 'stop' {
      if (outcome === 'sent' || outcome === 'refused') return 'continue';
      if (outcome === 'stale') return 'stop';
      held.add(r.ref);
      failures++;
      return r.attempts >= PUSH_STUCK_AFTER && failures < PUSH_FAILURES_PER_PASS ? 'continue' : 'stop';
    },
  };
}
