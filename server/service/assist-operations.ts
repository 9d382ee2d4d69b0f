/**
 * 求助: a clerk calls the duty manager to the window; a manager answers (我来处理) and settles it
 * (已解决), or the clerk withdraws it (撤销). Not hall state: no seq. Each step is one transaction
 * (the request's row and its audit line), then staff are told with `assist:changed`.
 */
import { randomUUID } from 'node:crypto';
import { AssistClose, AssistQuery, AssistRaise, AssistRef, type AssistDay, type AssistRequest } from '../../shared/assist';
import type { Reply } from '../../shared/errors';
import type { Role } from '../../shared/schemas';
import { iso } from '../domain';
import {
  acknowledgeAssist,
  cancelAssist,
  medianAnswerSeconds,
  raiseAssist,
  resolveAssist,
  type AssistActor,
  type AssistRec,
  type AssistResult,
} from '../domain/assist';
import type { Actor } from './actor';
import { err, ok } from './errors';
import type { HallService } from './hall-service';
import { define, type OpContext } from './operation';

const STAFF: readonly Role[] = ['clerk', 'manager', 'guide'];
const WINDOW_ROLES: readonly Role[] = ['clerk', 'manager'];

function assistActor(a: Actor): AssistActor | undefined {
  return a.kind === 'user' ? { id: a.id, role: a.role } : undefined;
}

/** A stored request as staff see it: names for ids (an account removed since keeps its id). */
export function assistView(ctx: OpContext, r: AssistRec): AssistRequest {
  const person = (id: string) => ({ id, name: ctx.store.users.byId(id)?.name ?? id });
  const w = ctx.service.state().windows.get(r.windowNo);
  const v: AssistRequest = {
    id: r.id,
    serviceDay: r.serviceDay,
    windowNo: r.windowNo,
    windowName: w?.name ?? `${r.windowNo}号窗口`,
    clerk: person(r.clerkId),
    kind: r.kind,
    note: r.note,
    status: r.status,
    raisedAt: iso(r.raisedAt),
    outcome: r.outcome,
  };
  if (r.ticketNumber !== undefined) v.ticketNumber = r.ticketNumber;
  if (r.acknowledgedAt !== undefined) v.acknowledgedAt = iso(r.acknowledgedAt);
  if (r.acknowledgedBy !== undefined) v.acknowledgedBy = person(r.acknowledgedBy);
  if (r.closedAt !== undefined) v.closedAt = iso(r.closedAt);
  if (r.closedBy !== undefined) v.closedBy = person(r.closedBy);
  return v;
}

/** Stores what a rule decided, with its audit line, in one transaction; then tells staff. */
function commit(ctx: OpContext, actor: Actor, before: AssistRec | undefined, result: AssistResult, type: string): Reply<AssistRequest> {
  if (!result.ok) return err(result.error.code, result.error.message);
  const { service, store } = ctx;
  if (!result.changed) return ok(assistView(ctx, result.rec));
  store.db.transaction(() => {
    store.assist.put(service.hallId, result.rec);
    service.audit(actor, type, before ?? null, result.rec);
  })();
  const view = assistView(ctx, result.rec);
  service.assistChanged(view);
  return ok(view);
}

function find(ctx: OpContext, id: string): AssistRec | undefined {
  return ctx.store.assist.byId(ctx.service.hallId, id);
}

const unknown = () => err<AssistRequest>('NOT_FOUND', 'no such call for help');

function currentNumber(service: HallService, windowNo: number): string | undefined {
  const id = service.state().windows.get(windowNo)?.currentTicketId;
  return id ? service.findTicket(id)?.number : undefined;
}

export const assistOperations = {
  'assist:raise': define({
    roles: WINDOW_ROLES,
    schema: AssistRaise,
    run(ctx, actor, input): Reply<AssistRequest> {
      const { service, store } = ctx;
      const w = service.state().windows.get(input.windowNo);
      const who = assistActor(actor);
      if (!w || !who) return err('UNKNOWN_WINDOW', `no window ${input.windowNo}`);
      const active = store.assist.active(service.hallId).find((r) => r.windowNo === input.windowNo);
      const result = raiseAssist(
        who,
        {
          id: randomUUID(),
          serviceDay: service.state().serviceDay,
          windowNo: input.windowNo,
          kind: input.kind,
          note: input.note ?? '',
          signedIn: w.clerkId,
          ticketNumber: currentNumber(service, input.windowNo),
          active,
        },
        service.now(),
      );
      return commit(ctx, actor, undefined, result, 'AssistRaised');
    },
  }),

  'assist:acknowledge': define({
    roles: ['manager'],
    schema: AssistRef,
    run(ctx, actor, input): Reply<AssistRequest> {
      const rec = find(ctx, input.id);
      const who = assistActor(actor);
      if (!rec || !who) return unknown();
      return commit(ctx, actor, rec, acknowledgeAssist(who, rec, ctx.service.now()), 'AssistAcknowledged');
    },
  }),

  'assist:resolve': define({
    roles: WINDOW_ROLES,
    schema: AssistClose,
    run(ctx, actor, input): Reply<AssistRequest> {
      const rec = find(ctx, input.id);
      const who = assistActor(actor);
      if (!rec || !who) return unknown();
      return commit(ctx, actor, rec, resolveAssist(who, rec, input.outcome ?? '', ctx.service.now()), 'AssistResolved');
    },
  }),

  'assist:cancel': define({
    roles: WINDOW_ROLES,
    schema: AssistRef,
    run(ctx, actor, input): Reply<AssistRequest> {
      const rec = find(ctx, input.id);
      const who = assistActor(actor);
      if (!rec || !who) return unknown();
      return commit(ctx, actor, rec, cancelAssist(who, rec, ctx.service.now()), 'AssistCancelled');
    },
  }),

  /**
   * A day's requests (today by default) with the live ones of earlier days first: a call left
   * open overnight must still be seen. Managers see every window; a clerk only their own asks.
   */
  'assist:list': define({
    roles: STAFF,
    schema: AssistQuery,
    run(ctx, actor, input): Reply<AssistDay> {
      const { service, store } = ctx;
      const day = input.date ?? service.state().serviceDay;
      const ofDay = store.assist.ofDay(service.hallId, day);
      const seen = new Set(ofDay.map((r) => r.id));
      const older = day === service.state().serviceDay ? store.assist.active(service.hallId).filter((r) => !seen.has(r.id)) : [];
      const mine = (r: AssistRec) => actor.kind === 'user' && (actor.role === 'manager' || r.clerkId === actor.id);
      const recs = [...older.reverse(), ...ofDay].filter(mine);
      return ok({ serviceDay: day, requests: recs.map((r) => assistView(ctx, r)), medianAnswerSeconds: medianAnswerSeconds(ofDay) });
    },
  }),
};
