import { describe, expect, it } from 'vitest';
import { fixtureCall, fixtureSnapshot, fixtureTicket } from '../../display/src/shared/fixtureHall';
import { callMatches, hallView, NO_FILTER, parseFilter } from '../../display/src/shared/hallFilter';
import { fromSnapshot } from '../../display/src/shared/hallState';

const state = fromSnapshot(fixtureSnapshot({ open: 30 }));

describe('parseFilter', () => {
  it.each([
    ['', { zones: null, queues: null }],
    ['?queues=a,B', { zones: null, queues: ['A', 'B'] }],
    ['?queues=A，B', { zones: null, queues: ['A', 'B'] }],
    [`?zone=${encodeURIComponent('公积金专区')}`, { zones: ['公积金专区'], queues: null }],
    ['?zone=', { zones: null, queues: null }],
    ['?queues=,', { zones: null, queues: null }],
  ])('%s', (search, expected) => {
    expect(parseFilter(search)).toEqual(expected);
  });
});

describe('hallView', () => {
  it('a zone wall reloaded in a busy hall finds its last call among the snapshot’s, 25 calls back', () => {
    const calls = [fixtureCall(1, 'J001', 21), ...Array.from({ length: 25 }, (_, i) => fixtureCall(i + 2, `A${String(i + 1).padStart(3, '0')}`, 1 + (i % 3)))];
    const busy = fromSnapshot({ ...fixtureSnapshot({ open: 30 }), recentCalls: calls });
    const view = hallView(busy, { zones: ['公积金专区'], queues: null });
    // The call itself (spoken once, with its seq), not one rebuilt from the window.
    expect(view.calls[0]).toMatchObject({ number: 'J001', windowNo: 21, seq: 1 });
  });

  it('shows every open window, all queues and all calls without a filter', () => {
    const view = hallView(state, NO_FILTER);
    expect(view.openWindows).toHaveLength(30);
    expect(view.queues).toHaveLength(14);
    expect(view.calls).toEqual(state.recentCalls);
  });

  it('leaves closed windows out', () => {
    const view = hallView(fromSnapshot(fixtureSnapshot({ open: 4 })), NO_FILTER);
    expect(view.openWindows.map((w) => w.no)).toEqual([1, 2, 3, 4]);
  });

  it('a zone shows its windows, the queues they serve and only their calls', () => {
    const zone = parseFilter(`?zone=${encodeURIComponent('公积金专区')}`);
    const view = hallView(state, zone);
    expect(view.openWindows.map((w) => w.zone)).toEqual(['公积金专区', '公积金专区']);
    expect(view.queues.map((q) => q.code)).toEqual(['J']);
    const jWindow = view.openWindows[0]!.no;
    expect(callMatches(state, zone, fixtureCall(200, 'J001', jWindow))).toBe(true);
    expect(callMatches(state, zone, fixtureCall(201, 'A001', 1))).toBe(false);
    expect(view.calls.every((c) => c.windowNo === jWindow || c.windowNo === view.openWindows[1]!.no)).toBe(true);
  });

  it('?queues=A shows the windows that serve A (also as overflow) and only A calls', () => {
    const f = parseFilter('?queues=A');
    const view = hallView(state, f);
    expect(view.queues.map((q) => q.code)).toEqual(['A']);
    expect(view.openWindows.every((w) => w.mapping.some((m) => m.queue === 'A'))).toBe(true);
    expect(view.openWindows.some((w) => w.mapping[0]!.queue === 'C')).toBe(true);
    expect(view.calls.every((c) => c.queue === 'A')).toBe(true);
    expect(callMatches(state, f, fixtureCall(300, 'B001', 4))).toBe(false);
    expect(callMatches(state, f, fixtureCall(301, 'A001', 1))).toBe(true);
  });
});

describe('hallView fills up calls from the windows', () => {
  it('when the snapshot holds none of a zone calls, shows its windows current numbers, newest first', () => {
    const snap = fixtureSnapshot({ open: 30 });
    // Two tax windows with current tickets called at different times; no tax call in recentCalls.
    const tax = snap.windows.filter((w) => w.zone === '税务专区').slice(0, 2);
    const windows = snap.windows.map((w) => {
      const i = tax.findIndex((t) => t.no === w.no);
      if (i < 0) return w;
      const number = `T00${i + 1}`;
      return { ...w, state: 'calling' as const, current: { ...fixtureTicket(number, w.no), calledAt: `2025-05-12T02:0${i}:00.000Z` } };
    });
    const state = fromSnapshot({ ...snap, windows, recentCalls: [] });
    const view = hallView(state, parseFilter(`?zone=${encodeURIComponent('税务专区')}`));
    expect(view.calls.slice(0, 2).map((c) => c.number)).toEqual(['T002', 'T001']);
    expect(view.calls.every((c) => c.seq === 0 && c.audioUrl === '')).toBe(true);
  });

  it('does not repeat a call the snapshot already has', () => {
    const view = hallView(state, NO_FILTER, 20);
    const keys = view.calls.map((c) => `${c.number}@${c.windowNo}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
