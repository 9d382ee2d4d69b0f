import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, erlangWaitTail, erlangWqMinutes } from '../../scripts/sim/erlang';

describe('Erlang C (stable recursion)', () => {
  it.each([
    [6, 2.94],
    [7, 0.81],
    [8, 0.28],
  ])('λ = 60/h, 5 min service, c = %i → Wq %f min', (c, wq) => {
    expect(erlangWqMinutes({ servers: c, lambdaPerHour: 60, serviceMinutes: 5 })).toBeCloseTo(wq, 2);
  });

  it('matches closed forms for small cases', () => {
    // M/M/1: P(wait) = ρ, Wq = ρ/(μ − λ).
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12);
    expect(erlangWqMinutes({ servers: 1, lambdaPerHour: 6, serviceMinutes: 5 })).toBeCloseTo(5, 12);
    // Erlang B with one server: a / (1 + a); with two: a²/2 / (1 + a + a²/2).
    expect(erlangB(1, 2)).toBeCloseTo(2 / 3, 12);
    expect(erlangB(2, 2)).toBeCloseTo(2 / 5, 12);
    expect(erlangB(0, 3)).toBe(1);
  });

  it('stays finite and sensible for hundreds of servers (no factorial overflow)', () => {
    const c = erlangC(500, 480);
    expect(Number.isFinite(c)).toBe(true);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
    // More servers never wait longer.
    expect(erlangC(501, 480)).toBeLessThan(c);
  });

  it('is 1 (and the wait infinite) when the queue is unstable', () => {
    expect(erlangC(5, 5)).toBe(1);
    expect(erlangWqMinutes({ servers: 5, lambdaPerHour: 60, serviceMinutes: 5 })).toBe(Infinity);
  });

  it('wait tail: P(W > 0) is C and it decays', () => {
    const q = { servers: 7, lambdaPerHour: 60, serviceMinutes: 5 };
    expect(erlangWaitTail(q, 0)).toBeCloseTo(erlangC(7, 5), 12);
    expect(erlangWaitTail(q, 2)).toBeLessThan(erlangWaitTail(q, 1));
  });

  it('refuses nonsense input', () => {
    expect(() => erlangB(-1, 1)).toThrow();
    expect(() => erlangB(1.5, 1)).toThrow();
    expect(() => erlangB(2, -1)).toThrow();
  });
});
