/**
 * Undoing a mistaken 过号 (pure). For a short time after a no-show the clerk can take it back:
 * the ticket is reinstated (waiting again, arrival time kept) and, if the window is still
 * free, called straight back here, as if the no-show never happened.
 */
export const UNDO_SECONDS = 30;

export interface UndoOffer {
  ticketId: string;
  number: string;
  /** Local ms when the no-show was acknowledged. */
  at: number;
}

export function undoSecondsLeft(offer: UndoOffer | null, now: number, windowSeconds = UNDO_SECONDS): number {
  if (!offer) return 0;
  return Math.max(0, Math.ceil(windowSeconds - (now - offer.at) / 1000));
}

export type UndoStep = 'reinstate' | 'callBack';

/** Call the ticket back only when the window holds no other citizen by now. */
export function undoPlan(windowHasTicket: boolean): UndoStep[] {
  return windowHasTicket ? ['reinstate'] : ['reinstate', 'callBack'];
}
