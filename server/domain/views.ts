/** Projections of the hall state into the shapes of the contract (shared/schemas.ts). */
import { staffPhotoUrl, type ClerkRef, type QueueInfo, type QueueSummary, type Ticket, type TicketDetail, type TransferHandover, type Window, type WindowState } from '../../shared/schemas';
import { aheadOf, etaRangeOf, etaSecondsOf } from './eta';
import { queueStopped } from './ticketing';
import { iso } from './time';
import type { HallState, QueueDef, QueueRuntime, TicketRec, WindowRec } from './types';

export function ticketView(state: HallState, t: TicketRec): Ticket {
  const v: Ticket = {
    id: t.id,
    number: t.number,
    queue: t.queue,
    status: t.status,
    priority: t.priority,
    channel: t.channel,
    issuedAt: iso(t.issuedAt),
    arrivedAt: iso(t.arrivedAt),
    recalls: t.recalls,
    matters: [...t.matters],
    ahead: aheadOf(state, t),
    etaSeconds: etaSecondsOf(state, t),
  };
  const range = etaRangeOf(state, t);
  if (range) v.etaRangeSeconds = range;
  if (t.calledAt !== undefined) v.calledAt = iso(t.calledAt);
  if (t.startedAt !== undefined) v.startedAt = iso(t.startedAt);
  if (t.finishedAt !== undefined) v.finishedAt = iso(t.finishedAt);
  if (t.windowNo !== undefined) v.windowNo = t.windowNo;
  if (t.closedReason) v.closedReason = t.closedReason;
  if (t.transferredFrom !== undefined) v.transferredFrom = t.transferredFrom;
  return v;
}

export function ticketDetailView(state: HallState, t: TicketRec): TicketDetail {
  const v: TicketDetail = ticketView(state, t);
  if (t.note) v.note = t.note;
  if (t.checklist) v.checklist = t.checklist.map((c) => ({ matter: c.matter, have: [...c.have] }));
  if (t.handover) {
    const h = t.handover;
    const handover: TransferHandover = { fromWindow: h.fromWindow, fromQueue: h.fromQueue, note: h.note, at: iso(h.at) };
    const clerk = h.clerkId ? state.clerks.get(h.clerkId) : undefined;
    if (clerk) handover.clerkName = clerk.name;
    v.handover = handover;
  }
  return v;
}

export function windowStateOf(state: HallState, w: WindowRec): WindowState {
  if (!w.clerkId) return 'closed';
  if (w.pauseReason) return 'paused';
  const t = w.currentTicketId ? state.tickets.get(w.currentTicketId) : undefined;
  if (t?.status === 'called') return 'calling';
  if (t?.status === 'serving') return 'serving';
  return 'open';
}

export function windowView(state: HallState, w: WindowRec): Window {
  const v: Window = {
    no: w.no,
    name: w.name,
    nameEn: w.nameEn,
    zone: w.zone,
    kind: w.kind,
    state: windowStateOf(state, w),
    mapping: w.mapping.map((m) => ({ ...m })),
  };
  if (w.pauseReason) v.pauseReason = w.pauseReason;
  if (w.enabled === false) v.disabled = true;
  if (w.zoneEn) v.zoneEn = w.zoneEn;
  const clerk = w.clerkId ? state.clerks.get(w.clerkId) : undefined;
  if (clerk) {
    const ref: ClerkRef = { id: clerk.id, username: clerk.username, name: clerk.name };
    if (clerk.photoVersion !== undefined) ref.photoUrl = staffPhotoUrl(clerk.id, clerk.photoVersion);
    v.clerk = ref;
    if (w.workingSince !== undefined && !w.pauseReason) v.workingSince = iso(w.workingSince);
  }
  const t = w.currentTicketId ? state.tickets.get(w.currentTicketId) : undefined;
  if (t) v.current = ticketView(state, t);
  return v;
}

export function queueSummary(state: HallState, q: QueueRuntime, now: number): QueueSummary {
  const list = state.waiting.get(q.code);
  const oldest = list?.oldest();
  const v: QueueSummary = {
    code: q.code,
    name: q.name,
    nameEn: q.nameEn,
    waiting: list?.size ?? 0,
    longestWaitSeconds: oldest ? Math.max(0, Math.floor((now - oldest.arrivedAt) / 1000)) : 0,
    targetWaitMinutes: q.targetWaitMinutes,
    priorityQueue: q.priorityQueue,
  };
  if (oldest) v.oldestArrivedAt = iso(oldest.arrivedAt);
  if (q.prefix !== undefined) v.prefix = q.prefix;
  if (queueStopped(state, q.code, now)) v.stopped = true;
  return v;
}

/** A queue's settings as the catalogue and the manager console see them. */
export function queueInfo(q: QueueDef): QueueInfo {
  const v: QueueInfo = {
    code: q.code,
    name: q.name,
    nameEn: q.nameEn,
    category: q.category,
    targetWaitMinutes: q.targetWaitMinutes,
    priorityQueue: q.priorityQueue,
    numberStart: q.numberStart,
    numberEnd: q.numberEnd,
  };
  if (q.prefix !== undefined) v.prefix = q.prefix;
  return v;
}

export function sortedQueues(state: HallState): QueueRuntime[] {
  return [...state.queues.values()].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
}

export function sortedWindows(state: HallState): WindowRec[] {
  return [...state.windows.values()].sort((a, b) => a.no - b.no);
}
