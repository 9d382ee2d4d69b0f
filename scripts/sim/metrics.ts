/**
 * What one simulated day says about a policy, and the same across replications with 95 %
 * confidence intervals. Waits are of the people served (no-shows left before their call);
 * a day's P90 is the 90th percentile of that day's waits, and the tables average days.
 */
import type { DayResult, TicketOutcome } from './engine';
import { cv, estimate, mean, quantileSorted, type Estimate } from './stats';

export interface WaitStats {
  n: number;
  meanWaitSeconds: number;
  p50WaitSeconds: number;
  p90WaitSeconds: number;
  p95WaitSeconds: number;
  maxWaitSeconds: number;
  /** Share called within its queue's target wait. */
  slaAttainment: number;
}

export interface DayMetrics extends WaitStats {
  perQueue: Record<string, WaitStats>;
  /** Busy time over available time, all windows. */
  utilisation: number;
  /** Busy-time CV across the clerks of a zone, averaged over zones with two or more windows. */
  clerkBusyCv: number;
  perZone: Record<string, { utilisation: number; busyCv: number; windows: number }>;
  priorityMeanWaitSeconds: number;
  normalMeanWaitSeconds: number;
  /** Share of calls from a queue that is not primary at the calling window. */
  overflowCallShare: number;
  /** ETA error: prediction at issue time minus the actual wait (absolute mean, and mean). */
  etaMaeSeconds: number;
  etaBiasSeconds: number;
}

function waitStats(ts: readonly TicketOutcome[]): WaitStats {
  const waits = ts.map((t) => t.waitMs / 1000).sort((a, b) => a - b);
  const within = ts.filter((t) => t.waitMs <= t.targetMs).length;
  return {
    n: ts.length,
    meanWaitSeconds: mean(waits),
    p50WaitSeconds: quantileSorted(waits, 0.5),
    p90WaitSeconds: quantileSorted(waits, 0.9),
    p95WaitSeconds: quantileSorted(waits, 0.95),
    maxWaitSeconds: waits.length ? waits[waits.length - 1]! : NaN,
    slaAttainment: ts.length ? within / ts.length : NaN,
  };
}

export function dayMetrics(day: DayResult): DayMetrics {
  const served = day.tickets.filter((t) => t.measured && !t.noShow);
  const byQueue = new Map<string, TicketOutcome[]>();
  for (const t of served) {
    const list = byQueue.get(t.queue) ?? [];
    list.push(t);
    byQueue.set(t.queue, list);
  }
  const perQueue: Record<string, WaitStats> = {};
  for (const [q, ts] of [...byQueue].sort((a, b) => a[0].localeCompare(b[0]))) perQueue[q] = waitStats(ts);

  const zones = new Map<string, DayResult['windows']>();
  for (const w of day.windows) zones.set(w.zone, [...(zones.get(w.zone) ?? []), w]);
  const perZone: DayMetrics['perZone'] = {};
  const zoneCvs: number[] = [];
  for (const [zone, ws] of zones) {
    const busy = ws.map((w) => w.busyMs);
    const z = {
      utilisation: busy.reduce((a, b) => a + b, 0) / ws.reduce((a, w) => a + w.availableMs, 0),
      busyCv: cv(busy),
      windows: ws.length,
    };
    perZone[zone] = z;
    if (ws.length >= 2) zoneCvs.push(z.busyCv);
  }
  const busyAll = day.windows.reduce((a, w) => a + w.busyMs, 0);
  const availAll = day.windows.reduce((a, w) => a + w.availableMs, 0);
  const errors = served.map((t) => (t.etaMs - t.waitMs) / 1000);
  return {
    ...waitStats(served),
    perQueue,
    utilisation: busyAll / availAll,
    clerkBusyCv: zoneCvs.length ? mean(zoneCvs) : 0,
    perZone,
    priorityMeanWaitSeconds: mean(served.filter((t) => t.priority).map((t) => t.waitMs / 1000)),
    normalMeanWaitSeconds: mean(served.filter((t) => !t.priority).map((t) => t.waitMs / 1000)),
    overflowCallShare: day.windows.reduce((n, w) => n + w.overflowCalls, 0) / Math.max(1, day.windows.reduce((n, w) => n + w.calls, 0)),
    etaMaeSeconds: mean(errors.map(Math.abs)),
    etaBiasSeconds: mean(errors),
  };
}

type Agg<T> = { [K in keyof T]: T[K] extends number ? Estimate : T[K] extends Record<string, infer V> ? Record<string, Agg<V>> : never };
export type WaitAgg = Agg<WaitStats>;
export interface PolicyAgg {
  overall: WaitAgg;
  perQueue: Record<string, WaitAgg>;
  utilisation: Estimate;
  clerkBusyCv: Estimate;
  perZone: Record<string, { utilisation: Estimate; busyCv: Estimate; windows: number }>;
  priorityMeanWaitSeconds: Estimate;
  normalMeanWaitSeconds: Estimate;
  overflowCallShare: Estimate;
  etaMaeSeconds: Estimate;
  etaBiasSeconds: Estimate;
  replications: number;
}

const WAIT_KEYS = ['n', 'meanWaitSeconds', 'p50WaitSeconds', 'p90WaitSeconds', 'p95WaitSeconds', 'maxWaitSeconds', 'slaAttainment'] as const;

function aggWait(xs: readonly WaitStats[]): WaitAgg {
  const out = {} as WaitAgg;
  for (const k of WAIT_KEYS) out[k] = estimate(xs.map((x) => x[k]));
  return out;
}

export function aggregate(days: readonly DayMetrics[]): PolicyAgg {
  const queues = [...new Set(days.flatMap((d) => Object.keys(d.perQueue)))].sort();
  const zones = [...new Set(days.flatMap((d) => Object.keys(d.perZone)))];
  const perQueue: Record<string, WaitAgg> = {};
  for (const q of queues) perQueue[q] = aggWait(days.flatMap((d) => (d.perQueue[q] ? [d.perQueue[q]] : [])));
  const perZone: PolicyAgg['perZone'] = {};
  for (const z of zones) {
    const zs = days.flatMap((d) => (d.perZone[z] ? [d.perZone[z]] : []));
    perZone[z] = { utilisation: estimate(zs.map((x) => x.utilisation)), busyCv: estimate(zs.map((x) => x.busyCv)), windows: zs[0]?.windows ?? 0 };
  }
  return {
    overall: aggWait(days),
    perQueue,
    utilisation: estimate(days.map((d) => d.utilisation)),
    clerkBusyCv: estimate(days.map((d) => d.clerkBusyCv)),
    perZone,
    priorityMeanWaitSeconds: estimate(days.map((d) => d.priorityMeanWaitSeconds)),
    normalMeanWaitSeconds: estimate(days.map((d) => d.normalMeanWaitSeconds)),
    overflowCallShare: estimate(days.map((d) => d.overflowCallShare)),
    etaMaeSeconds: estimate(days.map((d) => d.etaMaeSeconds)),
    etaBiasSeconds: estimate(days.map((d) => d.etaBiasSeconds)),
    replications: days.length,
  };
}
