/**
 * 自助机呼叫工作人员 rules, pure: who may ask, answer, settle or withdraw a kiosk's call, and what
 * each does to it. The service stores the result; nothing here reads a clock or a database.
 */
import type { KioskHelpStatus } from '../../shared/kioskHelp';
import type { DomainError } from '../domain/decide';

export interface KioskHelpRec {
  id: string;
  serviceDay: string;
  kioskId: string;
  kioskName?: string;
  kioskNo?: number;
  status: KioskHelpStatus;
  raisedAt: number;
  /** The account that pressed (the kiosk device account), or 'public' for a kiosk without one. */
  raisedBy: string;
  acknowledgedBy?: string;
  acknowledgedAt?: number;
  /** Who resolved it, or 'kiosk' when the kiosk withdrew it. */
  closedBy?: string;
  closedAt?: number;
}

/** Who acts, as far as these rules care: an account's role, or nobody signed in. */
export interface KioskHelpActor {
  id: string;
  role: 'manager' | 'clerk' | 'guide' | 'kiosk' | 'public';
}

export type KioskHelpResult = { ok: true; rec: KioskHelpRec; changed: boolean } | { ok: false; error: DomainError };

const refuse = (code: DomainError['code'], message: string): KioskHelpResult => ({ ok: false, error: { code, message } });
const changed = (rec: KioskHelpRec): KioskHelpResult => ({ ok: true, rec, changed: true });
const same = (rec: KioskHelpRec): KioskHelpResult => ({ ok: true, rec, changed: false });

export const isLive = (rec: KioskHelpRec): boolean => rec.status === 'open' || rec.status === 'acknowledged';

/**
 * A kiosk speaks for a citizen with no account: its device account (or a manager's, which may sign
 * a kiosk in too), or, where the hall lets anyone take a ticket at its kiosks (公开取号), a kiosk
 * screen with none — the same doors as a ticket's.
 */
export function mayActAsKiosk(actor: KioskHelpActor, publicTicketing: boolean): boolean {
  return actor.role === 'kiosk' || actor.role === 'manager' || (actor.role === 'public' && publicTicketing);
}

/** Guides walk the floor, the duty manager watches the console: either answers. */
export const mayAnswer = (actor: KioskHelpActor): boolean => actor.role === 'guide' || actor.role === 'manager';

export interface RaiseInput {
  id: string;
  serviceDay: string;
  kioskId: string;
  kioskName: string | undefined;
  kioskNo: number | undefined;
  publicTicketing: boolean;
  /** That kiosk's call still waiting for an end, if any. */
  live: KioskHelpRec | undefined;
}

/**
 * One live call per kiosk: a second press (an impatient citizen, a retry after a lost answer)
 * answers the live call unchanged, so the desk never lists the same kiosk twice.
 */
export function raiseKioskHelp(actor: KioskHelpActor, input: RaiseInput, now: number): KioskHelpResult {
  if (!mayActAsKiosk(actor, input.publicTicketing)) {
    return refuse(actor.role === 'public' ? 'UNAUTHORIZED' : 'FORBIDDEN', 'only a kiosk calls staff to itself');
  }
  if (input.live) return same(input.live);
  const rec: KioskHelpRec = { id: input.id, serviceDay: input.serviceDay, kioskId: input.kioskId, status: 'open', raisedAt: now, raisedBy: actor.id };
  if (input.kioskName !== undefined) rec.kioskName = input.kioskName;
  if (input.kioskNo !== undefined) rec.kioskNo = input.kioskNo;
  return changed(rec);
}

/** 我去处理: a guide or manager takes it. The same person again changes nothing; another is told someone has it. */
export function acknowledgeKioskHelp(actor: KioskHelpActor, rec: KioskHelpRec, now: number): KioskHelpResult {
  if (!mayAnswer(actor)) return refuse('FORBIDDEN', 'only a guide or a manager answers a kiosk');
  if (rec.status === 'acknowledged') {
    return rec.acknowledgedBy === actor.id ? same(rec) : refuse('CONFLICT', 'someone else is already on the way to this kiosk');
  }
  if (rec.status !== 'open') return refuse('INVALID_STATE', `this call is ${rec.status}`);
  return changed({ ...rec, status: 'acknowledged', acknowledgedBy: actor.id, acknowledgedAt: now });
}

/** 已处理: a guide or manager (whoever it was who helped). Resolving an open call answers it too, which the day's answer time counts. */
export function resolveKioskHelp(actor: KioskHelpActor, rec: KioskHelpRec, now: number): KioskHelpResult {
  if (!mayAnswer(actor)) return refuse('FORBIDDEN', 'only a guide or a manager settles a kiosk call');
  if (!isLive(rec)) return refuse('INVALID_STATE', `this call is already ${rec.status}`);
  const next: KioskHelpRec = { ...rec, status: 'resolved', closedBy: actor.id, closedAt: now };
  if (rec.status === 'open') {
    next.acknowledgedBy = actor.id;
    next.acknowledgedAt = now;
  }
  return changed(next);
}

/**
 * 不需要了: the kiosk that asked withdraws it, even once someone is on the way (the citizen found
 * their way; the guide's desk shows it withdrawn so they turn back). Another kiosk may not.
 */
export function cancelKioskHelp(actor: KioskHelpActor, kioskId: string, publicTicketing: boolean, rec: KioskHelpRec, now: number): KioskHelpResult {
  if (!mayActAsKiosk(actor, publicTicketing)) return refuse(actor.role === 'public' ? 'UNAUTHORIZED' : 'FORBIDDEN', 'only the kiosk that asked withdraws its call');
  if (kioskId !== rec.kioskId) return refuse('FORBIDDEN', 'only the kiosk that asked withdraws its call');
  if (!isLive(rec)) return refuse('INVALID_STATE', `this call is already ${rec.status}`);
  return changed({ ...rec, status: 'cancelled', closedBy: 'kiosk', closedAt: now });
}

/** The median seconds from press to answer over the answered calls; null when none was. */
export function medianAnswerSeconds(recs: readonly KioskHelpRec[]): number | null {
  const waits = recs
    .filter((r) => r.acknowledgedAt !== undefined)
    .map((r) => (r.acknowledgedAt! - r.raisedAt) / 1000)
    .sort((a, b) => a - b);
  if (waits.length === 0) return null;
  const mid = waits.length >> 1;
  return Math.round(waits.length % 2 ? waits[mid]! : (waits[mid - 1]! + waits[mid]!) / 2);
}

/** 自助取号机 N: an unnamed kiosk's place among the hall's kiosks as 设备状态 lists them (by id), from 1. */
export function kioskNumber(kioskIds: readonly string[], kioskId: string): number | undefined {
  const sorted = [...new Set(kioskIds)].sort((a, b) => a.localeCompare(b));
  const i = sorted.indexOf(kioskId);
  return i < 0 ? undefined : i + 1;
}
