/**
 * 转办交接's limit as a plain constant, so the clerk panel's transfer dialog can count the
 * characters of a 转办说明 without carrying zod (shared/schemas.ts builds TransferBody from it and
 * re-exports it).
 */

/** At most this many characters in a 转办说明 (a line or two for the next window, not a case file). */
export const HANDOVER_NOTE_MAX = 200;
