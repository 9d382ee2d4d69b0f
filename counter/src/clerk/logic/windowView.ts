/**
 * The clerk's own window as the panel shows it (pure). A command's acknowledgement can reach
 * us before the `hall:changed` that carries the same change. In between, the snapshot still
 * shows the old window, and a button that was right a moment ago (叫号 on an idle window)
 * would be enabled again: a quick second press would call a second citizen. So an
 * acknowledged result overlays the snapshot until the next change arrives, since the server
 * numbers changes in the order it makes them, that change is ours or a later one.
 */
import type { Ticket, Window } from '../../../../shared/schemas';

export interface AckOverlay {
  /** The snapshot's seq when the acknowledgement arrived. */
  seq: number;
  window: Window;
}

/** The window as it must be after a ticket command answered with `ticket`. */
export function windowAfterTicket(window: Window, ticket: Ticket | null): Window {
  const here = ticket !== null && ticket.windowNo === window.no;
  if (here && ticket.status === 'called') return { ...window, state: 'calling', current: ticket };
  if (here && ticket.status === 'serving') return { ...window, state: 'serving', current: ticket };
  // Done, no-show, transferred away, or nothing waiting: the window is free again.
  const free: Window = { ...window, state: window.state === 'paused' ? 'paused' : 'open' };
  delete free.current;
  return free;
}

export function effectiveWindow(snapshotWindow: Window | undefined, overlay: AckOverlay | null, seq: number): Window | undefined {
  if (!snapshotWindow) return undefined;
  if (overlay && overlay.window.no === snapshotWindow.no && seq <= overlay.seq) return overlay.window;
  return snapshotWindow;
}

/** The window this user is signed in at, if any (after a reload the panel finds it here). */
export function windowOfClerk(windows: readonly Window[], userId: string): Window | undefined {
  return windows.find((w) => w.clerk?.id === userId && w.state !== 'closed');
}
