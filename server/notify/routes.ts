/**
 * REST for 短信提醒 (managers): the recent messages with their gateway, a retry of a failed one,
 * and 求助短信's duty phones and minutes.
 */
import type { Router } from 'express';
import { z } from 'zod';
import { AssistSmsSettings } from '../../shared/admin';
import { SmsQuery } from '../../shared/notify';
import { allowed, body, parse } from '../citizen/route-helpers';
import { actorOf } from '../http/auth';
import { sendError, sendReply } from '../http/reply';
import type { AssistSms } from './assist-sms';
import type { NotifyService } from './notify-service';

const MessageId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export function registerSmsRoutes(router: Router, notify: NotifyService, assist: AssistSms): void {
  router.get('/sms/assist', (_req, res) => {
    if (!allowed(res, ['manager'])) return;
    sendReply(res, assist.settings());
  });
  router.put('/sms/assist', (req, res) => {
    if (!allowed(res, ['manager'])) return;
    const v = parse(AssistSmsSettings, body(req));
    if (!v.ok) return sendReply(res, v);
    sendReply(res, assist.update(actorOf(res), v.data));
  });
  router.get('/sms', (req, res) => {
    if (!allowed(res, ['manager'])) return;
    const q = parse(SmsQuery, req.query);
    if (!q.ok) return sendReply(res, q);
    sendReply(res, notify.list(q.data));
  });
  router.post('/sms/:id/retry', (req, res) => {
    if (!allowed(res, ['manager'])) return;
    const id = MessageId.safeParse(req.params.id);
    if (!id.success) return sendError(res, 'NOT_FOUND', 'no such message');
    sendReply(res, notify.retry(actorOf(res), id.data));
  });
}
