/** Small builders for the staff apps' unit tests: valid contract objects with overrides. */
import type { HallChange, QueueSummary, Snapshot, Ticket, Window } from '../../shared/schemas';

export const T0 = Date.parse('2025-03-03T09:00:00.000Z');
export const iso = (ms: number): string => new Date(ms).toISOString();

export function ticket(over: Partial<Ticket> = {}): Ticket {
  return {
    id: 'tkt_00000001',
    number: 'A001',
    queue: 'A',
    status: 'waiting',
    priority: 'normal',
    channel: 'kiosk',
    issuedAt: iso(T0),
    arrivedAt: iso(T0),
    recalls: 0,
    matters: [],
    ahead: 0,
    etaSeconds: 0,
    ...over,
  };
}

export function window(no: number, over: Partial<Window> = {}): Window {
  return {
    no,
    name: `${no}号窗口`,
    nameEn: `Window ${no}`,
    zone: '综合受理区',
    kind: 'comprehensive',
    state: 'closed',
    mapping: [{ queue: 'A', role: 'primary' }],
    ...over,
  };
}

export function queue(code: string, over: Partial<QueueSummary> = {}): QueueSummary {
  return {
    code,
    name: `队列${code}`,
    nameEn: `Queue ${code}`,
    waiting: 0,
    longestWaitSeconds: 0,
    targetWaitMinutes: 15,
    priorityQueue: false,
    ...over,
  };
}

export function snapshot(seq: number, over: Partial<Snapshot> = {}): Snapshot {
  return {
    seq,
    at: iso(T0),
    hall: {
      id: 'demo',
      name: '示范县政务服务中心',
      nameEn: 'Demo',
      serviceDay: '2025-03-03',
      timezone: 'Asia/Shanghai',
      recallLimit: 2,
      voiceLanguages: ['zh'],
      voiceRepeat: 2,
      notices: [],
    },
    queues: [queue('A'), queue('B')],
    windows: [window(1), window(2)],
    recentCalls: [],
    ...over,
  };
}

export function change(seq: number, over: Partial<HallChange> = {}): HallChange {
  return { seq, at: iso(T0 + seq * 1000), windows: [], queues: [], ...over };
}
