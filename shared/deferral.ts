/**
 * 容缺受理 (accept now, a non-key material later): a matter of the catalogue lists the materials
 * that may be handed in later (Matter.deferrable, its 容缺受理清单). When only such materials are
 * missing, the clerk accepts the case now; the citizen signs a 告知承诺书 promising to bring them
 * by a date, and the centre keeps a 容缺台账 to follow up. The seed asks for 容缺办理 and 告知承诺
 * because a citizen turned away for a photo copy is the window's hardest moment.
 * Staff only: nothing of it reaches a wall, a window screen or a phone page.
 */
import { z } from 'zod';
import { Phone } from './citizen';
import { DEFERRAL_DAYS, DEFERRAL_NAME_MAX, DEFERRAL_REASON_MAX } from './deferralRules';

/** 补齐期限 and the lengths of the name and the 撤销 reason (zod-free, shared/deferralRules.ts). */
export { DEFERRAL_DAYS, DEFERRAL_NAME_MAX, DEFERRAL_REASON_MAX };

/**
 * 待补齐 → 已补齐 (brought) or 已撤销 (withdrawn, with a reason: by the clerk who accepted it on
 * the same service day — a slip at the window — or by a manager at any time).
 */
export const DeferralStatus = z.enum(['pending', 'done', 'cancelled']);
export type DeferralStatus = z.infer<typeof DeferralStatus>;

/** What the 台账 shows a record as today: a 待补齐 one past its deadline is 逾期. */
export type DeferralState = DeferralStatus | 'overdue';

/** The 台账's filters: 待补齐 (overdue ones too), 逾期, 已补齐, 全部 (撤销 ones too). */
export const DeferralFilter = z.enum(['pending', 'overdue', 'done', 'all']);
export type DeferralFilter = z.infer<typeof DeferralFilter>;

const Id = z.string().min(1).max(64);
const Material = z.string().min(1).max(100);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** deferral:create — the clerk serving the ticket (or a manager) accepts one of its matters. */
export const DeferralCreate = z.object({
  ticketId: Id,
  matterId: z.string().min(1).max(32),
  /** The materials not brought: each one of the matter's 可容缺 materials. */
  missing: z.array(Material).min(1).max(30),
  days: z.coerce.number().int().min(DEFERRAL_DAYS.min).max(DEFERRAL_DAYS.max).default(DEFERRAL_DAYS.default),
  name: z.string().trim().max(DEFERRAL_NAME_MAX).optional(),
  /** Empty: not given. */
  phone: z.union([Phone, z.literal('')]).optional(),
});
/** As sent: `days` may be left out (5). */
export type DeferralCreate = Omit<z.output<typeof DeferralCreate>, 'days'> & { days?: number };

export const DeferralRef = z.object({ id: Id });
export type DeferralRef = z.infer<typeof DeferralRef>;

export const DeferralCancel = DeferralRef.extend({ reason: z.string().trim().min(1).max(DEFERRAL_REASON_MAX) });
export type DeferralCancel = z.infer<typeof DeferralCancel>;

export const DeferralQuery = z.object({
  filter: DeferralFilter.optional(),
  /** A ticket number, a name or a phone (or a part of one). */
  q: z.string().trim().max(40).optional(),
  /** Only this ticket's records (the panel's current citizen). */
  ticketId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});
export type DeferralQuery = z.output<typeof DeferralQuery>;

// ---- 补齐提醒 (SMS) and the live 台账 -------------------------------------------------------

/**
 * The two texts a record with a phone may get: `before` on the working day before its deadline,
 * `overdue` on the first working day after it passed (still 待补齐). Never more than these two.
 */
export const DeferralReminderStep = z.enum(['before', 'overdue']);
export type DeferralReminderStep = z.infer<typeof DeferralReminderStep>;

/** 补齐提醒 go out only between these hours of the hall's day (never at night; retries neither). */
export const DEFERRAL_SMS_HOURS = { from: 9, until: 18 } as const;

export const DeferralReminder = z.object({
  step: DeferralReminderStep,
  /** When it was written to the outbox (ISO). */
  at: z.string(),
  /** The outbox's word on it: waiting (or 未配置), gone to the gateway, given up. */
  sms: z.enum(['pending', 'sent', 'failed']),
});
export type DeferralReminder = z.infer<typeof DeferralReminder>;

const Person = z.object({ id: z.string(), name: z.string() });

export const Deferral = z.object({
  id: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  matterId: z.string(),
  matterName: z.string(),
  missing: z.array(z.string()),
  /** The service day it was accepted on (YYYY-MM-DD, the hall's zone). */
  serviceDay: Day,
  days: z.number().int(),
  /** 补齐期限: bring them on or before this day. */
  deadline: Day,
  /** Empty when not given (or masked, 张*, once older than 个人信息保存期限). */
  name: z.string(),
  phone: z.string(),
  clerk: Person,
  windowNo: z.number().int(),
  createdAt: z.string(),
  status: DeferralStatus,
  /** As of the list's `today`. */
  state: z.enum(['pending', 'overdue', 'done', 'cancelled']),
  /** Days past the deadline while 待补齐 (0 otherwise). */
  overdueDays: z.number().int(),
  closedAt: z.string().optional(),
  closedBy: Person.optional(),
  cancelReason: z.string().optional(),
  /** 补齐提醒短信 written for it, oldest first (none: no phone, SMS off, or not due yet). */
  reminders: z.array(DeferralReminder).optional(),
});
export type Deferral = z.infer<typeof Deferral>;

/**
 * `deferral:changed` (staff sockets): a record was made, brought, withdrawn or reminded. No
 * personal data (every staff screen hears it); the 台账 asks for the rows again, the board takes
 * the counts as they are.
 */
export interface DeferralChanged {
  id: string;
  what: 'created' | 'done' | 'cancelled' | 'reminded';
  /** The hall's day the counts were made on. */
  today: string;
  counts: DeferralList['counts'];
}

export interface DeferralList {
  /** The hall's day the states are judged on. */
  today: string;
  items: Deferral[];
  /** Over the whole 台账, whatever the filter: 待补齐 (overdue ones included) and 逾期. */
  counts: { pending: number; overdue: number };
}

// ---- rules (pure, zod-free in shared/deferralRules.ts: the clerk panel loads them without zod) ----

export {
  canonicalMatter,
  daysBetween,
  deadlineOf,
  deferrableOf,
  deferralOffer,
  deferralState,
  inFilter,
  overdueDays,
  withdrawRight,
  type DeferralOffer,
  type MaterialLists,
} from './deferralRules';
