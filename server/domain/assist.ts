/**
 * 求助 rules, pure: who may ask, answer, settle or withdraw a call for help, and what each does
 * to the request. The service stores the result; nothing here reads a clock or a database.
 */
import type { AssistKind, AssistStatus } from '../../shared/assist';
import type { DomainError } from './decide';

export interface AssistRec {
  id: string;
  serviceDay: string;
  windowNo: number;
  clerkId: string;
  kind: AssistKind;
  note: string;
  ticketNumber?: string;
  status: AssistStatus;
  raisedAt: number;
  acknowledgedBy?: string;
  acknowledgedAt?: number;
  closedBy?: string;
  closedAt?: number;
  outcome: string;
}

/** Who acts, as far as these rules care. */
export interface AssistActor {
  id: string;
  role: 'manager' | 'clerk' | 'guide' | 'kiosk';
}

export type AssistResult = { ok: true; rec: AssistRec; changed: boolean } | { ok: false; error: DomainError };

const refuse = (code: DomainError['code'], message: string): AssistResult => ({ ok: false, error: { code, message } });
const changed = (rec: AssistRec): AssistResult => ({ ok: true, rec, changed: true });
const same = (rec: AssistRec): AssistResult => ({ ok: true, rec, changed: false });

export const isActive = (rec: AssistRec): boolean => rec.status === 'open' || rec.status === 'acknowledged';

export interface RaiseInput {
  id: string;
  serviceDay: string;
  windowNo: number;
  kind: AssistKind;
  note: string;
  /** The clerk signed in at that window now (undefined: nobody). */
  signedIn: string | undefined;
  /** The ticket at the window now, if any. */
  ticketNumber: string | undefined;
  /** The window's request still waiting for an end, if any. */
  active: AssistRec | undefined;
}

/**
 * Only the clerk signed in at the window asks for it. A window has at most one live request: a
 * second press (a double tap, a retry after a lost answer, the clerk pressing again because
 * nobody has come) answers the live one unchanged, so the console never shows the same window
 * twice.
 */
export function raiseAssist(actor: AssistActor, input: RaiseInput, now: number): AssistResult {
  if (input.signedIn !== actor.id) return refuse('NOT_SIGNED_IN', `you are not signed in at window ${input.windowNo}`);
  if (input.active) return same(input.active);
  const rec: AssistRec = {
    id: input.id,
    serviceDay: input.serviceDay,
    windowNo: input.windowNo,
    clerkId: actor.id,
    kind: input.kind,
    note: input.note,
    status: 'open',
    raisedAt: now,
    outcome: '',
  };
  if (input.ticketNumber !== undefined) rec.ticketNumber = input.ticketNumber;
  return changed(rec);
}

/** 我来处理: a manager takes it. The same manager again changes nothing; another is told who has it. */
export function acknowledgeAssist(actor: AssistActor, rec: AssistRec, now: number): AssistResult {
  if (actor.role !== 'manager') return refuse('FORBIDDEN', 'only a manager answers a call for help');
  if (rec.status === 'acknowledged') {
    return rec.acknowledgedBy === actor.id ? same(rec) : refuse('CONFLICT', 'another manager has already taken this call for help');
  }
  if (rec.status !== 'open') return refuse('INVALID_STATE', `this call for help is ${rec.status}`);
  return changed({ ...rec, status: 'acknowledged', acknowledgedBy: actor.id, acknowledgedAt: now });
}

/**
 * 已解决: a manager (whichever), or the clerk who asked (it settled itself). A manager resolving an open
 * request has answered it too, which the day's answer time counts.
 */
export function resolveAssist(actor: AssistActor, rec: AssistRec, outcome: string, now: number): AssistResult {
  const own = actor.id === rec.clerkId;
  if (actor.role !== 'manager' && !own) return refuse('FORBIDDEN', 'only a manager or the clerk who asked may settle it');
  if (!isActive(rec)) return refuse('INVALID_STATE', `this call for help is already ${rec.status}`);
  const next: AssistRec = { ...rec, status: 'resolved', closedBy: actor.id, closedAt: now, outcome };
  if (rec.status === 'open' && actor.role === 'manager') {
    next.acknowledgedBy = actor.id;
    next.acknowledgedAt = now;
  }
  return changed(next);
}

/** 撤销: the clerk who asked withdraws it before anyone answered (after that, it is settled). */
export function cancelAssist(actor: AssistActor, rec: AssistRec, now: number): AssistResult {
  if (actor.id !== rec.clerkId) return refuse('FORBIDDEN', 'only the clerk who asked may withdraw it');
  if (rec.status !== 'open') return refuse('INVALID_STATE', `this call for help is already ${rec.status}`);
  return changed({ ...rec, status: 'cancelled', closedBy: actor.id, closedAt: now });
}

/** Seconds from ask to answer of each answered request, ascending. */
function answerWaits(recs: readonly AssistRec[]): number[] {
  return recs
    .filter((r) => r.acknowledgedAt !== undefined)
    .map((r) => (r.acknowledgedAt! - r.raisedAt) / 1000)
    .sort((a, b) => a - b);
}

/** The median seconds from ask to answer over the answered requests; null when none was. */
export function medianAnswerSeconds(recs: readonly AssistRec[]): number | null {
  const waits = answerWaits(recs);
  if (waits.length === 0) return null;
  const mid = waits.length >> 1;
  return Math.round(waits.length % 2 ? waits[mid]! : (waits[mid - 1]! + waits[mid]!) / 2);
}

/** The longest seconds from ask to answer over the answered requests; null when none was. */
export function longestAnswerSeconds(recs: readonly AssistRec[]): number | null {
  const waits = answerWaits(recs);
  return waits.length === 0 ? null : Math.round(waits[waits.length - 1]!);
}
