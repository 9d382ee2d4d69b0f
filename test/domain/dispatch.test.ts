import { describe, expect, it } from 'vitest';
import { defaultPolicy, type DispatchCandidate } from '../../server/domain';

const NOW = 10_000_000;
const ago = (min: number) => NOW - min * 60_000;
let order = 0;
const head = (id: string, waitedMin: number) => ({ id, arrivedAt: ago(waitedMin), order: ++order });
const cand = (queue: string, role: 'primary' | 'overflow', targetMin: number, heads: { p?: ReturnType<typeof head>; n?: ReturnType<typeof head> }): DispatchCandidate => ({
  queue,
  role,
  targetWaitSeconds: targetMin * 60,
  priorityHead: heads.p,
  normalHead: heads.n,
});

describe('default dispatch policy', () => {
  const cases: { name: string; candidates: DispatchCandidate[]; streak?: number; expect: string | null; reason?: string }[] = [
    { name: 'nothing waits → nothing called', candidates: [], expect: null },
    {
      name: 'rule 1: primary head beats an older overflow head still within its target',
      candidates: [cand('A', 'primary', 10, { n: head('a1', 2) }), cand('C', 'overflow', 30, { n: head('c1', 20) })],
      expect: 'a1',
      reason: 'primary',
    },
    {
      name: 'rule 1: SLA pull — overflow head past its target competes with primaries',
      candidates: [cand('A', 'primary', 10, { n: head('a1', 2) }), cand('C', 'overflow', 15, { n: head('c1', 20) })],
      expect: 'c1',
      reason: 'sla_pull',
    },
    {
      name: 'rule 1: work-conserving — primary empty, overflow served',
      candidates: [cand('C', 'overflow', 30, { n: head('c1', 1) })],
      expect: 'c1',
      reason: 'overflow',
    },
    {
      name: 'rule 2: priority before normal in the same queue',
      candidates: [cand('A', 'primary', 10, { p: head('ap', 1), n: head('an', 9) })],
      expect: 'ap',
    },
    {
      name: 'rule 2: after prioritySwapAfter priority calls, the longest-waiting goes',
      candidates: [cand('A', 'primary', 10, { p: head('ap', 1), n: head('an', 9) })],
      streak: 2,
      expect: 'an',
    },
    {
      name: 'rule 2: swap still picks priority if it is the longest-waiting',
      candidates: [cand('A', 'primary', 10, { p: head('ap', 12), n: head('an', 9) })],
      streak: 2,
      expect: 'ap',
    },
    {
      name: 'rule 3: across primaries, wait relative to target wins',
      // B waited 15 of 20 (0.75); A waited 9 of 10 (0.9) → A
      candidates: [cand('B', 'primary', 20, { n: head('b1', 15) }), cand('A', 'primary', 10, { n: head('a1', 9) })],
      expect: 'a1',
    },
    {
      name: 'rule 3: equal urgency → earlier arrival',
      candidates: [cand('A', 'primary', 10, { n: head('a1', 5) }), cand('B', 'primary', 10, { n: head('b1', 6) })],
      expect: 'b1',
    },
    {
      name: 'priority head of an overflow queue does not jump a primary when within target',
      candidates: [cand('A', 'primary', 10, { n: head('a1', 1) }), cand('L', 'overflow', 15, { p: head('l1', 5) })],
      expect: 'a1',
    },
  ];
  it.each(cases)('$name', (c) => {
    const choice = defaultPolicy({ now: NOW, candidates: c.candidates, priorityStreak: c.streak ?? 0, prioritySwapAfter: 2 });
    expect(choice?.ticketId ?? null).toBe(c.expect);
    if (c.reason) expect(choice?.reason).toBe(c.reason);
  });
});
