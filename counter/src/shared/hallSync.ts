/**
 * Keeping a local copy of the hall in step with the server (pure; no sockets here).
 *
 * The server sends a full Snapshot on connect and as the answer to `snapshot:get`, then one
 * HallChange per change with `seq` rising by one. We drop anything not newer than what we
 * hold; on a gap we ask for a snapshot and, until it arrives, keep the newer changes aside so
 * none is lost between the snapshot's seq and the live stream.
 */
import type { Call, HallChange, Snapshot } from '../../../shared/schemas';

export interface SyncState {
  snapshot: Snapshot | null;
  /** A `snapshot:get` is in flight; changes wait in `buffered` until it lands. */
  resyncing: boolean;
  buffered: HallChange[];
}

export type ChangeOutcome = 'applied' | 'stale' | 'gap' | 'buffered';

export const emptySync = (): SyncState => ({ snapshot: null, resyncing: false, buffered: [] });

/** Recent calls kept for the screens (newest first). */
const RECENT_CALLS = 20;

function byKey<T>(items: readonly T[], key: (item: T) => string | number): Map<string | number, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** Apply one change's windows and queues (replacing by window `no` / queue `code`). */
export function mergeChange(snapshot: Snapshot, change: HallChange): Snapshot {
  const windows = byKey(snapshot.windows, (w) => w.no);
  for (const w of change.windows) windows.set(w.no, w);
  const queues = byKey(snapshot.queues, (q) => q.code);
  for (const q of change.queues) queues.set(q.code, q);
  return {
    ...snapshot,
    seq: change.seq,
    at: change.at,
    hall: change.hall ?? snapshot.hall,
    windows: [...windows.values()].sort((a, b) => a.no - b.no),
    // Keep the server's queue order; new queues go last.
    queues: [...queues.values()],
  };
}

/** Take a pushed change. `gap` means: ask for `snapshot:get` and call `startResync`. */
export function receiveChange(state: SyncState, change: HallChange): { state: SyncState; outcome: ChangeOutcome } {
  if (state.resyncing || !state.snapshot) {
    return { state: { ...state, buffered: [...state.buffered, change] }, outcome: 'buffered' };
  }
  const last = state.snapshot.seq;
  if (change.seq <= last) return { state, outcome: 'stale' };
  if (change.seq > last + 1) {
    return { state: { ...state, resyncing: true, buffered: [change] }, outcome: 'gap' };
  }
  return { state: { ...state, snapshot: mergeChange(state.snapshot, change) }, outcome: 'applied' };
}

export function startResync(state: SyncState): SyncState {
  return { ...state, resyncing: true };
}

/**
 * Take a full snapshot. `force` (on (re)connect) accepts it whatever its seq, since the server
 * may have restarted; otherwise an older snapshot than what we hold is ignored. Buffered
 * changes newer than the snapshot are replayed in order; if they still leave a gap, we stay
 * resyncing (the caller asks again).
 */
export function receiveSnapshot(
  state: SyncState,
  snapshot: Snapshot,
  opts: { force?: boolean } = {},
): { state: SyncState; needResync: boolean } {
  const current = state.snapshot;
  if (!opts.force && current && snapshot.seq < current.seq && !state.resyncing) {
    return { state, needResync: false };
  }
  let next: SyncState = { snapshot, resyncing: false, buffered: [] };
  const pending = [...state.buffered].sort((a, b) => a.seq - b.seq);
  for (const change of pending) {
    const r = receiveChange(next, change);
    next = r.state;
    if (r.outcome === 'gap') return { state: next, needResync: true };
  }
  return { state: next, needResync: false };
}

/** A `call` event: remember it among the recent calls (it carries the seq of its change). */
export function receiveCall(state: SyncState, call: Call): SyncState {
  const snap = state.snapshot;
  if (!snap) return state;
  if (snap.recentCalls.some((c) => c.seq === call.seq && c.number === call.number)) return state;
  const recentCalls = [call, ...snap.recentCalls].slice(0, RECENT_CALLS);
  return { ...state, snapshot: { ...snap, recentCalls } };
}
