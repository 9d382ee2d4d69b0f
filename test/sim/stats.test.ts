import { describe, expect, it } from 'vitest';
import { Rng } from '../../scripts/sim/rng';
import { cv, estimate, mean, quantile, t975 } from '../../scripts/sim/stats';

describe('PRNG', () => {
  it('replays a stream exactly for the same seed, replication and name', () => {
    const a = Rng.stream(7, 3, 'arrivals:A');
    const b = Rng.stream(7, 3, 'arrivals:A');
    const xs = Array.from({ length: 100 }, () => a.uniform());
    expect(Array.from({ length: 100 }, () => b.uniform())).toEqual(xs);
    const other = Rng.stream(7, 3, 'arrivals:B');
    expect(Array.from({ length: 100 }, () => other.uniform())).not.toEqual(xs);
  });

  it('draws with the right moments (uniform, exponential, lognormal)', () => {
    const r = new Rng(42);
    const n = 200_000;
    const u = Array.from({ length: n }, () => r.uniform());
    expect(u.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mean(u)).toBeCloseTo(0.5, 2);
    const e = Array.from({ length: n }, () => r.exponential(5));
    expect(mean(e)).toBeCloseTo(5, 1);
    expect(cv(e)).toBeCloseTo(1, 1);
    const l = Array.from({ length: n }, () => r.lognormal(12, 0.6));
    expect(mean(l)).toBeCloseTo(12, 0);
    expect(cv(l)).toBeCloseTo(0.6, 1);
  });
});

describe('statistics', () => {
  it('quantiles interpolate between order statistics', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([5, 1, 4, 2, 3], 0.9)).toBeCloseTo(4.6, 12);
    expect(quantile([], 0.9)).toBeNaN();
  });

  it('t quantiles: table for small df, expansion beyond', () => {
    expect(t975(1)).toBeCloseTo(12.706, 3);
    expect(t975(29)).toBeCloseTo(2.045, 3);
    expect(t975(60)).toBeCloseTo(2.0003, 2);
    expect(t975(1000)).toBeCloseTo(1.9623, 3);
  });

  it('estimate: mean with a 95 % half-width', () => {
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    expect(e.ci).toBeCloseTo((2.776 * Math.sqrt(2.5)) / Math.sqrt(5), 6);
    expect(estimate([4]).ci).toBeNaN();
  });
});
