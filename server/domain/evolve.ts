/**
 * evolve(state, event) applies one event to the hall state, in place. Deterministic: the same
 * events on the same state always give the same state. Mutating in place keeps `next` O(log n)
 * on a hall with thousands of tickets; the service applies events only after `decide` accepted
 * them and the store committed them.
 */
import { canonicalMatter } from '../../shared/deferral';
import { handOverChecklist } from './checklist';
import type { DomainEvent } from './events';
import type { HallState, QueueDef, QueueRuntime, TicketRec, TransferHandoverRec, WindowRec } from './types';
import { WaitList } from './waitlist';

/** Weight of the newest service time in the per-queue moving average. */
const SERVICE_EWMA_ALPHA = 0.05;

function ticket(state: HallState, id: string): TicketRec {
  const t = state.tickets.get(id);
  if (!t) throw new Error(`evolve: unknown ticket ${id}`);
  return t;
}

function window(state: HallState, no: number): WindowRec {
  const w = state.windows.get(no);
  if (!w) throw new Error(`evolve: unknown window ${no}`);
  return w;
}

function waitList(state: HallState, queue: string): WaitList {
  let list = state.waiting.get(queue);
  if (!list) {
    list = new WaitList();
    state.waiting.set(queue, list);
  }
  return list;
}

function enqueue(state: HallState, t: TicketRec): void {
  waitList(state, t.queue).run(t.priority === 'priority').insert(t);
}

function dequeue(state: HallState, t: TicketRec): void {
  state.waiting.get(t.queue)?.run(t.priority === 'priority').remove(t);
}

/** The ticket leaves its window, which is idle from `at` on. */
function clearCurrent(state: HallState, t: TicketRec, at: number): void {
  if (t.windowNo === undefined) return;
  const w = state.windows.get(t.windowNo);
  if (w?.currentTicketId !== t.id) return;
  delete w.currentTicketId;
  w.idleSince = at;
}

/** Back to waiting, keeping its arrival time (reinstate, transfer, requeue). */
function backToWaiting(state: HallState, t: TicketRec, at: number): void {
  clearCurrent(state, t, at);
  t.status = 'waiting';
  t.recalls = 0;
  delete t.calledAt;
  delete t.startedAt;
  delete t.finishedAt;
  delete t.windowNo;
  delete t.servedBy;
  delete t.closedReason;
  enqueue(state, t);
}

function recordServiceTime(state: HallState, t: TicketRec, at: number): void {
  const q = state.queues.get(t.queue);
  if (!q || t.startedAt === undefined) return;
  const seconds = Math.min(3600, Math.max(30, (at - t.startedAt) / 1000));
  q.avgServiceSeconds = (1 - SERVICE_EWMA_ALPHA) * q.avgServiceSeconds + SERVICE_EWMA_ALPHA * seconds;
}

export function evolve(state: HallState, e: DomainEvent): void {
  switch (e.type) {
    case 'TicketIssued': {
      const t = { ...e.ticket, matters: [...e.ticket.matters] };
      if (e.ticket.checklist) t.checklist = e.ticket.checklist.map((c) => ({ matter: c.matter, have: [...c.have] }));
      state.tickets.set(t.id, t);
      state.byNumber.set(t.number, t.id);
      const q = state.queues.get(t.queue);
      if (q) q.nextNumber++;
      if (q) t.targetWaitMinutes ??= q.targetWaitMinutes;
      state.lastOrder = Math.max(state.lastOrder, t.order);
      enqueue(state, t);
      return;
    }
    case 'TicketCalled': {
      const t = ticket(state, e.ticketId);
      const w = window(state, e.windowNo);
      dequeue(state, t);
      t.status = 'called';
      t.calledAt = e.at;
      t.windowNo = e.windowNo;
      t.servedBy = e.clerkId;
      t.recalls = 0;
      // The last call is the one the figures count (a transferred ticket is called again).
      if (e.auto) t.autoCalled = true;
      else delete t.autoCalled;
      w.currentTicketId = t.id;
      w.priorityStreak = t.priority === 'priority' ? w.priorityStreak + 1 : 0;
      return;
    }
    case 'TicketRecalled':
      ticket(state, e.ticketId).recalls++;
      return;
    case 'TicketStarted': {
      const t = ticket(state, e.ticketId);
      t.status = 'serving';
      t.startedAt = e.at;
      return;
    }
    case 'TicketCompleted': {
      const t = ticket(state, e.ticketId);
      // Completing a called ticket implies its start at the call.
      t.startedAt ??= t.calledAt ?? e.at;
      t.status = 'done';
      t.finishedAt = e.at;
      recordServiceTime(state, t, e.at);
      clearCurrent(state, t, e.at);
      return;
    }
    case 'TicketNoShow': {
      const t = ticket(state, e.ticketId);
      clearCurrent(state, t, e.at);
      t.status = 'no_show';
      t.finishedAt = e.at;
      if (e.reason === 'recall_limit') t.closedReason = 'recall_limit';
      return;
    }
    case 'TicketReinstated':
    case 'TicketRequeued':
      backToWaiting(state, ticket(state, e.ticketId), e.at);
      return;
    case 'TicketTransferred': {
      const t = ticket(state, e.ticketId);
      clearCurrent(state, t, e.at);
      t.queue = e.to;
      t.transferredFrom = e.from;
      if (e.checklist) t.checklist = handOverChecklist(t.matters, t.checklist, e.checklist);
      const handover: TransferHandoverRec = { fromWindow: e.windowNo, fromQueue: e.from, note: e.note ?? '', at: e.at };
      if (e.clerkId) handover.clerkId = e.clerkId;
      t.handover = handover;
      // It now waits against the new queue's target.
      const target = state.queues.get(e.to)?.targetWaitMinutes;
      if (target === undefined) delete t.targetWaitMinutes;
      else t.targetWaitMinutes = target;
      backToWaiting(state, t, e.at);
      return;
    }
    case 'TicketCancelled': {
      const t = ticket(state, e.ticketId);
      if (t.status === 'waiting') dequeue(state, t);
      clearCurrent(state, t, e.at);
      t.status = 'cancelled';
      t.closedReason = e.reason;
      t.finishedAt = e.at;
      return;
    }
    case 'WindowSignedIn': {
      const w = window(state, e.windowNo);
      w.clerkId = e.clerkId;
      w.priorityStreak = 0;
      w.idleSince = e.at;
      w.workingSince = e.at;
      delete w.pauseReason;
      return;
    }
    case 'WindowSignedOut': {
      const w = window(state, e.windowNo);
      delete w.clerkId;
      delete w.pauseReason;
      delete w.currentTicketId;
      delete w.workingSince;
      return;
    }
    case 'WindowPaused': {
      const w = window(state, e.windowNo);
      w.pauseReason = e.reason;
      delete w.workingSince;
      return;
    }
    case 'WindowResumed': {
      const w = window(state, e.windowNo);
      delete w.pauseReason;
      // Back from a break counts as just idle: the windows that kept working are prompted first.
      if (!w.currentTicketId) w.idleSince = e.at;
      w.workingSince = e.at;
      return;
    }
    case 'MappingChanged':
      window(state, e.windowNo).mapping = e.mapping.map((m) => ({ ...m }));
      return;
    case 'WindowEnabledChanged': {
      const w = window(state, e.windowNo);
      if (e.enabled) delete w.enabled;
      else w.enabled = false;
      return;
    }
    case 'TicketingChanged':
      // Derived from the rest of the state (queueStopped): nothing to apply.
      return;
    case 'DayStarted': {
      state.serviceDay = e.serviceDay;
      state.tickets.clear();
      state.byNumber.clear();
      state.waiting.clear();
      for (const q of state.queues.values()) {
        q.nextNumber = q.numberStart;
        state.waiting.set(q.code, new WaitList());
      }
      for (const w of state.windows.values()) delete w.currentTicketId;
      return;
    }
    case 'SettingsChanged':
      state.settings = { ...e.settings, voiceLanguages: [...e.settings.voiceLanguages], notices: [...e.settings.notices], noticesEn: [...e.settings.noticesEn] };
      if (e.settings.honors) state.settings.honors = e.settings.honors.map((h) => ({ ...h }));
      if (e.settings.workHours) state.settings.workHours = structuredClone(e.settings.workHours);
      return;
    case 'QueueChanged': {
      const q = state.queues.get(e.queue.code);
      if (!q) return;
      Object.assign(q, e.queue);
      // Back to the default prefix: the event has none, and assign would keep the old one.
      if (e.queue.prefix === undefined) delete q.prefix;
      return;
    }
    case 'ClerkChanged':
      state.clerks.set(e.clerk.id, { ...e.clerk, skills: [...e.clerk.skills] });
      return;
    case 'ClerkPhotoChanged': {
      const clerk = state.clerks.get(e.clerkId);
      if (!clerk) return;
      if (e.photoVersion === undefined) delete clerk.photoVersion;
      else clerk.photoVersion = e.photoVersion;
      return;
    }
    case 'ClerkRemoved':
      state.clerks.delete(e.clerkId);
      return;
    case 'MatterChanged':
      state.matters.set(e.matter.id, canonicalMatter(e.matter));
      return;
    case 'MatterRemoved':
      state.matters.delete(e.matterId);
      return;
  }
}

/** Default seconds a service takes before any has been measured in a queue. */
export const DEFAULT_SERVICE_SECONDS = 300;

export function queueRuntime(def: QueueDef, nextNumber = def.numberStart, avgServiceSeconds = DEFAULT_SERVICE_SECONDS): QueueRuntime {
  return { ...def, nextNumber, avgServiceSeconds };
}

/**
 * Builds a hall state from stored rows: open tickets go back into their wait lists.
 * Used at start-up (from the store) and by tests and the simulator (from literals).
 */
export function buildHallState(
  init: Omit<HallState, 'tickets' | 'byNumber' | 'waiting' | 'lastOrder' | 'matters'> & { matters?: HallState['matters'] },
  tickets: TicketRec[],
): HallState {
  const state: HallState = { ...init, matters: init.matters ?? new Map(), tickets: new Map(), byNumber: new Map(), waiting: new Map(), lastOrder: 0 };
  for (const q of state.queues.values()) state.waiting.set(q.code, new WaitList());
  for (const t of tickets) {
    state.tickets.set(t.id, t);
    state.byNumber.set(t.number, t.id);
    state.lastOrder = Math.max(state.lastOrder, t.order);
    if (t.status === 'waiting') enqueue(state, t);
  }
  return state;
}
