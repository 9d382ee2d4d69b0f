/**
 * 容缺受理 at the counter (pure): per matter of the current ticket, whether to offer 容缺受理 for
 * what is still unticked, the form's checks, and dates in the words of the 告知承诺书.
 */
import { isMobile } from '../../../../shared/mobileNumber';
import type { Deferral } from '../../../../shared/deferral';
import { DEFERRAL_DAYS, deadlineOf, deferralOffer, withdrawRight, type DeferralOffer } from '../../../../shared/deferralRules';
import type { ErrorReason } from '../../../../shared/errors';
import type { Matter } from '../../../../shared/schemas';
import { isTicked, type Checklist } from './checklist';

export interface MatterOffer {
  matter: Matter;
  offer: DeferralOffer;
  /** Its 待补齐 record, when the case was accepted already. */
  record?: Deferral | undefined;
}

/** What the panel shows under each matter; a matter with a 待补齐 record shows that instead of the offer. */
export function matterOffers(list: Checklist, matters: readonly Matter[], records: readonly Deferral[]): MatterOffer[] {
  return matters.map((matter) => {
    const missing = matter.materials.filter((m) => !isTicked(list, matter.id, m));
    const record = records.find((r) => r.matterId === matter.id && r.status === 'pending');
    return { matter, offer: deferralOffer(matter, missing), record };
  });
}

/** 撤销 is offered on a 待补齐 record this person may withdraw today (their own, accepted today; a manager any). */
export const mayWithdraw = (me: { id: string; role: string }, d: Pick<Deferral, 'status' | 'clerk' | 'serviceDay'>, today: string): boolean =>
  d.status === 'pending' && withdrawRight(me, { clerkId: d.clerk.id, serviceDay: d.serviceDay }, today) === 'ok';

/** A refused 撤销 in the clerk's words when the server said why (else null: the code's words). */
export function withdrawRefusal(reason: ErrorReason | undefined): 'deferral.refused.deferral_not_own' | 'deferral.refused.deferral_day_over' | null {
  return reason === 'deferral_not_own' || reason === 'deferral_day_over' ? `deferral.refused.${reason}` : null;
}

/** The days field: a whole number from 1 to 30, or null. */
export function parseDays(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,2}$/.test(t)) return null;
  const n = Number(t);
  return n >= DEFERRAL_DAYS.min && n <= DEFERRAL_DAYS.max ? n : null;
}

/** The phone field: empty, or a mobile number as kiosks check it (shared/citizen.ts Phone). */
export const phoneOk = (text: string): boolean => text.trim() === '' || isMobile(text.trim());

/** The deadline the form shows before it is sent (the server counts it the same way). */
export const previewDeadline = (serviceDay: string, days: number | null): string | null => (days === null ? null : deadlineOf(serviceDay, days));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026-12-05 → 2026年12月5日 (zh) or 5 Dec 2026 (en): as a date is written on a paper form. */
export function paperDate(day: string, locale: 'zh' | 'en'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return locale === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1]} ${y}`;
}
