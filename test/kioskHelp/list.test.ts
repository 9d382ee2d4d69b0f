/** 自助机呼叫工作人员 as the screens hold it (shared/kioskHelpList.ts): order, pushes, rings, the kiosk's phase and name. */
import { describe, expect, it } from 'vitest';
import type { KioskHelpCall, KioskHelpMine } from '../../shared/kioskHelp';
import { kioskHelpPhase, kioskLabel, liveCalls, minutesSince, newlyOpen, shouldRemind, sortCalls, upsertCall } from '../../shared/kioskHelpList';

const T0 = Date.parse('2026-11-30T01:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const call = (id: string, status: KioskHelpCall['status'], raisedS: number, over: Partial<KioskHelpCall> = {}): KioskHelpCall => ({
  id,
  serviceDay: '2026-11-30',
  kioskId: `kiosk-${id}xxxxxxxx`,
  status,
  raisedAt: at(raisedS),
  ...over,
});

describe('the desk list', () => {
  it('unanswered oldest first, then taken, then ended newest first', () => {
    const list = [call('a', 'resolved', 0), call('b', 'acknowledged', 10), call('c', 'open', 30), call('d', 'open', 20), call('e', 'cancelled', 40)];
    expect(sortCalls(list).map((c) => c.id)).toEqual(['d', 'c', 'b', 'e', 'a']);
    expect(liveCalls(sortCalls(list)).map((c) => c.id)).toEqual(['d', 'c', 'b']);
  });

  it('a push replaces the call it names, or adds it', () => {
    const list = sortCalls([call('a', 'open', 0), call('b', 'open', 10)]);
    expect(upsertCall(list, call('a', 'acknowledged', 0)).map((c) => [c.id, c.status])).toEqual([
      ['b', 'open'],
      ['a', 'acknowledged'],
    ]);
    expect(upsertCall(list, call('z', 'open', 5)).map((c) => c.id)).toEqual(['a', 'z', 'b']);
  });

  it.each([
    [[], [call('a', 'open', 0)], ['a']],
    [[call('a', 'open', 0)], [call('a', 'open', 0)], []],
    [[], [call('a', 'acknowledged', 0)], []],
    [[call('a', 'open', 0)], [call('a', 'open', 0), call('b', 'open', 9)], ['b']],
  ] as const)('rings for the new unanswered calls (%#)', (before, after, expected) => {
    expect(newlyOpen(before, after).map((c) => c.id)).toEqual(expected);
  });

  it.each([
    [[call('a', 'open', 0)], 60_000, 0, true],
    [[call('a', 'open', 0)], 59_999, 0, false],
    [[call('a', 'acknowledged', 0)], 600_000, 0, false],
  ] as const)('rings again each minute while one is unanswered (%#)', (list, now, last, expected) => {
    expect(shouldRemind(list, now, last)).toBe(expected);
  });
});

describe('names and minutes', () => {
  const no = (n: number) => `自助取号机 ${n}`;
  const tail = (t: string) => `取号机 …${t}`;
  it.each([
    [{ kioskId: 'kiosk-abcdefgh', kioskName: '东门取号机', kioskNo: 2 }, '东门取号机'],
    [{ kioskId: 'kiosk-abcdefgh', kioskNo: 2 }, '自助取号机 2'],
    [{ kioskId: 'kiosk-abcdefgh' }, '取号机 …efgh'],
  ])('%o → %s', (c, expected) => {
    expect(kioskLabel(c, no, tail)).toBe(expected);
  });

  it.each([
    [0, 0],
    [59, 0],
    [60, 1],
    [185, 3],
    [-30, 0],
  ])('%s s after → %s min', (s, m) => {
    expect(minutesSince(at(0), T0 + s * 1000)).toBe(m);
  });
});

describe('the kiosk’s phase', () => {
  const mine = (over: Partial<KioskHelpMine>): KioskHelpMine => ({ id: 'a', status: 'open', raisedAt: at(0), ...over });
  it.each([
    [null, 0, { name: 'none' }],
    [mine({}), 30_000, { name: 'waiting', minutes: 0 }],
    [mine({}), 130_000, { name: 'waiting', minutes: 2 }],
    [mine({ status: 'acknowledged', acknowledgedAt: at(40) }), 70_000, { name: 'coming', minutes: 1 }],
    [mine({ status: 'acknowledged', helper: '王导办' }), 0, { name: 'coming', minutes: 0, helper: '王导办' }],
    [mine({ status: 'resolved' }), 0, { name: 'none' }],
    [mine({ status: 'cancelled' }), 0, { name: 'none' }],
  ] as const)('%o at +%s ms → %o', (m, dt, expected) => {
    expect(kioskHelpPhase(m, T0 + dt)).toEqual(expected);
  });
});
