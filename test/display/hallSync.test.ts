import { MAX_RECENT_CALLS } from '../../display/src/shared/hallState';
import { describe, expect, it } from 'vitest';
import type { HallChange, Snapshot } from '../../shared/schemas';
import { fixtureCall, fixtureQueue, fixtureSnapshot, fixtureTicket, fixtureWindow } from '../../display/src/shared/fixtureHall';
import type { HallState } from '../../display/src/shared/hallState';
import { HallSync, type ConnectionStatus } from '../../display/src/shared/hallSync';

/** A HallSync wired to a fake server: snapshot requests are recorded and answered by hand. */
function harness() {
  const requests: Array<{ resolve: (s: Snapshot) => void; reject: (e: Error) => void }> = [];
  const states: HallState[] = [];
  const calls: string[] = [];
  const statuses: ConnectionStatus[] = [];
  const timers: Array<() => void> = [];
  const sync = new HallSync({
    requestSnapshot: () => new Promise<Snapshot>((resolve, reject) => requests.push({ resolve, reject })),
    onState: (s) => states.push(s),
    onCall: (c) => calls.push(`${c.number}@${c.windowNo}`),
    onStatus: (s) => statuses.push(s),
    setTimer: (run) => timers.push(run),
  });
  const last = (): HallState => states[states.length - 1]!;
  return { sync, requests, states, calls, statuses, timers, last };
}

const change = (seq: number, patch: Partial<HallChange> = {}): HallChange => ({
  seq,
  at: '2025-05-12T01:31:00.000Z',
  windows: [],
  queues: [],
  ...patch,
});

/** Let the promise callbacks run. */
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

async function live(seq = 10) {
  const h = harness();
  h.sync.connectionOpened();
  h.sync.receiveSnapshot(fixtureSnapshot({ seq }));
  // The snapshot:get sent on connect is answered too (same seq): harmless.
  h.requests.shift()?.resolve(fixtureSnapshot({ seq }));
  await flush();
  return h;
}

describe('HallSync: applying changes by seq', () => {
  it('asks for a snapshot on connect and is live once it has one', async () => {
    const h = harness();
    h.sync.connectionOpened();
    expect(h.requests).toHaveLength(1);
    expect(h.sync.connectionStatus).toBe('syncing');
    h.requests[0]!.resolve(fixtureSnapshot({ seq: 7 }));
    await flush();
    expect(h.sync.connectionStatus).toBe('live');
    expect(h.last().seq).toBe(7);
  });

  it('applies seq = last + 1 and merges the changed window and queue', async () => {
    const h = await live(10);
    h.sync.receiveChange(
      change(11, {
        windows: [fixtureWindow(3, { state: 'calling', current: fixtureTicket('A777', 3) })],
        queues: [fixtureQueue('A', 42)],
      }),
    );
    expect(h.last().seq).toBe(11);
    expect(h.last().windows.find((w) => w.no === 3)?.current?.number).toBe('A777');
    expect(h.last().queues.find((q) => q.code === 'A')?.waiting).toBe(42);
    expect(h.last().windows.map((w) => w.no)).toEqual([...Array(30).keys()].map((i) => i + 1));
    expect(h.requests).toHaveLength(0);
  });

  it.each([
    ['the same seq', 10],
    ['an older seq', 4],
  ])('drops %s', async (_name, seq) => {
    const h = await live(10);
    const before = h.states.length;
    h.sync.receiveChange(change(seq, { queues: [fixtureQueue('A', 99)] }));
    expect(h.states).toHaveLength(before);
    expect(h.last().queues.find((q) => q.code === 'A')?.waiting).not.toBe(99);
  });

  it('on a gap asks for a snapshot, holds what comes meanwhile and replays what is newer', async () => {
    const h = await live(10);
    h.sync.receiveChange(change(13, { queues: [fixtureQueue('A', 13)] }));
    expect(h.requests).toHaveLength(1);
    expect(h.sync.connectionStatus).toBe('syncing');
    expect(h.last().seq).toBe(10); // nothing applied across the gap
    h.sync.receiveChange(change(14, { queues: [fixtureQueue('B', 14)] }));
    h.sync.receiveChange(change(15, { queues: [fixtureQueue('C', 15)] }));
    expect(h.requests).toHaveLength(1); // one request at a time
    h.requests[0]!.resolve({ ...fixtureSnapshot({ seq: 14 }) });
    await flush();
    expect(h.last().seq).toBe(15);
    expect(h.last().queues.find((q) => q.code === 'C')?.waiting).toBe(15);
    // 13 and 14 are inside the snapshot: not re-applied over it.
    expect(h.last().queues.find((q) => q.code === 'A')?.waiting).not.toBe(13);
    expect(h.sync.connectionStatus).toBe('live');
  });

  it('a single missing seq is already a gap', async () => {
    const h = await live(10);
    h.sync.receiveChange(change(12));
    expect(h.requests).toHaveLength(1);
    expect(h.last().seq).toBe(10);
  });

  it('asks again when the held changes still leave a gap after the snapshot', async () => {
    const h = await live(10);
    h.sync.receiveChange(change(12));
    h.sync.receiveChange(change(20));
    h.requests[0]!.resolve(fixtureSnapshot({ seq: 12 }));
    await flush();
    expect(h.last().seq).toBe(12);
    expect(h.requests).toHaveLength(2);
  });

  it('retries a failed snapshot request after a pause', async () => {
    const h = harness();
    h.sync.connectionOpened();
    h.requests[0]!.reject(new Error('timeout'));
    await flush();
    expect(h.timers).toHaveLength(1);
    h.timers[0]!();
    expect(h.requests).toHaveLength(2);
    h.requests[1]!.resolve(fixtureSnapshot({ seq: 3 }));
    await flush();
    expect(h.sync.connectionStatus).toBe('live');
  });

  it('after a reconnect ignores changes until the new snapshot, then shows the right state at once', async () => {
    const h = await live(10);
    h.sync.connectionLost();
    expect(h.sync.connectionStatus).toBe('offline');
    h.sync.connectionOpened();
    h.sync.receiveChange(change(30, { queues: [fixtureQueue('A', 30)] }));
    expect(h.last().seq).toBe(10);
    const fresh = fixtureSnapshot({ seq: 29, open: 2 });
    h.requests.at(-1)!.resolve(fresh);
    await flush();
    expect(h.last().seq).toBe(30);
    expect(h.last().windows.filter((w) => w.state !== 'closed')).toHaveLength(2);
    expect(h.last().queues.find((q) => q.code === 'A')?.waiting).toBe(30);
  });

  it('takes a snapshot with a lower seq after a server restart and follows the new count', async () => {
    const h = await live(500);
    h.sync.connectionLost();
    h.sync.connectionOpened();
    h.sync.receiveSnapshot(fixtureSnapshot({ seq: 0, open: 1 }));
    expect(h.last().seq).toBe(0);
    h.sync.receiveChange(change(1, { queues: [fixtureQueue('A', 1)] }));
    expect(h.last().seq).toBe(1);
    h.sync.receiveCall(fixtureCall(2, 'A001', 1));
    expect(h.calls).toEqual(['A001@1']);
  });
});

describe('HallSync: calls', () => {
  it('passes a live call on once, adds it to the recent calls, and ignores a repeat', async () => {
    const h = await live(10);
    const call = fixtureCall(11, 'A100', 9);
    h.sync.receiveCall(call);
    h.sync.receiveChange(change(11));
    h.sync.receiveCall(call);
    expect(h.calls).toEqual(['A100@9']);
    expect(h.last().recentCalls[0]?.number).toBe('A100');
    expect(h.requests).toHaveLength(0);
  });

  it('accepts the call after its change too (either order)', async () => {
    const h = await live(10);
    h.sync.receiveChange(change(11));
    h.sync.receiveCall(fixtureCall(11, 'A100', 9));
    expect(h.calls).toEqual(['A100@9']);
    expect(h.requests).toHaveLength(0);
  });

  it('speaks a recall again (a new call event with a new seq)', async () => {
    const h = await live(10);
    h.sync.receiveCall(fixtureCall(11, 'A100', 9));
    h.sync.receiveCall(fixtureCall(12, 'B200', 4));
    h.sync.receiveCall(fixtureCall(13, 'A100', 9, true));
    expect(h.calls).toEqual(['A100@9', 'B200@4', 'A100@9']);
    const recent = h.last().recentCalls;
    expect(recent.slice(0, 2).map((c) => c.number)).toEqual(['A100', 'B200']);
    expect(recent.filter((c) => c.number === 'A100')).toHaveLength(1);
  });

  it('does not speak the calls a snapshot contains', async () => {
    const h = await live(10);
    expect(h.calls).toEqual([]);
    expect(h.last().recentCalls.length).toBeGreaterThan(0);
  });

  it('treats a call beyond the next seq as a gap', async () => {
    const h = await live(10);
    h.sync.receiveCall(fixtureCall(14, 'A100', 9));
    expect(h.calls).toEqual(['A100@9']);
    expect(h.requests).toHaveLength(1);
  });

  it('keeps only a bounded number of recent calls over a long day', async () => {
    const h = await live(0);
    for (let seq = 1; seq <= 5000; seq++) {
      h.sync.receiveChange(change(seq));
      h.sync.receiveCall(fixtureCall(seq, `A${String(seq % 1000).padStart(3, '0')}`, (seq % 30) + 1));
    }
    expect(h.last().seq).toBe(5000);
    expect(h.last().recentCalls.length).toBeLessThanOrEqual(MAX_RECENT_CALLS);
    expect(h.requests).toHaveLength(0);
  });
});

describe('HallSync: status', () => {
  it('reports connecting → syncing → live → offline → syncing → live', async () => {
    const h = harness();
    h.sync.connectionOpened();
    h.requests[0]!.resolve(fixtureSnapshot());
    await flush();
    h.sync.connectionLost();
    h.sync.connectionOpened();
    h.requests[1]!.resolve(fixtureSnapshot());
    await flush();
    expect(h.statuses).toEqual(['syncing', 'live', 'offline', 'syncing', 'live']);
  });
});
