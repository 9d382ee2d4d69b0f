/**
 * 好差评 (issue 5): a citizen's rating of a served ticket, from the ticket's phone page or the
 * window's 评价器, the manager's list of a day or a span of days with the 差评's follow-up (整改),
 * and the prompt the 评价器 gets when a ticket is finished. zod schemas; the TypeScript types are
 * inferred from them. How long a ticket may be rated is a citizen setting (`ratingHours`, shared/citizen.ts).
 */
import { z } from 'zod';
import { DateStr, dayNumber } from './citizen';
import { RATING_REASONS } from './ratingReasons';
import { QueueCode } from './schemas';

/** 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. */
export const RatingScore = z.number().int().min(1).max(5);
export const RatingLevel = z.enum(['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied']);
/** Why a citizen was not satisfied: required (at least one) for scores 1 and 2, refused above. */
export const RatingReason = z.enum(RATING_REASONS);
export { RATING_REASONS };

/** 评价渠道: the ticket's phone page (by its QR code), or the 评价器 on the window's counter. */
export const RatingChannel = z.enum(['phone', 'pad']);

export const RateBody = z.object({
  score: RatingScore,
  /** Where it is given (absent: `phone`). The 评价器 says `pad`. */
  via: RatingChannel.optional(),
  reasons: z.array(RatingReason).max(7).optional(),
  comment: z.string().trim().max(500).optional(),
});

export const Rating = z.object({
  ticketId: z.string(),
  /** 评价渠道 (ratings stored before it was recorded came from phones). */
  channel: RatingChannel,
  number: z.string(),
  queue: QueueCode,
  serviceDay: DateStr,
  windowNo: z.number().int().optional(),
  score: RatingScore,
  level: RatingLevel,
  reasons: z.array(RatingReason),
  comment: z.string().optional(),
  ratedAt: z.string(),
});

/**
 * 评价器: pushed to the rating pad of a window (`rating:prompt`, room `pad:<no>`) when a ticket is
 * served to the end there, so the citizen still at the counter rates it on the spot (一次一评).
 * The pad rates with POST /api/tickets/:ticketId/rating like the phone page.
 */
export const RatingPrompt = z.object({
  ticketId: z.string(),
  number: z.string(),
  windowNo: z.number().int(),
  /** Who served it (亮证服务: the pad shows the clerk's name). */
  clerk: z.object({ name: z.string(), username: z.string() }).optional(),
  /** When it was finished (ISO). */
  at: z.string(),
});
export type RatingPrompt = z.infer<typeof RatingPrompt>;

/** The most a follow-up note (what was done about a 差评) may say. */
export const FOLLOW_UP_NOTE_MAX = 500;
/** PUT /api/ratings/:ticketId/follow-up: what the centre did (contacted the citizen, checked the case…). */
export const FollowUpBody = z.object({ note: z.string().trim().min(1).max(FOLLOW_UP_NOTE_MAX) });

/** A 差评's follow-up (整改): `open` until a manager records what was done. */
export const RatingFollowUp = z.object({
  status: z.enum(['open', 'handled']),
  /** With `handled`: what was done, who recorded it (user id and name) and when. */
  note: z.string().optional(),
  by: z.string().optional(),
  byName: z.string().optional(),
  at: z.string().optional(),
});

/** What a manager sees: the rating plus who served, and for a 差评 (scores 1–2) its follow-up. */
export const RatingRecord = Rating.extend({ clerkId: z.string().optional(), followUp: RatingFollowUp.optional() });

/** The longest span GET /api/ratings answers (a month's report). */
export const RATING_SPAN_DAYS_MAX = 31;

/** One service day (`date`, default today) or a span of days `from`–`to` (both, inclusive). */
export const RatingQuery = z
  .object({ date: DateStr.optional(), from: DateStr.optional(), to: DateStr.optional() })
  .refine((q) => q.date === undefined || (q.from === undefined && q.to === undefined), { message: 'give date, or from and to, not both', path: ['date'] })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to go together', path: ['from'] })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => q.from === undefined || q.to === undefined || dayNumber(q.to) - dayNumber(q.from) < RATING_SPAN_DAYS_MAX, {
    message: `at most ${RATING_SPAN_DAYS_MAX} days`,
    path: ['to'],
  });

/** Tickets served to the end (status `done`) on the days asked: what could have been rated. */
export const ServedCounts = z.object({
  total: z.number().int(),
  byQueue: z.record(z.string(), z.number().int()),
  /** Keyed by window number. */
  byWindow: z.record(z.string(), z.number().int()),
  /** Keyed by clerk id. */
  byClerk: z.record(z.string(), z.number().int()),
});

export const RatingList = z.object({
  /** The first day asked (the only one without a span). */
  date: DateStr,
  from: DateStr,
  to: DateStr,
  count: z.number().int(),
  /** Share of scores 4 and 5 (满意率), 0–1; null with no ratings. */
  satisfaction: z.number().nullable(),
  byScore: z.record(z.string(), z.number().int()),
  /** How many came through each 评价渠道. */
  byChannel: z.object({ phone: z.number().int(), pad: z.number().int() }),
  served: ServedCounts,
  /** The 差评 of the period, how many are followed up, and the share (整改率, 0–1; null with none). */
  followUp: z.object({ complaints: z.number().int(), handled: z.number().int(), rate: z.number().nullable() }),
  /** Oldest first. */
  ratings: z.array(RatingRecord),
});

export type RatingScore = z.infer<typeof RatingScore>;
export type RatingLevel = z.infer<typeof RatingLevel>;
export type RatingReason = z.infer<typeof RatingReason>;
export type RatingChannel = z.infer<typeof RatingChannel>;
export type RateBody = z.infer<typeof RateBody>;
export type Rating = z.infer<typeof Rating>;
export type RatingRecord = z.infer<typeof RatingRecord>;
export type FollowUpBody = z.infer<typeof FollowUpBody>;
export type RatingFollowUp = z.infer<typeof RatingFollowUp>;
export type RatingQuery = z.infer<typeof RatingQuery>;
export type ServedCounts = z.infer<typeof ServedCounts>;
export type RatingList = z.infer<typeof RatingList>;
