/**
 * 短信提醒 (SMS): what tells a citizen by text message, and the wire shapes of the manager's
 * list of messages. The near-turn rule lives here because the phone page (its heads-up) and the
 * server (its SMS) must agree on when "快到您了" is due.
 */
import { z } from 'zod';

// ---- 快到您了: the near-turn rule (in a zod-free file, for the phone page) -----------------------

export { NEAR_AHEAD, nearDue, type NearLook } from './nearTurn';

// ---- messages -------------------------------------------------------------------------------

/**
 * What a citizen may be texted, each switched on or off by the manager (`smsKinds`): 预约成功,
 * the reminder the day before, 快到您了, 轮到您了 (the call).
 */
export const SMS_KINDS = ['booked', 'reminder', 'near_turn', 'called'] as const;
export const SmsKind = z.enum(SMS_KINDS);
export type SmsKind = z.infer<typeof SmsKind>;

/**
 * Every kind the outbox holds: the citizens' and `assist` — a 求助 nobody answered, texted to the
 * duty managers' phones (its own setting, AssistSmsSettings, not `smsKinds`) — and `verify`, the
 * code that confirms a phone taking a number (扫码取号需验证手机号, its own setting `mobileVerify`) —
 * and `deferral`, 容缺受理's 补齐提醒 to the applicant's phone (on whenever SMS is, shared/deferral.ts) —
 * and `queue`, 排队预警: a queue long past its target, to the duty managers' phones (shared/queueAlert.ts).
 */
export const SMS_OUTBOX_KINDS = [...SMS_KINDS, 'assist', 'verify', 'deferral', 'queue'] as const;
export const SmsOutboxKind = z.enum(SMS_OUTBOX_KINDS);
export type SmsOutboxKind = z.infer<typeof SmsOutboxKind>;

// ---- 求助 by text: the duty managers' phones --------------------------------------------------

/** At most this many 值班长手机. */
export const ASSIST_SMS_PHONES_MAX = 5;
/** 未响应多少分钟后发短信: 0 is off; otherwise 1 to 30 minutes. */
export const ASSIST_SMS_MINUTES = [0, 30] as const;
export const ASSIST_SMS_MINUTES_DEFAULT = 2;

/** `pending` until the gateway took it (`sent`) or it was given up (`failed`: attempts used up, refused, expired, cancelled). */
export const SmsStatus = z.enum(['pending', 'sent', 'failed']);
export type SmsStatus = z.infer<typeof SmsStatus>;

/**
 * Why a message was given up without the gateway's word: its moment passed, or what it was about
 * went away (an appointment cancelled, a walk-in's phone removed, a 求助 answered).
 */
export const SMS_EXPIRED = 'expired';
export const SMS_CANCELLED = 'cancelled';

/** A sent message's 短信回执: reached the phone, or did not. */
export const SmsDelivery = z.enum(['delivered', 'undelivered']);
export type SmsDelivery = z.infer<typeof SmsDelivery>;

/** One message of the outbox as a manager sees it: the phone masked (138****5678). */
export const SmsMessage = z.object({
  id: z.number().int(),
  kind: SmsOutboxKind,
  phone: z.string(),
  text: z.string(),
  /** What it is about: `appointment:<check-in code>`, `ticket:<service day>/<number>`, `assist:<request id>/<n>` (the n-th duty phone) or `deferral:<record id>/<step>`. */
  ref: z.string(),
  status: SmsStatus,
  attempts: z.number().int(),
  lastError: z.string().optional(),
  createdAt: z.string(),
  sentAt: z.string().optional(),
  /** A pending message that failed before: when it is tried again. */
  nextAttemptAt: z.string().optional(),
  /** Not sent after this (a reminder after its slot began helps nobody). */
  expiresAt: z.string(),
  /** 短信回执: what the platform later reported (absent until a receipt comes; many platforms send none). */
  delivery: SmsDelivery.optional(),
  /** When that receipt came (the hall's clock). */
  deliveryAt: z.string().optional(),
  /** The platform's reason for an undelivered one (off, out of service, blocked…). */
  deliveryError: z.string().optional(),
});
export type SmsMessage = z.infer<typeof SmsMessage>;

/** Where messages go: `configured` false means nothing is sent (they wait, listed as 未配置). */
export const SmsGateway = z.object({
  configured: z.boolean(),
  /** The webhook's address without credentials or query (scheme, host, path). */
  target: z.string().optional(),
  maxAttempts: z.number().int(),
  /** 短信回执 are taken (SMS_RECEIPT_KEY is set): a sent message without one yet is 待回执. */
  receipts: z.boolean().optional(),
});
export type SmsGateway = z.infer<typeof SmsGateway>;

export const SmsList = z.object({
  gateway: SmsGateway,
  /** `undelivered`: of the sent ones, those a receipt said did not reach the phone. */
  counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int(), undelivered: z.number().int().optional() }),
  /** Newest first. */
  messages: z.array(SmsMessage),
});
export type SmsList = z.infer<typeof SmsList>;

export const SMS_LIST_MAX = 500;
/** GET /api/sms?status=&limit= */
export const SmsQuery = z.object({
  status: SmsStatus.optional(),
  limit: z.coerce.number().int().min(1).max(SMS_LIST_MAX).optional(),
});

/**
 * What the webhook receives (POST, JSON), one message per request. `id` is stable across retries
 * of the same message (also sent as the Idempotency-Key header), so the platform can drop a
 * repeat after a timeout that did go through.
 */
export interface SmsWebhookBody {
  id: string;
  phone: string;
  text: string;
  kind: SmsOutboxKind;
  ref: string;
}

/** Receipts per request at most. */
export const SMS_RECEIPTS_MAX = 500;

/**
 * 短信回执 (POST /api/sms/receipts, header X-Receipt-Key): the platform (or its bridge) reports
 * what became of messages it took, by the `id` the webhook gave it (`<hall>:<n>`). A `delivered`
 * receipt for a message still being retried (the platform took an attempt whose answer was lost)
 * ends its retries: it reached the phone.
 */
export const SmsReceiptsBody = z.object({
  receipts: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        delivered: z.boolean(),
        /** Why not (the platform's code or words), for an undelivered one. */
        error: z.string().max(200).optional(),
      }),
    )
    .min(1)
    .max(SMS_RECEIPTS_MAX),
});
export type SmsReceiptsBody = z.infer<typeof SmsReceiptsBody>;

/** What the receipts changed: how many applied, and the ids not known here (another hall's, or never sent). */
export const SmsReceiptsResult = z.object({ applied: z.number().int(), unknown: z.array(z.string()) });
export type SmsReceiptsResult = z.infer<typeof SmsReceiptsResult>;
