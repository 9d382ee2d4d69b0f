/**
 * 扫码取号 (a number taken on the citizen's own phone, channel `mobile`): the texted code that
 * confirms the phone (扫码取号需验证手机号) and the code of the kiosk screen's QR (场内扫码取号),
 * and the ticket body a phone sends with them. zod schemas; the types are inferred from them.
 */
import { z } from 'zod';
import { Phone } from './citizen';
import { ONSITE_CODE_PATTERN } from './onsiteCodePattern';
import { IssueTicketBody } from './schemas';

/** The code texted to a phone: 6 digits. */
export const PhoneCode = z.string().regex(/^\d{6}$/, 'the code has 6 digits');

/** POST /api/mobile/code: text a code to this phone. */
export const PhoneCodeBody = z.object({ phone: Phone });
export type PhoneCodeBody = z.infer<typeof PhoneCodeBody>;

/** The answer: where it went (masked) and when the phone may ask again. */
export const PhoneCodeSent = z.object({
  phone: z.string(),
  /** Seconds the code stays valid. */
  validSeconds: z.number().int(),
  /** Seconds before another code may be asked for this phone. */
  resendSeconds: z.number().int(),
});
export type PhoneCodeSent = z.infer<typeof PhoneCodeSent>;

// The pattern is in a zod-free file so the kiosk app reads a scanned code without loading zod.
export { ONSITE_CODE_PATTERN };
export const OnsiteCodeText = z.string().regex(ONSITE_CODE_PATTERN, 'not a code of the hall\'s QR');

/**
 * GET /api/mobile/onsite-code (kiosks signed in as devices, guides, managers; anyone while the hall
 * has public ticketing on): the QR a kiosk's screen shows while `mobileOnSite` is on.
 */
export const OnsiteCode = z.object({
  code: OnsiteCodeText,
  /** What the QR carries: the hall's phone ticketing address with the code (`…/m?c=<code>`). */
  url: z.string(),
  /** Show the next one after this many seconds. */
  rotatesInSeconds: z.number().int().min(0),
  /** A phone that scans it now may take a number for this many seconds. */
  validSeconds: z.number().int().min(0),
});
export type OnsiteCode = z.infer<typeof OnsiteCode>;

/**
 * POST /api/tickets from a phone (channel `mobile`): the ticket body plus, while the hall has
 * `mobileVerify` on, the phone and the code texted to it, and while it has `mobileOnSite` on, the
 * code of the QR scanned in the hall (`onsite`). Other channels ignore them.
 */
export const MobileIssueBody = IssueTicketBody.extend({ phone: Phone.optional(), code: PhoneCode.optional(), onsite: OnsiteCodeText.optional() });
export type MobileIssueBody = z.infer<typeof MobileIssueBody>;
