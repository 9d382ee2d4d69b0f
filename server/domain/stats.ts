/** Today's figures from the day's tickets: per queue (waits against target) and per clerk. */
import type { ClerkStats, QueueStats, TodayStats } from '../../shared/admin';
import { iso } from './time';
import type { HallState, TicketRec } from './types';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Seconds from arrival to (first) call. */
function waitOf(t: TicketRec): number | undefined {
  return t.calledAt === undefined ? undefined : Math.max(0, (t.calledAt - t.arrivedAt) / 1000);
}

function serviceOf(t: TicketRec): number | undefined {
  return t.status === 'done' && t.startedAt !== undefined && t.finishedAt !== undefined ? (t.finishedAt - t.startedAt) / 1000 : undefined;
}

export function todayStats(state: HallState, now: number): TodayStats {
  const byQueue = new Map<string, TicketRec[]>();
  const byClerk = new Map<string, TicketRec[]>();
  for (const t of state.tickets.values()) {
    const list = byQueue.get(t.queue) ?? [];
    list.push(t);
    byQueue.set(t.queue, list);
    if (t.servedBy && t.status === 'done') {
      const c = byClerk.get(t.servedBy) ?? [];
      c.push(t);
      byClerk.set(t.servedBy, c);
    }
  }
  const queues: QueueStats[] = [...state.queues.values()]
    .sort((a, b) => a.sort - b.sort)
    .map((q) => {
      const ts = byQueue.get(q.code) ?? [];
      const waits = ts.map(waitOf).filter((w) => w !== undefined).sort((a, b) => a - b);
      const services = ts.map(serviceOf).filter((s) => s !== undefined);
      const target = q.targetWaitMinutes * 60;
      return {
        code: q.code,
        issued: ts.length,
        waiting: ts.filter((t) => t.status === 'waiting').length,
        served: ts.filter((t) => t.status === 'done').length,
        noShow: ts.filter((t) => t.status === 'no_show').length,
        cancelled: ts.filter((t) => t.status === 'cancelled').length,
        avgWaitSeconds: Math.round(mean(waits)),
        p90WaitSeconds: Math.round(percentile(waits, 0.9)),
        slaAttainment: waits.length === 0 ? 1 : waits.filter((w) => w <= target).length / waits.length,
        avgServiceSeconds: Math.round(mean(services)),
      };
    });
  const windowOf = new Map<string, number>();
  for (const w of state.windows.values()) if (w.clerkId) windowOf.set(w.clerkId, w.no);
  const clerks: ClerkStats[] = [...state.clerks.values()]
    .filter((c) => byClerk.has(c.id) || windowOf.has(c.id))
    .sort((a, b) => a.username.localeCompare(b.username))
    .map((c) => {
      const services = (byClerk.get(c.id) ?? []).map(serviceOf).filter((s) => s !== undefined);
      const s: ClerkStats = {
        id: c.id,
        username: c.username,
        name: c.name,
        served: services.length,
        avgServiceSeconds: Math.round(mean(services)),
        busySeconds: Math.round(services.reduce((a, b) => a + b, 0)),
      };
      const w = windowOf.get(c.id);
      if (w !== undefined) s.windowNo = w;
      return s;
    });
  return { serviceDay: state.serviceDay, at: iso(now), queues, clerks };
}
