/** 调度建议: which window the board offers to take a crowded queue as overflow (counter/src/admin/logic/suggest.ts). */
import { describe, expect, it } from 'vitest';
import type { MappingEntry, Window, WindowKind } from '../../shared/schemas';
import { queueBoard } from '../../counter/src/admin/logic/board';
import { MAX_SUGGESTIONS, suggestionKey, suggestOverflow } from '../../counter/src/admin/logic/suggest';
import { queue, T0, window } from './fixtures';

const MIN = 60;
const m = (spec: string): MappingEntry[] =>
  spec.split(' ').filter(Boolean).map((s) => ({ queue: s[0]!, role: s[1] === '*' ? 'overflow' : 'primary' }));
/** A staffed window: `no`, its mapping as 'A B*', its clerk's skills, kind and state. */
function win(no: number, mapping: string, opts: { skills?: string; kind?: WindowKind; state?: Window['state'] } = {}): { w: Window; skills: string } {
  const w = window(no, { state: opts.state ?? 'serving', kind: opts.kind ?? 'comprehensive', mapping: m(mapping), clerk: { id: `u${no}`, username: `c${no}`, name: `员${no}` } });
  return { w, skills: opts.skills ?? 'ABCDEF' };
}

/** Queues: code → [waiting, longest wait in minutes]; every target is 15 minutes. */
function hall(queues: Record<string, [number, number]>, wins: { w: Window; skills: string }[], dismissed?: string[]) {
  const rows = queueBoard(
    Object.entries(queues).map(([code, [waiting, minutes]]) => queue(code, { waiting, longestWaitSeconds: minutes * MIN })),
    wins.map((x) => x.w),
    T0,
  );
  const skills = new Map(wins.filter((x) => x.w.clerk).map((x) => [x.w.clerk!.id, [...x.skills]]));
  return suggestOverflow({ rows, windows: wins.map((x) => x.w), skills, dismissed: new Set(dismissed) });
}
const show = (s: ReturnType<typeof suggestOverflow>): string[] => s.map((x) => `${x.queue.queue.code}→${x.window.no}`);

interface Case {
  name: string;
  queues: Record<string, [number, number]>;
  wins: { w: Window; skills: string }[];
  dismissed?: string[];
  want: string[];
}

describe('调度建议', () => {
  it.each<Case>([
    {
      name: 'a crowded queue (past 80 % of its target) gets the window whose own queues are calm',
      queues: { A: [6, 13], B: [0, 0] },
      wins: [win(1, 'A'), win(2, 'B')],
      want: ['A→2'],
    },
    {
      name: 'nothing while every queue is calm (under 80 % of the target)',
      queues: { A: [6, 11], B: [0, 0] },
      wins: [win(1, 'A'), win(2, 'B')],
      want: [],
    },
    {
      name: 'a window that already maps the queue (as overflow too) is not offered',
      queues: { A: [6, 20], B: [0, 0] },
      wins: [win(1, 'A'), win(2, 'B A*')],
      want: [],
    },
    {
      name: 'never a window whose own queue is crowded too',
      queues: { A: [6, 20], B: [3, 13] },
      wins: [win(1, 'A'), win(2, 'B')],
      want: [],
    },
    {
      name: 'never a window with a calm primary but a crowded overflow',
      queues: { A: [6, 20], B: [0, 0], C: [4, 14] },
      wins: [win(1, 'A'), win(2, 'B C*'), win(3, 'C')],
      want: [],
    },
    {
      name: 'the clerk must have the skill',
      queues: { A: [6, 20], B: [0, 0], C: [0, 0] },
      wins: [win(1, 'A'), win(2, 'B', { skills: 'B' }), win(3, 'C')],
      want: ['A→3'],
    },
    {
      name: 'paused, closed and clerk-less windows are left alone',
      queues: { A: [6, 20], B: [0, 0] },
      wins: [win(1, 'A'), win(2, 'B', { state: 'paused' }), win(3, 'B', { state: 'closed' }), { w: window(4, { state: 'open', mapping: m('B') }), skills: '' }],
      want: [],
    },
    {
      name: 'a comprehensive window before a dedicated one, even a busier one',
      queues: { A: [6, 20], B: [2, 2], C: [0, 0] },
      wins: [win(1, 'A'), win(2, 'C', { kind: 'dedicated' }), win(3, 'B')],
      want: ['A→3'],
    },
    {
      name: 'among comprehensive windows the one with fewer waiting for it, then an idle one, then the lower number',
      queues: { A: [6, 20], B: [4, 3], C: [0, 0] },
      wins: [win(1, 'A'), win(2, 'B'), win(5, 'C'), win(4, 'C', { state: 'open' })],
      want: ['A→4'],
    },
    {
      name: 'the queue furthest over first, and each window offered once',
      queues: { A: [3, 13], F: [9, 30], B: [0, 0] },
      wins: [win(1, 'A'), win(2, 'F'), win(3, 'B')],
      want: ['F→3'],
    },
    {
      name: 'two crowded queues, two calm windows: one each',
      queues: { A: [3, 13], F: [9, 30], B: [0, 0], C: [0, 0] },
      wins: [win(1, 'A'), win(2, 'F'), win(3, 'B'), win(4, 'C')],
      want: ['F→3', 'A→4'],
    },
    {
      name: 'a queue nobody serves at all is offered a window too',
      queues: { E: [2, 14], B: [0, 0] },
      wins: [win(2, 'B')],
      want: ['E→2'],
    },
    {
      name: 'a suggestion waved away is not offered again; the next window is',
      queues: { A: [6, 20], B: [0, 0], C: [0, 0] },
      wins: [win(1, 'A'), win(2, 'B'), win(3, 'C')],
      dismissed: [suggestionKey(2, 'A')],
      want: ['A→3'],
    },
  ])('$name', ({ queues, wins, want, dismissed }) => {
    expect(show(hall(queues, wins, dismissed))).toEqual(want);
  });

  it('adds the queue as overflow after the window own mapping, and says how loaded the window is', () => {
    const [s] = hall({ A: [6, 20], B: [3, 1], C: [0, 0] }, [win(1, 'A'), win(2, 'B C*'), win(3, 'B')]);
    expect(s?.window.no).toBe(2);
    expect(s?.mapping).toEqual(m('B C* A*'));
    expect(s?.ownLoad).toBe(1.5); // 3 waiting for B, which two windows serve first
  });

  it(`offers at most ${MAX_SUGGESTIONS} at once`, () => {
    const crowdedQueues = Object.fromEntries(['A', 'B', 'C', 'D', 'E'].map((q) => [q, [5, 20] as [number, number]]));
    const calm = ['P', 'Q', 'R', 'S', 'T'];
    const wins = calm.map((q, i) => win(10 + i, q, { skills: 'ABCDE' + q }));
    const got = hall({ ...crowdedQueues, ...Object.fromEntries(calm.map((q) => [q, [0, 0] as [number, number]])) }, wins);
    expect(got).toHaveLength(MAX_SUGGESTIONS);
  });
});
