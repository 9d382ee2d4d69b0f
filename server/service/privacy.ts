/**
 * What the public may see. Displays and phone pages connect without an account, so what they
 * receive carries no personal data: windows lose the clerk (who is at a window is staff
 * business) and how long the clerk has worked, and the ticket at a window loses its id (the
 * holder's key to rating and cancelling). A hall that turns on 窗口屏显示工作人员 shows the clerk's
 * name, 工号 and photo above each window: then public windows keep `clerk` (never `workingSince`).
 */
import type { HallChange, Snapshot, Window } from '../../shared/schemas';

export function publicWindow(w: Window, showsClerk = false): Window {
  const { clerk, workingSince: _working, current, ...rest } = w;
  // 窗口屏显示工作人员 (亮证亮照): the hall shows who serves at each window on its screens.
  const shown: Window = showsClerk && clerk ? { ...rest, clerk } : rest;
  if (!current) return shown;
  const { id: _id, ...ticket } = current;
  return { ...shown, current: ticket };
}

export function publicSnapshot(s: Snapshot): Snapshot {
  return { ...s, windows: s.windows.map((w) => publicWindow(w, s.hall.windowShowsClerk === true)) };
}

/** `showsClerk`: the hall's 窗口屏显示工作人员 as it is after the change. */
export function publicChange(c: HallChange, showsClerk = false): HallChange {
  return { ...c, windows: c.windows.map((w) => publicWindow(w, showsClerk)) };
}
