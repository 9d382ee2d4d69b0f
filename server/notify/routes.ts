/** REST for 短信提醒 (managers): the recent messages with their gateway, and a retry of a failed one. */
import type { Router } from 'express';
import { z } from 'zod';
import { SmsQuery } from '../../shared/notify';
import { allowed, parse } from '../citizen/route-helpers';
import { actorOf } from '../http/auth';
import { sendError, sendReply } from '../http/reply';
import type { NotifyService } from './notify-service';

const MessageId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export function registerSmsRoutes(router: Router, notify: NotifyService): void {
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
