/**
 * 求助 requests as a staff app holds them: the day's list from `assist:list`, kept current by
 * `assist:changed` pushes. Pure functions; the reactive wrapper is `useAssist` in assist.ts.
 */
import type { AssistRequest } from '../../../shared/assist';
import { isAssistActive } from '../../../shared/assistKinds';

const ORDER = { open: 0, acknowledged: 1, resolved: 2, cancelled: 2 } as const;

/** Unanswered first (oldest first: it has waited longest), then being handled, then the day's history newest first. */
export function sortRequests(list: readonly AssistRequest[]): AssistRequest[] {
  return [...list].sort((a, b) => {
    const byStatus = ORDER[a.status] - ORDER[b.status];
    if (byStatus !== 0) return byStatus;
    return isAssistActive(a.status) ? a.raisedAt.localeCompare(b.raisedAt) : b.raisedAt.localeCompare(a.raisedAt);
  });
}

/** The list with one request added or replaced by its newer self. */
export function upsertRequest(list: readonly AssistRequest[], r: AssistRequest): AssistRequest[] {
  const i = list.findIndex((x) => x.id === r.id);
  if (i < 0) return sortRequests([...list, r]);
  const copy = [...list];
  copy[i] = r;
  return sortRequests(copy);
}

export const activeRequests = (list: readonly AssistRequest[]): AssistRequest[] => list.filter((r) => isAssistActive(r.status));

/** The live request of one window, if any (a window has at most one). */
export const activeAt = (list: readonly AssistRequest[], windowNo: number): AssistRequest | undefined =>
  list.find((r) => r.windowNo === windowNo && isAssistActive(r.status));

/** Whole minutes since the ask, for "3 分钟前"; 0 for under a minute. */
export function minutesSince(r: AssistRequest, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(r.raisedAt)) / 60_000));
}

/** Requests that are new and unanswered since the last list: the console rings once for each. */
export function newlyOpen(before: readonly AssistRequest[], after: readonly AssistRequest[]): AssistRequest[] {
  const known = new Set(before.map((r) => r.id));
  return after.filter((r) => r.status === 'open' && !known.has(r.id));
}

/** An unanswered call rings again this often on the console, until someone takes it. */
export const REMIND_EVERY_MS = 60_000;

/** Ring again now? Only while a call is unanswered, and not sooner than REMIND_EVERY_MS after the last ring. */
export function shouldRemind(list: readonly AssistRequest[], now: number, lastRingAt: number): boolean {
  return list.some((r) => r.status === 'open') && now - lastRingAt >= REMIND_EVERY_MS;
}
