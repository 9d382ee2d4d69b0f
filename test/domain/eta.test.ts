import { describe, expect, it } from 'vitest';
import { CALL_TO_START_SECONDS, etaSecondsOf, type HallState } from '../../server/domain';
import { MIN, T0, issue, makeHall, next, o, p, run, win } from '../support/hall-fixture';

const eta = (h: HallState, id: string) => etaSecondsOf(h, h.tickets.get(id)!);
const cycle = (h: HallState, q: string) => h.queues.get(q)!.avgServiceSeconds + CALL_TO_START_SECONDS;

/** P(Gamma(m, 1) ≤ x) = 1 − e^−x Σ_{i<m} x^i / i!, for the exact median by bisection. */
function gammaMedian(m: number): number {
  const cdf = (x: number) => {
    let term = 1;
    let sum = 1;
    for (let i = 1; i < m; i++) sum += (term *= x / i);
    return 1 - Math.exp(-x) * sum;
  };
  let lo = 0;
  let hi = 10 * m + 10;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < 0.5) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** c windows on queue A, all busy with A tickets already started, and `waiting` more in line. */
function busyHall(c: number, waiting: number): { h: HallState; ids: string[] } {
  const h = makeHall(Array.from({ length: c }, (_, i) => win(i + 1, [p('A')], `c${i + 1}`)));
  for (let i = 1; i <= c; i++) h.clerks.set(`c${i}`, { id: `c${i}`, username: `c${i}`, name: `Clerk ${i}`, role: 'clerk', skills: ['A', 'B', 'L'] });
  for (let i = 1; i <= c; i++) {
    issue(h, 'A', T0);
    next(h, i, T0);
    run(h, { type: 'start', windowNo: i, clerkId: `c${i}` }, T0 + 20_000);
  }
  const ids = Array.from({ length: waiting }, () => issue(h, 'A', T0 + MIN));
  return { h, ids };
}

describe('ETA is the median wait', () => {
  it('is within 1 % of the exact Gamma median when every window serves the same queue', () => {
    const { h, ids } = busyHall(3, 8);
    const avg = h.queues.get('A')!.avgServiceSeconds;
    // The first end among started services comes at 3/avg; the later ones every cycle / 3.
    // With the walk the steps differ a little from the first, so compare with the two bounds.
    ids.forEach((id, k) => {
      const lo = (gammaMedian(k + 1) * avg) / 3;
      const hi = (gammaMedian(k + 1) * cycle(h, 'A')) / 3;
      expect(eta(h, id)).toBeGreaterThanOrEqual(Math.floor(lo * 0.99));
      expect(eta(h, id)).toBeLessThanOrEqual(Math.ceil(hi * 1.01));
    });
  });

  it('is below the mean, which overshoots most people: for the first in line about ln 2 of it', () => {
    const { h, ids } = busyHall(2, 1);
    const avg = h.queues.get('A')!.avgServiceSeconds;
    expect(eta(h, ids[0]!)).toBe(Math.round(((2 / 3 + 8 / 405) * avg) / 2));
  });

  it('rises with the people ahead and is never below 1 s while no window is free', () => {
    const { h, ids } = busyHall(4, 12);
    const etas = ids.map((id) => eta(h, id));
    for (let i = 1; i < etas.length; i++) expect(etas[i]!).toBeGreaterThan(etas[i - 1]!);
    expect(Math.min(...etas)).toBeGreaterThanOrEqual(1);
    h.queues.get('A')!.avgServiceSeconds = 0.01; // a broken average still gives a positive wait
    expect(eta(h, ids[0]!)).toBeGreaterThanOrEqual(1);
  });

  it('waits longer when an overflow window is busy with a queue of longer services', () => {
    const h = makeHall([win(1, [p('A')], 'c1'), win(2, [p('B'), o('A')], 'c2')]);
    h.queues.get('A')!.avgServiceSeconds = 300;
    issue(h, 'A', T0);
    next(h, 1, T0);
    issue(h, 'B', T0);
    next(h, 2, T0); // window 2 serves a B ticket; B empty again, so it will take A next
    const a = issue(h, 'A', T0 + MIN);
    h.queues.get('B')!.avgServiceSeconds = 300;
    const same = eta(h, a);
    h.queues.get('B')!.avgServiceSeconds = 1800;
    expect(eta(h, a)).toBeGreaterThan(same);
  });

  it('counts the walk for a called ticket not yet started', () => {
    const { h, ids } = busyHall(1, 1);
    const started = eta(h, ids[0]!);
    const cur = h.tickets.get(h.windows.get(1)!.currentTicketId!)!;
    delete cur.startedAt;
    expect(Math.abs(eta(h, ids[0]!) - started - (2 / 3 + 8 / 405) * CALL_TO_START_SECONDS)).toBeLessThanOrEqual(1);
  });
});
