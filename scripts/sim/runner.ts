/** Runs scenarios: every variant on the same drawn days (common random numbers). */
import { drawCustomers } from './arrivals';
import { simulateDay, type Variant } from './engine';
import { erlangWqMinutes } from './erlang';
import { aggregate, dayMetrics, type DayMetrics, type PolicyAgg } from './metrics';
import { erlangHall, type ErlangScenarioFile, type SimScenario } from './scenario';
import { estimate, mean, type Estimate } from './stats';

export interface HallRun {
  scenario: SimScenario;
  replications: number;
  days: Record<string, DayMetrics[]>;
  policies: Record<string, PolicyAgg>;
}

export function runHall(s: SimScenario, variants: readonly Variant[], replications = s.replications, onRep?: (r: number) => void): HallRun {
  const days: Record<string, DayMetrics[]> = {};
  for (const v of variants) days[v.name] = [];
  for (let r = 0; r < replications; r++) {
    const customers = drawCustomers(s, r);
    for (const v of variants) days[v.name]!.push(dayMetrics(simulateDay(s, customers, v, r)));
    onRep?.(r);
  }
  const policies: Record<string, PolicyAgg> = {};
  for (const v of variants) policies[v.name] = aggregate(days[v.name]!);
  return { scenario: s, replications, days, policies };
}

/** Paired (same days) relative change of a metric: (b − a) / a per day, with a 95 % interval. */
export function pairedChange(run: HallRun, a: string, b: string, pick: (d: DayMetrics) => number): Estimate {
  const da = run.days[a]!;
  const db = run.days[b]!;
  return estimate(da.map((x, i) => (pick(db[i]!) - pick(x)) / pick(x)));
}

export interface ErlangRow {
  c: number;
  lambdaPerHour: number;
  serviceMinutes: number;
  simulatedWqMinutes: number;
  ciMinutes: number;
  erlangWqMinutes: number;
  relativeError: number;
  /** The server's ETA at issue time against the actual wait (mean absolute error, minutes). */
  etaMaeMinutes: number;
  replications: number;
  customersPerReplication: number;
  hoursPerReplication: number;
  warmupHours: number;
}

export function runErlang(file: ErlangScenarioFile, variant: Variant, replications = file.replications): ErlangRow[] {
  return file.servers.map((c) => {
    const s = erlangHall(file, c);
    const wq: number[] = [];
    const counts: number[] = [];
    const etaErr: number[] = [];
    for (let r = 0; r < replications; r++) {
      const day = simulateDay(s, drawCustomers(s, r), variant, r);
      const measured = day.tickets.filter((t) => t.measured);
      const waits = measured.map((t) => t.waitMs / 60_000);
      wq.push(mean(waits));
      etaErr.push(mean(measured.map((t) => Math.abs(t.etaMs - t.waitMs) / 60_000)));
      counts.push(waits.length);
    }
    const e = estimate(wq);
    const theory = erlangWqMinutes({ servers: c, lambdaPerHour: file.lambdaPerHour, serviceMinutes: file.serviceMinutes });
    return {
      c,
      lambdaPerHour: file.lambdaPerHour,
      serviceMinutes: file.serviceMinutes,
      simulatedWqMinutes: e.mean,
      ciMinutes: e.ci,
      erlangWqMinutes: theory,
      relativeError: e.mean / theory - 1,
      etaMaeMinutes: mean(etaErr),
      replications,
      customersPerReplication: mean(counts),
      hoursPerReplication: file.hours - file.warmupHours,
      warmupHours: file.warmupHours,
    };
  });
}
