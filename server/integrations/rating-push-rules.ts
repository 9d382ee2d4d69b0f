/**
 * 好差评推送, pure: the payload of each report (a rating, a 差评's 整改) from plain records, its
 * idempotency key, and what a failed delivery leads to. Tested with tables in
 * test/integrations/ratingPushRules.test.ts. Nothing here may carry a citizen's phone or name:
 * the inputs hold none (a ticket, a rating, staff names).
 */
import type { RatingChannel, RatingReason } from '../../shared/citizen';
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
