/**
 * 场内扫码取号 (动态二维码), pure: the code a kiosk's screen shows now, and whether a code a phone
 * brings still lets it take a number. The code changes every minute and is signed with the
 * hall's key, so a photo of it sent out of the hall, or a poster's fixed address, is good for a
 * few minutes only: long enough to choose a service on the phone, too short to resell.
 * Key, hall, code and time in, a code or a verdict out; tested with tables in
 * test/citizen/onsiteRules.test.ts.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ONSITE_CODE_PATTERN } from '../../shared/mobile';

/** A new code each minute. */
export const ONSITE_ROTATE_MS = 60_000;
/** A code is taken for this long after its minute on the screen ended. */
export const ONSITE_GRACE_MS = 10 * 60_000;
/** Hex digits of the signature in a code (40 bits: a guess is hopeless within the grace). */
const SIG_HEX = 10;


const signature = (key: string, hallId: string, slot: number): string =>
  createHmac('sha256', key).update(`onsite:${hallId}:${slot}`).digest('hex').slice(0, SIG_HEX);

const slotOf = (now: number): number => Math.floor(now / ONSITE_ROTATE_MS);

export interface OnsiteCodeNow {
  /** `<minute in base 36>-<signature>`, e.g. `t4ky3s-3fa9c0d1e2`: short, so the QR stays coarse enough for a cheap phone. */
  code: string;
  /** When the screen should show the next one (epoch ms). */
  rotatesAt: number;
  /** Until when this code is taken (epoch ms). */
  validUntil: number;
}

/** The code to show at `now`. */
export function onsiteCodeAt(key: string, hallId: string, now: number): OnsiteCodeNow {
  const slot = slotOf(now);
  const rotatesAt = (slot + 1) * ONSITE_ROTATE_MS;
  return { code: `${slot.toString(36)}-${signature(key, hallId, slot)}`, rotatesAt, validUntil: rotatesAt + ONSITE_GRACE_MS };
}

export type OnsiteVerdict = 'ok' | 'expired' | 'invalid';

/**
 * Does `code` let a phone take a number at `now`? `invalid`: not a code of this hall (malformed,
 * a wrong signature, a minute still to come); `expired`: a real one whose time is over — the
 * phone is told to scan the screen again.
 */
export function checkOnsiteCode(key: string, hallId: string, code: string, now: number): OnsiteVerdict {
  if (!ONSITE_CODE_PATTERN.test(code)) return 'invalid';
  const [slotText, sig] = code.split('-') as [string, string];
  const slot = parseInt(slotText, 36);
  if (!Number.isSafeInteger(slot) || slot > slotOf(now)) return 'invalid';
  const want = Buffer.from(signature(key, hallId, slot));
  if (!timingSafeEqual(want, Buffer.from(sig))) return 'invalid';
  return now < (slot + 1) * ONSITE_ROTATE_MS + ONSITE_GRACE_MS ? 'ok' : 'expired';
}
