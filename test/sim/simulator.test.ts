import { describe, expect, it } from 'vitest';
import { drawCustomers } from '../../scripts/sim/arrivals';
import { simulateDay, type Variant } from '../../scripts/sim/engine';
import { erlangWqMinutes } from '../../scripts/sim/erlang';
import { dedicatedPolicy, variantNamed } from '../../scripts/sim/policies';
import { toJson } from '../../scripts/sim/report';
import { runErlang, runHall } from '../../scripts/sim/runner';
import { ErlangScenarioFile, HallScenarioFile, loadScenarioFile, normaliseHall, offeredLoadByHour } from '../../scripts/sim/scenario';
import { defaultPolicy, type DispatchPolicy } from '../../server/domain';

const demo = () => normaliseHall(HallScenarioFile.parse(loadScenarioFile('demo-peak')));

describe('simulator', () => {
  it('is deterministic for a fixed seed, and the seed matters', () => {
    const s = demo();
    const variants = ['dedicated', 'default'].map(variantNamed);
    const a = toJson([], runHall(s, variants, 2));
    const b = toJson([], runHall(s, variants, 2));
    expect(b).toEqual(a);
    const c = toJson([], runHall({ ...s, seed: s.seed + 1 }, variants, 2));
    expect(c.policies['default']!.meanWaitSeconds).not.toBe(a.policies['default']!.meanWaitSeconds);
  });

  it('gives every policy the same people (common random numbers), whatever else changes', () => {
    const s = demo();
    const day = drawCustomers(s, 0);
    expect(drawCustomers(s, 0)).toEqual(day);
    // Changing the no-show rate changes only who is absent, not who comes or when.
    const other = drawCustomers({ ...s, noShowRate: 0.5 }, 0);
    expect(other.map((c) => [c.queue, c.at, c.serviceMs])).toEqual(day.map((c) => [c.queue, c.at, c.serviceMs]));
  });

  it('calls every ticket, measures every window, and keeps the day’s books straight', () => {
    const s = demo();
    const customers = drawCustomers(s, 0);
    const day = simulateDay(s, customers, variantNamed('default'), 0);
    expect(day.tickets).toHaveLength(customers.length);
    expect(day.tickets.every((t) => t.waitMs >= 0)).toBe(true);
    expect(day.windows).toHaveLength(28);
    for (const w of day.windows) {
      expect(w.busyMs).toBeGreaterThan(0);
      expect(w.busyMs).toBeLessThanOrEqual(w.availableMs);
    }
    expect(day.windows.reduce((n, w) => n + w.calls, 0)).toBe(customers.length);
  });

  it('a clerk without the skill for an overflow queue never serves it', () => {
    const s = demo();
    const w14 = s.windows.find((w) => w.no === 14)!;
    const day = (skills: string[]) => {
      w14.skills = skills;
      return simulateDay(s, drawCustomers(s, 0), variantNamed('default'), 0).windows.find((w) => w.no === 14)!;
    };
    expect(day(['C', 'A', 'B', 'D', 'E', 'F', 'Y']).overflowCalls).toBeGreaterThan(0);
    const onlyC = day(['C']);
    expect(onlyC.calls).toBeGreaterThan(0);
    expect(onlyC.overflowCalls).toBe(0);
  });

  it('appointments count from their slot start; other tickets from when they are taken', () => {
    const s = demo();
    const day = drawCustomers(s, 0);
    const appointments = day.filter((c) => c.appointment);
    expect(appointments.length).toBeGreaterThan(0);
    for (const c of appointments) {
      expect(c.arrivedAt).toBeLessThanOrEqual(c.at);
      expect((c.arrivedAt - s.openMs) % s.appointmentSlotMs).toBe(0);
    }
    expect(day.filter((c) => !c.appointment).every((c) => c.arrivedAt === c.at)).toBe(true);
  });

  it('runs the server’s own policy: the default variant is defaultPolicy itself', () => {
    expect(variantNamed('default').policy).toBe(defaultPolicy);
  });

  it('dedicated never calls from an overflow queue; default does when it helps', () => {
    const s = demo();
    const reasons = (policy: DispatchPolicy) => {
      const seen = new Set<string>();
      const spy: DispatchPolicy = (input) => {
        const choice = policy(input);
        if (choice) seen.add(choice.reason);
        return choice;
      };
      const v: Variant = { name: 'spy', policy: spy, idleOrder: 'random', mapping: 'scenario' };
      simulateDay(s, drawCustomers(s, 0), v, 0);
      return seen;
    };
    expect([...reasons(dedicatedPolicy)]).toEqual(['primary']);
    expect(reasons(defaultPolicy)).toContain('overflow');
  });

  it('demo-peak is a hall that needs overflow: ≥ 85 % offered load at the peak hour', () => {
    const s = demo();
    expect(offeredLoadByHour(s)[s.peakHour]!.ratio).toBeGreaterThanOrEqual(0.85);
  });

  it('a short pooled M/M/c run lands near Erlang C', () => {
    const file = ErlangScenarioFile.parse({ ...loadScenarioFile('erlang'), servers: [7], hours: 44, warmupHours: 4 });
    const [row] = runErlang(file, variantNamed('default'), 3);
    const theory = erlangWqMinutes({ servers: 7, lambdaPerHour: 60, serviceMinutes: 5 });
    expect(row!.erlangWqMinutes).toBe(theory);
    // 3 × 40 h is far too short for ±5 %; this only guards against gross errors (the full run checks ±5 %).
    expect(Math.abs(row!.simulatedWqMinutes / theory - 1)).toBeLessThan(0.3);
  });
});
