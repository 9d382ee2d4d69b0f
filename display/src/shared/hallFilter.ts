/**
 * Zone displays: a wall can show (and speak) only part of the hall, chosen in its URL:
 * `?zone=公积金专区` (several zones comma-separated) or `?queues=A,B`. Pure functions.
 */
import type { Announce } from '../../../shared/announce';
import type { Call, QueueSummary, Window } from '../../../shared/schemas';
import type { HallState } from './hallState';

export interface HallFilter {
  /** Only windows in these zones (and the queues they serve); null = all. */
  zones: readonly string[] | null;
  /** Only these queue codes (and the windows serving them); null = all. */
  queues: readonly string[] | null;
}

export const NO_FILTER: HallFilter = { zones: null, queues: null };

function list(value: string | null, normalise: (s: string) => string): string[] | null {
  if (value === null) return null;
  const items = value
    .split(/[,，]/)
    .map((s) => normalise(s.trim()))
    .filter((s) => s.length > 0);
  return items.length > 0 ? items : null;
}

export function parseFilter(search: string): HallFilter {
  const params = new URLSearchParams(search);
  return {
    zones: list(params.get('zone'), (s) => s),
    queues: list(params.get('queues'), (s) => s.toUpperCase()),
  };
}

export interface HallView {
  /** Windows to show: every one that is not closed, in number order. */
  openWindows: Window[];
  queues: QueueSummary[];
  /** Newest first. */
  calls: Call[];
}

/** Which windows and queues a filter selects; closed windows count (the zone does not shrink). */
function selection(state: HallState, filter: HallFilter): { windowNos: Set<number>; queueCodes: Set<string> } {
  let windows = state.windows;
  if (filter.zones !== null) {
    const zones = new Set(filter.zones);
    windows = windows.filter((w) => zones.has(w.zone));
  }
  if (filter.queues !== null) {
    const wanted = new Set(filter.queues);
    windows = windows.filter((w) => w.mapping.some((m) => wanted.has(m.queue)));
  }
  const queueCodes = new Set<string>();
  if (filter.queues !== null) {
    for (const q of filter.queues) queueCodes.add(q);
  } else if (filter.zones !== null) {
    for (const w of windows) for (const m of w.mapping) queueCodes.add(m.queue);
  } else {
    for (const q of state.queues) queueCodes.add(q.code);
  }
  return { windowNos: new Set(windows.map((w) => w.no)), queueCodes };
}

/**
 * What a display shows. `minCalls`: the snapshot carries only the hall's last few calls, so a
 * zone display (or any display just reloaded in a quiet zone) may find none of its own there;
 * it then fills up from its windows' current tickets, newest call first.
 */
export function hallView(state: HallState, filter: HallFilter, minCalls = 6): HallView {
  const { windowNos, queueCodes } = selection(state, filter);
  const filtered = filter.zones !== null || filter.queues !== null;
  const openWindows = state.windows.filter((w) => w.state !== 'closed' && windowNos.has(w.no));
  const calls = filtered ? state.recentCalls.filter((c) => callInSelection(c, windowNos, queueCodes, filter)) : [...state.recentCalls];
  if (calls.length < minCalls) {
    const known = new Set(calls.map((c) => `${c.number}@${c.windowNo}`));
    const fromWindows = openWindows
      .filter((w) => (w.state === 'calling' || w.state === 'serving') && w.current?.calledAt !== undefined)
      .filter((w) => !known.has(`${w.current!.number}@${w.no}`))
      .filter((w) => filter.queues === null || queueCodes.has(w.current!.queue))
      .sort((a, b) => Date.parse(b.current!.calledAt!) - Date.parse(a.current!.calledAt!))
      .map((w) => callFromWindow(w));
    calls.push(...fromWindows.slice(0, minCalls - calls.length));
  }
  return { openWindows, queues: state.queues.filter((q) => queueCodes.has(q.code)), calls };
}

/** A call as it can be rebuilt from a window's current ticket (never spoken: no audio, seq 0). */
function callFromWindow(w: Window): Call {
  const t = w.current!;
  return { seq: 0, number: t.number, windowNo: w.no, windowName: w.name, queue: t.queue, at: t.calledAt!, recall: false, audioUrl: '' };
}

function callInSelection(call: Call, windowNos: Set<number>, queueCodes: Set<string>, filter: HallFilter): boolean {
  if (filter.zones !== null && !windowNos.has(call.windowNo)) return false;
  if (filter.queues !== null && !queueCodes.has(call.queue)) return false;
  return true;
}

/** Whether this display shows and speaks a call. */
export function callMatches(state: HallState | null, filter: HallFilter, call: Call): boolean {
  if (filter.zones === null && filter.queues === null) return true;
  if (state === null) return filter.zones === null && (filter.queues?.includes(call.queue) ?? true);
  const { windowNos, queueCodes } = selection(state, filter);
  return callInSelection(call, windowNos, queueCodes, filter);
}

/**
 * Whether this display speaks a 语音广播: one for the whole hall (no zone) everywhere; one for a
 * zone on the walls that show that zone: a `?zone=` wall naming it, a `?queues=` wall with a
 * window in it, and every whole-hall wall (it shows that zone too).
 */
export function announceMatches(state: HallState | null, filter: HallFilter, announce: Pick<Announce, 'zone'>): boolean {
  const zone = announce.zone;
  if (zone === undefined || (filter.zones === null && filter.queues === null)) return true;
  if (filter.zones !== null) return filter.zones.includes(zone);
  if (state === null) return false;
  const { windowNos } = selection(state, filter);
  return state.windows.some((w) => w.zone === zone && windowNos.has(w.no));
}
