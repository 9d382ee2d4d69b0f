/**
 * People ahead and estimated wait of a waiting ticket, from the live state only.
 *
 * ahead: tickets of the same queue served before it under the queue's own order (priority
 * tickets first).
 *
 * ETA: the windows that will serve this queue next are counted (see `capacityFor`); if one of
 * them is idle for this ticket, the wait is 0. Otherwise the ticket is called at the
 * (ahead + 1 − idle)-th completion among those windows, and the estimate is the median time of
 * that completion (see `etaSecondsOf`), where a cycle is the queue's moving-average service time
 * plus the walk from the call to the window. The simulator (npm run sim, and
 * scripts/sim/eta-study.ts) measures its error on the demo hall; docs/dispatch.md reports it.
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

/** Seconds until a window's current ticket is done: its queue's average, plus the walk if not started. */
function expectedBusySeconds(state: HallState, w: WindowRec): number {
  const cur = w.currentTicketId ? state.tickets.get(w.currentTicketId) : undefined;
  if (!cur) return 0;
  const avg = state.queues.get(cur.queue)?.avgServiceSeconds ?? 0;
  return avg + (cur.startedAt === undefined ? CALL_TO_START_SECONDS : 0);
}

/**
 * The estimate is the conditional MEDIAN of the wait, not its mean: the citizen is judged by the
 * absolute error, and the median minimises it. The ticket is called at the m-th service end
 * (m = ahead + 1 − idle) among the windows serving the queue. The first end comes at the sum of
 * the serving windows' rates (each window at the rate of the ticket it is serving now: an
 * overflow window busy with a long 不动产 case ends later than one on this queue), the m − 1
 * after it every cycle / servers. With exponential-like services that sum is close to a Gamma
 * variable with the same mean and variance, and the median of Gamma(shape k) is
 * mean · (1 − 1/(3k) + 8/(405k²)) to within 1 % (Choi 1994). In M/M/c this is the median of
 * Gamma(m, c/S), the exact distribution of the wait there.
 */
export function etaSecondsOf(state: HallState, t: TicketRec): number {
  if (t.status !== 'waiting') return 0;
  const q = state.queues.get(t.queue);
  if (!q) return 0;
  const ahead = aheadOf(state, t);
  const { servers, idle, later } = capacityFor(state, t.queue);
  if (ahead < idle) return 0;
  const m = ahead + 1 - idle;
  const cycle = q.avgServiceSeconds + CALL_TO_START_SECONDS;
  let mean: number;
  let variance: number;
  if (servers > 0) {
    let firstRate = 0;
    for (const w of state.windows.values()) {
      if (servesSoon(state, w, t.queue) !== 'yes') continue;
      const busy = expectedBusySeconds(state, w);
      if (busy > 0) firstRate += 1 / busy;
    }
    const step = cycle / servers;
    const first = firstRate > 0 ? 1 / firstRate : step;
    mean = first + (m - 1) * step;
    variance = first * first + (m - 1) * step * step;
  } else {
    // With no window on it right now, overflow windows busy elsewhere will come round (SLA pull):
    // count them at half; with none at all, assume one window (someone will open or resume).
    const step = cycle / (later > 0 ? later / 2 : 1);
    mean = m * step;
    variance = m * step * step;
  }
  const shape = (mean * mean) / variance;
  // Never 0 here: 0 means a window is free for this ticket now.
  return Math.max(1, Math.round(mean * (1 - 1 / (3 * shape) + 8 / (405 * shape * shape))));
}
