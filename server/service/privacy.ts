/**
 * What the public may see. Displays and phone pages connect without an account, so what they
 * receive carries no personal data: windows lose the clerk (who is at a window is staff
 * business) and how long the clerk has worked, and the ticket at a window loses its id (the
 * holder's key to rating and cancelling).
 */
import type { HallChange, Snapshot, Window } from '../../shared/schemas';

export function publicWindow(w: Window): Window {
  const { clerk: _clerk, workingSince: _working, current, ...rest } = w;
  if (!current) return rest;
  const { id: _id, ...ticket } = current;
  return { ...rest, current: ticket };
}

export function publicSnapshot(s: Snapshot): Snapshot {
  return { ...s, windows: s.windows.map(publicWindow) };
}

export function publicChange(c: HallChange): HallChange {
  return { ...c, windows: c.windows.map(publicWindow) };
}
