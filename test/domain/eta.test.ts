import { describe, expect, it } from 'vitest';
import { CALL_TO_START_SECONDS, etaRangeOf, etaSecondsOf, gammaCdf, gammaQuantile, type HallState } from '../../server/domain';
import { MIN, T0, issue, makeHall, next, o, p, run, win } from '../support/hall-fixture';

const eta = (h: HallState, id: string) => etaSecondsOf(h, h.tickets.get(id)!);
const range = (h: HallState, id: string) => etaRangeOf(h, h.tickets.get(id)!);
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

describe('Gamma CDF and quantile', () => {
  it.each([
    // shape, x, P(shape, x): closed forms for integer shapes, erf for shape 1/2.
    [1, 0.5, 1 - Math.exp(-0.5)],
    [1, 7, 1 - Math.exp(-7)],
    [3, 2, 1 - Math.exp(-2) * (1 + 2 + 2)],
    [3, 9, 1 - Math.exp(-9) * (1 + 9 + 40.5)],
    [0.5, 1.0, 0.8427007929497149], // erf(1)
    [20, 20, 0.5297427332], // just above 1/2: the median of Gamma(20) is 19.67
  ])('P(%d, %d) = %f', (a, x, want) => {
    expect(gammaCdf(a, x)).toBeCloseTo(want, 9);
  });

  it.each([
    // shape, p, quantile of Gamma(shape, 1)
    [1, 0.25, -Math.log(0.75)], // exponential: −ln(1 − p)
    [1, 0.5, Math.LN2],
    [1, 0.75, Math.log(4)],
    [2, 0.5, 1.6783469900166612], // median of Gamma(2)
    [0.5, 0.25, 0.1015310 / 2], // χ²(1) quartiles, halved
    [0.5, 0.75, 1.3233037 / 2],
    [5, 0.25, 6.7372007 / 2], // χ²(10) quartiles, halved
    [5, 0.75, 12.548861 / 2],
    [50, 0.25, 90.1332 / 2], // χ²(100) lower quartile, halved (tables give 4 decimals)
  ])('quantile(%d, %d) = %f', (a, p, want) => {
    expect(gammaQuantile(a, p)).toBeCloseTo(want, a === 50 ? 3 : 6);
  });

  it('inverts the CDF and is 0 / ∞ at the ends', () => {
    for (const a of [0.3, 1, 2.5, 17, 400]) for (const p of [0.01, 0.25, 0.5, 0.75, 0.99]) expect(gammaCdf(a, gammaQuantile(a, p))).toBeCloseTo(p, 9);
    expect(gammaQuantile(3, 0)).toBe(0);
    expect(gammaQuantile(3, 1)).toBe(Infinity);
  });
});

describe('ETA range: the quartiles of the same Gamma', () => {
  it('is the exponential quartiles for the first in line behind started services', () => {
    // One window busy with a started A ticket: the wait is its service end, Gamma(1, avg).
    for (const c of [1, 2, 3]) {
      const { h, ids } = busyHall(c, 1);
      const avg = h.queues.get('A')!.avgServiceSeconds;
      expect(range(h, ids[0]!)).toEqual([Math.round((-Math.log(0.75) * avg) / c), Math.round((Math.log(4) * avg) / c)]);
    }
  });

  it('holds the median, rises with the people ahead, and narrows relative to it', () => {
    const { h, ids } = busyHall(3, 10);
    let prev: [number, number] = [0, 0];
    let prevWidth = Infinity;
    for (const id of ids) {
      const [lo, hi] = range(h, id)!;
      expect(lo).toBeGreaterThanOrEqual(1);
      expect(lo).toBeLessThan(eta(h, id));
      expect(hi).toBeGreaterThan(eta(h, id));
      expect(lo).toBeGreaterThan(prev[0]);
      expect(hi).toBeGreaterThan(prev[1]);
      const width = (hi - lo) / eta(h, id);
      expect(width).toBeLessThan(prevWidth);
      prev = [lo, hi];
      prevWidth = width;
    }
  });

  it('is [0, 0] when a window is free for the ticket, and absent once it is not waiting', () => {
    const h = makeHall([win(1, [p('A')], 'c1')]);
    h.clerks.set('c1', { id: 'c1', username: 'c1', name: 'Clerk 1', role: 'clerk', skills: ['A'] });
    const a = issue(h, 'A', T0);
    expect(eta(h, a)).toBe(0);
    expect(range(h, a)).toEqual([0, 0]);
    next(h, 1, T0);
    expect(h.tickets.get(a)!.status).toBe('called');
    expect(range(h, a)).toBeUndefined();
  });

  it('widens with the wait when no window serves the queue (one assumed window)', () => {
    const h = makeHall([win(1, [p('B')], 'c1')]);
    const [x, y] = [issue(h, 'A', T0), issue(h, 'A', T0)];
    const cyc = cycle(h, 'A');
    // Gamma(m, cycle) with one assumed window: m = 1 and 2.
    expect(range(h, x)).toEqual([Math.round(gammaQuantile(1, 0.25) * cyc), Math.round(gammaQuantile(1, 0.75) * cyc)]);
    expect(range(h, y)).toEqual([Math.round(gammaQuantile(2, 0.25) * cyc), Math.round(gammaQuantile(2, 0.75) * cyc)]);
  });
});
