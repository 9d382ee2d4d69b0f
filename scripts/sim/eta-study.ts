/**
 * npx tsx scripts/sim/eta-study.ts [days]
 * How good can an ETA from the live state be? Measures, on the same simulated days, the
 * server's etaSecondsOf against a few other predictors computed from the same state:
 * - `old`: the first formula, (ahead / windows + 0.5) × service, overflow windows at half;
 * - `slow-average`: the server's formula fed a slower moving average of service time
 *   (α = 0.05, the change proposed for evolve.ts), recomputed here from the finished tickets;
 * - `true-mean`: the server's formula fed the scenario's true mean service time (a bound for
 *   what a better average could give);
 * and, in the M/M/c hall, the exact conditional mean (k + 1)·S/c. docs/dispatch.md quotes it.
 */
import { drawCustomers } from './arrivals';
import { simulateDay, type Variant } from './engine';
import { variantNamed } from './policies';
import { ErlangScenarioFile, HallScenarioFile, erlangHall, loadScenarioFile, normaliseHall, type SimScenario } from './scenario';
import { CALL_TO_START_SECONDS, aheadOf, capacityFor, etaSecondsOf, type HallState, type TicketRec } from '../../server/domain';

type Probe = (state: HallState, t: TicketRec, now: number) => number;

function withService(state: HallState, t: TicketRec, serviceSeconds: number): number {
  const ahead = aheadOf(state, t);
  const { servers, idle, later } = capacityFor(state, t.queue);
  if (ahead < idle) return 0;
  const effective = servers > 0 ? servers : later > 0 ? later / 2 : 1;
  return ((ahead + 1 - idle) * (serviceSeconds + CALL_TO_START_SECONDS)) / effective;
}

const oldFormula: Probe = (state, t) => {
  const q = state.queues.get(t.queue)!;
  let servers = 0;
  let idle = 0;
  for (const w of state.windows.values()) {
    if (!w.clerkId || w.pauseReason) continue;
    const m = w.mapping.find((x) => x.queue === t.queue);
    if (!m) continue;
    servers += m.role === 'primary' ? 1 : 0.5;
    if (!w.currentTicketId) idle++;
  }
  const ahead = aheadOf(state, t);
  if (ahead < idle) return 0;
  return (ahead / Math.max(1, servers) + 0.5) * q.avgServiceSeconds;
};

/** A moving average of service time kept here from the finished tickets (one per state). */
function slowAverage(alpha: number, start: (queue: string) => number): Probe {
  let seen = new Set<string>();
  let avg = new Map<string, number>();
  let of: HallState | undefined;
  return (state, t) => {
    if (state !== of) {
      seen = new Set();
      avg = new Map();
      of = state;
    }
    const done = [...state.tickets.values()].filter((x) => x.status === 'done' && !seen.has(x.id));
    done.sort((a, b) => a.finishedAt! - b.finishedAt!);
    for (const x of done) {
      seen.add(x.id);
      const s = Math.min(3600, Math.max(30, (x.finishedAt! - x.startedAt!) / 1000));
      avg.set(x.queue, (1 - alpha) * (avg.get(x.queue) ?? start(x.queue)) + alpha * s);
    }
    return withService(state, t, avg.get(t.queue) ?? start(t.queue));
  };
}

function study(s: SimScenario, probes: Record<string, Probe>, days: number): Record<string, number> & { meanWait: number } {
  const v: Variant = { ...variantNamed('default'), etaProbes: probes };
  const abs: Record<string, number> = {};
  let wait = 0;
  let n = 0;
  for (let r = 0; r < days; r++) {
    for (const t of simulateDay(s, drawCustomers(s, r), v, r).tickets) {
      if (!t.measured || t.noShow) continue;
      n++;
      wait += t.waitMs / 1000;
      for (const [k, p] of Object.entries(t.probes!)) abs[k] = (abs[k] ?? 0) + Math.abs(p - t.waitMs / 1000);
    }
  }
  const out: Record<string, number> & { meanWait: number } = { meanWait: wait / n };
  for (const [k, e] of Object.entries(abs)) out[k] = e / n / (wait / n);
  return out;
}

const days = Number(process.argv[2] ?? 30);
const demo = normaliseHall(HallScenarioFile.parse(loadScenarioFile('demo-peak')));
const meanOf = (s: SimScenario) => (q: string) => (s.load.find((l) => l.code === q)?.service.meanMinutes ?? 5) * 60;
const d = study(
  demo,
  {
    server: (st, t) => etaSecondsOf(st, t),
    old: oldFormula,
    'slow-average': slowAverage(0.05, meanOf(demo)),
    'true-mean': (st, t) => withService(st, t, meanOf(demo)(t.queue)),
  },
  days,
);
const pct = (x: number | undefined) => `${((x ?? NaN) * 100).toFixed(1)} %`;
console.log(`demo-peak, default policy, ${days} days: mean wait ${(d.meanWait / 60).toFixed(2)} min`);
console.log('| predictor | MAE / mean wait |\n| --- | --- |');
for (const k of ['server', 'old', 'slow-average', 'true-mean']) console.log(`| ${k} | ${pct(d[k])} |`);

const file = ErlangScenarioFile.parse(loadScenarioFile('erlang'));
console.log(`\nM/M/c, λ = ${file.lambdaPerHour}/h, ${file.serviceMinutes} min, ${Math.ceil(days / 10)} × ${file.hours} h:`);
console.log('| c | exact mean (k + 1)·S/c | server |\n| --- | --- | --- |');
for (const c of file.servers) {
  const s = erlangHall(file, c);
  const S = file.serviceMinutes * 60;
  const exact: Probe = (st, t) => {
    const busy = [...st.windows.values()].filter((w) => w.currentTicketId).length;
    return busy < c ? 0 : ((aheadOf(st, t) + 1) * S) / c;
  };
  const e = study(s, { exact, server: (st, t) => etaSecondsOf(st, t) }, Math.ceil(days / 10));
  console.log(`| ${c} | ${pct(e['exact'])} | ${pct(e['server'])} |`);
}
