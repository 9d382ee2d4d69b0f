/** REST for 排队预警 (managers): its settings, and today's last alert per queue for the board. */
import type { Router } from 'express';
import { QueueAlertSettings } from '../../shared/queueAlert';
import { allowed, body, parse } from '../citizen/route-helpers';
import { actorOf } from '../http/auth';
import { sendReply } from '../http/reply';
import type { QueueAlerts } from './queue-alerts';

export function registerQueueAlertRoutes(router: Router, alerts: QueueAlerts): void {
  router.get('/sms/queue', (_req, res) => {
    if (!allowed(res, ['manager'])) return;
    sendReply(res, alerts.settings());
  });
  router.put('/sms/queue', (req, res) => {
    if (!allowed(res, ['manager'])) return;
    const v = parse(QueueAlertSettings, body(req));
    if (!v.ok) return sendReply(res, v);
    sendReply(res, alerts.update(actorOf(res), v.data));
  });
  router.get('/sms/queue/alerts', (_req, res) => {
    if (!allowed(res, ['manager'])) return;
    sendReply(res, alerts.marks());
  });
}
