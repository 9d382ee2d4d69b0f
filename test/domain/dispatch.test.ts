import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISPATCH_TUNING,
  defaultPolicy,
  idleWindowOrder,
  makeDispatchPolicy,
  type DispatchCandidate,
  type DispatchPolicy,
} from '../../server/domain';

const NOW = 10_000_000;
const ago = (min: number) => NOW - min * 60_000;
let order = 0;
const head = (id: string, waitedMin: number) => ({ id, arrivedAt: ago(waitedMin), order: ++order });
type H = ReturnType<typeof head>;
const cand = (queue: string, role: 'primary' | 'overflow', targetMin: number, heads: { p?: H; n?: H }, avgServiceMin?: number): DispatchCandidate => ({
  queue,
  role,
  targetWaitSeconds: targetMin * 60,
  priorityHead: heads.p,
  normalHead: heads.n,
  avgServiceSeconds: avgServiceMin === undefined ? undefined : avgServiceMin * 60,
});

interface Case {
  name: string;
  candidates: DispatchCandidate[];
  streak?: number;
  expect: string | null;
  reason?: string;
  policy?: DispatchPolicy;
}

function check(c: Case): void {
  const choice = (c.policy ?? defaultPolicy)({ now: NOW, candidates: c.candidates, priorityStreak: c.streak ?? 0, prioritySwapAfter: 2 });
  expect(choice?.ticketId ?? null).toBe(c.expect);
  if (c.reason) expect(choice?.reason).toBe(c.reason);
}

describe('rule 1: primary first, SLA pull, work-conserving overflow', () => {
  it('pulls at 60 % of the target by default', () => {
    expect(DEFAULT_DISPATCH_TUNING.slaPullFraction).toBe(0.6);
  });
  const cases: Case[] = [
    { name: 'nothing waits → nothing called', candidates: [], expect: null },
    {
      name: 'primary head beats an older overflow head that has used less than 60 % of its target',
      candidates: [cand('A', 'primary', 10, { n: head('a1', 2) }), cand('C', 'overflow', 30, { n: head('c1', 15) })],
      expect: 'a1',
      reason: 'primary',
    },
    {
      name: 'at exactly 60 % the overflow head is not yet pulled',
      candidates: [cand('A', 'primary', 10, { n: head('a1', 1) }), cand('C', 'overflow', 30, { n: head('c1', 18) })],
      expect: 'a1',
    },
    {
      name: 'SLA pull: past 60 % of its target the overflow head competes with the primaries, and wins when more urgent',
      candidates: [cand('A', 'primary', 10, { n: head('a1', 2) }), cand('C', 'overflow', 30, { n: head('c1', 20) })],
      expect: 'c1',
      reason: 'sla_pull',
    },
    {
      name: 'SLA pull: a pulled head still loses to a primary head that is more urgent',
      // A: 9 of 10 (0.9); C: 20 of 30 (0.67, pulled)
      candidates: [cand('A', 'primary', 10, { n: head('a1', 9) }), cand('C', 'overflow', 30, { n: head('c1', 20) })],
      expect: 'a1',
      reason: 'primary',
    },
    {
      name: 'SLA pull looks at the oldest ticket of the overflow queue, priority or not',
      candidates: [cand('A', 'primary', 10, { n: head('a1', 1) }), cand('C', 'overflow', 10, { p: head('cp', 1), n: head('cn', 8) })],
      // C is pulled (8 of 10); its priority head goes first (rule 2).
      expect: 'cp',
      reason: 'sla_pull',
    },
    {
      name: 'work-conserving: with the primaries empty an overflow ticket is served at once',
      candidates: [cand('C', 'overflow', 30, { n: head('c1', 0) })],
      expect: 'c1',
      reason: 'overflow',
    },
    {
      name: 'among overflow queues, none pulled: the most urgent relative to its target',
      // B: 5 of 20 (0.25); C: 4 of 10 (0.4)
      candidates: [cand('B', 'overflow', 20, { n: head('b1', 5) }), cand('C', 'overflow', 10, { n: head('c1', 4) })],
      expect: 'c1',
      reason: 'overflow',
    },
    {
      name: 'the design’s first rule (pull only past the target) is still available as a tuning',
      candidates: [cand('A', 'primary', 10, { n: head('a1', 2) }), cand('C', 'overflow', 30, { n: head('c1', 20) })],
      policy: makeDispatchPolicy({ ...DEFAULT_DISPATCH_TUNING, slaPullFraction: 1 }),
      expect: 'a1',
    },
  ];
  it.each(cases)('$name', check);

  it('bounds the wait of an overflow-only ticket: a window whose primary never empties still serves it', () => {
    // The primary queue always has a fresh head (1 of 10 min); the overflow ticket ages.
    const served = [1, 3, 5, 6, 7, 9].map((waited) => {
      const choice = defaultPolicy({
        now: NOW,
        candidates: [cand('A', 'primary', 10, { n: head(`a${waited}`, 1) }), cand('C', 'overflow', 10, { n: head(`c${waited}`, waited) })],
        priorityStreak: 0,
        prioritySwapAfter: 2,
      });
      return choice?.queue;
    });
    expect(served).toEqual(['A', 'A', 'A', 'A', 'C', 'C']);
  });
});

describe('rule 2: priority first, with a swap so normal tickets never starve', () => {
  const cases: Case[] = [
    {
      name: 'priority before normal in the same queue',
      candidates: [cand('A', 'primary', 10, { p: head('ap', 1), n: head('an', 9) })],
      expect: 'ap',
    },
    {
      name: 'a priority head of another primary queue goes before a more urgent normal head',
      candidates: [cand('A', 'primary', 10, { n: head('a1', 9) }), cand('L', 'primary', 10, { p: head('l1', 1) })],
      expect: 'l1',
    },
    {
      name: 'after prioritySwapAfter priority calls in a row, the most urgent head goes, priority or not',
      candidates: [cand('A', 'primary', 10, { p: head('ap', 1), n: head('an', 9) })],
      streak: 2,
      expect: 'an',
    },
    {
      name: 'the swap still picks the priority ticket when it is the most urgent',
      candidates: [cand('A', 'primary', 10, { p: head('ap', 12), n: head('an', 9) })],
      streak: 2,
      expect: 'ap',
    },
    {
      name: 'a priority head of an overflow queue does not jump a primary while the queue is not pulled',
      candidates: [cand('A', 'primary', 10, { n: head('a1', 1) }), cand('L', 'overflow', 15, { p: head('l1', 5) })],
      expect: 'a1',
    },
    {
      name: 'a priority head of a pulled overflow queue goes before a normal primary head',
      candidates: [cand('A', 'primary', 10, { n: head('a1', 5) }), cand('L', 'overflow', 15, { p: head('l1', 10) })],
      expect: 'l1',
      reason: 'sla_pull',
    },
  ];
  it.each(cases)('$name', check);
});

describe('rule 3: among equals, the longest wait relative to the target', () => {
  const cases: Case[] = [
    {
      name: 'across primaries, wait relative to target wins (aging by target)',
      // B waited 15 of 20 (0.75); A waited 9 of 10 (0.9) → A
      candidates: [cand('B', 'primary', 20, { n: head('b1', 15) }), cand('A', 'primary', 10, { n: head('a1', 9) })],
      expect: 'a1',
    },
    {
      name: 'equal urgency → the earlier arrival',
      candidates: [cand('A', 'primary', 10, { n: head('a1', 5) }), cand('B', 'primary', 10, { n: head('b1', 6) })],
      expect: 'b1',
    },
    {
      name: 'equal arrival too → the earlier issue',
      candidates: [cand('B', 'primary', 10, { n: { id: 'b1', arrivedAt: ago(5), order: 2 } }), cand('A', 'primary', 10, { n: { id: 'a1', arrivedAt: ago(5), order: 1 } })],
      expect: 'a1',
    },
    {
      name: 'tuning crossQueue=absolute compares plain waits instead',
      candidates: [cand('B', 'primary', 20, { n: head('b1', 15) }), cand('A', 'primary', 10, { n: head('a1', 9) })],
      policy: makeDispatchPolicy({ ...DEFAULT_DISPATCH_TUNING, crossQueue: 'absolute' }),
      expect: 'b1',
    },
    {
      name: 'tuning overflowChoice=shortest-service prefers the quicker overflow queue (cμ)',
      // C more urgent (0.4 vs 0.25) but its service takes 15 min against 3.
      candidates: [cand('K', 'overflow', 20, { n: head('k1', 5) }, 3), cand('C', 'overflow', 10, { n: head('c1', 4) }, 15)],
      policy: makeDispatchPolicy({ ...DEFAULT_DISPATCH_TUNING, overflowChoice: 'shortest-service' }),
      expect: 'k1',
    },
  ];
  it.each(cases)('$name', check);
});

describe('idle window order (which idle window should call an arriving ticket)', () => {
  it('windows where the queue is primary first, then the one idle longest, then the lower number', () => {
    const ws = [
      { no: 14, idleSince: 1_000, role: 'overflow' as const },
      { no: 10, idleSince: 3_000, role: 'primary' as const },
      { no: 11, idleSince: 2_000, role: 'primary' as const },
      { no: 9, idleSince: 2_000, role: 'primary' as const },
    ];
    expect(idleWindowOrder(ws).map((w) => w.no)).toEqual([9, 11, 10, 14]);
    // The input is left as it was.
    expect(ws.map((w) => w.no)).toEqual([14, 10, 11, 9]);
  });
});
