/**
 * 容缺受理 (accept now, a non-key material later): a matter of the catalogue lists the materials
 * that may be handed in later (Matter.deferrable, its 容缺受理清单). When only such materials are
 * missing, the clerk accepts the case now; the citizen signs a 告知承诺书 promising to bring them
 * by a date, and the centre keeps a 容缺台账 to follow up. The seed asks for 容缺办理 and 告知承诺
 * because a citizen turned away for a photo copy is the window's hardest moment.
 * Staff only: nothing of it reaches a wall, a window screen or a phone page.
 */
import { z } from 'zod';
import { addDays, dayNumber, Phone } from './citizen';
import type { Matter } from './schemas';

/** 补齐期限 in calendar days from the service day the case was accepted on. */
export const DEFERRAL_DAYS = { min: 1, max: 30, default: 5 } as const;
/** At most this many characters of a 撤销 reason. */
export const DEFERRAL_REASON_MAX = 200;
/** At most this many characters of the applicant's name. */
export const DEFERRAL_NAME_MAX = 40;

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

// ---- rules (pure; the panel and the server use the same) -------------------------------------

/** The matter's 可容缺 materials, in the catalogue's order. */
/** What the rules read of a matter. */
export interface MaterialLists {
  materials: readonly string[];
  deferrable?: readonly string[] | undefined;
}

export const deferrableOf = (m: MaterialLists): string[] => m.materials.filter((x) => m.deferrable?.includes(x) ?? false);

export type DeferralOffer =
  | { kind: 'complete' } // nothing missing
  | { kind: 'unlisted' } // something missing, and the matter has no 容缺受理清单
  | { kind: 'offer'; missing: string[] } // only 可容缺 materials missing: 容缺受理
  | { kind: 'required'; required: string[] }; // a key material missing: 缺少必要材料 X，不能容缺

/** Whether a matter with these materials missing may be accepted now (容缺受理). */
export function deferralOffer(m: MaterialLists, missing: readonly string[]): DeferralOffer {
  const gone = m.materials.filter((x) => missing.includes(x));
  if (gone.length === 0) return { kind: 'complete' };
  const deferrable = deferrableOf(m);
  if (deferrable.length === 0) return { kind: 'unlisted' };
  const required = gone.filter((x) => !deferrable.includes(x));
  return required.length > 0 ? { kind: 'required', required } : { kind: 'offer', missing: gone };
}

/** 补齐期限: calendar days counted from the service day (accepted on the 1st with 5 days: by the 6th). */
export const deadlineOf = (serviceDay: string, days: number): string => addDays(serviceDay, days);

/** Whole days from `a` to `b` (negative when b is earlier). */
export const daysBetween = (a: string, b: string): number => dayNumber(b) - dayNumber(a);

/** 逾期 once the deadline day has passed with the materials still missing. */
export function deferralState(status: DeferralStatus, deadline: string, today: string): DeferralState {
  return status === 'pending' && today > deadline ? 'overdue' : status;
}

/** Days past the deadline of a 待补齐 record (0 when not overdue). */
export const overdueDays = (status: DeferralStatus, deadline: string, today: string): number =>
  deferralState(status, deadline, today) === 'overdue' ? daysBetween(deadline, today) : 0;

/** Whether a record in this state is listed under a filter (待补齐 lists the overdue ones too). */
export function inFilter(state: DeferralState, filter: DeferralFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'pending') return state === 'pending' || state === 'overdue';
  return state === filter;
}

/**
 * 撤销 by whom: a manager any time; the clerk who accepted the record, on the service day it was
 * accepted (a slip at the window: the wrong matter, the paper found in the bag after all); after
 * that day only a manager, so the 台账 of past days stays as it was promised. The panel offers
 * the button by this rule; the server checks it again.
 */
export function withdrawRight(who: { id: string; role: string }, rec: { clerkId: string; serviceDay: string }, today: string): 'ok' | 'deferral_not_own' | 'deferral_day_over' {
  if (who.role === 'manager') return 'ok';
  if (who.role !== 'clerk' || rec.clerkId !== who.id) return 'deferral_not_own';
  return rec.serviceDay === today ? 'ok' : 'deferral_day_over';
}

/**
 * A matter as stored and sent: its own copy of the lists, `deferrable` in the catalogue's order
 * and only when it lists something (a matter without a 容缺受理清单 looks as it always did).
 */
export function canonicalMatter<M extends Matter>(m: M): M {
  const { deferrable: _drop, ...rest } = m;
  const deferrable = deferrableOf(m);
  return { ...rest, materials: [...m.materials], ...(deferrable.length > 0 ? { deferrable } : {}) } as M;
}
