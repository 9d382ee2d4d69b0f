import { describe, expect, it } from 'vitest';
import { callPrompts } from '../../server/domain';
import { MIN, T0, issue, makeHall, next, o, p, run, win } from '../support/hall-fixture';

describe('请叫号 prompts', () => {
  it('nothing waiting, nothing prompted', () => {
    const h = makeHall();
    expect(callPrompts(h, T0)).toEqual([]);
  });

  it('one ticket, two idle windows with the queue as primary: the one idle longest is prompted', () => {
    const h = makeHall([win(1, [p('A')]), win(2, [p('A')])]);
    run(h, { type: 'signIn', windowNo: 2, clerkId: 'c2' }, T0); // idle since 09:00
    run(h, { type: 'signIn', windowNo: 1, clerkId: 'c1' }, T0 + MIN); // idle since 09:01
    issue(h, 'A', T0 + 2 * MIN);
    expect(callPrompts(h, T0 + 2 * MIN)).toEqual([{ windowNo: 2, queue: 'A' }]);
  });

  it('a primary window is prompted before an overflow window idle longer', () => {
    const h = makeHall([win(1, [p('B'), o('A')]), win(2, [p('A')])]);
    run(h, { type: 'signIn', windowNo: 1, clerkId: 'c1' }, T0);
    run(h, { type: 'signIn', windowNo: 2, clerkId: 'c2' }, T0 + 5 * MIN);
    issue(h, 'A', T0 + 6 * MIN);
    expect(callPrompts(h, T0 + 6 * MIN)).toEqual([{ windowNo: 2, queue: 'A' }]);
  });

  it('as many windows as people waiting; busy, paused and closed windows are never prompted', () => {
    const h = makeHall([win(1, [p('A')], 'c1'), win(2, [p('A')], 'c2'), win(3, [p('A')], 'c3'), win(4, [p('A')])]);
    issue(h, 'A', T0);
    next(h, 1, T0); // window 1 busy
    run(h, { type: 'pause', windowNo: 2, clerkId: 'c2', reason: 'break' }, T0);
    issue(h, 'A', T0 + MIN);
    issue(h, 'A', T0 + MIN);
    expect(callPrompts(h, T0 + MIN)).toEqual([{ windowNo: 3, queue: 'A' }]);
  });

  it('a window that just finished goes behind one that has waited longer', () => {
    const h = makeHall([win(1, [p('A')], 'c1'), win(2, [p('A')], 'c2')]);
    h.windows.get(2)!.idleSince = T0;
    issue(h, 'A', T0);
    next(h, 1, T0);
    run(h, { type: 'complete', windowNo: 1, clerkId: 'c1' }, T0 + 5 * MIN); // window 1 idle since 09:05
    issue(h, 'A', T0 + 6 * MIN);
    expect(callPrompts(h, T0 + 6 * MIN)).toEqual([{ windowNo: 2, queue: 'A' }]);
  });
});
