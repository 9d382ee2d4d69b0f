import { describe, expect, it } from 'vitest';
import { emptySync, mergeChange, receiveCall, receiveChange, receiveSnapshot, type SyncState } from '../../counter/src/shared/hallSync';
import { change, queue, snapshot, window } from './fixtures';

const synced = (seq: number): SyncState => ({ snapshot: snapshot(seq), resyncing: false, buffered: [] });

describe('mergeChange', () => {
  it('replaces changed windows and queues by key and takes the new seq', () => {
    const snap = snapshot(4);
    const merged = mergeChange(snap, change(5, { windows: [window(2, { state: 'open' })], queues: [queue('B', { waiting: 3 })] }));
    expect(merged.seq).toBe(5);
    expect(merged.windows.map((w) => [w.no, w.state])).toEqual([[1, 'closed'], [2, 'open']]);
    expect(merged.queues.find((q) => q.code === 'B')?.waiting).toBe(3);
    expect(merged.queues.find((q) => q.code === 'A')?.waiting).toBe(0);
    expect(snap.windows[1]?.state).toBe('closed'); // the input is not mutated
  });

  it('adds an unknown window in number order and keeps the hall unless sent', () => {
    const merged = mergeChange(snapshot(1), change(2, { windows: [window(0, { name: '0' })] }));
    expect(merged.windows.map((w) => w.no)).toEqual([0, 1, 2]);
    expect(merged.hall.name).toBe('示范县政务服务中心');
  });
});

describe('receiveChange', () => {
  const cases: Array<[string, number, string, number]> = [
    ['the next seq is applied', 6, 'applied', 6],
    ['an old seq is dropped', 5, 'stale', 5],
    ['an older seq is dropped', 2, 'stale', 5],
    ['a gap asks for a snapshot', 8, 'gap', 5],
  ];
  it.each(cases)('%s', (_name, seq, outcome, after) => {
    const r = receiveChange(synced(5), change(seq));
    expect(r.outcome).toBe(outcome);
    expect(r.state.snapshot?.seq).toBe(after);
  });

  it('buffers changes until a first snapshot exists', () => {
    const r = receiveChange(emptySync(), change(3));
    expect(r.outcome).toBe('buffered');
    expect(r.state.buffered.map((c) => c.seq)).toEqual([3]);
  });
});

describe('receiveSnapshot', () => {
  it('replays buffered changes newer than the snapshot, in seq order', () => {
    let s = synced(5);
    s = receiveChange(s, change(8, { windows: [window(1, { state: 'open' })] })).state; // gap
    s = receiveChange(s, change(10)).state;
    s = receiveChange(s, change(9, { windows: [window(1, { state: 'paused' })] })).state;
    expect(s.resyncing).toBe(true);
    const r = receiveSnapshot(s, snapshot(7));
    expect(r.needResync).toBe(false);
    expect(r.state.snapshot?.seq).toBe(10);
    expect(r.state.snapshot?.windows[0]?.state).toBe('paused');
    expect(r.state.resyncing).toBe(false);
    expect(r.state.buffered).toEqual([]);
  });

  it('drops buffered changes the snapshot already holds', () => {
    let s = receiveChange(synced(5), change(7)).state;
    s = receiveChange(s, change(8)).state;
    const r = receiveSnapshot(s, snapshot(8));
    expect(r.state.snapshot?.seq).toBe(8);
    expect(r.needResync).toBe(false);
  });

  it('asks again when the buffer still leaves a gap', () => {
    const s = receiveChange(synced(5), change(9)).state;
    const r = receiveSnapshot(s, snapshot(6));
    expect(r.needResync).toBe(true);
    expect(r.state.resyncing).toBe(true);
  });

  it('ignores an older snapshot unless forced (a restarted server starts low)', () => {
    expect(receiveSnapshot(synced(9), snapshot(4)).state.snapshot?.seq).toBe(9);
    expect(receiveSnapshot(synced(9), snapshot(4), { force: true }).state.snapshot?.seq).toBe(4);
  });
});

describe('receiveCall', () => {
  it('keeps recent calls newest first, once each', () => {
    const call = { seq: 6, number: 'A001', windowNo: 1, windowName: '1号窗口', queue: 'A', at: 'x', recall: false, audioUrl: '/a' };
    let s = receiveCall(synced(6), call);
    s = receiveCall(s, call);
    s = receiveCall(s, { ...call, seq: 7, number: 'A002' });
    expect(s.snapshot?.recentCalls.map((c) => c.number)).toEqual(['A002', 'A001']);
  });
});
