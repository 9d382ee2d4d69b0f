/** Tables (markdown, also fine on a terminal) and the JSON result of a simulator run. */
import type { DayMetrics, PolicyAgg } from './metrics';
import { pairedChange, type ErlangRow, type HallRun } from './runner';
import { offeredLoadByHour } from './scenario';
import { estimate, type Estimate } from './stats';

const min = (e: Estimate, digits = 1): string =>
  Number.isFinite(e.mean) ? `${(e.mean / 60).toFixed(digits)}${Number.isFinite(e.ci) ? ` ± ${(e.ci / 60).toFixed(digits)}` : ''}` : '–';
const pct = (e: Estimate): string =>
  Number.isFinite(e.mean) ? `${(e.mean * 100).toFixed(1)} %${Number.isFinite(e.ci) ? ` ± ${(e.ci * 100).toFixed(1)}` : ''}` : '–';
const num = (e: Estimate, digits = 3): string =>
  Number.isFinite(e.mean) ? `${e.mean.toFixed(digits)}${Number.isFinite(e.ci) ? ` ± ${e.ci.toFixed(digits)}` : ''}` : '–';

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function erlangReport(rows: ErlangRow[]): string {
  const r0 = rows[0];
  const intro = r0
    ? `M/M/c, λ = ${r0.lambdaPerHour}/h, mean service ${r0.serviceMinutes} min, exponential; ${r0.replications} replications of ` +
      `${r0.hoursPerReplication} h each after a ${r0.warmupHours} h warm-up (about ${Math.round(r0.customersPerReplication)} tickets per replication); ` +
      `interval: 95 % t-interval over replication means.`
    : '';
  return [
    '### Validation against Erlang C',
    '',
    intro,
    '',
    table(
      ['c', 'simulated Wq (min)', 'Erlang C Wq (min)', 'error', 'within ±5 %', 'ETA MAE (min)', 'ETA MAE / Wq'],
      rows.map((r) => [
        String(r.c),
        `${r.simulatedWqMinutes.toFixed(3)} ± ${r.ciMinutes.toFixed(3)}`,
        r.erlangWqMinutes.toFixed(3),
        `${(r.relativeError * 100).toFixed(1)} %`,
        Math.abs(r.relativeError) <= 0.05 ? 'yes' : 'NO',
        r.etaMaeMinutes.toFixed(3),
        `${((r.etaMaeMinutes / r.simulatedWqMinutes) * 100).toFixed(0)} %`,
      ]),
    ),
  ].join('\n');
}

function overTarget(run: HallRun, p: PolicyAgg): string[] {
  return run.scenario.queues.filter((q) => (p.perQueue[q.code]?.p90WaitSeconds.mean ?? 0) > q.targetWaitMinutes * 60).map((q) => q.code);
}

export function hallReport(run: HallRun): string {
  const s = run.scenario;
  const loads = offeredLoadByHour(s);
  const peak = loads[s.peakHour];
  const names = Object.keys(run.policies);
  const out: string[] = [];
  out.push(`### Scenario ${s.name}: ${s.hallName}`);
  out.push('');
  out.push(s.description);
  out.push('');
  out.push(
    `${s.windows.length} windows, ${s.queues.length} queues, ${run.replications} replications (days) with common random numbers (every policy sees the same people), seed ${s.seed}. ` +
      `Waits are from taking the ticket to being called, of the people served; a day's P90 is the 90th percentile of that day's waits; ` +
      `figures are means over days with 95 % t-intervals, in minutes.`,
  );
  out.push('');
  out.push(
    `Offered load (arrival rate × mean service time over open windows) by hour: ` +
      loads.map((l) => `${String(9 + l.hour).padStart(2, '0')}h ${(l.ratio * 100).toFixed(0)} %`).join(', ') +
      (peak ? `; peak hour: ${peak.erlangs.toFixed(1)} Erlangs on ${peak.windows} windows = ${(peak.ratio * 100).toFixed(1)} %.` : ''),
  );
  out.push('');
  out.push('#### All tickets');
  out.push('');
  out.push(
    table(
      ['policy', 'mean', 'P50', 'P90', 'P95', 'max', 'within target', 'utilisation', 'busy CV in zone', 'calls outside primary', 'priority mean', 'normal mean', 'queues P90 > target'],
      names.map((n) => {
        const p = run.policies[n]!;
        const o = p.overall;
        const over = overTarget(run, p);
        return [
          n,
          min(o.meanWaitSeconds),
          min(o.p50WaitSeconds),
          min(o.p90WaitSeconds),
          min(o.p95WaitSeconds),
          min(o.maxWaitSeconds),
          pct(o.slaAttainment),
          pct(p.utilisation),
          num(p.clerkBusyCv),
          pct(p.overflowCallShare),
          min(p.priorityMeanWaitSeconds),
          min(p.normalMeanWaitSeconds),
          over.length ? `${over.length}: ${over.join(' ')}` : 'none',
        ];
      }),
    ),
  );
  if (names.includes('dedicated')) {
    out.push('');
    const rows = names
      .filter((n) => n !== 'dedicated')
      .map((n) => {
        const d = pairedChange(run, 'dedicated', n, (x) => x.p90WaitSeconds);
        const m = pairedChange(run, 'dedicated', n, (x) => x.meanWaitSeconds);
        return [n, `${(d.mean * 100).toFixed(1)} % ± ${(d.ci * 100).toFixed(1)}`, `${(m.mean * 100).toFixed(1)} % ± ${(m.ci * 100).toFixed(1)}`];
      });
    out.push(table(['policy', 'P90 change vs dedicated (paired by day)', 'mean change vs dedicated'], rows));
  }
  out.push('');
  out.push('#### P90 wait per queue (minutes)');
  out.push('');
  out.push(
    table(
      ['queue', 'target', 'tickets/day', ...names],
      s.queues.map((q) => {
        const target = q.targetWaitMinutes * 60;
        return [
          `${q.code} ${q.name}`,
          String(q.targetWaitMinutes),
          (run.policies[names[0]!]!.perQueue[q.code]?.n.mean ?? 0).toFixed(0),
          ...names.map((n) => {
            const e = run.policies[n]!.perQueue[q.code]?.p90WaitSeconds;
            if (!e) return '–';
            return `${min(e)}${e.mean > target ? ' ✗' : ''}`;
          }),
        ];
      }),
    ),
  );
  for (const n of names) {
    const p = run.policies[n]!;
    out.push('');
    out.push(`#### ${n}: per queue`);
    out.push('');
    out.push(
      table(
        ['queue', 'target', 'mean', 'P50', 'P90', 'P95', 'max', 'within target'],
        s.queues.map((q) => {
          const w = p.perQueue[q.code];
          if (!w) return [q.code, String(q.targetWaitMinutes), '–', '–', '–', '–', '–', '–'];
          return [q.code, String(q.targetWaitMinutes), min(w.meanWaitSeconds), min(w.p50WaitSeconds), min(w.p90WaitSeconds), min(w.p95WaitSeconds), min(w.maxWaitSeconds), pct(w.slaAttainment)];
        }),
      ),
    );
  }
  out.push('');
  out.push('#### Windows by zone: utilisation and busy-time CV across the zone’s clerks');
  out.push('');
  const zones = Object.keys(run.policies[names[0]!]!.perZone);
  out.push(
    table(
      ['zone', 'windows', ...names.flatMap((n) => [`${n} util`, `${n} CV`])],
      zones.map((z) => [
        z,
        String(run.policies[names[0]!]!.perZone[z]!.windows),
        ...names.flatMap((n) => {
          const pz = run.policies[n]!.perZone[z]!;
          return [pct(pz.utilisation), num(pz.busyCv)];
        }),
      ]),
    ),
  );
  out.push('');
  out.push('#### ETA (prediction at issue time vs actual wait)');
  out.push('');
  out.push(
    table(
      ['policy', 'MAE', 'bias (predicted − actual)', 'mean wait', 'MAE / mean wait'],
      names.map((n) => {
        const p = run.policies[n]!;
        return [n, min(p.etaMaeSeconds, 2), min(p.etaBiasSeconds, 2), min(p.overall.meanWaitSeconds, 2), `${((p.etaMaeSeconds.mean / p.overall.meanWaitSeconds.mean) * 100).toFixed(1)} %`];
      }),
    ),
  );
  return out.join('\n');
}

/**
 * Each variant against a baseline on the same days (common random numbers make these paired
 * differences far tighter than the separate intervals): absolute differences, minutes or points.
 */
export function pairedReport(run: HallRun, baseline: string): string {
  const base = run.days[baseline];
  if (!base) return '';
  const diff = (n: string, pick: (d: DayMetrics) => number, scale: number, digits: number): string => {
    const e = estimate(run.days[n]!.map((d, i) => (pick(d) - pick(base[i]!)) * scale));
    const sign = e.mean > 0 ? '+' : '';
    const sig = Math.abs(e.mean) > e.ci ? '' : ' (n.s.)';
    return `${sign}${e.mean.toFixed(digits)} ± ${e.ci.toFixed(digits)}${sig}`;
  };
  const worstQueue = (d: DayMetrics): number =>
    Math.max(...run.scenario.queues.map((q) => (d.perQueue[q.code]?.p90WaitSeconds ?? 0) / (q.targetWaitMinutes * 60)).filter(Number.isFinite));
  const names = Object.keys(run.days).filter((n) => n !== baseline);
  return [
    `#### Against ${baseline}, paired by day (difference ± 95 % interval; n.s. = not significant)`,
    '',
    table(
      ['variant', 'mean wait (min)', 'P90 (min)', 'within target (points)', 'busy CV in zone', 'calls outside primary (points)', 'priority mean (min)', 'max wait (min)', 'worst queue P90 / target'],
      names.map((n) => [
        n,
        diff(n, (d) => d.meanWaitSeconds, 1 / 60, 2),
        diff(n, (d) => d.p90WaitSeconds, 1 / 60, 2),
        diff(n, (d) => d.slaAttainment, 100, 2),
        diff(n, (d) => d.clerkBusyCv, 1, 3),
        diff(n, (d) => d.overflowCallShare, 100, 2),
        diff(n, (d) => d.priorityMeanWaitSeconds, 1 / 60, 2),
        diff(n, (d) => d.maxWaitSeconds, 1 / 60, 1),
        diff(n, worstQueue, 1, 3),
      ]),
    ),
  ].join('\n');
}

export interface SimJson {
  erlang: (ErlangRow & { ciMinutes: number })[];
  policies: Record<
    string,
    {
      meanWaitSeconds: number;
      p50WaitSeconds: number;
      p90WaitSeconds: number;
      p95WaitSeconds: number;
      p90CiSeconds: number;
      slaAttainment: number;
      utilisation: number;
      clerkBusyCv: number;
      perQueue: Record<string, { meanWaitSeconds: number; p90WaitSeconds: number; p90CiSeconds: number; targetSeconds: number; slaAttainment: number }>;
    }
  >;
  eta: { maeSeconds: number; meanWaitSeconds: number; biasSeconds: number; policy: string };
  scenario: { name: string; replications: number; seed: number; peakOfferedLoad: number };
}

export function toJson(erlang: ErlangRow[], run: HallRun | undefined): SimJson {
  const policies: SimJson['policies'] = {};
  let eta: SimJson['eta'] = { maeSeconds: NaN, meanWaitSeconds: NaN, biasSeconds: NaN, policy: 'default' };
  if (run) {
    for (const [n, p] of Object.entries(run.policies)) {
      const perQueue: SimJson['policies'][string]['perQueue'] = {};
      for (const q of run.scenario.queues) {
        const w = p.perQueue[q.code];
        if (!w) continue;
        perQueue[q.code] = {
          meanWaitSeconds: w.meanWaitSeconds.mean,
          p90WaitSeconds: w.p90WaitSeconds.mean,
          p90CiSeconds: w.p90WaitSeconds.ci,
          targetSeconds: q.targetWaitMinutes * 60,
          slaAttainment: w.slaAttainment.mean,
        };
      }
      policies[n] = {
        meanWaitSeconds: p.overall.meanWaitSeconds.mean,
        p50WaitSeconds: p.overall.p50WaitSeconds.mean,
        p90WaitSeconds: p.overall.p90WaitSeconds.mean,
        p95WaitSeconds: p.overall.p95WaitSeconds.mean,
        p90CiSeconds: p.overall.p90WaitSeconds.ci,
        slaAttainment: p.overall.slaAttainment.mean,
        utilisation: p.utilisation.mean,
        clerkBusyCv: p.clerkBusyCv.mean,
        perQueue,
      };
    }
    const d = run.policies['default'];
    if (d) eta = { maeSeconds: d.etaMaeSeconds.mean, meanWaitSeconds: d.overall.meanWaitSeconds.mean, biasSeconds: d.etaBiasSeconds.mean, policy: 'default' };
  }
  const peak = run ? offeredLoadByHour(run.scenario)[run.scenario.peakHour]?.ratio ?? NaN : NaN;
  return {
    erlang,
    policies,
    eta,
    scenario: run ? { name: run.scenario.name, replications: run.replications, seed: run.scenario.seed, peakOfferedLoad: peak } : { name: '', replications: 0, seed: 0, peakOfferedLoad: NaN },
  };
}
