/** What the phone page shows for a ticket, and when it must ring. Pure. */
import type { RatingReason } from '../../../shared/ratings';
import type { Ticket } from '../../../shared/schemas';

/** A call (or a recall) the citizen has not been alerted to yet. */
export function alertDue(prev: Ticket | null, next: Ticket): boolean {
  if (next.status !== 'called') return false;
  if (!prev || prev.id !== next.id || prev.status !== 'called') return true;
  return next.recalls > prev.recalls || next.windowNo !== prev.windowNo;
}

// The near-turn rule is shared with the server, which texts "快到您了" by the same rule (短信提醒).
export { NEAR_AHEAD, nearDue } from '../../../shared/nearTurn';

/** The browser tab's title for the ticket's state (the page's own title when there is nothing to say). */
export function tabTitle(
  t: Ticket | null,
  words: { title: string; tab: { waiting(n: string, ahead: number): string; near(n: string, ahead: number): string; called(n: string, no: number): string } },
  near: boolean,
): string {
  if (!t) return words.title;
  if (t.status === 'called' && t.windowNo !== undefined) return words.tab.called(t.number, t.windowNo);
  if (t.status === 'waiting') return near ? words.tab.near(t.number, t.ahead) : words.tab.waiting(t.number, t.ahead);
  return `${t.number} · ${words.title}`;
}

/**
 * A ticket a clerk moved to another queue (转办) while it waits again: the old and new queue's names
 * (`name` turns a code into the name in the page's language; the code itself when unknown).
 * Null when there is nothing to explain: not moved, or no longer waiting (called, done …).
 */
export function transferNote(t: Ticket | null, name: (code: string) => string | null): { from: string; to: string } | null {
  if (!t || t.status !== 'waiting' || t.transferredFrom === undefined || t.transferredFrom === t.queue) return null;
  return { from: name(t.transferredFrom) ?? t.transferredFrom, to: name(t.queue) ?? t.queue };
}

export type RatingProblem = 'needScore' | 'needReasons' | 'needComment' | null;

/** The phone's own check before sending (the server checks the same: shared rules, shared words). */
export function ratingProblem(score: number | null, reasons: readonly RatingReason[], comment: string): RatingProblem {
  if (score === null) return 'needScore';
  if (score <= 2 && reasons.length === 0) return 'needReasons';
  if (score <= 2 && reasons.includes('other') && comment.trim() === '') return 'needComment';
  return null;
}
