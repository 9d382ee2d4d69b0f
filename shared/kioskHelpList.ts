/**
 * 自助机呼叫工作人员 as the screens hold it, pure (no zod, no Vue): the desks' list kept current by
 * pushes, the ring rules, the kiosk's own phase and the kiosk's name. Used by the guide desk
 * (display/src/kiosk) and the console (counter/src/admin) alike.
 */
import type { KioskHelpCall, KioskHelpMine } from './kioskHelp';
import { isKioskHelpActive } from './kioskHelpNames';

const ORDER = { open: 0, acknowledged: 1, resolved: 2, cancelled: 2 } as const;

/** Unanswered first (oldest first: that citizen has waited longest), then being helped, then the ended newest first. */
export function sortCalls(list: readonly KioskHelpCall[]): KioskHelpCall[] {
  return [...list].sort((a, b) => {
    const byStatus = ORDER[a.status] - ORDER[b.status];
    if (byStatus !== 0) return byStatus;
    return isKioskHelpActive(a.status) ? a.raisedAt.localeCompare(b.raisedAt) : b.raisedAt.localeCompare(a.raisedAt);
  });
}

/** The list with one call added or replaced by its newer self. */
export function upsertCall(list: readonly KioskHelpCall[], c: KioskHelpCall): KioskHelpCall[] {
  const i = list.findIndex((x) => x.id === c.id);
  if (i < 0) return sortCalls([...list, c]);
  const copy = [...list];
  copy[i] = c;
  return sortCalls(copy);
}

export const liveCalls = (list: readonly KioskHelpCall[]): KioskHelpCall[] => list.filter((c) => isKioskHelpActive(c.status));

/** Whole minutes since `iso`, for "3 分钟前"; 0 for under a minute (and for a clock a little behind). */
export const minutesSince = (iso: string, now: number): number => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));

/** Calls new and unanswered since the last list: a desk rings once for each. */
export function newlyOpen(before: readonly KioskHelpCall[], after: readonly KioskHelpCall[]): KioskHelpCall[] {
  const known = new Set(before.map((c) => c.id));
  return after.filter((c) => c.status === 'open' && !known.has(c.id));
}

/** An unanswered call rings again this often, until someone takes it (as 求助 does). */
export const REMIND_EVERY_MS = 60_000;

export function shouldRemind(list: readonly KioskHelpCall[], now: number, lastRingAt: number): boolean {
  return list.some((c) => c.status === 'open') && now - lastRingAt >= REMIND_EVERY_MS;
}

/** The kiosk's name as staff read it: its own name, else 自助取号机 N, else the end of its id. */
export function kioskLabel(c: Pick<KioskHelpCall, 'kioskName' | 'kioskNo' | 'kioskId'>, numbered: (no: number) => string, unnamed: (tail: string) => string): string {
  if (c.kioskName) return c.kioskName;
  if (c.kioskNo !== undefined) return numbered(c.kioskNo);
  return unnamed(c.kioskId.slice(-4));
}

/** What the kiosk's help strip shows: the button, "已通知，请稍候" (minutes since), or "正在赶来". */
export type KioskHelpPhase = { name: 'none' } | { name: 'waiting'; minutes: number } | { name: 'coming'; minutes: number; helper?: string };

export function kioskHelpPhase(mine: KioskHelpMine | null, now: number): KioskHelpPhase {
  if (!mine || !isKioskHelpActive(mine.status)) return { name: 'none' };
  const minutes = minutesSince(mine.raisedAt, now);
  if (mine.status === 'open') return { name: 'waiting', minutes };
  return mine.helper ? { name: 'coming', minutes, helper: mine.helper } : { name: 'coming', minutes };
}
