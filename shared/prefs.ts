/**
 * A staff member's own panel preferences, kept on the server per account (`GET/PUT /api/me/prefs`,
 * Socket.IO `me:prefs:get` / `me:prefs`), so a way of working follows the person from PC to PC.
 * What belongs to a machine (the keys of the keypad plugged in there, the break reminder) stays on
 * that machine (counter/src/clerk/prefs.ts).
 *
 * Strict on purpose, unlike the contract's commands: an unknown field is refused (BAD_REQUEST), not
 * dropped. These are stored and read back as the clerk's settings; a field silently dropped would
 * be a setting the clerk believes saved and that is gone at the next PC.
 */
import { z } from 'zod';
import { AUTO_CALL_SECONDS } from './prefsValues';

export { AUTO_CALL_SECONDS, DEFAULT_AUTO_CALL } from './prefsValues';

/** 自动叫号 (counter/src/clerk/logic/autoCall.ts runs it). */
export const AutoCallPrefs = z.strictObject({
  /** 完成后自动叫下一位. */
  afterDone: z.boolean(),
  /** 空闲时自动叫号 (when the server prompts this window). */
  whenPrompted: z.boolean(),
  /** Length of the countdown, seconds: one of AUTO_CALL_SECONDS. */
  seconds: z
    .number()
    .int()
    .refine((s) => (AUTO_CALL_SECONDS as readonly number[]).includes(s), `must be one of ${AUTO_CALL_SECONDS.join(', ')}`),
});
export type AutoCallPrefs = z.infer<typeof AutoCallPrefs>;

/**
 * One account's preferences, a group per feature. A group is absent until first saved, so a panel
 * can tell "never set" (and bring over what an older version kept on the PC) from "set to off".
 */
export const MyPrefs = z.strictObject({
  autoCall: AutoCallPrefs.optional(),
});
export type MyPrefs = z.infer<typeof MyPrefs>;

/** A save: each group given replaces the stored one whole; groups not given are kept. */
export const MyPrefsPatch = MyPrefs;
export type MyPrefsPatch = z.infer<typeof MyPrefsPatch>;
