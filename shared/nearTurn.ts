/**
 * 快到您了, the near-turn rule, without zod: the phone page (its heads-up) and the server (its SMS)
 * must agree on when it is due, and the phone page should not carry the schema library for one
 * number and one comparison. shared/notify.ts re-exports all of it.
 */
import type { Ticket } from './schemas';

/** People ahead at which the citizen hears "almost your turn": time to come back into the hall. */
export const NEAR_AHEAD = 3;

/** What the rule looks at: a whole Ticket on the phone; the server passes just these (no ETA to compute). */
export type NearLook = Pick<Ticket, 'id' | 'status' | 'ahead'>;

/**
 * The heads-up "almost your turn", once: when the people ahead drop to NEAR_AHEAD or fewer while
 * the ticket waits. Not on the first look (whoever opens the page, or has just checked in, already
 * sees the count) and not again while the count stays low.
 */
export function nearDue(prev: NearLook | null, next: NearLook, near = NEAR_AHEAD): boolean {
  if (!prev || prev.id !== next.id) return false;
  return prev.status === 'waiting' && next.status === 'waiting' && prev.ahead > near && next.ahead <= near;
}
