/**
 * 实名取号 (a number taken with the citizen's 居民身份证), pure: checking an 18-character number
 * against GB 11643-1999, the holder's age on a service day, and the masked form a clerk sees.
 * Shared by the server (which decides) and the kiosk (which checks before sending, so a misread
 * card is said at once, offline too). Imports nothing but zod: shared/schemas.ts builds on it.
 * Tested with tables in test/citizen/idCardRules.test.ts. The checks themselves are in the zod-free
 * shared/idcardCheck.ts (the kiosk and 扫码取号 load no zod) and re-exported here, where they were.
 */
import { z } from 'zod';

export * from './idcardCheck';

/** The 实名取号 modes: off; offered beside the ordinary button; needed for every kiosk number. */
export const IdCardMode = z.enum(['off', 'optional', 'required']);
export type IdCardMode = z.infer<typeof IdCardMode>;

/** How many numbers one person may hold per queue per day (the rule of mobileDailyLimit). */
export const ID_DAILY_LIMIT = [1, 5] as const;
/** 老年人优先: the age setting is 0 (off) or within this range. */
export const SENIOR_PRIORITY_AGE = [60, 80] as const;

/**
 * What a client sends as `idCard`: bounded only, so that a misread card gets the reason
 * (id_card_invalid, with what is wrong) rather than a generic 400 from the schema.
 */
export const IdCardText = z.string().max(32);

/**
 * The ticket's real-name line for staff (`TicketDetail.realName`) and for the citizen who just
 * gave the card (the kiosk's ticket screen and receipt). Never the number in full.
 */
export const RealName = z.object({
  /** 110***********1234: see maskIdCard for what is shown and why. */
  masked: z.string(),
  /** Full years on the service day the number was taken. */
  age: z.number().int().min(0),
  /** The ticket is `priority` because of the age (老年人优先), not a green-channel choice. */
  senior: z.boolean(),
});
export type RealName = z.infer<typeof RealName>;
