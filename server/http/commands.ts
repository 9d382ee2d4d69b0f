/**
 * REST routes, each mapped onto an operation (service/registry.ts): the route only gathers the
 * payload from path, query and body.
 */
import type { Request, Router } from 'express';
import type { OpContext } from '../service/operation';
import { invoke, type OperationName } from '../service/registry';
import { actorOf } from './auth';
import { sendReply } from './reply';

type Gather = (req: Request) => unknown;

const body = (req: Request): Record<string, unknown> =>
  req.body !== null && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
const withWindow: Gather = (req) => ({ ...body(req), windowNo: req.params.no });
const windowOnly: Gather = (req) => ({ windowNo: req.params.no });
const ticketOnly: Gather = (req) => ({ ticketId: req.params.id });
const none: Gather = () => ({});
const withId: Gather = (req) => ({ ...body(req), id: req.params.id });

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
  // Extensions: the manager console and today's figures.
  { method: 'get', path: '/stats/today', op: 'stats:today', gather: none },
  { method: 'get', path: '/stats/day', op: 'stats:day', gather: (req) => ({ ...req.query }) },
  { method: 'get', path: '/stats/tickets', op: 'stats:tickets', gather: (req) => ({ ...req.query }) },
  { method: 'get', path: '/stats/range', op: 'stats:range', gather: (req) => ({ ...req.query }) },
  { method: 'get', path: '/admin/settings', op: 'admin:settings:get', gather: none },
  { method: 'put', path: '/admin/settings', op: 'admin:settings', gather: body },
  { method: 'put', path: '/admin/windows/:no', op: 'admin:window', gather: withWindow },
  { method: 'put', path: '/admin/queues/:code', op: 'admin:queue', gather: (req) => ({ ...body(req), code: req.params.code }) },
  { method: 'get', path: '/admin/staff', op: 'admin:staff:list', gather: none },
  { method: 'post', path: '/admin/staff', op: 'admin:staff:create', gather: body, status: 201 },
  { method: 'put', path: '/admin/staff/:id', op: 'admin:staff:update', gather: withId },
  { method: 'put', path: '/admin/matters/:id', op: 'admin:matter', gather: withId },
  { method: 'delete', path: '/admin/matters/:id', op: 'admin:matter:remove', gather: (req) => ({ id: req.params.id }) },
  { method: 'get', path: '/admin/audit', op: 'admin:audit', gather: (req) => ({ ...req.query }) },
  // 语音广播: the walls speak a text now (the `announce` viewer event).
  { method: 'post', path: '/announcements', op: 'announce:send', gather: body, status: 201 },
  // 求助: a clerk calls the duty manager; managers answer and settle (the `assist:changed` staff event).
  { method: 'post', path: '/windows/:no/assist', op: 'assist:raise', gather: withWindow, status: 201 },
  { method: 'get', path: '/assist', op: 'assist:list', gather: (req) => ({ ...req.query }) },
  // 设备状态 (managers): the hall's screens, online or gone.
  { method: 'get', path: '/devices', op: 'devices:list', gather: none },
  { method: 'delete', path: '/devices/:id', op: 'devices:remove', gather: withId },
  { method: 'post', path: '/assist/:id/acknowledge', op: 'assist:acknowledge', gather: withId },
  { method: 'post', path: '/assist/:id/resolve', op: 'assist:resolve', gather: withId },
  { method: 'post', path: '/assist/:id/cancel', op: 'assist:cancel', gather: withId },
  // 容缺受理: accept a matter with 可容缺 materials missing; the 容缺台账 (docs/protocol.md).
  { method: 'post', path: '/deferrals', op: 'deferral:create', gather: body, status: 201 },
  { method: 'get', path: '/deferrals', op: 'deferral:list', gather: (req) => ({ ...req.query }) },
  { method: 'post', path: '/deferrals/:id/done', op: 'deferral:done', gather: withId },
  { method: 'post', path: '/deferrals/:id/cancel', op: 'deferral:cancel', gather: withId },
  // The signed-in person's own panel preferences (自动叫号); the body is the patch itself, checked strictly.
  { method: 'get', path: '/me/prefs', op: 'me:prefs:get', gather: none },
  { method: 'put', path: '/me/prefs', op: 'me:prefs', gather: (req) => req.body as unknown },
  // 历届光荣榜: the record of the 光荣榜 (managers), and the signed-in person's own titles (我的荣誉).
  { method: 'get', path: '/admin/honors/history', op: 'admin:honors:history', gather: none },
  { method: 'get', path: '/admin/care', op: 'admin:care', gather: none },
  { method: 'post', path: '/admin/care', op: 'admin:care:mark', gather: body },
  { method: 'get', path: '/me/honors', op: 'me:honors', gather: none },
  // 疑难问题反映与解答: clerks ask, managers answer and publish as 常见问题 (docs/protocol.md).
  { method: 'post', path: '/questions', op: 'questions:ask', gather: body, status: 201 },
  { method: 'get', path: '/questions', op: 'questions:list', gather: (req) => ({ ...req.query }) },
  { method: 'get', path: '/questions/mine', op: 'questions:mine', gather: none },
  { method: 'post', path: '/questions/mine/seen', op: 'questions:seen', gather: none },
  { method: 'get', path: '/questions/faq', op: 'questions:faq', gather: (req) => ({ ...req.query }) },
  { method: 'post', path: '/questions/:id/answer', op: 'questions:answer', gather: withId },
  { method: 'post', path: '/questions/:id/publish', op: 'questions:publish', gather: withId },
  { method: 'post', path: '/questions/:id/withdraw', op: 'questions:withdraw', gather: withId },
];

export function registerCommandRoutes(router: Router, ctx: OpContext): void {
  for (const r of ROUTES) {
    router[r.method](r.path, async (req, res) => {
      sendReply(res, await invoke(ctx, actorOf(res), r.op, r.gather(req)), r.status);
    });
  }
}
