/**
 * The code of the kiosk screen's QR (场内扫码取号): `<minute, base 36>-<signature>`. Alone and
 * without zod, so the kiosk app (扫码取号 on a phone) checks a scanned code without the schema
 * library; shared/mobile.ts builds OnsiteCodeText on it and re-exports it.
 */
export const ONSITE_CODE_PATTERN = /^[0-9a-z]{1,11}-[0-9a-f]{10}$/;
