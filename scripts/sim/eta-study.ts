/**
 * npx tsx scripts/sim/eta-study.ts [days] [--seed N] [--load-factor X]
 * How good can an ETA from the live state be? Measures, on the same simulated days of demo-peak
 * (default policy), the server's etaSecondsOf against other predictors from the same state:
 * - `previous`: the server's formula before the median, (ahead + 1 − idle) × cycle / servers
 *   (the exact conditional MEAN in M/M/c);
 * - `model-median`: the conditional median of the call time by Monte Carlo, given the
 *   scenario's TRUE service distributions, the elapsed time of every current service and whether
 *   the caller has shown up (a no-show is visible as a call not started after the walk). The
 *   server knows none of the distributions, only a moving average; this is a bound for any
 *   predictor built on the same "k-th service end among the serving windows" model;
 * - `oracle-current`: knows exactly when every current service will end (from the drawn service
 *   times) and takes the future ones at their true mean: what a clairvoyant clerk could say.
 * It also measures how often the actual wait falls inside the range the citizen is shown
 * (`etaRangeOf`, the 25th–75th percentiles of the server's Gamma: ≈ 50 % if the model is right),
 * in seconds and as displayed in whole minutes, over everyone and over those not called at once.
 * In the M/M/c hall the exact conditional mean (k + 1)·S/c and median (of Gamma(k + 1, c/S)) are
 * also measured: there the median is the best possible predictor for absolute error, so its error
 * is a floor, not a shortcoming of the formula. docs/dispatch.md quotes these tables.
 */
import { parseArgs } from 'node:util';
import { drawCustomers, type Customer } from './arrivals';
import { simulateDay, type Variant } from './engine';
import { variantNamed } from './policies';
import { Rng } from './rng';
import { ErlangScenarioFile, HallScenarioFile, erlangHall, loadScenarioFile, normaliseHall, type ServiceDist, type SimScenario } from './scenario';
import { CALL_TO_START_SECONDS, aheadOf, capacityFor, etaRangeOf, etaSecondsOf, type HallState, type TicketRec, type WindowRec } from '../../server/domain';

type Probe = (state: HallState, t: TicketRec, now: number) => number;

const previous: Probe = (state, t) => {
  const ahead = aheadOf(state, t);
  const { servers, idle, later } = capacityFor(state, t.queue);
  if (ahead < idle) return 0;
  const effective = servers > 0 ? servers : later > 0 ? later / 2 : 1;
  return ((ahead + 1 - idle) * (state.queues.get(t.queue)!.avgServiceSeconds + CALL_TO_START_SECONDS)) / effective;
};

/** The windows the server's ETA counts for `queue` (eta.ts `servesSoon` = 'yes'). */
function servingNow(state: HallState, queue: string): WindowRec[] {
  return [...state.windows.values()].filter((w) => {
    if (!w.clerkId || w.pauseReason) return false;
    const skills = state.clerks.get(w.clerkId)?.skills ?? [];
    const m = w.mapping.find((x) => x.queue === queue);
    if (!m || !skills.includes(queue)) return false;
    if (m.role === 'primary') return true;
    return !w.mapping.some((x) => x.role === 'primary' && x.queue !== queue && skills.includes(x.queue) && (state.waiting.get(x.queue)?.size ?? 0) > 0);
  });
}

/** k-th end (k ≥ 1) when window j next ends after rem[j] and then every cycle(j). */
function kthEnd(rem: number[], k: number, cycle: (j: number) => number): number {
  let last = 0;
  for (let n = 0; n < k; n++) {
    let jm = 0;
    for (let j = 1; j < rem.length; j++) if (rem[j]! < rem[jm]!) jm = j;
    last = rem[jm]!;
    rem[jm] = last + cycle(jm);
  }
  return last;
}

const normCdf = (x: number): number => {
  // Abramowitz–Stegun 7.1.26 for erf.
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
};

/** Service seconds drawn given that the service has already lasted `e` seconds. */
function drawAfter(rng: Rng, d: ServiceDist, e: number): number {
  const mean = d.meanMinutes * 60;
  if (d.dist === 'exponential') return e + rng.exponential(mean);
  const s2 = Math.log(1 + d.cv * d.cv);
  const mu = Math.log(mean) - s2 / 2;
  // Rejection while the survival is not tiny, else the memoryless tail is close enough.
  if (e <= 0 || 1 - normCdf((Math.log(e) - mu) / Math.sqrt(s2)) > 0.02) {
    for (;;) {
      const x = rng.lognormal(mean, d.cv);
      if (x > e) return x;
    }
  }
  return e + rng.exponential(mean / 3);
}

function modelMedian(s: SimScenario, samples = 300): Probe {
  const dist = (q: string) => s.load.find((l) => l.code === q)!.service;
  const walk = s.walkMs / 1000;
  const giveUp = s.noShowGiveUpMs / 1000;
  const rng = new Rng(20261130);
  return (state, t, now) => {
    const ws = servingNow(state, t.queue);
    const k = aheadOf(state, t);
    if (ws.length === 0) return previous(state, t, now);
    const idle = ws.filter((w) => !w.currentTicketId).length;
    if (k < idle) return 0;
    const cur = ws.map((w) => (w.currentTicketId ? state.tickets.get(w.currentTicketId) : undefined));
    const out: number[] = [];
    for (let i = 0; i < samples; i++) {
      const rem = cur.map((c) => {
        if (!c) return 0;
        const e = (now - c.calledAt!) / 1000;
        if (c.startedAt !== undefined) return drawAfter(rng, dist(c.queue), e - walk) - (e - walk);
        if (e >= walk) return Math.max(0, giveUp - e); // not there after the walk: a no-show
        return rng.bernoulli(s.noShowRate) ? giveUp - e : walk - e + drawAfter(rng, dist(c.queue), 0);
      });
      out.push(kthEnd(rem, k + 1, () => (rng.bernoulli(s.noShowRate) ? giveUp : walk + drawAfter(rng, dist(t.queue), 0))));
    }
    out.sort((a, b) => a - b);
    return out[Math.floor(samples / 2)]!;
  };
}

function oracleCurrent(s: SimScenario, customers: () => Map<string, Customer>): Probe {
  const mean = (q: string) => s.load.find((l) => l.code === q)!.service.meanMinutes * 60;
  return (state, t, now) => {
    const ws = servingNow(state, t.queue);
    if (ws.length === 0) return previous(state, t, now);
    const rem = ws.map((w) => {
      if (!w.currentTicketId) return 0;
      const cur = state.tickets.get(w.currentTicketId)!;
      const c = customers().get(cur.id)!;
      const end = c.noShow ? cur.calledAt! + s.noShowGiveUpMs : cur.calledAt! + s.walkMs + c.serviceMs;
      return Math.max(0, (end - now) / 1000);
    });
    return kthEnd(rem, aheadOf(state, t) + 1, () => mean(t.queue) + s.walkMs / 1000);
  };
}

/** The range's ends as probes (seconds), so the engine records them at issue time like the ETA. */
const rangeLo: Probe = (st, t) => etaRangeOf(st, t)?.[0] ?? 0;
const rangeHi: Probe = (st, t) => etaRangeOf(st, t)?.[1] ?? 0;

/**
 * The range as the citizen reads it (display/src/kiosk/kioskText.ts `etaRangeMinutes`): lo
 * rounded down (at least 1), hi rounded up, in whole minutes; null when shown as one number.
 */
function shownMinutes(lo: number, hi: number): [number, number] | null {
  if (hi <= 0) return null;
  const a = Math.max(1, Math.floor(lo / 60));
  const b = Math.ceil(hi / 60);
  return b - a > 1 ? [a, b] : null;
}

interface Coverage {
  /** Share of waits inside [lo, hi] (seconds): everyone, then those with a range other than [0, 0]. */
  all: number;
  notAtOnce: number;
  /** Share inside the range shown in minutes, among those shown a range; and how many are. */
  shown: number;
  shownShare: number;
  /** Below lo / above hi, among those not called at once. */
  below: number;
  above: number;
}

interface Study {
  coverage?: Coverage;
  meanWait: number;
  /** MAE / mean wait per predictor, and the share of people called at once. */
  ratio: Record<string, number>;
  bias: Record<string, number>;
  calledAtOnce: number;
}

function study(s: SimScenario, probes: (customers: () => Map<string, Customer>) => Record<string, Probe>, days: number): Study {
  let current = new Map<string, Customer>();
  const v: Variant = { ...variantNamed('default'), etaProbes: probes(() => current) };
  const abs: Record<string, number> = {};
  const signed: Record<string, number> = {};
  let wait = 0;
  let n = 0;
  let atOnce = 0;
  const cov = { in: 0, nz: 0, nzIn: 0, below: 0, above: 0, shown: 0, shownIn: 0 };
  for (let r = 0; r < days; r++) {
    const cs = drawCustomers(s, r);
    current = new Map(cs.map((c) => [c.id, c]));
    for (const t of simulateDay(s, cs, v, r).tickets) {
      if (!t.measured || t.noShow) continue;
      n++;
      const w = t.waitMs / 1000;
      wait += w;
      if (w === 0) atOnce++;
      const lo = t.probes!['range-lo'];
      const hi = t.probes!['range-hi'];
      if (lo !== undefined && hi !== undefined) {
        if (lo <= w && w <= hi) cov.in++;
        if (hi > 0) {
          cov.nz++;
          if (w < lo) cov.below++;
          else if (w > hi) cov.above++;
          else cov.nzIn++;
        }
        const m = shownMinutes(lo, hi);
        if (m) {
          cov.shown++;
          if (m[0] * 60 <= w && w <= m[1] * 60) cov.shownIn++;
        }
      }
      for (const [k, p] of Object.entries(t.probes!)) {
        abs[k] = (abs[k] ?? 0) + Math.abs(p - w);
        signed[k] = (signed[k] ?? 0) + p - w;
      }
    }
  }
  const ratio: Record<string, number> = {};
  const bias: Record<string, number> = {};
  for (const k of Object.keys(abs)) {
    ratio[k] = abs[k]! / wait;
    bias[k] = signed[k]! / n;
  }
  const coverage =
    cov.nz > 0 ? { all: cov.in / n, notAtOnce: cov.nzIn / cov.nz, shown: cov.shownIn / cov.shown, shownShare: cov.shown / n, below: cov.below / cov.nz, above: cov.above / cov.nz } : undefined;
  return { meanWait: wait / n, ratio, bias, calledAtOnce: atOnce / n, ...(coverage ? { coverage } : {}) };
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { seed: { type: 'string' }, 'load-factor': { type: 'string' }, 'no-erlang': { type: 'boolean', default: false } } });
const days = Number(positionals[0] ?? 30);
const file = HallScenarioFile.parse(loadScenarioFile('demo-peak'));
if (values.seed) file.seed = Number(values.seed);
const demo = normaliseHall(file);
const factor = values['load-factor'] ? Number(values['load-factor']) : 1;
for (const l of demo.load) l.perHour = l.perHour.map((x) => x * factor);
const pct = (x: number | undefined) => `${((x ?? NaN) * 100).toFixed(1)} %`;

const d = study(
  demo,
  (customers) => ({
    server: (st, t) => etaSecondsOf(st, t),
    previous,
    'model-median': modelMedian(demo),
    'oracle-current': oracleCurrent(demo, customers),
    'range-lo': rangeLo,
    'range-hi': rangeHi,
  }),
  days,
);
console.log(
  `demo-peak seed ${file.seed} ×${factor}, default policy, ${days} days: mean wait ${(d.meanWait / 60).toFixed(2)} min, ` +
    `called at once ${pct(d.calledAtOnce)}`,
);
console.log('| predictor | MAE / mean wait | bias (min) |\n| --- | --- | --- |');
for (const k of ['server', 'previous', 'model-median', 'oracle-current']) console.log(`| ${k} | ${pct(d.ratio[k])} | ${((d.bias[k] ?? NaN) / 60).toFixed(2)} |`);
const c = d.coverage!;
console.log(
  `\nRange (25th–75th percentile) coverage: ${pct(c.all)} of everyone; ${pct(c.notAtOnce)} of those not called at once ` +
    `(below ${pct(c.below)}, above ${pct(c.above)}); as shown in minutes ${pct(c.shown)} (shown a range: ${pct(c.shownShare)} of everyone)`,
);

if (!values['no-erlang']) {
  const ef = ErlangScenarioFile.parse(loadScenarioFile('erlang'));
  if (values.seed) ef.seed = Number(values.seed);
  const reps = Math.ceil(days / 10);
  console.log(`\nM/M/c, λ = ${ef.lambdaPerHour}/h, ${ef.serviceMinutes} min, ${reps} × ${ef.hours} h:`);
  console.log('| c | exact mean (k + 1)·S/c | exact median of Gamma(k + 1, c/S) | server |\n| --- | --- | --- | --- |');
  for (const c of ef.servers) {
    const s = erlangHall(ef, c);
    const S = ef.serviceMinutes * 60;
    const allBusy = (st: HallState) => [...st.windows.values()].filter((w) => w.currentTicketId).length >= c;
    const exactMean: Probe = (st, t) => (allBusy(st) ? ((aheadOf(st, t) + 1) * S) / c : 0);
    const exactMedian: Probe = (st, t) => (allBusy(st) ? (gammaMedian(aheadOf(st, t) + 1) * S) / c : 0);
    const e = study(s, () => ({ exactMean, exactMedian, server: (st, t) => etaSecondsOf(st, t) }), reps);
    console.log(`| ${c} | ${pct(e.ratio['exactMean'])} | ${pct(e.ratio['exactMedian'])} | ${pct(e.ratio['server'])} |`);
  }
}

/** Median of Gamma(m, 1) by bisection on its CDF 1 − e^−x Σ_{i<m} x^i / i!. */
function gammaMedian(m: number): number {
  const cdf = (x: number) => {
    let term = 1;
    let sum = 1;
    for (let i = 1; i < m; i++) sum += (term *= x / i);
    return 1 - Math.exp(-x) * sum;
  };
  let lo = 0;
  let hi = 10 * m + 10;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < 0.5) lo = mid;
    else hi = mid;
  }
  return lo;
}
