/**
 * The window's buttons as commands: `press` turns a button or key into its command (never lost
 * silently, never twice), 叫号 pressed or automatic, and the dialogs' transfer, 特呼 and pause.
 */
import { watch, type Ref, type ShallowRef } from 'vue';
import type { GuideChecklist, PauseReason, Ticket, TicketDetail } from '../../../../shared/schemas';
import type { StaffCommands } from '../../shared/commands';
import { errorKey } from '../../shared/commonText';
import { beginNext, endNext, initialNextRequest } from '../../shared/nextRequest';
import type { AutoReason } from '../logic/autoCall';
import type { ShortcutTarget } from '../logic/shortcuts';
import { t } from '../text';
import type { createAutoCall } from './autoCall';
import type { CommandRunner } from './commandRunner';
import type { Dialog } from './dialog';
import type { createNoShowUndo } from './noShowUndo';
import type { Say } from './notices';
import type { WindowView } from './windowView';

export function createWindowCommands(deps: {
  cmd: StaffCommands;
  view: WindowView;
  runner: CommandRunner;
  dialog: Ref<Dialog>;
  say: Say;
  auto: Pick<ReturnType<typeof createAutoCall>, 'cancel' | 'completed'>;
  undo: Pick<ReturnType<typeof createNoShowUndo>, 'offerUndo' | 'undo'>;
  /** The ticket detail shown at the window (a call brings the ticket's). */
  detail: ShallowRef<TicketDetail | null>;
  /** A ticket left this window done (the day's figures count it). */
  recordDone: (ticket: Ticket | undefined) => void;
}) {
  const { cmd, view, dialog, say, auto, undo, detail, recordDone } = deps;
  const { busy, run } = deps.runner;
  const { myWindow, current, enabled } = view;
  let nextRequest = initialNextRequest();

  /**
   * 叫号, pressed or automatic (`auto`). An automatic call asks the server to call only if the
   * window is still free (another panel of this window may have called a moment ago): it never
   * completes anyone. A retry after a timeout reuses the request id, pressed or automatic.
   */
  async function next(no: number, auto?: AutoReason): Promise<void> {
    const begun = beginNext(nextRequest, Date.now(), () => crypto.randomUUID());
    nextRequest = begun.state;
    if (!begun.id) return; // a press is already in flight: a double press calls nobody twice
    const finishing = auto ? undefined : current.value;
    busy.value = 'next';
    try {
      const r = await cmd.next(no, begun.id, auto !== undefined);
      nextRequest = endNext(nextRequest, Date.now(), r.ok || r.error.code !== 'TIMEOUT');
      if (!r.ok) {
        // Refused because a ticket is at the window by now: it shows; nothing to report.
        if (!(auto && r.error.code === 'INVALID_STATE')) say('error', errorKey(r.error.code));
        return;
      }
      if (finishing) recordDone(finishing);
      if (r.data) detail.value = r.data;
      view.overlayTicket(r.data);
      if (r.data) say('ok', auto ? 'result.autoCalled' : 'result.called', { number: r.data.number });
      else say('ok', auto ? 'result.autoNothing' : 'result.nothing');
    } finally {
      busy.value = null;
    }
  }

  /** A countdown ran out: call, unless the panel no longer allows it (checked again here). */
  function autoNext(reason: AutoReason): void {
    const w = myWindow.value;
    if (!w || w.state !== 'open' || current.value || !enabled.value.next || dialog.value) return;
    void next(w.no, reason);
  }

  function cancelAutoCall(): void {
    if (auto.cancel()) say('ok', 'result.autoCancelled');
  }

  /**
   * A press that arrives while a command is in flight (start, then done, typed fast on a
   * keypad) waits for it and then goes through the same checks: after the first answer the
   * buttons reflect the new state, so a double press of 叫号 still calls only one ticket.
   */
  let queued: ShortcutTarget | null = null;
  watch(busy, (b) => {
    if (b !== null || !queued) return;
    const q = queued;
    queued = null;
    void press(q);
  });

  async function press(target: ShortcutTarget): Promise<void> {
    // Cancelling a countdown must never wait behind a command.
    if (target === 'cancelAuto') return cancelAutoCall();
    if (busy.value) {
      queued = target;
      return;
    }
    const w = myWindow.value;
    if (!w) return;
    if (target === 'undo') {
      auto.cancel(); // calling the no-show back is this window's next call
      return undo.undo();
    }
    if (!enabled.value[target]) return;
    const no = w.no;
    switch (target) {
      case 'next':
        auto.cancel(); // pressed by hand during a countdown: this press is the call
        return next(no);
      case 'recall':
        await run('recall', () => cmd.recall(no), (tk) => {
          view.overlayTicket(tk);
          // Past the recall limit the server records a no-show instead.
          if (tk.status === 'no_show') undo.offerUndo(tk);
          else say('ok', 'result.recalled', { number: tk.number });
        });
        return;
      case 'start':
        await run('start', () => cmd.start(no), (tk) => {
          view.overlayTicket(tk);
          say('ok', 'result.started', { number: tk.number });
        });
        return;
      case 'complete': {
        const finishing = current.value;
        await run('complete', () => cmd.complete(no), (tk) => {
          recordDone(finishing ? { ...finishing, startedAt: tk.startedAt ?? finishing.startedAt } : undefined);
          view.overlayTicket(tk);
          say('ok', 'result.completed', { number: tk.number });
          auto.completed(tk.number);
        });
        return;
      }
      case 'noShow':
        await run('noShow', () => cmd.noShow(no), (tk) => {
          view.overlayTicket(tk);
          undo.offerUndo(tk);
        });
        return;
      case 'transfer':
      case 'call':
      case 'pause':
        dialog.value = target;
        return;
      case 'resume':
        await run('resume', () => cmd.resume(no), (win) => {
          view.overlayWindow(win);
          say('ok', 'result.resumed');
        });
        return;
      default:
        return assertNever(target);
    }
  }

  /** `handover`: the materials checked here and the 转办说明, for the next window. */
  async function transfer(queue: string, handover: { checklist?: GuideChecklist; note?: string } = {}): Promise<boolean> {
    const w = myWindow.value;
    if (!w) return false;
    // Close at once: the next key press must reach the panel, not a dialog about to go.
    // A refusal shows in the notice bar.
    dialog.value = null;
    return run('transfer', () => cmd.transfer(w.no, queue, handover), (tk) => {
      view.overlayTicket(tk);
      say('ok', 'result.transferred', { number: tk.number }, { queue: view.queueName(queue) });
    });
  }

  /** Returns the server's error text for the dialog to show next to the field. */
  async function callNumber(number: string): Promise<string | null> {
    const w = myWindow.value;
    if (!w) return null;
    busy.value = 'call';
    try {
      const finishing = current.value;
      const r = await cmd.callNumber(w.no, number);
      if (!r.ok) return t(errorKey(r.error.code));
      if (finishing) recordDone(finishing);
      detail.value = r.data;
      view.overlayTicket(r.data);
      dialog.value = null;
      say('ok', 'result.called', { number: r.data.number });
      return null;
    } finally {
      busy.value = null;
    }
  }

  async function pause(reason: PauseReason): Promise<boolean> {
    const w = myWindow.value;
    if (!w) return false;
    dialog.value = null;
    return run('pause', () => cmd.pause(w.no, reason), (win) => {
      view.overlayWindow(win);
      say('ok', 'result.paused');
    });
  }

  return { press, autoNext, transfer, callNumber, pause };
}

function assertNever(x: never): never {
  throw new Error(`unhandled ${String(x)}`);
}
