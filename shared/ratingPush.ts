/**
 * 好差评数据推送: what the hall reports to the province's 好差评 platform (一次一评: every rating,
 * and what was done about each 差评), and the manager's view of that outbox. The payload carries
 * no citizen's phone or name: personal data stays in the hall. docs/protocol.md has the contract.
 */
import { z } from 'zod';
import { Channel, QueueCode } from './schemas';
import { RatingLevel, RatingReason, RatingScore } from './ratings';

/** `rating`: a citizen's rating of a served ticket; `follow_up`: a 差评's 整改 (recorded, changed or reopened). */
export const RatingPushKind = z.enum(['rating', 'follow_up']);
export type RatingPushKind = z.infer<typeof RatingPushKind>;

/** `pending` until the platform took it (`sent`) or refused it for good (`failed`, a 4xx). */
export const RatingPushStatus = z.enum(['pending', 'sent', 'failed']);
export type RatingPushStatus = z.infer<typeof RatingPushStatus>;

/** The words of the national 好差评 scale, by score (5 best). */
export const RATING_LABELS_ZH: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

/** A 差评's reasons in the words the citizen chose them by. */
export const RATING_REASON_LABELS_ZH: Record<RatingReason, string> = {
  attitude: '服务态度不好',
  slow: '办理效率低、等候太久',
  unclear_guidance: '告知不清楚、材料要求不明确',
  repeated_trips: '多次跑腿',
  process: '流程繁琐',
  environment: '环境设施不便',
  other: '其他',
};

const Iso = z.string();
const Named = z.object({ id: z.string(), name: z.string() });
const Staff = z.object({ staffId: z.string(), name: z.string() });
const Hall = Named;

/** The rating as reported: the score with its label, the reasons (codes and words), the comment. */
const PushedRating = z.object({
  score: RatingScore,
  label: z.string(),
  level: RatingLevel,
  reasons: z.array(z.object({ code: RatingReason, label: z.string() })),
  comment: z.string().optional(),
  ratedAt: Iso,
  /** 评价渠道 in the platform's words: `pad` (窗口评价器) or `qr_code` (扫码评价: the ticket's QR code, on the citizen's phone). */
  channel: z.enum(['pad', 'qr_code']),
});

/** kind `rating`: one served ticket and how it was rated. */
export const RatingPushRating = z.object({
  kind: z.literal('rating'),
  /** `<hall id>:rating:<ticket id>`, also the Idempotency-Key header: the same on every retry. */
  id: z.string(),
  hall: Hall,
  ticket: z.object({
    id: z.string(),
    number: z.string(),
    serviceDay: z.string(),
    channel: Channel,
    issuedAt: Iso,
    calledAt: Iso.optional(),
    /** When the service began at the window (办理开始). */
    startedAt: Iso.optional(),
    /** When it ended (办结). */
    finishedAt: Iso.optional(),
  }),
  queue: z.object({ code: QueueCode, name: z.string() }),
  /** 事项: the catalogue's ids and names (a matter deleted since keeps its id, named by it). */
  matters: z.array(Named),
  windowNo: z.number().int().optional(),
  clerk: Staff.optional(),
  rating: PushedRating,
});

/** kind `follow_up`: a 差评's 整改 — what was done, by whom, when; `reopened` when a manager took it back. */
export const RatingPushFollowUp = z.object({
  kind: z.literal('follow_up'),
  /** `<hall id>:follow_up:<ticket id>`: a changed note is the same report again, newer. */
  id: z.string(),
  hall: Hall,
  ticket: z.object({ id: z.string(), number: z.string(), serviceDay: z.string() }),
  rating: PushedRating.pick({ score: true, label: true, level: true, ratedAt: true }),
  followUp: z.object({
    status: z.enum(['handled', 'reopened']),
    /** With `handled`: what was done. */
    note: z.string().optional(),
    by: Staff,
    at: Iso,
  }),
});

export const RatingPushPayload = z.discriminatedUnion('kind', [RatingPushRating, RatingPushFollowUp]);
export type RatingPushRating = z.infer<typeof RatingPushRating>;
export type RatingPushFollowUp = z.infer<typeof RatingPushFollowUp>;
export type RatingPushPayload = z.infer<typeof RatingPushPayload>;

/** One row of the push outbox as a manager sees it. */
export const RatingPushRow = z.object({
  id: z.number().int(),
  kind: RatingPushKind,
  ticketId: z.string(),
  number: z.string(),
  status: RatingPushStatus,
  attempts: z.number().int(),
  lastError: z.string().optional(),
  /** When it was queued (again, for a changed follow-up). */
  createdAt: Iso,
  /** A pending row that failed before: when it is tried again. */
  nextAttemptAt: Iso.optional(),
  sentAt: Iso.optional(),
});
export type RatingPushRow = z.infer<typeof RatingPushRow>;

/** GET /api/ratings/push: where reports go (no secrets), how many are where, and the latest rows. */
export const RatingPushState = z.object({
  platform: z.object({
    /** false: RATING_WEBHOOK_URL unset — reports wait (未配置), nothing is sent. */
    configured: z.boolean(),
    /** The address without credentials or query. */
    target: z.string().optional(),
  }),
  counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
  /** Since when the oldest pending report waits (absent with none). */
  oldestPendingAt: Iso.optional(),
  /** The newest error the platform gave (a failed attempt or a refusal), absent when none is on record. */
  lastError: z.object({ id: z.number().int(), number: z.string(), error: z.string() }).optional(),
  /** The latest RATING_PUSH_LIST rows, newest first. */
  rows: z.array(RatingPushRow),
});
export type RatingPushState = z.infer<typeof RatingPushState>;

export const RATING_PUSH_LIST = 50;
