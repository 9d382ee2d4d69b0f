/**
 * 自助机呼叫工作人员 over REST (docs/protocol.md): other vendors' kiosks raise and withdraw their
 * call and poll it; guides and managers list, answer and settle. The routes only gather the payload.
 */
import type { Router } from 'express';
import { actorOf } from '../http/auth';
import { sendReply } from '../http/reply';
import type { KioskHelp } from './kiosk-help-service';

const bodyOf = (b: unknown): Record<string, unknown> => (b !== null && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {});

export function registerKioskHelpRoutes(router: Router, help: KioskHelp): void {
  router.post('/kiosk-help', (req, res) => sendReply(res, help.raise(actorOf(res), bodyOf(req.body)), 201));
  router.get('/kiosk-help', (req, res) => sendReply(res, help.list(actorOf(res), { ...req.query })));
  // A kiosk polls its own call (no socket): 204 when it has none live.
  router.get('/kiosk-help/mine', (req, res) => {
    const kioskId = typeof req.query.kioskId === 'string' ? req.query.kioskId : '';
    const actor = actorOf(res);
    const allowed = actor.kind === 'user' ? actor.role === 'kiosk' : true;
    if (!allowed) return sendReply(res, { ok: false, error: { code: 'FORBIDDEN', message: 'only a kiosk asks for its own call' } });
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(kioskId)) return sendReply(res, { ok: false, error: { code: 'BAD_REQUEST', message: 'kioskId: a kiosk id is required' } });
    sendReply(res, { ok: true, data: help.mine(kioskId) });
  });
  router.post('/kiosk-help/:id/acknowledge', (req, res) => sendReply(res, help.acknowledge(actorOf(res), { id: req.params.id })));
  router.post('/kiosk-help/:id/resolve', (req, res) => sendReply(res, help.resolve(actorOf(res), { id: req.params.id })));
  router.post('/kiosk-help/:id/cancel', (req, res) => sendReply(res, help.cancel(actorOf(res), { ...bodyOf(req.body), id: req.params.id })));
}
