/** What the phone page shows for a ticket, and when it must ring. Pure. */
import type { RatingReason } from '../../../shared/citizen';
import type { Ticket } from '../../../shared/schemas';

/** A call (or a recall) the citizen has not been alerted to yet. */
export function alertDue(prev: Ticket | null, next: Ticket): boolean {
  if (next.status !== 'called') return false;
  if (!prev || prev.id !== next.id || prev.status !== 'called') return true;
  return next.recalls > prev.recalls || next.windowNo !== prev.windowNo;
}

export type RatingProblem = 'needScore' | 'needReasons' | 'needComment' | null;

/** The phone's own check before sending (the server checks the same: shared rules, shared words). */
export function ratingProblem(score: number | null, reasons: readonly RatingReason[], comment: string): RatingProblem {
  if (score === null) return 'needScore';
  if (score <= 2 && reasons.length === 0) return 'needReasons';
  if (score <= 2 && reasons.includes('other') && comment.trim() === '') return 'needComment';
  return null;
}
