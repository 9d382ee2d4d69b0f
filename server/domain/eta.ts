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
 * plus the walk from the call to the window; `etaRangeOf` gives the quartiles of the same model,
 * shown to the citizen as a range. The simulator (npm run sim, and scripts/sim/eta-study.ts)
 * measures the error and the range's coverage on the demo hall; docs/dispatch.md reports them.
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

/** The wait of a waiting ticket as a distribution: 'now' when a window is free for it. */
type WaitModel = 'now' | { mean: number; variance: number };

/**
 * Mean and variance of the wait of a waiting ticket (undefined when it is not waiting). The
 * ticket is called at the m-th service end (m = ahead + 1 − idle) among the windows serving the
 * queue. The first end comes at the sum of the serving windows' rates (each window at the rate
 * of the ticket it is serving now: an overflow window busy with a long 不动产 case ends later
 * than one on this queue), the m − 1 after it every cycle / servers. With exponential-like
 * services that sum is close to a Gamma variable with the same mean and variance; in M/M/c it is
 * exactly Gamma(m, c/S). The median (`etaSecondsOf`) and the quartiles (`etaRangeOf`) are both
 * read from that Gamma.
 */
function waitModelOf(state: HallState, t: TicketRec): WaitModel | undefined {
  if (t.status !== 'waiting') return undefined;
  return waitModelAt(state, t.queue, aheadOf(state, t));
}

/** The same model for a ticket of `queue` with `ahead` people before it. */
function waitModelAt(state: HallState, queue: string, ahead: number): WaitModel | undefined {
  const q = state.queues.get(queue);
  if (!q) return undefined;
  const { servers, idle, later } = capacityFor(state, queue);
  if (ahead < idle) return 'now';
  const m = ahead + 1 - idle;
  const cycle = q.avgServiceSeconds + CALL_TO_START_SECONDS;
  if (servers > 0) {
    let firstRate = 0;
    for (const w of state.windows.values()) {
      if (servesSoon(state, w, queue) !== 'yes') continue;
      const busy = expectedBusySeconds(state, w);
      if (busy > 0) firstRate += 1 / busy;
    }
    const step = cycle / servers;
    const first = firstRate > 0 ? 1 / firstRate : step;
    return { mean: first + (m - 1) * step, variance: first * first + (m - 1) * step * step };
  }
  // With no window on it right now, overflow windows busy elsewhere will come round (SLA pull):
  // count them at half; with none at all, assume one window (someone will open or resume).
  const step = cycle / (later > 0 ? later / 2 : 1);
  return { mean: m * step, variance: m * step * step };
}

/** Gamma with the given mean and variance, as shape and scale. */
function gammaOf(model: { mean: number; variance: number }): { shape: number; scale: number } {
  return { shape: (model.mean * model.mean) / model.variance, scale: model.variance / model.mean };
}

/**
 * The estimate is the conditional MEDIAN of the wait, not its mean: the citizen is judged by the
 * absolute error, and the median minimises it. The median of Gamma(shape k) is
 * mean · (1 − 1/(3k) + 8/(405k²)) to within 1 % (Choi 1994); for the first in line about ln 2 of
 * the mean. 0 exactly when a window is free for the ticket (or it is not waiting).
 */
export function etaSecondsOf(state: HallState, t: TicketRec): number {
  return medianOf(waitModelOf(state, t));
}

/** The estimate for a normal ticket taken now at the back of `queue` (0 for an unknown queue). */
export function etaSecondsOfNew(state: HallState, queue: string): number {
  const list = state.waiting.get(queue);
  return medianOf(waitModelAt(state, queue, list ? list.size : 0));
}

function medianOf(model: WaitModel | undefined): number {
  if (model === undefined || model === 'now') return 0;
  const k = gammaOf(model).shape;
  // Never 0 here: 0 means a window is free for this ticket now.
  return Math.max(1, Math.round(model.mean * (1 - 1 / (3 * k) + 8 / (405 * k * k))));
}

/**
 * The 25th and 75th percentiles of the wait (seconds) from the same Gamma as `etaSecondsOf`:
 * half the citizens should be called inside this range. A point estimate of a short wait is off
 * by more than half the mean wait (docs/dispatch.md, ETA), so the citizen is shown the range.
 * [0, 0] when a window is free for the ticket now; undefined when it is not waiting. Always
 * lo ≤ etaSecondsOf ≤ hi, and both ≥ 1 s when the eta is.
 */
export function etaRangeOf(state: HallState, t: TicketRec): [number, number] | undefined {
  const model = waitModelOf(state, t);
  if (model === undefined) return undefined;
  if (model === 'now') return [0, 0];
  const { shape, scale } = gammaOf(model);
  const eta = etaSecondsOf(state, t);
  const lo = Math.max(1, Math.round(gammaQuantile(shape, 0.25) * scale));
  const hi = Math.round(gammaQuantile(shape, 0.75) * scale);
  // The median is Choi's closed form (within 1 %), the quartiles exact: keep them ordered.
  return [Math.min(lo, eta), Math.max(hi, eta)];
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; about 15 digits). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const z = x - 1;
  let a = c[0]!;
  const tt = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(tt) - tt + Math.log(a);
}

/**
 * Regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a): the CDF of Gamma(a, 1). Series
 * below x = a + 1, Lentz's continued fraction for Q = 1 − P above (Numerical Recipes 6.2).
 */
export function gammaCdf(a: number, x: number): number {
  if (x <= 0) return 0;
  const lead = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-15; n++) sum += (term *= x / (a + n));
    return Math.min(1, sum * Math.exp(lead));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(lead) * h);
}

/**
 * The p-quantile of Gamma(shape, 1), by bisection on `gammaCdf` (monotone, so it cannot fail to
 * converge; 100 halvings of a bracket that starts at the mean ± 20 standard deviations reach
 * double precision). Multiply by the scale for Gamma(shape, scale).
 */
export function gammaQuantile(shape: number, p: number): number {
  if (!(p > 0)) return 0;
  if (p >= 1) return Infinity;
  let lo = 0;
  let hi = shape + 20 * Math.sqrt(shape) + 20;
  while (gammaCdf(shape, hi) < p) hi *= 2;
  for (let i = 0; i < 100 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (gammaCdf(shape, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
