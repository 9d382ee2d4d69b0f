/**
 * Erlang B and C for an M/M/c queue, computed with the numerically stable recursion
 * B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), then C = c·B / (c − a·(1 − B)).
 * No factorials or powers, so it stays exact-ish for hundreds of servers.
 */

/** Blocking probability of M/M/c/c with offered load `a` Erlangs. */
export function erlangB(servers: number, offeredLoad: number): number {
  if (!Number.isInteger(servers) || servers < 0) throw new Error('servers must be a non-negative integer');
  if (offeredLoad < 0) throw new Error('offered load must be non-negative');
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/** Probability that an arrival waits in M/M/c (1 when the system is unstable). */
export function erlangC(servers: number, offeredLoad: number): number {
  if (offeredLoad >= servers) return 1;
  const b = erlangB(servers, offeredLoad);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

export interface MMcInput {
  servers: number;
  lambdaPerHour: number;
  serviceMinutes: number;
}

/** Mean wait in queue (minutes) of M/M/c: C / (c·μ − λ). Infinity when unstable. */
export function erlangWqMinutes({ servers, lambdaPerHour, serviceMinutes }: MMcInput): number {
  const lambdaPerMin = lambdaPerHour / 60;
  const mu = 1 / serviceMinutes;
  const a = lambdaPerMin * serviceMinutes;
  if (a >= servers) return Infinity;
  return erlangC(servers, a) / (servers * mu - lambdaPerMin);
}

/** P(W > t) of M/M/c, t in minutes: C·e^(−(cμ−λ)t). */
export function erlangWaitTail({ servers, lambdaPerHour, serviceMinutes }: MMcInput, tMinutes: number): number {
  const lambdaPerMin = lambdaPerHour / 60;
  const a = lambdaPerMin * serviceMinutes;
  if (a >= servers) return 1;
  return erlangC(servers, a) * Math.exp(-(servers / serviceMinutes - lambdaPerMin) * tMinutes);
}
