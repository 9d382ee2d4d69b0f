/**
 * Dev mode (`?fixture`, or `?fixture=30` for the number of open windows): a pretend server that
 * sends the fixture hall and then a call every few seconds, so a screen can be developed and
 * photographed without the real server. Loaded only when asked for. 取号时间 states:
 * `&fixtureHours=08:30-12:00,13:30-17:00`, `&fixtureStopped=F,T` (queues that stopped),
 * `&fixtureAt=12:10` (the hall's time of day in the first snapshot).
 */
import type { HallChange, Snapshot, TimeRange } from '../../../shared/schemas';
import { fixtureCall, fixtureSnapshot, fixtureTicket } from './fixtureHall';
import type { HallTransport } from './transport';

export function fixtureTransport(search: string): HallTransport {
  const params = new URLSearchParams(search);
  const open = Number(params.get('fixture')) || 30;
  const periodMs = Number(params.get('fixturePeriod')) || 8000;
  let snapshot: Snapshot = fixtureSnapshot({ open, ...ticketingOptions(params) });
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

/** The 取号时间 parameters; the fixture hall is in Asia/Shanghai (UTC+8), on its service day. */
function ticketingOptions(params: URLSearchParams): { ticketHours?: TimeRange[]; stopped?: string[]; at?: string } {
  const hours = params.get('fixtureHours');
  const stopped = params.get('fixtureStopped');
  const at = params.get('fixtureAt');
  return {
    ...(hours ? { ticketHours: hours.split(',').map((span) => ({ start: span.slice(0, 5), end: span.slice(6, 11) })) } : {}),
    ...(stopped ? { stopped: stopped.split(',') } : {}),
    ...(at ? { at: new Date(`2025-05-12T${at}:00+08:00`).toISOString() } : {}),
  };
}
