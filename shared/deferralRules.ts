/**
 * 容缺受理's limits and rules, pure and without zod: the clerk panel offers 容缺受理 and 撤销 by
 * them without carrying the schema library; the server checks the same (shared/deferral.ts builds
 * its schemas from these limits and re-exports everything here).
 */
import { addDays, dayNumber } from './calendar';
import type { DeferralFilter, DeferralState, DeferralStatus } from './deferral';
import type { Matter } from './schemas';

/** 补齐期限 in calendar days from the service day the case was accepted on. */
export const DEFERRAL_DAYS = { min: 1, max: 30, default: 5 } as const;
/** At most this many characters of a 撤销 reason. */
export const DEFERRAL_REASON_MAX = 200;
/** At most this many characters of the applicant's name. */
export const DEFERRAL_NAME_MAX = 40;

// ---- rules (pure; the panel and the server use the same) -------------------------------------

/** What the rules read of a matter. */
export interface MaterialLists {
  materials: readonly string[];
  deferrable?: readonly string[] | undefined;
}

/** The matter's 可容缺 materials, in the catalogue's order. */
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
