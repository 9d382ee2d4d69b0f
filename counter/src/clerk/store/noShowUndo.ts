/**
 * 撤销过号: a no-show can be taken back for 30 s (logic/undo.ts). The ticket is reinstated and, if
 * the window is still free, called straight back.
 */
import { computed, shallowRef, type ComputedRef, type ShallowRef } from 'vue';
import type { Ticket, TicketDetail } from '../../../../shared/schemas';
import type { StaffCommands } from '../../shared/commands';
import { undoPlan, undoSecondsLeft, type UndoOffer } from '../logic/undo';
import type { CommandRunner } from './commandRunner';
import type { Say } from './notices';
import type { WindowView } from './windowView';

export function createNoShowUndo(deps: {
  cmd: StaffCommands;
  view: WindowView;
  run: CommandRunner['run'];
  say: Say;
  /** The ticket detail shown at the window (a call back brings the ticket's). */
  detail: ShallowRef<TicketDetail | null>;
  now: ComputedRef<number>;
}) {
  const { cmd, view, run, say, detail, now } = deps;
  const undoOffer = shallowRef<UndoOffer | null>(null);
  const undoLeft = computed(() => undoSecondsLeft(undoOffer.value, now.value));

  /** A ticket just became a no-show at this window: offer to take it back. */
  function offerUndo(tk: Ticket): void {
    undoOffer.value = { ticketId: tk.id, number: tk.number, at: now.value };
    say('ok', 'result.noShow', { number: tk.number });
  }

  async function undo(): Promise<void> {
    const offer = undoOffer.value;
    const w = view.myWindow.value;
    if (!offer || !w || undoSecondsLeft(offer, now.value) <= 0) return;
    const plan = undoPlan(view.current.value !== undefined || w.state === 'paused');
    const reinstated = await run('undo', () => cmd.reinstate(offer.ticketId), () => {
      undoOffer.value = null;
      say('ok', 'result.reinstated', { number: offer.number });
    });
    if (!reinstated || !plan.includes('callBack')) return;
    await run('undo', () => cmd.callNumber(w.no, offer.number), (tk) => {
      detail.value = tk;
      view.overlayTicket(tk);
      say('ok', 'result.calledBack', { number: tk.number });
    });
  }

  return { undoOffer, undoLeft, offerUndo, undo };
}
