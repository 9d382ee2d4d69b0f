/**
 * Discrete-event simulation of one hall day, driving the server's own domain core: tickets are
 * issued with decide/evolve `issueTicket`, windows press `next` (which completes the current
 * ticket and calls by the dispatch policy), `start`, `noShow`, `pause`, `resume`, exactly as the
 * counter panel would. The policy is whatever DispatchPolicy the variant names; the default
 * variant passes the server's `defaultPolicy` itself.
 */
import {
  buildHallState,
  decide,
  etaSecondsOf,
  evolve,
  idleWindowOrder,
  queueRuntime,
  type Clerk,
  type Command,
  type DispatchPolicy,
  type DomainEvent,
  type HallState,
  type TicketRec,
  type WindowRec,
} from '../../server/domain';
import type { MappingEntry, MappingRole } from '../../shared/schemas';
import type { Customer } from './arrivals';
import { EventHeap } from './heap';
import { Rng } from './rng';
import type { SimScenario, SimWindow } from './scenario';

/**
 * Which idle window calls first when a ticket arrives that several idle windows may serve:
 * `random` is clerks pressing 下一位 whenever they see someone waiting (today's counter panel);
 * `server` is the server's idleWindowOrder (windows where the queue is primary first, then the
 * longest idle), for an auto-call or a prompt on the panel; `longest-idle` is longest idle alone.
 */
export type IdleOrder = 'random' | 'server' | 'longest-idle';

export interface Variant {
  name: string;
  policy: DispatchPolicy;
  idleOrder: IdleOrder;
  /** Run with the scenario's (proposed) mapping or with the hall layout's own. */
  mapping: 'scenario' | 'layout';
  /** Other ETA predictors to measure beside the server's (for comparing ideas). */
  etaProbes?: Record<string, (state: HallState, t: TicketRec, now: number) => number>;
}

export interface TicketOutcome {
  queue: string;
  /** When the ticket was taken (ms after midnight). */
  at: number;
  priority: boolean;
  appointment: boolean;
  noShow: boolean;
  /** From taking the ticket to being called. */
  waitMs: number;
  targetMs: number;
  /** The server's ETA at issue time. */
  etaMs: number;
  /** The probes' ETAs at issue time (seconds), when the variant has probes. */
  probes?: Record<string, number>;
  measured: boolean;
}

export interface WindowOutcome {
  no: number;
  zone: string;
  busyMs: number;
  availableMs: number;
  calls: number;
  /** Calls from a queue that is not primary at this window (a change of business for the clerk). */
  overflowCalls: number;
}

export interface DayResult {
  tickets: TicketOutcome[];
  windows: WindowOutcome[];
  endMs: number;
}

type Mode = 'closed' | 'idle' | 'busy' | 'break';

interface Win {
  def: SimWindow;
  clerkId: string;
  mode: Mode;
  idleSince: number;
  busySince: number;
  busyMs: number;
  breakMs: number;
  openedAt: number;
  lastFinish: number;
  calls: number;
  overflowCalls: number;
  /** Minutes of break to take when the current service ends. */
  pendingBreak?: number;
  roles: Map<string, MappingRole>;
}

type SimEvent = { at: number; seq: number } & (
  | { kind: 'open'; win: Win }
  | { kind: 'start'; win: Win }
  | { kind: 'finish'; win: Win }
  | { kind: 'giveUp'; win: Win }
  | { kind: 'breakStart'; win: Win; minutes: number }
  | { kind: 'breakEnd'; win: Win }
);

type Unsequenced<T> = T extends unknown ? Omit<T, 'seq'> : never;

/** The day the simulator pretends it is (only the time of day matters). */
const DAY0 = Date.parse('2026-11-29T16:00:00Z'); // midnight in Shanghai

function meanServiceSeconds(s: SimScenario, queue: string): number {
  const l = s.load.find((x) => x.code === queue);
  return l ? l.service.meanMinutes * 60 : 300;
}

export function buildSimHall(s: SimScenario, mapping: 'scenario' | 'layout'): HallState {
  const windows = new Map<number, WindowRec>();
  const clerks = new Map<string, Clerk>();
  for (const w of s.windows) {
    const m: MappingEntry[] = (mapping === 'scenario' ? w.mapping : w.layoutMapping).map((x) => ({ ...x }));
    windows.set(w.no, { no: w.no, name: w.name, nameEn: w.name, zone: w.zone, kind: w.kind, mapping: m, priorityStreak: 0 });
    const id = `k${w.no}`;
    clerks.set(id, { id, username: id, name: `Clerk ${w.no}`, role: 'clerk', skills: [...w.skills] });
  }
  return buildHallState(
    {
      id: 'sim',
      name: s.hallName,
      nameEn: s.hallName,
      timezone: 'Asia/Shanghai',
      serviceDay: '2026-11-30',
      seq: 0,
      settings: { ...s.settings },
      // The store keeps each queue's moving-average service time from day to day, so a hall
      // that has run before starts the day with it learnt; the simulator starts from the mean.
      queues: new Map(s.queues.map((q) => [q.code, queueRuntime(q, q.numberStart, meanServiceSeconds(s, q.code))])),
      windows,
      clerks,
    },
    [],
  );
}

export function simulateDay(s: SimScenario, customers: readonly Customer[], variant: Variant, replication: number): DayResult {
  const state = buildSimHall(s, variant.mapping);
  const heap = new EventHeap<SimEvent>();
  let seq = 0;
  const push = (e: Unsequenced<SimEvent>): void => {
    (e as SimEvent).seq = seq++;
    heap.push(e as SimEvent);
  };
  const idleRng = Rng.stream(s.seed, replication, `idle:${variant.name}`);
  const byId = new Map(customers.map((c) => [c.id, c]));
  const outcome = new Map<string, TicketOutcome>();
  const target = new Map(s.queues.map((q) => [q.code, q.targetWaitMinutes * 60_000]));

  const run = (cmd: Command, now: number): DomainEvent[] => {
    const d = decide(state, cmd, DAY0 + now, variant.policy);
    if (!d.ok) throw new Error(`sim ${variant.name}: ${cmd.type} refused: ${d.error.code} ${d.error.message}`);
    for (const e of d.events) evolve(state, e);
    return d.events;
  };

  const wins: Win[] = s.windows.map((def) => {
    const rec = state.windows.get(def.no)!;
    const skills = new Set(def.skills);
    return {
      def,
      clerkId: `k${def.no}`,
      mode: 'closed',
      idleSince: 0,
      busySince: 0,
      busyMs: 0,
      breakMs: 0,
      openedAt: 0,
      lastFinish: 0,
      calls: 0,
      overflowCalls: 0,
      roles: new Map(rec.mapping.filter((m) => skills.has(m.queue)).map((m) => [m.queue, m.role])),
    };
  });
  const winByNo = new Map(wins.map((w) => [w.def.no, w]));

  const endBusy = (w: Win, now: number): void => {
    if (w.mode === 'busy') w.busyMs += now - w.busySince;
    w.lastFinish = now;
  };

  /** The clerk presses 下一位: completes whatever is current and calls by the policy. */
  const pressNext = (w: Win, now: number): boolean => {
    const events = run({ type: 'next', windowNo: w.def.no, clerkId: w.clerkId }, now);
    const called = events.find((e) => e.type === 'TicketCalled');
    if (!called || called.type !== 'TicketCalled') {
      if (w.mode !== 'idle') w.idleSince = now;
      w.mode = 'idle';
      return false;
    }
    const c = byId.get(called.ticketId)!;
    const o = outcome.get(c.id)!;
    o.waitMs = now - c.at;
    w.mode = 'busy';
    w.busySince = now;
    w.calls++;
    if (w.roles.get(c.queue) !== 'primary') w.overflowCalls++;
    if (c.noShow) push({ kind: 'giveUp', at: now + s.noShowGiveUpMs, win: w });
    else {
      push({ kind: 'start', at: now + s.walkMs, win: w });
      push({ kind: 'finish', at: now + s.walkMs + c.serviceMs, win: w });
    }
    return true;
  };

  /** After a service ends: take a due break, or call the next ticket. */
  const afterService = (w: Win, now: number): void => {
    if (w.pendingBreak !== undefined) {
      const minutes = w.pendingBreak;
      delete w.pendingBreak;
      if (state.windows.get(w.def.no)!.currentTicketId) run({ type: 'complete', windowNo: w.def.no, clerkId: w.clerkId }, now);
      run({ type: 'pause', windowNo: w.def.no, clerkId: w.clerkId, reason: 'break' }, now);
      w.mode = 'break';
      w.breakMs += minutes * 60_000;
      push({ kind: 'breakEnd', at: now + minutes * 60_000, win: w });
      return;
    }
    pressNext(w, now);
  };

  const idleCandidates = (queue: string): Win[] => {
    const ws = wins.filter((w) => w.mode === 'idle' && w.roles.has(queue));
    if (ws.length < 2) return ws;
    if (variant.idleOrder === 'random') {
      for (let i = ws.length - 1; i > 0; i--) {
        const j = Math.floor(idleRng.uniform() * (i + 1));
        [ws[i], ws[j]] = [ws[j]!, ws[i]!];
      }
      return ws;
    }
    if (variant.idleOrder === 'longest-idle') return ws.sort((a, b) => a.idleSince - b.idleSince || a.def.no - b.def.no);
    // The server's own rule.
    return idleWindowOrder(ws.map((w) => ({ no: w.def.no, idleSince: w.idleSince, role: w.roles.get(queue)!, w }))).map((r) => r.w);
  };

  for (const w of wins) push({ kind: 'open', at: s.openMs, win: w });
  for (const b of s.breaks) {
    for (const no of b.windows) {
      const w = winByNo.get(no);
      if (w) push({ kind: 'breakStart', at: b.atMs, win: w, minutes: b.minutes });
    }
  }

  const arrive = (c: Customer, now: number): void => {
    run(
      {
        type: 'issueTicket',
        id: c.id,
        queue: c.queue,
        priority: c.priority ? 'priority' : 'normal',
        channel: c.appointment ? 'appointment' : 'kiosk',
        matters: [],
        arrivedAt: DAY0 + c.arrivedAt,
      },
      now,
    );
    const issued = state.tickets.get(c.id)!;
    const etaMs = etaSecondsOf(state, issued) * 1000;
    let probes: Record<string, number> | undefined;
    if (variant.etaProbes) {
      probes = {};
      for (const [k, f] of Object.entries(variant.etaProbes)) probes[k] = f(state, issued, DAY0 + now);
    }
    outcome.set(c.id, {
      ...(probes ? { probes } : {}),
      queue: c.queue,
      at: c.at,
      priority: c.priority,
      appointment: c.appointment,
      noShow: c.noShow,
      waitMs: NaN,
      targetMs: target.get(c.queue)!,
      etaMs,
      measured: c.at >= s.measureFromMs,
    });
    // An idle window never waits while it may serve someone (the counter panel calls).
    for (const w of idleCandidates(c.queue)) if (pressNext(w, now)) break;
  };

  // Arrivals are already in time order: merge them with the heap instead of heaping them all.
  let now = 0;
  let nextArrival = 0;
  for (;;) {
    const c = customers[nextArrival];
    const top = heap.peek();
    // At equal times the windows' own events go first (they were scheduled earlier).
    if (c && (!top || c.at < top.at)) {
      now = c.at;
      nextArrival++;
      arrive(c, now);
      continue;
    }
    const e = heap.pop();
    if (!e) break;
    now = e.at;
    switch (e.kind) {
      case 'open':
        run({ type: 'signIn', windowNo: e.win.def.no, clerkId: e.win.clerkId }, now);
        e.win.openedAt = now;
        e.win.mode = 'idle';
        e.win.idleSince = now;
        pressNext(e.win, now);
        break;
      case 'start':
        run({ type: 'start', windowNo: e.win.def.no, clerkId: e.win.clerkId }, now);
        break;
      case 'finish':
        endBusy(e.win, now);
        afterService(e.win, now);
        break;
      case 'giveUp':
        run({ type: 'noShow', windowNo: e.win.def.no, clerkId: e.win.clerkId }, now);
        endBusy(e.win, now);
        afterService(e.win, now);
        break;
      case 'breakStart': {
        const w = e.win;
        if (w.mode === 'busy') w.pendingBreak = e.minutes;
        else if (w.mode === 'idle') {
          w.pendingBreak = e.minutes;
          afterService(w, now);
        }
        break;
      }
      case 'breakEnd':
        run({ type: 'resume', windowNo: e.win.def.no, clerkId: e.win.clerkId }, now);
        e.win.mode = 'idle';
        e.win.idleSince = now;
        pressNext(e.win, now);
        break;
    }
  }

  const waitingLeft = [...state.waiting.values()].reduce((n, l) => n + l.size, 0);
  if (waitingLeft > 0) throw new Error(`sim ${variant.name}: ${waitingLeft} tickets never called`);
  return {
    tickets: [...outcome.values()],
    windows: wins.map((w) => ({
      no: w.def.no,
      zone: w.def.zone,
      busyMs: w.busyMs,
      availableMs: Math.max(s.closeMs, w.lastFinish) - w.openedAt - w.breakMs,
      calls: w.calls,
      overflowCalls: w.overflowCalls,
    })),
    endMs: now,
  };
}
