import { describe, expect, it } from 'vitest';
import type { MappingEntry } from '../../shared/schemas';
import { addQueue, moveQueue, removeQueue, sameMapping, setRole } from '../../counter/src/admin/logic/mapping';
import { hallTotals, queueBoard, uncoveredQueues, waitLevel, windowServiceSeconds } from '../../counter/src/admin/logic/board';
import { iso, queue, T0, ticket, window } from './fixtures';

const m = (spec: string): MappingEntry[] =>
  spec.split(' ').filter(Boolean).map((s) => ({ queue: s[0]!, role: s[1] === '*' ? 'overflow' : 'primary' }));
const show = (mapping: MappingEntry[]): string => mapping.map((e) => e.queue + (e.role === 'overflow' ? '*' : '')).join(' ');

describe('mapping edits', () => {
  it.each([
    ['a primary goes after the last primary', 'A B*', 'C', 'primary', undefined, 'A C B*'],
    ['an overflow goes last', 'A B*', 'C', 'overflow', undefined, 'A B* C*'],
    ['into an empty window', '', 'C', 'overflow', undefined, 'C*'],
    ['at a given place', 'A B C', 'D', 'primary', 1, 'A D B C'],
    ['an existing queue changes role and place, never doubles', 'A B* C*', 'B', 'primary', undefined, 'A B C*'],
  ] as const)('%s', (_n, before, q, role, at, after) => {
    expect(show(addQueue(m(before), q, role, at))).toBe(after);
  });

  it('removes, reorders and flips roles', () => {
    expect(show(removeQueue(m('A B* C'), 'B'))).toBe('A C');
    expect(show(moveQueue(m('A B C'), 2, 0))).toBe('C A B');
    expect(show(moveQueue(m('A B C'), 0, 9))).toBe('B C A');
    expect(show(moveQueue(m('A B C'), 5, 0))).toBe('A B C');
    expect(show(setRole(m('A B'), 'B', 'overflow'))).toBe('A B*');
  });

  it('compares mappings by order and role', () => {
    expect(sameMapping(m('A B*'), m('A B*'))).toBe(true);
    expect(sameMapping(m('A B*'), m('A B'))).toBe(false);
    expect(sameMapping(m('A B'), m('B A'))).toBe(false);
  });
});

describe('hall board', () => {
  it.each([
    [0, 15, 0, 'ok'],
    [1000, 15, 0, 'ok'], // nobody waits
    [700, 15, 2, 'ok'],
    [720, 15, 2, 'near'],
    [901, 15, 2, 'over'],
    [9999, 0, 2, 'ok'], // no target set
  ] as const)('wait %is vs %i min with %i waiting → %s', (wait, target, waiting, level) => {
    expect(waitLevel(wait, target, waiting)).toBe(level);
  });

  it('lists which open windows serve each queue, and what nobody covers', () => {
    const now = T0 + 20 * 60_000;
    const windows = [
      window(1, { state: 'open', mapping: m('A B*') }),
      window(2, { state: 'closed', mapping: m('B') }),
      window(3, { state: 'paused', mapping: m('B') }),
    ];
    const rows = queueBoard(
      [queue('A', { waiting: 1, oldestArrivedAt: iso(T0) }), queue('B'), queue('C', { waiting: 4, longestWaitSeconds: 60 })],
      windows,
      now,
    );
    expect(rows.map((r) => [r.queue.code, r.longestWait, r.level, r.primaryWindows, r.overflowWindows])).toEqual([
      ['A', 1200, 'over', [1], []],
      ['B', 0, 'ok', [3], [1]],
      ['C', 60, 'ok', [], []],
    ]);
    expect(uncoveredQueues(rows).map((r) => r.queue.code)).toEqual(['C']);
    expect(hallTotals(rows, windows)).toEqual({ waiting: 5, openWindows: 1, pausedWindows: 1, overTargetQueues: 1 });
  });

  it('times the ticket at a window from its start, else its call', () => {
    const w = window(1, { state: 'serving', current: ticket({ calledAt: iso(T0), startedAt: iso(T0 + 30_000) }) });
    expect(windowServiceSeconds(w, T0 + 90_000)).toBe(60);
    expect(windowServiceSeconds(window(2), T0)).toBe(0);
  });
});
