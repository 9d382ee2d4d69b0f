/**
 * Which of the clerk's buttons may be pressed now (pure). A button that cannot work is
 * disabled rather than answering with an error: fewer surprises in front of a citizen.
 */
import type { TicketStatus, WindowState } from '../../../../shared/schemas';

export const ACTIONS = ['next', 'recall', 'start', 'complete', 'noShow', 'transfer', 'call', 'pause', 'resume'] as const;
export type Action = (typeof ACTIONS)[number];

export interface ActionContext {
  online: boolean;
  /** A command is in flight: nothing else is sent until it is answered. */
  busy: boolean;
  windowState: WindowState;
  /** Status of the ticket currently at the window, if any. */
  ticketStatus?: TicketStatus | undefined;
  recalls?: number | undefined;
  /** The hall's recall limit, when known; further recalls are refused by the server. */
  recallLimit?: number | undefined;
}

export type Enabled = Record<Action, boolean>;

const none = (): Enabled => ({
  next: false,
  recall: false,
  start: false,
  complete: false,
  noShow: false,
  transfer: false,
  call: false,
  pause: false,
  resume: false,
});

export function enabledActions(ctx: ActionContext): Enabled {
  const e = none();
  if (!ctx.online || ctx.busy) return e;
  if (ctx.windowState === 'closed') return e;
  if (ctx.windowState === 'paused') {
    e.resume = true;
    return e;
  }
  const status = ctx.ticketStatus;
  if (status === 'called') {
    // Not `next`: a second press right after a call would complete an untouched ticket and
    // call another. The clerk starts, completes, marks no-show or transfers first.
    const limitReached = ctx.recallLimit !== undefined && (ctx.recalls ?? 0) >= ctx.recallLimit;
    e.recall = !limitReached;
    e.start = true;
    e.complete = true;
    e.noShow = true;
    e.transfer = true;
    return e;
  }
  if (status === 'serving') {
    // One press = 办结 + 叫下一位 (the contract's `next` completes the current ticket first).
    e.next = true;
    e.complete = true;
    e.transfer = true;
    return e;
  }
  // Idle: nothing at the window (or a ticket that has already left it).
  e.next = true;
  e.call = true;
  e.pause = true;
  return e;
}
