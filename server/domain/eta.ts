/**
 * People ahead and estimated wait of a waiting ticket, from the live state only.
 *
 * ahead: tickets of the same queue served before it under the queue's own order (priority
 * tickets first).
 *
 * ETA: the windows that will serve this queue next are counted (see `capacityFor`); if one of
 * them is idle for this ticket, the wait is 0. Otherwise the ticket is called at the
 * (ahead + 1 − idle)-th completion among those windows, and completions come every
 * cycle / servers seconds, where a cycle is the queue's moving-average service time plus the
 * walk from the call to the window. This is the exact mean of M/M/c under FIFO; the simulator
 * (npm run sim) measures its error on the demo hall and docs/dispatch.md reports it.
 */
import type { HallState, TicketRec, WindowRec } from './types';

/** Seconds from a call until service starts (walking to the window); not in avgServiceSeconds. */
export const CALL_TO_START_SECONDS = 20;

export function aheadOf(state: HallState, t: TicketRec): number {
  if (t.status !== 'waiting') return 0;
  const list = state.waiting.get(t.queue);
  if (!list) return 0;
  if (t.priority === 'priority') return list.priority.rank(t);
  return list.priority.size + list.normal.rank(t);
}

function hasWaiting(state: HallState, queue: string): boolean {
  return (state.waiting.get(queue)?.size ?? 0) > 0;
}

/**
 * Will this window take tickets of `queue` in the coming minutes? A window counts when the queue
 * is primary there, or when it is overflow there and none of the window's primary queues has
 * anyone waiting (the policy then turns to overflow work). Closed and paused windows, and
 * clerks without the skill, do not count.
 */
function servesSoon(state: HallState, w: WindowRec, queue: string): 'yes' | 'later' | 'no' {
  if (!w.clerkId || w.pauseReason) return 'no';
  const skills = state.clerks.get(w.clerkId)?.skills ?? [];
  const m = w.mapping.find((x) => x.queue === queue);
  if (!m || !skills.includes(queue)) return 'no';
  if (m.role === 'primary') return 'yes';
  const primaryBusy = w.mapping.some((x) => x.role === 'primary' && x.queue !== queue && skills.includes(x.queue) && hasWaiting(state, x.queue));
  return primaryBusy ? 'later' : 'yes';
}

/** Windows that will serve `queue` next, and how many of them are idle now. */
export function capacityFor(state: HallState, queue: string): { servers: number; idle: number; later: number } {
  let servers = 0;
  let idle = 0;
  let later = 0;
  for (const w of state.windows.values()) {
    const s = servesSoon(state, w, queue);
    if (s === 'later') later++;
    if (s !== 'yes') continue;
    servers++;
    if (!w.currentTicketId) idle++;
  }
  return { servers, idle, later };
}

export function etaSecondsOf(state: HallState, t: TicketRec): number {
  if (t.status !== 'waiting') return 0;
  const q = state.queues.get(t.queue);
  if (!q) return 0;
  const ahead = aheadOf(state, t);
  const { servers, idle, later } = capacityFor(state, t.queue);
  if (ahead < idle) return 0;
  // With no window on it right now, overflow windows busy elsewhere will come round (SLA pull):
  // count them at half; with none at all, assume one window (someone will open or resume).
  const effective = servers > 0 ? servers : later > 0 ? later / 2 : 1;
  const cycle = q.avgServiceSeconds + CALL_TO_START_SECONDS;
  return Math.round(((ahead + 1 - idle) * cycle) / effective);
}
