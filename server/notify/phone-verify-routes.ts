/**
 * REST for 扫码取号需验证手机号: POST /api/mobile/code {phone} texts a code to the phone (anyone:
 * the citizen's own phone, before it has a ticket). Throttled per phone by the rules (once a
 * minute, five an hour) and per address here, so one device cannot text a string of strangers.
 */
import type { Router } from 'express';
import { PhoneCodeBody } from '../../shared/mobile';
import { body, parse } from '../citizen/route-helpers';
import { sendError, sendReply } from '../http/reply';
import type { Clock } from '../service/clock';
import { FailureLimiter } from '../service/rate-limit';
import type { PhoneVerifyService } from './phone-verify-service';

/** Codes one address may have sent per hour (a family, a hall's shared Wi-Fi behind one address). */
export const PHONE_CODES_PER_ADDRESS = 30;

export function registerPhoneVerifyRoutes(router: Router, verify: PhoneVerifyService, clock: Clock): void {
  const perAddress = new FailureLimiter(PHONE_CODES_PER_ADDRESS, 60 * 60_000);
  router.post('/mobile/code', (req, res) => {
    const address = req.ip ?? 'unknown';
    const now = clock.now();
    if (perAddress.blocked(address, now)) return sendError(res, 'RATE_LIMITED', 'too many codes from this address: try again later or take a number at a kiosk');
    const b = parse(PhoneCodeBody, body(req));
    if (!b.ok) return sendReply(res, b);
    const r = verify.requestCode(b.data.phone);
    if (r.ok) perAddress.fail(address, now);
    sendReply(res, r);
  });
}
