/**
 * A mainland mobile number as a plain pattern, so the phone page and the kiosk can check a typed
 * number before sending it without carrying zod (shared/citizen.ts builds its Phone schema from it).
 */
export const MOBILE_NUMBER = /^1[3-9]\d{9}$/;

/** The kiosk and the phone page check a typed number with this before sending it. */
export function isMobile(phone: string): boolean {
  return MOBILE_NUMBER.test(phone);
}
