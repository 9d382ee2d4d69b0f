/**
 * REST for 场内扫码取号: GET /api/mobile/onsite-code, the QR a kiosk's screen shows. Only screens
 * inside the hall may read it — kiosks signed in as devices, the guide desk, managers — or anyone
 * while the hall has public ticketing on (then a kiosk need not sign in, and its page is open to
 * all anyway). Thin: the role, then the service.
 */
import type { Router } from 'express';
import { actorOf } from '../http/auth';
import { mobileTicketingUrl } from '../http/poster';
import { sendError, sendReply } from '../http/reply';
import { hasRole } from '../service/actor';
import type { OnsiteService } from './onsite-service';

export interface OnsiteRouteDeps {
  onsite: OnsiteService;
  publicTicketing: () => boolean;
  /** The hall's public base URL ('' when not set). */
  publicBase: () => string;
}

export function registerOnsiteRoutes(router: Router, { onsite, publicTicketing, publicBase }: OnsiteRouteDeps): void {
  router.get('/mobile/onsite-code', (req, res) => {
    const actor = actorOf(res);
    if (!publicTicketing() && !hasRole(actor, ['kiosk', 'guide', 'manager'])) {
      return sendError(res, actor.kind === 'user' ? 'FORBIDDEN' : 'UNAUTHORIZED', "only the hall's kiosks show this code: sign in as the kiosk");
    }
    res.setHeader('Cache-Control', 'no-store');
    sendReply(res, onsite.current(mobileTicketingUrl(publicBase(), req)));
  });
}
