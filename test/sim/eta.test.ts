import { describe, expect, it } from 'vitest';
import { CALL_TO_START_SECONDS, aheadOf, capacityFor, etaSecondsOf, type HallState } from '../../server/domain';
import { MIN, T0, issue, makeHall, next, o, p, run, win } from '../support/hall-fixture';

const cycle = (h: HallState, q: string) => h.queues.get(q)!.avgServiceSeconds + CALL_TO_START_SECONDS;
const eta = (h: HallState, id: string) => etaSecondsOf(h, h.tickets.get(id)!);
/** Median of Gamma(m, servers / cycle) as the predictor approximates it: (m − 1/3 + 8/(405m)) · cycle / servers. */
const median = (m: number, c: number, servers: number) => Math.round(((m - 1 / 3 + 8 / (405 * m)) * c) / servers);

describe('ETA from the live state', () => {
  it('is 0 when a window that serves the queue is idle', () => {
    const h = makeHall([win(1, [p('A')], 'c1'), win(2, [p('A')], 'c2')]);
    expect(eta(h, issue(h, 'A', T0))).toBe(0);
  });

  it('is the median time of the (ahead + 1 − idle)-th completion among the serving windows: ≈ (k + 2/3)·cycle / servers', () => {
    const h = makeHall([win(1, [p('A')], 'c1'), win(2, [p('A')], 'c2')]);
    issue(h, 'A', T0);
    issue(h, 'A', T0);
    next(h, 1, T0);
    next(h, 2, T0);
    const waiting = [issue(h, 'A', T0 + MIN), issue(h, 'A', T0 + MIN), issue(h, 'A', T0 + MIN)];
    expect(waiting.map((id) => aheadOf(h, h.tickets.get(id)!))).toEqual([0, 1, 2]);
    expect(waiting.map((id) => eta(h, id))).toEqual([1, 2, 3].map((m) => median(m, cycle(h, 'A'), 2)));
  });

  it('counts an overflow window only while its own primary queues are empty', () => {
    const h = makeHall([win(1, [p('A')], 'c1'), win(2, [p('B'), o('A')], 'c2')]);
    issue(h, 'A', T0);
    issue(h, 'A', T0);
    next(h, 1, T0);
    next(h, 2, T0); // window 2 takes the second A ticket as overflow
    const a3 = issue(h, 'A', T0 + MIN);
    expect(capacityFor(h, 'A').servers).toBe(2);
    expect(eta(h, a3)).toBe(median(1, cycle(h, 'A'), 2));
    issue(h, 'B', T0 + MIN); // now window 2 has its own work waiting
    expect(capacityFor(h, 'A')).toMatchObject({ servers: 1, later: 1 });
    expect(eta(h, a3)).toBe(median(1, cycle(h, 'A'), 1));
  });

  it('ignores paused and closed windows and clerks without the skill', () => {
    const h = makeHall([win(1, [p('A')], 'c1'), win(2, [p('A')], 'c2'), win(3, [p('A')]), win(4, [p('A')], 'c4')]);
    run(h, { type: 'pause', windowNo: 2, clerkId: 'c2', reason: 'break' }, T0);
    h.clerks.get('c4')!.skills = ['B'];
    expect(capacityFor(h, 'A')).toMatchObject({ servers: 1, idle: 1 });
  });

  it('a priority ticket counts only the priority tickets ahead of it', () => {
    const h = makeHall([win(1, [p('A')], 'c1')]);
    issue(h, 'A', T0);
    next(h, 1, T0);
    issue(h, 'A', T0 + 1);
    issue(h, 'A', T0 + 2);
    const pr = issue(h, 'A', T0 + 3, { priority: 'priority' });
    expect(aheadOf(h, h.tickets.get(pr)!)).toBe(0);
    expect(eta(h, pr)).toBe(median(1, cycle(h, 'A'), 1));
  });

  it('with no window on the queue, still gives a finite estimate', () => {
    const h = makeHall([win(1, [p('B')], 'c1')]);
    const a = issue(h, 'A', T0);
    expect(eta(h, a)).toBe(median(1, cycle(h, 'A'), 1));
  });

  it('is 0 for a ticket that no longer waits', () => {
    const h = makeHall([win(1, [p('A')], 'c1')]);
    const a = issue(h, 'A', T0);
    next(h, 1, T0);
    expect(eta(h, a)).toBe(0);
  });
});
