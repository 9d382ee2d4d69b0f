/**
 * An operation is one command of the API, defined once: who may call it, the schema of its
 * payload, and what it does. REST routes and Socket.IO events both dispatch to operations, so
 * neither transport holds rules.
 */
import type { z } from 'zod';
import type { Reply } from '../../shared/errors';
import type { Channel, Priority, Role, TicketDetail } from '../../shared/schemas';
import type { DeviceRegistry } from '../devices/registry';
import type { RangeRunner } from '../stats/range-runner';
import type { Store } from '../store';
import { hasRole, type Actor } from './actor';
import { err } from './errors';
import type { HallService } from './hall-service';

/**
 * 扫码取号需验证手机号 (server/notify/phone-verify-service.ts): whether phone tickets need a
 * verified number now, and the issue that checks it in the same transaction.
 */
export interface MobileIssueGuard {
  required(): boolean;
  issue(actor: Actor, input: { queue: string; phone?: string | undefined; code?: string | undefined }, issue: () => Reply<TicketDetail>): Reply<TicketDetail>;
}

/** 场内扫码取号 (server/citizen/onsite-service.ts): whether phone tickets need the code of the hall's QR now, and its check. */
export interface OnsiteGuard {
  required(): boolean;
  check(code: string | undefined): Reply<true>;
}

/** What the issue request brings that 实名取号 looks at. */
export interface IdCardIssue {
  queue: string;
  channel: Channel;
  priority?: Priority | undefined;
  idCard?: string | undefined;
}

/** Issues the ticket with the priority 实名取号 decided (the operation's own issue). */
export type IssueWith = (priority: Priority | undefined) => Reply<TicketDetail>;

/** 实名取号 (server/citizen/idcard-service.ts): checks the card, counts its numbers, picks 老年人优先, issues with `issue`. */
export interface IdCardGuard {
  issue(actor: Actor, input: IdCardIssue, issue: IssueWith): Reply<TicketDetail>;
}

export interface OpContext {
  service: HallService;
  store: Store;
  /** Absent: phone tickets are never verified (a server built without SMS). */
  mobile?: MobileIssueGuard | undefined;
  /** Absent: phone tickets never need the hall's QR code. */
  onsite?: OnsiteGuard | undefined;
  /** Absent: no 实名取号 (a ticket request with an ID card is refused). */
  idCard?: IdCardGuard | undefined;
  /** 设备状态: the screens connected now (absent: nobody keeps track). */
  devices?: DeviceRegistry | undefined;
  /** Where stats:range is computed (a worker thread on a file database); absent: inline on this thread. */
  ranges?: RangeRunner | undefined;
}

export interface Operation<S extends z.ZodType, R> {
  /** Who may call it; the run function may narrow further (e.g. public ticketing). */
  roles: readonly Role[] | 'anyone';
  schema: S;
  run(ctx: OpContext, actor: Actor, input: z.infer<S>): Reply<R> | Promise<Reply<R>>;
}

export const define = <S extends z.ZodType, R>(op: Operation<S, R>): Operation<S, R> => op;

/** Validates, checks the role, runs. Never throws for bad input. */
export async function runOperation(op: Operation<z.ZodType, unknown>, ctx: OpContext, actor: Actor, payload: unknown): Promise<Reply<unknown>> {
  if (op.roles !== 'anyone') {
    if (actor.kind !== 'user') return err('UNAUTHORIZED', 'sign in first');
    if (!hasRole(actor, op.roles)) return err('FORBIDDEN', 'your role may not do this');
  }
  const parsed = op.schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err('BAD_REQUEST', issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'invalid payload');
  }
  return op.run(ctx, actor, parsed.data);
}
