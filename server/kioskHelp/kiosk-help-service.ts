/**
 * 自助机呼叫工作人员: each step is decided by the pure rules (rules.ts), stored with its audit line
 * in one transaction, then told to the desks (guides, managers) and to the kiosk itself through
 * the listeners (the `/kiosk-help` socket namespace). Not hall state: no seq, like 求助.
 */
import { randomUUID } from 'node:crypto';
import type { Reply } from '../../shared/errors';
import {
  KioskHelpCancel,
  KioskHelpQuery,
  KioskHelpRaise,
  KioskHelpRef,
  type KioskHelpCall,
  type KioskHelpDay,
  type KioskHelpMine,
} from '../../shared/kioskHelp';
import type { DeviceRegistry } from '../devices/registry';
import type { Actor } from '../service/actor';
import { err, ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import type { Store } from '../store';
import type { KioskHelpRepo } from './kiosk-help-repo';
import {
  acknowledgeKioskHelp,
  cancelKioskHelp,
  kioskNumber,
  medianAnswerSeconds,
  raiseKioskHelp,
  resolveKioskHelp,
  type KioskHelpActor,
  type KioskHelpRec,
  type KioskHelpResult,
  isLive,
} from './rules';

/** What the listeners hear after each committed step. */
export interface KioskHelpChange {
  call: KioskHelpCall;
  /** The kiosk's own view now (null once the call has ended). */
  mine: KioskHelpMine | null;
  kioskId: string;
}

export interface KioskHelpDeps {
  store: Store;
  hall: HallService;
  repo: KioskHelpRepo;
  /** 设备状态: names an unnamed kiosk by its place among the hall's kiosks. */
  devices?: DeviceRegistry | undefined;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function ruleActor(a: Actor): KioskHelpActor {
  return a.kind === 'user' ? { id: a.id, role: a.role } : { id: a.kind, role: 'public' };
}

/** Parses a payload with a schema into a coded refusal, as the operations do. */
function parse<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, x: unknown): Reply<T> {
  const r = schema.safeParse(x);
  if (r.success) return ok(r.data);
  const issue = r.error.issues[0];
  return err('BAD_REQUEST', issue ? `${issue.path.map(String).join('.') || 'payload'}: ${issue.message}` : 'invalid payload');
}

export function createKioskHelp(deps: KioskHelpDeps) {
  const { store, hall, repo, devices } = deps;
  const hallId = hall.hallId;
  const listeners = new Set<(c: KioskHelpChange) => void>();
  const settings = () => hall.state().settings;

  const person = (id: string) => ({ id, name: store.users.byId(id)?.name ?? id });

  function view(r: KioskHelpRec): KioskHelpCall {
    const v: KioskHelpCall = { id: r.id, serviceDay: r.serviceDay, kioskId: r.kioskId, status: r.status, raisedAt: iso(r.raisedAt) };
    if (r.kioskName !== undefined) v.kioskName = r.kioskName;
    if (r.kioskNo !== undefined) v.kioskNo = r.kioskNo;
    if (r.acknowledgedAt !== undefined) v.acknowledgedAt = iso(r.acknowledgedAt);
    if (r.acknowledgedBy !== undefined) v.acknowledgedBy = person(r.acknowledgedBy);
    if (r.closedAt !== undefined) v.closedAt = iso(r.closedAt);
    if (r.closedBy !== undefined && r.closedBy !== 'kiosk') v.closedBy = person(r.closedBy);
    return v;
  }

  /** The kiosk's own view: who comes by name only where the hall shows staff names on its screens (as for clerks). */
  function ownView(r: KioskHelpRec): KioskHelpMine {
    const v: KioskHelpMine = { id: r.id, status: r.status, raisedAt: iso(r.raisedAt) };
    if (r.acknowledgedAt !== undefined) v.acknowledgedAt = iso(r.acknowledgedAt);
    if (r.acknowledgedBy !== undefined && settings().windowShowsClerk === true) v.helper = person(r.acknowledgedBy).name;
    return v;
  }

  /** What the kiosk's screen shows: its live call, or nothing once it has ended. */
  const mineView = (r: KioskHelpRec): KioskHelpMine | null => (isLive(r) ? ownView(r) : null);

  function commit(actor: Actor, before: KioskHelpRec | undefined, result: KioskHelpResult, type: string): Reply<KioskHelpRec> {
    if (!result.ok) return err(result.error.code, result.error.message);
    if (!result.changed) return ok(result.rec);
    try {
      store.db.transaction(() => {
        repo.put(hallId, result.rec);
        hall.audit(actor, type, before ?? null, result.rec);
      })();
    } catch (e) {
      // Two presses racing past the check: the database's one-live-call index refused the second.
      const live = repo.liveOf(hallId, result.rec.kioskId);
      if (type === 'KioskHelpRaised' && live) return ok(live);
      throw e;
    }
    const change: KioskHelpChange = { call: view(result.rec), mine: mineView(result.rec), kioskId: result.rec.kioskId };
    for (const l of listeners) l(change);
    return ok(result.rec);
  }

  /** The kiosk's name and number as the hall knows it now: its hello's name, else its place among kiosks. */
  function nameOf(kioskId: string, given: string | undefined): { kioskName: string | undefined; kioskNo: number | undefined } {
    const list = devices?.list().devices ?? [];
    const me = list.find((d) => d.id === kioskId);
    const kioskName = given ?? me?.name;
    if (kioskName !== undefined) return { kioskName, kioskNo: undefined };
    const kiosks = list.filter((d) => d.kind === 'kiosk').map((d) => d.id);
    return { kioskName: undefined, kioskNo: kioskNumber(kiosks, kioskId) };
  }

  const unknown = <T>() => err<T>('NOT_FOUND', 'no such kiosk call');
  const staffOnly = <T>(actor: Actor): Reply<T> | null =>
    actor.kind !== 'user' ? err('UNAUTHORIZED', 'sign in first') : actor.role === 'guide' || actor.role === 'manager' ? null : err('FORBIDDEN', 'your role may not do this');

  /** A guide's or manager's step on one call: who may, which call, the rule, stored with its audit line. */
  function staffStep(
    actor: Actor,
    payload: unknown,
    rule: (a: KioskHelpActor, rec: KioskHelpRec, now: number) => KioskHelpResult,
    type: string,
  ): Reply<KioskHelpCall> {
    const refused = staffOnly<KioskHelpCall>(actor);
    if (refused) return refused;
    const input = parse(KioskHelpRef, payload);
    if (!input.ok) return input;
    const rec = repo.byId(hallId, input.data.id);
    if (!rec) return unknown();
    const r = commit(actor, rec, rule(ruleActor(actor), rec, hall.now()), type);
    return r.ok ? ok(view(r.data)) : r;
  }

  return {
    view,
    onChange(l: (c: KioskHelpChange) => void): () => void {
      listeners.add(l);
      return () => listeners.delete(l);
    },

    /** 需要帮助？呼叫工作人员: the kiosk's live call, new or as it is. */
    raise(actor: Actor, payload: unknown): Reply<KioskHelpMine> {
      const input = parse(KioskHelpRaise, payload);
      if (!input.ok) return input;
      const { kioskId, name } = input.data;
      // Without an account, only a kiosk screen connected to the hall now (设备状态) may call: an
      // id made up by a script, or one long gone, would fill the desk's list with calls nobody is at.
      if (actor.kind !== 'user' && settings().publicTicketing && devices && !devices.list().devices.some((d) => d.id === kioskId && d.kind === 'kiosk' && d.online)) {
        return err('FORBIDDEN', 'a kiosk without an account calls staff from a kiosk screen connected to the hall');
      }
      const live = repo.liveOf(hallId, kioskId);
      const result = raiseKioskHelp(
        ruleActor(actor),
        { id: randomUUID(), serviceDay: hall.state().serviceDay, kioskId, ...nameOf(kioskId, name), publicTicketing: settings().publicTicketing, live },
        hall.now(),
      );
      const r = commit(actor, undefined, result, 'KioskHelpRaised');
      return r.ok ? ok(ownView(r.data)) : r;
    },

    /** 不需要了 (the kiosk that asked). */
    cancel(actor: Actor, payload: unknown): Reply<KioskHelpMine> {
      const input = parse(KioskHelpCancel, payload);
      if (!input.ok) return input;
      const rec = repo.byId(hallId, input.data.id);
      if (!rec) return unknown();
      const r = commit(actor, rec, cancelKioskHelp(ruleActor(actor), input.data.kioskId, settings().publicTicketing, rec, hall.now()), 'KioskHelpCancelled');
      return r.ok ? ok(ownView(r.data)) : r;
    },

    /** 我去处理 (a guide or manager). */
    acknowledge: (actor: Actor, payload: unknown): Reply<KioskHelpCall> => staffStep(actor, payload, acknowledgeKioskHelp, 'KioskHelpAcknowledged'),

    /** 已处理 (a guide or manager). */
    resolve: (actor: Actor, payload: unknown): Reply<KioskHelpCall> => staffStep(actor, payload, resolveKioskHelp, 'KioskHelpResolved'),

    /** A day's calls (today by default) with the live ones of earlier days first, and the day's median answer time. Guides and managers. */
    list(actor: Actor, payload: unknown): Reply<KioskHelpDay> {
      const refused = staffOnly<KioskHelpDay>(actor);
      if (refused) return refused;
      const input = parse(KioskHelpQuery, payload);
      if (!input.ok) return input;
      const today = hall.state().serviceDay;
      const day = input.data.date ?? today;
      const ofDay = repo.ofDay(hallId, day);
      const seen = new Set(ofDay.map((r) => r.id));
      const older = day === today ? repo.live(hallId).filter((r) => !seen.has(r.id)) : [];
      return ok({ serviceDay: day, calls: [...older.reverse(), ...ofDay].map(view), medianAnswerSeconds: medianAnswerSeconds(ofDay) });
    },

    /** The live calls, oldest first: what a desk is sent when it connects. */
    live(): KioskHelpCall[] {
      return repo.live(hallId).map(view);
    },

    /** One kiosk's live call as its screen shows it (on connect), or null. */
    mine(kioskId: string): KioskHelpMine | null {
      const r = repo.liveOf(hallId, kioskId);
      return r ? mineView(r) : null;
    },
  };
}

export type KioskHelp = ReturnType<typeof createKioskHelp>;
