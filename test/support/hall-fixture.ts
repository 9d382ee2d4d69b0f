/** A small hall for domain tests: queues A (target 10 min), B (20), L (priority, 15). */
import {
  buildHallState,
  decide,
  evolve,
  queueRuntime,
  type Command,
  type DomainEvent,
  type HallState,
  type WindowRec,
} from '../../server/domain';
import type { MappingEntry } from '../../shared/schemas';

export const T0 = Date.parse('2026-11-30T01:00:00Z'); // 09:00 in Shanghai, a Monday
export const MIN = 60_000;

export function win(no: number, mapping: MappingEntry[], clerkId?: string): WindowRec {
  const w: WindowRec = { no, name: `${no}号窗口`, nameEn: `Window ${no}`, zone: '综合受理区', kind: 'comprehensive', mapping, priorityStreak: 0 };
  if (clerkId) w.clerkId = clerkId;
  return w;
}

export const p = (queue: string): MappingEntry => ({ queue, role: 'primary' });
export const o = (queue: string): MappingEntry => ({ queue, role: 'overflow' });

export function makeHall(windows: WindowRec[] = [win(1, [p('A')], 'c1'), win(2, [p('B'), o('A')], 'c2')]): HallState {
  const queue = (code: string, targetWaitMinutes: number, priorityQueue = false, sort = 0) =>
    queueRuntime({ code, name: `队列${code}`, nameEn: `Queue ${code}`, category: 'test', targetWaitMinutes, priorityQueue, numberStart: 1, numberEnd: 999, sort });
  return buildHallState(
    {
      id: 'test',
      name: '测试大厅',
      nameEn: 'Test hall',
      timezone: 'Asia/Shanghai',
      serviceDay: '2026-11-30',
      seq: 0,
      settings: { recallLimit: 2, prioritySwapAfter: 2, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: [], noticesEn: [], ticketHours: [], stopWhenUnfinishable: false },
      queues: new Map([
        ['A', queue('A', 10, false, 1)],
        ['B', queue('B', 20, false, 2)],
        ['L', queue('L', 15, true, 3)],
      ]),
      windows: new Map(windows.map((w) => [w.no, w])),
      clerks: new Map(
        ['c1', 'c2', 'c3', 'c4'].map((id) => [id, { id, username: id, name: `Clerk ${id}`, role: 'clerk' as const, skills: ['A', 'B', 'L'] }]),
      ),
    },
    [],
  );
}

let idCounter = 0;
export function nextId(): string {
  idCounter++;
  return `t${String(idCounter).padStart(6, '0')}`;
}

/** Decides and applies; throws with the error code when refused. */
export function run(state: HallState, cmd: Command, now: number): DomainEvent[] {
  const d = decide(state, cmd, now);
  if (!d.ok) throw new Error(d.error.code);
  for (const e of d.events) evolve(state, e);
  return d.events;
}

/** Issues a ticket and returns its id. */
export function issue(state: HallState, queue: string, now: number, extra: Partial<Extract<Command, { type: 'issueTicket' }>> = {}): string {
  const id = nextId();
  run(state, { type: 'issueTicket', id, queue, channel: 'kiosk', matters: [], ...extra }, now);
  return id;
}

/** Presses next at a window and returns the called ticket's number (or null). */
export function next(state: HallState, windowNo: number, now: number): string | null {
  const w = state.windows.get(windowNo)!;
  const events = run(state, { type: 'next', windowNo, clerkId: w.clerkId! }, now);
  const called = events.find((e) => e.type === 'TicketCalled');
  return called && called.type === 'TicketCalled' ? state.tickets.get(called.ticketId)!.number : null;
}

export function errorOf(state: HallState, cmd: Command, now: number): string | null {
  const d = decide(state, cmd, now);
  return d.ok ? null : d.error.code;
}
