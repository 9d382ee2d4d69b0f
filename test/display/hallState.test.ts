import { describe, expect, it } from 'vitest';
import { fixtureCall, fixtureSnapshot, fixtureWindow } from '../../display/src/shared/fixtureHall';
import { addCall, applyChange, fromSnapshot, MAX_RECENT_CALLS } from '../../display/src/shared/hallState';

describe('hallState', () => {
  it('sorts snapshot calls newest first, whatever order the server sent', () => {
    const snap = fixtureSnapshot({ seq: 50 });
    const calls = [fixtureCall(3, 'A003', 3), fixtureCall(9, 'A009', 9), fixtureCall(5, 'A005', 5)];
    const state = fromSnapshot({ ...snap, recentCalls: calls });
    expect(state.recentCalls.map((c) => c.seq)).toEqual([9, 5, 3]);
  });

  it('keeps one entry per number and window, the newest on top', () => {
    let state = fromSnapshot({ ...fixtureSnapshot(), recentCalls: [] });
    state = addCall(state, fixtureCall(1, 'A001', 1));
    state = addCall(state, fixtureCall(2, 'A002', 2));
    state = addCall(state, fixtureCall(3, 'A001', 1, true));
    expect(state.recentCalls.map((c) => `${c.number}:${c.seq}`)).toEqual(['A001:3', 'A002:2']);
    for (let i = 10; i < 100; i++) state = addCall(state, fixtureCall(i, `B${i}`, 2));
    expect(state.recentCalls).toHaveLength(MAX_RECENT_CALLS);
  });

  it('adds a window it did not know, in number order, and never mutates the old state', () => {
    const before = fromSnapshot(fixtureSnapshot({ windows: 3 }));
    const after = applyChange(before, { seq: 101, at: 'x', windows: [fixtureWindow(40), fixtureWindow(2, { state: 'open' })], queues: [] });
    expect(after.windows.map((w) => w.no)).toEqual([1, 2, 3, 40]);
    expect(after.windows[1]!.state).toBe('open');
    expect(before.windows.map((w) => w.no)).toEqual([1, 2, 3]);
    expect(before.windows[1]!.state).not.toBe('open');
  });

  it('takes a new hall only when the change carries one; a new service day clears the calls', () => {
    const before = fromSnapshot(fixtureSnapshot());
    expect(before.recentCalls.length).toBeGreaterThan(0);
    expect(applyChange(before, { seq: 101, at: 'x', windows: [], queues: [] }).hall).toBe(before.hall);
    const notices = { ...before.hall, notices: ['新通知'] };
    const sameDay = applyChange(before, { seq: 101, at: 'x', windows: [], queues: [], hall: notices });
    expect(sameDay.hall.notices).toEqual(['新通知']);
    expect(sameDay.recentCalls).toEqual(before.recentCalls);
    const hall = { ...before.hall, serviceDay: '2025-05-13' };
    const nextDay = applyChange(before, { seq: 101, at: 'x', windows: [], queues: [], hall });
    expect(nextDay.hall.serviceDay).toBe('2025-05-13');
    expect(nextDay.recentCalls).toEqual([]);
  });
});
