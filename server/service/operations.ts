/** The contract's commands: tickets and windows (see operation.ts for the shape). */
import { randomBytes } from 'node:crypto';
import type { Reply } from '../../shared/errors';
import { MobileIssueBody } from '../../shared/mobile';
import {
  MappingCommand,
  NextCommand,
  PauseCommand,
  SpecialCallCommand,
  TicketRef,
  TransferCommand,
  WindowRef,
  type Priority,
  type Role,
  type Ticket,
  type TicketDetail,
  type Window,
} from '../../shared/schemas';
import { ticketIdOf, type Command, type DomainEvent } from '../domain';
import { actorId, hasRole, type Actor } from './actor';
import { err, ok } from './errors';
import type { Executed, HallService } from './hall-service';
import { define } from './operation';

const WINDOW_ROLES: readonly Role[] = ['clerk', 'manager'];
const STAFF: readonly Role[] = ['clerk', 'manager', 'guide'];

/** Ticket ids are the phone page's only secret: 128 random bits. */
export function newTicketId(): string {
  return randomBytes(16).toString('base64url');
}

function userId(actor: Actor): string {
  return actor.kind === 'user' ? actor.id : '';
}

type WindowCommand = Extract<Command, { windowNo: number; clerkId: string }>;

function lastTicketEvent(events: DomainEvent[], type?: DomainEvent['type']): string | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (type && e.type !== type) continue;
    const id = ticketIdOf(e);
    if (id) return id;
  }
  return undefined;
}

/** Runs a command at a window and answers with the ticket it acted on. */
function ticketCommand(service: HallService, actor: Actor, cmd: WindowCommand, pick?: DomainEvent['type']): Reply<TicketDetail> {
  const r = service.execute(actor, cmd);
  if (!r.ok) return r;
  const id = lastTicketEvent(r.data.events, pick) ?? service.state().windows.get(cmd.windowNo)?.currentTicketId;
  const t = id ? service.findTicket(id) : undefined;
  return t ? ok(service.ticketDetail(t)) : err('NO_CURRENT_TICKET', `window ${cmd.windowNo} has no ticket in service`);
}

function windowCommand(service: HallService, actor: Actor, cmd: Command & { windowNo: number }): Reply<Window> {
  const r = service.execute(actor, cmd);
  if (!r.ok) return r;
  const w = service.windowView(cmd.windowNo);
  return w ? ok(w) : err('UNKNOWN_WINDOW', `window ${cmd.windowNo} does not exist`);
}

function ticketOf(service: HallService, actor: Actor, id: string): Reply<Ticket | TicketDetail> {
  const t = service.findTicket(id);
  if (!t) return err('UNKNOWN_TICKET', 'no such ticket');
  return ok(hasRole(actor, STAFF) ? service.ticketDetail(t) : service.ticketView(t));
}

export const hallOperations = {
  'ticket:issue': define({
    roles: 'anyone',
    // IssueTicketBody plus a phone ticket's mobile number and texted code (扫码取号需验证手机号).
    schema: MobileIssueBody,
    run({ service, mobile, onsite, idCard }, actor, input): Reply<TicketDetail> {
      const staffIssuer = hasRole(actor, ['guide', 'manager']);
      const channel = input.channel ?? (hasRole(actor, ['guide']) ? 'guide' : 'kiosk');
      // A phone ticket with a verified number needs no device sign-in: the number is who asks, and
      // the per-phone limit binds it (so a hall may keep anonymous kiosk tickets off and phones on).
      const verified = channel === 'mobile' && mobile !== undefined && mobile.required();
      if (!hasRole(actor, ['kiosk', 'guide', 'manager']) && !service.state().settings.publicTicketing && !verified) {
        return err('UNAUTHORIZED', 'this hall issues tickets only at kiosks and the guide desk');
      }
      if (channel === 'appointment' && !staffIssuer) return err('FORBIDDEN', 'appointments are checked in by staff or the kiosk check-in');
      // A guide ticket tells the clerk "checked at the guide desk" and counts in the guide figures.
      if (channel === 'guide' && !staffIssuer) return err('FORBIDDEN', 'only the guide desk issues guide tickets');
      const matters = input.matters ?? [];
      const unknown = matters.find((m) => !service.matter(m));
      if (unknown) return err('BAD_REQUEST', `unknown matter ${unknown}`);
      // A retry (same request id from the same caller) gets the ticket of the first try, as it is now.
      const scope = `issue:${actorId(actor)}`;
      if (input.requestId) {
        const before = service.rememberedReply(scope, input.requestId) as Reply<TicketDetail> | undefined;
        if (before !== undefined) {
          const t = before.ok ? service.findTicket(before.data.id) : undefined;
          return t ? ok(service.ticketDetail(t)) : before;
        }
      }
      // 场内扫码取号: a phone (not a signed-in kiosk or the desk) brings the code of the QR it scanned in the hall.
      if (channel === 'mobile' && onsite?.required() && !hasRole(actor, ['kiosk', 'guide', 'manager'])) {
        const here = onsite.check(input.onsite);
        if (!here.ok) return here;
      }
      const id = newTicketId();
      const answer = (): Reply<TicketDetail> => ok(service.ticketDetail(service.findTicket(id)!));
      // 实名取号 may raise the priority (老年人优先): the priority is the guard's to give.
      const issue = (priority: Priority | undefined): Reply<TicketDetail> => {
        const r = service.execute(
          actor,
          {
            type: 'issueTicket',
            id,
            queue: input.queue,
            priority,
            channel,
            matters,
            // Like the note, the materials check is the guide desk's word: from anyone else it is dropped.
            note: staffIssuer ? input.note : undefined,
            checklist: staffIssuer ? input.checklist : undefined,
            // 取号时间 and 停止取号 bind kiosks and phones; a guide or manager decides at the desk.
            byStaff: staffIssuer,
          },
          input.requestId ? { remember: { scope, requestId: input.requestId, reply: answer } } : {},
        );
        return r.ok ? answer() : r;
      };
      const viaPhone = (priority: Priority | undefined): Reply<TicketDetail> => (verified ? mobile.issue(actor, input, () => issue(priority)) : issue(priority));
      if (!idCard) return input.idCard === undefined ? viaPhone(input.priority) : err('INVALID_STATE', 'this server takes no ID cards');
      return idCard.issue(actor, { queue: input.queue, channel, priority: input.priority, idCard: input.idCard }, viaPhone);
    },
  }),

  'ticket:get': define({
    roles: 'anyone',
    schema: TicketRef,
    run: ({ service }, actor, input) => ticketOf(service, actor, input.ticketId),
  }),

  'ticket:reinstate': define({
    roles: WINDOW_ROLES,
    schema: TicketRef,
    run({ service }, actor, input): Reply<TicketDetail> {
      const r = service.execute(actor, { type: 'reinstate', ticketId: input.ticketId });
      if (!r.ok) return r;
      return ok(service.ticketDetail(service.findTicket(input.ticketId)!));
    },
  }),

  'ticket:cancel': define({
    roles: 'anyone',
    schema: TicketRef,
    run({ service }, actor, input): Reply<Ticket> {
      const staff = hasRole(actor, STAFF);
      const r = service.execute(actor, { type: 'cancel', ticketId: input.ticketId, by: staff ? 'staff' : 'holder' });
      if (!r.ok) return r;
      const t = service.findTicket(input.ticketId)!;
      return ok(staff ? service.ticketDetail(t) : service.ticketView(t));
    },
  }),

  'window:signIn': define({
    roles: WINDOW_ROLES,
    schema: WindowRef,
    run: ({ service }, actor, input) => windowCommand(service, actor, { type: 'signIn', windowNo: input.windowNo, clerkId: userId(actor) }),
  }),

  'window:signOut': define({
    roles: WINDOW_ROLES,
    schema: WindowRef,
    run: ({ service }, actor, input) =>
      windowCommand(service, actor, { type: 'signOut', windowNo: input.windowNo, clerkId: userId(actor), force: hasRole(actor, ['manager']) }),
  }),

  'window:next': define({
    roles: WINDOW_ROLES,
    schema: NextCommand,
    run({ service }, actor, input): Reply<TicketDetail | null> {
      const cmd: Command = { type: 'next', windowNo: input.windowNo, clerkId: userId(actor), ifIdle: input.ifIdle, auto: input.auto };
      const answer = (x: Executed): Reply<TicketDetail | null> => {
        const id = lastTicketEvent(x.events, 'TicketCalled');
        const t = id ? service.findTicket(id) : undefined;
        return ok(t ? service.ticketDetail(t) : null);
      };
      if (!input.requestId) {
        const r = service.execute(actor, cmd);
        return r.ok ? answer(r.data) : r;
      }
      // A retried press (same request id) gets the first answer and changes nothing.
      const scope = `window:${input.windowNo}`;
      const before = service.rememberedReply(scope, input.requestId);
      if (before !== undefined) return before as Reply<TicketDetail | null>;
      const r = service.execute(actor, cmd, { remember: { scope, requestId: input.requestId, reply: answer } });
      if (!r.ok) return r;
      return 'reply' in r ? r.reply : answer(r.data);
    },
  }),

  'window:recall': define({
    roles: WINDOW_ROLES,
    schema: WindowRef,
    run: ({ service }, actor, input) => ticketCommand(service, actor, { type: 'recall', windowNo: input.windowNo, clerkId: userId(actor) }),
  }),

  'window:noShow': define({
    roles: WINDOW_ROLES,
    schema: WindowRef,
    run: ({ service }, actor, input) => ticketCommand(service, actor, { type: 'noShow', windowNo: input.windowNo, clerkId: userId(actor) }),
  }),

  'window:start': define({
    roles: WINDOW_ROLES,
    schema: WindowRef,
    run: ({ service }, actor, input) => ticketCommand(service, actor, { type: 'start', windowNo: input.windowNo, clerkId: userId(actor) }),
  }),

  'window:complete': define({
    roles: WINDOW_ROLES,
    schema: WindowRef,
    run: ({ service }, actor, input) => ticketCommand(service, actor, { type: 'complete', windowNo: input.windowNo, clerkId: userId(actor) }),
  }),

  'window:transfer': define({
    roles: WINDOW_ROLES,
    schema: TransferCommand,
    run: ({ service }, actor, input) =>
      ticketCommand(service, actor, {
        type: 'transfer',
        windowNo: input.windowNo,
        clerkId: userId(actor),
        queue: input.queue,
        checklist: input.checklist,
        note: input.note,
      }),
  }),

  'window:call': define({
    roles: WINDOW_ROLES,
    schema: SpecialCallCommand,
    run: ({ service }, actor, input) =>
      ticketCommand(service, actor, { type: 'specialCall', windowNo: input.windowNo, clerkId: userId(actor), number: input.number }, 'TicketCalled'),
  }),

  'window:pause': define({
    roles: WINDOW_ROLES,
    schema: PauseCommand,
    run: ({ service }, actor, input) =>
      windowCommand(service, actor, { type: 'pause', windowNo: input.windowNo, clerkId: userId(actor), reason: input.reason }),
  }),

  'window:resume': define({
    roles: WINDOW_ROLES,
    schema: WindowRef,
    run: ({ service }, actor, input) => windowCommand(service, actor, { type: 'resume', windowNo: input.windowNo, clerkId: userId(actor) }),
  }),

  'window:mapping': define({
    roles: ['manager'],
    schema: MappingCommand,
    run: ({ service }, actor, input) => windowCommand(service, actor, { type: 'setMapping', windowNo: input.windowNo, mapping: input.mapping }),
  }),
};
