/**
 * 容缺受理's rules on the server (pure): who may accept which ticket's matter with what missing,
 * and how a record is closed. The panel offers the button by the same rule (deferralOffer in
 * shared/deferral.ts); the server checks again, since a panel may hold an old catalogue.
 */
import { deferralOffer, withdrawRight } from '../../shared/deferral';
import type { ApiError } from '../../shared/errors';
import type { Matter, Role, TicketStatus } from '../../shared/schemas';
import type { DeferralRec } from './deferral-repo';

export interface Who {
  id: string;
  role: Role;
}

export interface TicketFacts {
  id: string;
  status: TicketStatus;
  windowNo?: number | undefined;
  matters: readonly string[];
}

export interface WindowFacts {
  clerkId?: string | undefined;
  currentTicketId?: string | undefined;
}

export type Check<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const fail = <T>(code: ApiError['code'], message: string, reason?: ApiError['reason']): Check<T> => ({
  ok: false,
  error: reason ? { code, message, reason } : { code, message },
});

/**
 * May `who` accept this matter of this ticket with `missing` not brought? Only a matter of the
 * ticket, only by the clerk serving it at its window (a manager: any ticket served at a window,
 * also after it was completed), only when every missing material is on the matter's 容缺受理清单.
 * The answer is the missing list in the catalogue's order.
 */
export function checkAccept(who: Who, ticket: TicketFacts, window: WindowFacts | undefined, matter: Matter | undefined, missing: readonly string[]): Check<string[]> {
  if (!ticket.matters.includes(matter?.id ?? '') || !matter) return fail('BAD_REQUEST', 'the matter is not one of the ticket');
  if (ticket.windowNo === undefined) return fail('INVALID_STATE', 'the ticket has not been served at a window');
  if (who.role === 'manager') {
    if (!['called', 'serving', 'done'].includes(ticket.status)) return fail('INVALID_STATE', `the ticket is ${ticket.status}`);
  } else if (who.role !== 'clerk' || window?.clerkId !== who.id || window.currentTicketId !== ticket.id) {
    return fail('FORBIDDEN', 'only the clerk serving the ticket (or a manager) may accept it');
  }
  const unknown = missing.find((m) => !matter.materials.includes(m));
  if (unknown !== undefined) return fail('BAD_REQUEST', `${unknown} is not a material of matter ${matter.id}`);
  const offer = deferralOffer(matter, missing);
  if (offer.kind === 'offer') return { ok: true, value: offer.missing };
  if (offer.kind === 'required') return fail('INVALID_STATE', `缺少必要材料 ${offer.required.join('、')}，不能容缺`, 'not_deferrable');
  return fail('INVALID_STATE', `matter ${matter.id} has no material that may be handed in later`, 'not_deferrable');
}

/** 已补齐: anyone at a window or a manager; a record already brought stays as it was (a double press). */
export function markDone(who: Who, rec: DeferralRec, now: number): Check<{ rec: DeferralRec; changed: boolean }> {
  if (rec.status === 'done') return { ok: true, value: { rec, changed: false } };
  if (rec.status !== 'pending') return fail('INVALID_STATE', 'the record was withdrawn');
  return { ok: true, value: { rec: { ...rec, status: 'done', closedBy: who.id, closedAt: now }, changed: true } };
}

/**
 * 撤销 with a reason: the case ends without the materials; a withdrawn one stays. A manager any
 * time; a clerk only their own record on the day it was accepted (withdrawRight), refused with
 * FORBIDDEN and the reason that tells the two apart.
 */
export function withdraw(who: Who, rec: DeferralRec, reason: string, now: number, today: string): Check<{ rec: DeferralRec; changed: boolean }> {
  const right = withdrawRight(who, rec, today);
  if (right === 'deferral_not_own') return fail('FORBIDDEN', 'a clerk may withdraw only a record they accepted themselves', right);
  if (right === 'deferral_day_over') return fail('FORBIDDEN', 'the day it was accepted is over: a manager withdraws it now', right);
  if (rec.status === 'cancelled') return { ok: true, value: { rec, changed: false } };
  if (rec.status !== 'pending') return fail('INVALID_STATE', 'the materials were brought already');
  return { ok: true, value: { rec: { ...rec, status: 'cancelled', closedBy: who.id, closedAt: now, cancelReason: reason }, changed: true } };
}
