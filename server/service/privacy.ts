/**
 * What the public may see. Displays and phone pages connect without an account, so what they
 * receive carries no personal data: windows lose the clerk (who is at a window is staff business).
 */
import type { HallChange, Snapshot, Window } from '../../shared/schemas';

export function publicWindow(w: Window): Window {
  if (!w.clerk) return w;
  const { clerk: _clerk, ...rest } = w;
  return rest;
}

export function publicSnapshot(s: Snapshot): Snapshot {
  return { ...s, windows: s.windows.map(publicWindow) };
}

export function publicChange(c: HallChange): HallChange {
  return { ...c, windows: c.windows.map(publicWindow) };
}
