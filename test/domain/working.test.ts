import { describe, expect, it } from 'vitest';
import type { Command } from '../../server/domain';
import { windowView } from '../../server/domain';
import { MIN, T0, issue, makeHall, p, run, win } from '../support/hall-fixture';

/** Since when window 1's clerk has worked without a pause, as staff see it, after each step. */
describe('continuous work (workingSince)', () => {
  const steps: [string, Command, string | undefined][] = [
    ['sign-in starts it', { type: 'signIn', windowNo: 1, clerkId: 'c1' }, new Date(T0).toISOString()],
    ['a pause ends it (absent while paused)', { type: 'pause', windowNo: 1, clerkId: 'c1', reason: 'break' }, undefined],
    ['resuming starts it afresh', { type: 'resume', windowNo: 1, clerkId: 'c1' }, new Date(T0 + 2 * MIN).toISOString()],
    ['serving does not reset it', { type: 'next', windowNo: 1, clerkId: 'c1' }, new Date(T0 + 2 * MIN).toISOString()],
    ['signing out ends it', { type: 'signOut', windowNo: 1, clerkId: 'c1' }, undefined],
  ];

  it('follows sign-in, pause, resume and sign-out', () => {
    const h = makeHall([win(1, [p('A')])]);
    issue(h, 'A', T0);
    steps.forEach(([what, cmd, expected], i) => {
      run(h, cmd, T0 + i * MIN);
      expect(windowView(h, h.windows.get(1)!).workingSince, what).toBe(expected);
    });
  });
});
