/**
 * The hall as a display sees it, and the pure steps that change it.
 * Every step returns a new object (never mutates) so the Vue layer can hold the state in a
 * shallowRef and old states are simply garbage — nothing here grows over a day.
 */
import type { Call, HallChange, HallInfo, QueueSummary, Snapshot, Window } from '../../../shared/schemas';

/**
 * How many calls a display remembers, the snapshot's number: a zone wall shows only its own, so it
 * keeps the whole hall's last ones to find them among (it shows the newest plus a few rows).
 */
export const MAX_RECENT_CALLS = 60;

export interface HallState {
  seq: number;
  /** Server time of the last snapshot or change (ISO). */
  at: string;
  hall: HallInfo;
  /** In the order the server lists them (the hall's own order). */
  queues: readonly QueueSummary[];
  /** Sorted by window number. */
  windows: readonly Window[];
  /** Newest first, at most MAX_RECENT_CALLS, one entry per (number, window). */
  recentCalls: readonly Call[];
}

const byWindowNo = (a: Window, b: Window): number => a.no - b.no;

export function fromSnapshot(snapshot: Snapshot): HallState {
  // The server's order of recentCalls is not part of the contract: sort by seq ourselves.
  const calls = [...snapshot.recentCalls].sort((a, b) => b.seq - a.seq);
  let recentCalls: Call[] = [];
  for (let i = calls.length - 1; i >= 0; i--) recentCalls = pushCall(recentCalls, calls[i]!);
  return {
    seq: snapshot.seq,
    at: snapshot.at,
    hall: snapshot.hall,
    queues: snapshot.queues,
    windows: [...snapshot.windows].sort(byWindowNo),
    recentCalls,
  };
}

/**
 * Merge a change into the state: changed windows and queues replace theirs, new ones are added.
 * A new service day (the change carries the hall with another serviceDay) clears yesterday's calls.
 */
export function applyChange(state: HallState, change: HallChange): HallState {
  const newDay = change.hall !== undefined && change.hall.serviceDay !== state.hall.serviceDay;
  return {
    seq: change.seq,
    at: change.at,
    hall: change.hall ?? state.hall,
    queues: mergeBy(state.queues, change.queues, (q) => q.code),
    windows: mergeBy(state.windows, change.windows, (w) => w.no).sort(byWindowNo),
    recentCalls: newDay ? [] : state.recentCalls,
  };
}

/** Add a live call at the top; a recall of the same number at the same window moves it up. */
export function addCall(state: HallState, call: Call): HallState {
  return { ...state, recentCalls: pushCall(state.recentCalls, call) };
}

function pushCall(calls: readonly Call[], call: Call): Call[] {
  const rest = calls.filter((c) => !(c.number === call.number && c.windowNo === call.windowNo));
  return [call, ...rest].slice(0, MAX_RECENT_CALLS);
}

function mergeBy<T, K>(current: readonly T[], changed: readonly T[], key: (item: T) => K): T[] {
  if (changed.length === 0) return [...current];
  const replacements = new Map<K, T>();
  for (const item of changed) replacements.set(key(item), item);
  const merged = current.map((item) => {
    const k = key(item);
    const next = replacements.get(k);
    if (next === undefined) return item;
    replacements.delete(k);
    return next;
  });
  for (const added of replacements.values()) merged.push(added);
  return merged;
}
