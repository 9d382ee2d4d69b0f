/**
 * The constants of shared/prefs.ts without zod, so the clerk panel's bundle can use them without
 * carrying the schema library (the server validates; the panel only offers these values).
 */
import type { AutoCallPrefs } from './prefs';

/** The 自动叫号 countdown lengths offered (short ones for a clerk who wants it brisk, and for tests). */
export const AUTO_CALL_SECONDS = [2, 3, 5, 8, 10, 15, 20, 30] as const;

/** Off until the clerk turns it on. */
export const DEFAULT_AUTO_CALL: AutoCallPrefs = { afterDone: false, whenPrompted: false, seconds: 5 };
