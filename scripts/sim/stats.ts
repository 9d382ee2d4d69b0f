/** Small statistics for the simulator: quantiles, means and t-based confidence intervals. */

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

/** Coefficient of variation (population sd / mean); 0 for an empty or all-zero set. */
export function cv(xs: readonly number[]): number {
  const m = mean(xs);
  if (!(m > 0)) return 0;
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / xs.length) / m;
}

/** Quantile of an ascending-sorted array (linear interpolation between order statistics). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

export function quantile(xs: readonly number[], q: number): number {
  return quantileSorted([...xs].sort((a, b) => a - b), q);
}

const T975 = [
  NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The 97.5 % quantile of Student's t with `df` degrees of freedom (two-sided 95 % intervals). */
export function t975(df: number): number {
  if (df < 1) return NaN;
  if (df < T975.length) return T975[df]!;
  // Cornish–Fisher expansion around the normal quantile; good to 1e-3 beyond 30 df.
  const z = 1.959964;
  const z3 = z ** 3;
  const z5 = z ** 5;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
}

export interface Estimate {
  mean: number;
  /** Half-width of the 95 % confidence interval (NaN with fewer than 2 replications). */
  ci: number;
  n: number;
}

/** Mean across independent replications with a 95 % t-interval. */
export function estimate(xs: readonly number[]): Estimate {
  const finite = xs.filter((x) => Number.isFinite(x));
  const n = finite.length;
  return { mean: mean(finite), ci: n > 1 ? (t975(n - 1) * sampleSd(finite)) / Math.sqrt(n) : NaN, n };
}
