/**
 * REST for 短信提醒 (managers): the recent messages with their gateway, a retry of a failed one,
 * and 求助短信's duty phones and minutes.
 */
import type { Router } from 'express';
import { z } from 'zod';
import { AssistSmsSettings } from '../../shared/admin';
import { SmsQuery, SmsReceiptsBody } from '../../shared/notify';
import { allowed, body, parse, sameKey } from '../citizen/route-helpers';
import { actorOf } from '../http/auth';
import { sendError, sendReply } from '../http/reply';
import type { AssistSms } from './assist-sms';
import type { NotifyService } from './notify-service';

const MessageId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** `receiptKey`: the SMS platform's key for 短信回执 (X-Receipt-Key); unset: the route is off. */
export function registerSmsRoutes(router: Router, notify: NotifyService, assist: AssistSms, receiptKey?: string): void {
  router.post('/sms/receipts', (req, res) => {
    if (!receiptKey) return sendError(res, 'NOT_FOUND', 'SMS receipts are off: SMS_RECEIPT_KEY is not set');
    const key = req.get('X-Receipt-Key');
    if (!key || !sameKey(key, receiptKey)) return sendError(res, 'UNAUTHORIZED', 'receipts need the SMS platform key (X-Receipt-Key)');
    const v = parse(SmsReceiptsBody, body(req));
    if (!v.ok) return sendReply(res, v);
    sendReply(res, notify.receipts(v.data.receipts));
  });
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
