/**
 * 容缺受理 operations: the clerk serving a ticket accepts one of its matters with 可容缺 materials
 * missing (`deferral:create`), staff find records (`deferral:list`), a clerk or manager marks one
 * brought (`deferral:done`), a manager — or the clerk who accepted it, that same day — withdraws
 * one (`deferral:cancel`). Not hall state: no seq; each change is one transaction with its audit
 * line (name and phone masked there: the log keeps no personal data past 个人信息保存期限), then
 * pushed to staff as `deferral:changed` (the 台账 and the board update at once).
 */
import { randomUUID } from 'node:crypto';
import { deadlineOf, deferralState, DeferralCancel, type DeferralReminder, DeferralCreate, DeferralQuery, DeferralRef, overdueDays, type Deferral, type DeferralList } from '../../shared/deferral';
import type { Reply } from '../../shared/errors';
import type { Role } from '../../shared/schemas';
import { maskName, maskPhone } from '../citizen/rules';
import { iso, serviceDayOf } from '../domain';
import type { Actor } from '../service/actor';
import { err, failWith, ok } from '../service/errors';
import { define, type OpContext } from '../service/operation';
import { deferralChange } from './changes';
import { deferralRepoOf, type DeferralRec } from './deferral-repo';
import { checkAccept, markDone, withdraw, type Check, type Who } from './rules';

const WINDOW_ROLES: readonly Role[] = ['clerk', 'manager'];
const LIST_LIMIT = 200;

const whoOf = (a: Actor): Who | undefined => (a.kind === 'user' ? { id: a.id, role: a.role } : undefined);

/** The hall's calendar day now (a record's state is judged on it). */
const todayOf = (ctx: OpContext): string => serviceDayOf(ctx.service.now(), ctx.service.state().timezone);

function view(ctx: OpContext, r: DeferralRec, today: string): Deferral {
  const person = (id: string) => ({ id, name: ctx.store.users.byId(id)?.name ?? id });
  const v: Deferral = {
    id: r.id,
    ticketId: r.ticketId,
    ticketNumber: r.ticketNumber,
    matterId: r.matterId,
    matterName: r.matterName,
    missing: [...r.missing],
    serviceDay: r.serviceDay,
    days: r.days,
    deadline: r.deadline,
    name: r.name,
    phone: r.phone,
    clerk: person(r.clerkId),
    windowNo: r.windowNo,
    createdAt: iso(r.createdAt),
    status: r.status,
    state: deferralState(r.status, r.deadline, today),
    overdueDays: overdueDays(r.status, r.deadline, today),
  };
  if (r.closedAt !== undefined) v.closedAt = iso(r.closedAt);
  if (r.closedBy !== undefined) v.closedBy = person(r.closedBy);
  if (r.cancelReason !== undefined) v.cancelReason = r.cancelReason;
  const reminders = remindersOf(r);
  if (reminders.length > 0) v.reminders = reminders;
  return v;
}

/** The 补齐提醒 written, oldest first, with how the outbox fared (a text written is pending at worst). */
function remindersOf(r: DeferralRec): DeferralReminder[] {
  const out: DeferralReminder[] = [];
  for (const step of ['before', 'overdue'] as const) {
    const at = r.reminded?.[step];
    if (at !== undefined) out.push({ step, at: iso(at), sms: r.sms?.[step] ?? 'pending' });
  }
  return out;
}

/** Tells staff screens, after the change committed. */
const announce = (ctx: OpContext, id: string, what: 'created' | 'done' | 'cancelled'): void => {
  const today = todayOf(ctx);
  ctx.service.deferralChanged(deferralChange(ctx.store.db, ctx.service.hallId, id, what, today));
};

/** The record as the audit log keeps it: the citizen's name and phone masked. */
const audited = (r: DeferralRec): DeferralRec => ({ ...r, name: r.name ? maskName(r.name) : '', phone: r.phone ? maskPhone(r.phone) : '' });

function closeWith(ctx: OpContext, actor: Actor, id: string, type: 'DeferralDone' | 'DeferralCancelled', step: (who: Who, rec: DeferralRec) => Check<{ rec: DeferralRec; changed: boolean }>): Reply<Deferral> {
  const { service, store } = ctx;
  const repo = deferralRepoOf(store.db);
  const rec = repo.byId(service.hallId, id);
  const who = whoOf(actor);
  if (!rec || !who) return err('NOT_FOUND', 'no such deferral');
  const r = step(who, rec);
  if (!r.ok) return failWith(r.error);
  if (r.value.changed) {
    store.db.transaction(() => {
      repo.close(service.hallId, r.value.rec);
      service.audit(actor, type, audited(rec), audited(r.value.rec));
    })();
    announce(ctx, rec.id, type === 'DeferralDone' ? 'done' : 'cancelled');
  }
  return ok(view(ctx, r.value.rec, todayOf(ctx)));
}

export const deferralOperations = {
  'deferral:create': define({
    roles: WINDOW_ROLES,
    schema: DeferralCreate,
    run(ctx, actor, input): Reply<Deferral> {
      const { service, store } = ctx;
      const repo = deferralRepoOf(store.db);
      const who = whoOf(actor);
      const ticket = service.findTicket(input.ticketId);
      if (!ticket || !who) return err('UNKNOWN_TICKET', 'no such ticket');
      const window = ticket.windowNo === undefined ? undefined : service.state().windows.get(ticket.windowNo);
      const checked = checkAccept(who, ticket, window, service.matter(input.matterId), input.missing);
      if (!checked.ok) return failWith(checked.error);
      const today = todayOf(ctx);
      // A double press (or a second panel) finds the first record: one 待补齐 per ticket and matter.
      const open = repo.pendingOf(service.hallId, ticket.id, input.matterId);
      if (open) return ok(view(ctx, open, today));
      const rec: DeferralRec = {
        id: randomUUID(),
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        matterId: input.matterId,
        matterName: service.matter(input.matterId)?.name ?? input.matterId,
        missing: checked.value,
        serviceDay: today,
        days: input.days,
        deadline: deadlineOf(today, input.days),
        name: input.name ?? '',
        phone: input.phone ?? '',
        clerkId: who.id,
        windowNo: ticket.windowNo ?? 0,
        createdAt: service.now(),
        status: 'pending',
      };
      store.db.transaction(() => {
        repo.insert(service.hallId, rec);
        service.audit(actor, 'DeferralAccepted', null, audited(rec));
      })();
      announce(ctx, rec.id, 'created');
      return ok(view(ctx, rec, today));
    },
  }),

  /** The 台账, newest first, with the counts over all of it; a clerk finds a citizen who came back. */
  'deferral:list': define({
    roles: WINDOW_ROLES,
    schema: DeferralQuery,
    run(ctx, _actor, input): Reply<DeferralList> {
      const { service, store } = ctx;
      const repo = deferralRepoOf(store.db);
      const today = todayOf(ctx);
      const recs = repo.find(service.hallId, { filter: input.filter ?? 'all', today, q: input.q || undefined, ticketId: input.ticketId, limit: input.limit ?? LIST_LIMIT });
      return ok({ today, items: recs.map((r) => view(ctx, r, today)), counts: repo.counts(service.hallId, today) });
    },
  }),

  'deferral:done': define({
    roles: WINDOW_ROLES,
    schema: DeferralRef,
    run(ctx, actor, input): Reply<Deferral> {
      return closeWith(ctx, actor, input.id, 'DeferralDone', (who, rec) => markDone(who, rec, ctx.service.now()));
    },
  }),

  /** 撤销: a manager any time; the clerk who accepted it on its own service day (rules.ts withdraw). */
  'deferral:cancel': define({
    roles: WINDOW_ROLES,
    schema: DeferralCancel,
    run(ctx, actor, input): Reply<Deferral> {
      return closeWith(ctx, actor, input.id, 'DeferralCancelled', (who, rec) => withdraw(who, rec, input.reason, ctx.service.now(), todayOf(ctx)));
    },
  }),
};

