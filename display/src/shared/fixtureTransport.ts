/**
 * Dev mode (`?fixture`, or `?fixture=30` for the number of open windows): a pretend server that
 * sends the fixture hall and then a call every few seconds, so a screen can be developed and
 * photographed without the real server. Loaded only when asked for.
 */
import type { HallChange, Snapshot } from '../../../shared/schemas';
import { fixtureCall, fixtureSnapshot, fixtureTicket } from './fixtureHall';
import type { HallTransport } from './transport';

export function fixtureTransport(search: string): HallTransport {
  const params = new URLSearchParams(search);
  const open = Number(params.get('fixture')) || 30;
  const periodMs = Number(params.get('fixturePeriod')) || 8000;
  let snapshot: Snapshot = fixtureSnapshot({ open });
  let timer: ReturnType<typeof setInterval> | null = null;
  const counters = new Map<string, number>();

  return {
    start(handlers) {
      handlers.opened();
      handlers.snapshot(snapshot);
      timer = setInterval(() => {
        const candidates = snapshot.windows.filter((w) => w.state !== 'closed' && w.state !== 'paused');
        const w = candidates[Math.floor(Math.random() * candidates.length)];
        if (w === undefined) return;
        const queue = w.mapping[0]!.queue;
        const n = (counters.get(queue) ?? 200) + 1;
        counters.set(queue, n);
        const number = `${queue}${String(n).padStart(3, '0')}`;
        const seq = snapshot.seq + 1;
        const changed = { ...w, state: 'calling' as const, current: fixtureTicket(number, w.no) };
        const change: HallChange = { seq, at: new Date().toISOString(), windows: [changed], queues: [] };
        const call = { ...fixtureCall(seq, number, w.no), at: change.at };
        snapshot = {
          ...snapshot,
          seq,
          at: change.at,
          windows: snapshot.windows.map((x) => (x.no === w.no ? changed : x)),
          recentCalls: [call, ...snapshot.recentCalls].slice(0, 12),
        };
        handlers.change(change);
        handlers.call(call);
      }, periodMs);
    },
    requestSnapshot: () => Promise.resolve(snapshot),
    stop() {
      if (timer !== null) clearInterval(timer);
    },
  };
}
