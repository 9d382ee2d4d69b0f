/**
 * The contract's REST commands, each mapped onto an operation (service/operations.ts):
 * the route only gathers the payload from path and body.
 */
import type { Request, Router } from 'express';
import { invoke, type OperationName } from '../service/operations';
import type { HallService } from '../service/hall-service';
import { actorOf } from './auth';
import { sendReply } from './reply';

type Gather = (req: Request) => unknown;

const body = (req: Request): Record<string, unknown> =>
  req.body !== null && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
const withWindow: Gather = (req) => ({ ...body(req), windowNo: req.params.no });
const windowOnly: Gather = (req) => ({ windowNo: req.params.no });
const ticketOnly: Gather = (req) => ({ ticketId: req.params.id });

const ROUTES: { method: 'get' | 'post' | 'put' | 'delete'; path: string; op: OperationName; gather: Gather; status?: number }[] = [
  { method: 'post', path: '/tickets', op: 'ticket:issue', gather: body, status: 201 },
  { method: 'get', path: '/tickets/:id', op: 'ticket:get', gather: ticketOnly },
  { method: 'post', path: '/tickets/:id/reinstate', op: 'ticket:reinstate', gather: ticketOnly },
  { method: 'post', path: '/tickets/:id/cancel', op: 'ticket:cancel', gather: ticketOnly },
  { method: 'post', path: '/windows/:no/session', op: 'window:signIn', gather: windowOnly },
  { method: 'delete', path: '/windows/:no/session', op: 'window:signOut', gather: windowOnly },
  { method: 'post', path: '/windows/:no/next', op: 'window:next', gather: withWindow },
  { method: 'post', path: '/windows/:no/recall', op: 'window:recall', gather: windowOnly },
  { method: 'post', path: '/windows/:no/no-show', op: 'window:noShow', gather: windowOnly },
  { method: 'post', path: '/windows/:no/start', op: 'window:start', gather: windowOnly },
  { method: 'post', path: '/windows/:no/complete', op: 'window:complete', gather: windowOnly },
  { method: 'post', path: '/windows/:no/transfer', op: 'window:transfer', gather: withWindow },
  { method: 'post', path: '/windows/:no/call', op: 'window:call', gather: withWindow },
  { method: 'post', path: '/windows/:no/pause', op: 'window:pause', gather: withWindow },
  { method: 'post', path: '/windows/:no/resume', op: 'window:resume', gather: windowOnly },
  // The contract's body is the bare array of mapping entries.
  { method: 'put', path: '/windows/:no/mapping', op: 'window:mapping', gather: (req) => ({ windowNo: req.params.no, mapping: req.body as unknown }) },
];

export function registerCommandRoutes(router: Router, service: HallService): void {
  for (const r of ROUTES) {
    router[r.method](r.path, (req, res) => {
      sendReply(res, invoke(service, actorOf(res), r.op, r.gather(req)), r.status);
    });
  }
}
