/**
 * REST for a ticket's 短信提醒 (its holder, anonymous: the ticket id is the secret, as for
 * POST /api/tickets/:id/cancel): GET, PUT {phone}, DELETE /api/tickets/:id/sms.
 * Rate-limited like check-in: unknown ids per address (not a way to search for tickets), and
 * changes per ticket (not a way to text a stranger's number again and again).
 */
import type { Router } from 'express';
import { TicketSmsBody } from '../../shared/citizen';
import { TicketIdParam } from '../../shared/schemas';
import { body, parse } from '../citizen/route-helpers';
import { actorOf } from '../http/auth';
import { sendError, sendReply } from '../http/reply';
import type { Clock } from '../service/clock';
import { FailureLimiter } from '../service/rate-limit';
import type { TicketPhoneService } from './ticket-phone-service';

/** Unknown ticket ids an address may try per ten minutes. */
export const TICKET_SMS_UNKNOWN_MAX = 20;
/** Phone changes (add, replace, remove) one ticket may take per ten minutes. */
export const TICKET_SMS_CHANGES_MAX = 6;
const WINDOW_MS = 10 * 60_000;

export function registerTicketPhoneRoutes(router: Router, phones: TicketPhoneService, clock: Clock): void {
  const unknownIds = new FailureLimiter(TICKET_SMS_UNKNOWN_MAX, WINDOW_MS);
  const changes = new FailureLimiter(TICKET_SMS_CHANGES_MAX, WINDOW_MS);

  router.get('/tickets/:id/sms', (req, res) => {
    const id = parse(TicketIdParam, req.params.id);
    if (!id.ok) return sendError(res, 'UNKNOWN_TICKET', 'no such ticket');
    sendReply(res, phones.get(id.data));
  });

  for (const method of ['put', 'delete'] as const) {
    router[method]('/tickets/:id/sms', (req, res) => {
      const address = req.ip ?? 'unknown';
      const now = clock.now();
      const id = parse(TicketIdParam, req.params.id);
      if (unknownIds.blocked(address, now) || (id.ok && changes.blocked(id.data, now))) {
        return sendError(res, 'RATE_LIMITED', 'too many changes; try again in a few minutes or ask at the guide desk');
      }
      if (!id.ok) {
        unknownIds.fail(address, now);
        return sendError(res, 'UNKNOWN_TICKET', 'no such ticket');
      }
      let r;
      if (method === 'put') {
        const b = parse(TicketSmsBody, body(req));
        if (!b.ok) return sendReply(res, b);
        r = phones.set(actorOf(res), id.data, b.data.phone);
      } else {
        r = phones.remove(actorOf(res), id.data);
      }
      if (!r.ok && r.error.code === 'UNKNOWN_TICKET') unknownIds.fail(address, now);
      if (r.ok) changes.fail(id.data, now);
      sendReply(res, r);
    });
  }
}
