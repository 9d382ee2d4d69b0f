/** REST for 好差评推送 (managers): the platform's state and latest reports, and 重推 of a refused one. */
import type { Router } from 'express';
import { z } from 'zod';
import { allowed } from '../citizen/route-helpers';
import { actorOf } from '../http/auth';
import { sendError, sendReply } from '../http/reply';
import type { RatingPushService } from './rating-push-service';

const ReportId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export function registerRatingPushRoutes(router: Router, pushes: RatingPushService): void {
  router.get('/ratings/push', (_req, res) => {
    if (!allowed(res, ['manager'])) return;
    sendReply(res, pushes.state());
  });
  router.post('/ratings/push/:id/retry', (req, res) => {
    if (!allowed(res, ['manager'])) return;
    const id = ReportId.safeParse(req.params.id);
    if (!id.success) return sendError(res, 'NOT_FOUND', 'no such report');
    sendReply(res, pushes.retry(actorOf(res), id.data));
  });
}
