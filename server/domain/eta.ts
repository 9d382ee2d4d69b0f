/**
 * People ahead and estimated wait of a waiting ticket, from the live state only.
 * ahead: tickets of the same queue served before it under the queue's own order (priority
 * tickets first). ETA: how many rounds of service the windows serving this queue need to reach
 * it, at the queue's moving-average service time. The simulator measures its error.
 */
import type { HallState, TicketRec } from './types';

export function aheadOf(state: HallState, t: TicketRec): number {
  if (t.status !== 'waiting') return 0;
  const list = state.waiting.get(t.queue);
  if (!list) return 0;
  if (t.priority === 'priority') return list.priority.rank(t);
  return list.priority.size + list.normal.rank(t);
}

/** Window capacity pointed at a queue: a primary mapping counts fully, an overflow one in part. */
export function capacityFor(state: HallState, queue: string): { servers: number; idle: number } {
  let servers = 0;
  let idle = 0;
  for (const w of state.windows.values()) {
    if (!w.clerkId || w.pauseReason) continue;
    const m = w.mapping.find((x) => x.queue === queue);
    if (!m) continue;
    servers += m.role === 'primary' ? 1 : 0.5;
    if (!w.currentTicketId) idle++;
  }
  return { servers, idle };
}

export function etaSecondsOf(state: HallState, t: TicketRec): number {
  if (t.status !== 'waiting') return 0;
  const q = state.queues.get(t.queue);
  if (!q) return 0;
  const ahead = aheadOf(state, t);
  const { servers, idle } = capacityFor(state, t.queue);
  if (ahead < idle) return 0;
  const s = Math.max(1, servers);
  // Rounds before its turn, plus on average half a service for the windows to free up.
  return Math.round((ahead / s + 0.5) * q.avgServiceSeconds);
}
