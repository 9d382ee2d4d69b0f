/**
 * decide(state, command, now) → the events that command causes, or a coded refusal.
 * Pure: it reads the state and never changes it (evolve.ts applies the events).
 */
import type { ErrorCode, ErrorReason } from '../../shared/errors';
import type { Command } from './commands';
import { knownChecklist, normalizeChecklist } from './checklist';
import { decideSetup } from './decide-setup';
import { defaultPolicy, type DispatchCandidate, type DispatchPolicy } from './dispatch';
import type { DomainEvent } from './events';
import { formatNumber } from './numbering';
import { reviewTicketing, ticketingVerdict } from './ticketing';
import type { HallState, TicketRec, WindowRec } from './types';

export interface DomainError {
  code: ErrorCode;
  message: string;
  reason?: ErrorReason;
}

export type Decision = { ok: true; events: DomainEvent[] } | { ok: false; error: DomainError };

const fail = (code: ErrorCode, message: string, reason?: ErrorReason): { ok: false; error: DomainError } => ({
  ok: false,
  error: reason ? { code, message, reason } : { code, message },
});
const done = (events: DomainEvent[]): Decision => ({ ok: true, events });

type Found<T> = { ok: true; value: T } | { ok: false; error: DomainError };

function windowOf(state: HallState, no: number): Found<WindowRec> {
  const w = state.windows.get(no);
  return w ? { ok: true, value: w } : fail('UNKNOWN_WINDOW', `window ${no} does not exist`);
}

/** The window, when this clerk is the one signed in there. */
function clerkWindow(state: HallState, no: number, clerkId: string): Found<WindowRec> {
  const w = windowOf(state, no);
  if (!w.ok) return w;
  if (w.value.clerkId !== clerkId) return fail('NOT_SIGNED_IN', `you are not signed in at window ${no}`);
  return w;
}

function currentOf(state: HallState, w: WindowRec): TicketRec | undefined {
  return w.currentTicketId ? state.tickets.get(w.currentTicketId) : undefined;
}

/** Events that end whatever is current at a window before it calls again (one press = 办结 + 叫下一位). */
function finishCurrent(state: HallState, w: WindowRec, now: number): DomainEvent[] {
  const t = currentOf(state, w);
  if (!t || (t.status !== 'called' && t.status !== 'serving')) return [];
  return [{ type: 'TicketCompleted', at: now, ticketId: t.id, windowNo: w.no }];
}

/** Events that release a window's current ticket when the window closes. */
function releaseCurrent(state: HallState, w: WindowRec, now: number): DomainEvent[] {
  const t = currentOf(state, w);
  if (!t) return [];
  if (t.status === 'called') return [{ type: 'TicketRequeued', at: now, ticketId: t.id, windowNo: w.no }];
  if (t.status === 'serving') return [{ type: 'TicketCompleted', at: now, ticketId: t.id, windowNo: w.no }];
  return [];
}

/** The queues a window may call from: its mapping ∩ the clerk's skills, in mapping order. */
export function dispatchCandidates(state: HallState, w: WindowRec, skills: readonly string[]): DispatchCandidate[] {
  const out: DispatchCandidate[] = [];
  for (const m of w.mapping) {
    if (!skills.includes(m.queue)) continue;
    const q = state.queues.get(m.queue);
    const list = state.waiting.get(m.queue);
    if (!q || !list || list.size === 0) continue;
    out.push({
      queue: m.queue,
      role: m.role,
      targetWaitSeconds: q.targetWaitMinutes * 60,
      priorityHead: list.priority.peek(),
      normalHead: list.normal.peek(),
      avgServiceSeconds: q.avgServiceSeconds,
    });
  }
  return out;
}

function activeTicket(state: HallState, w: WindowRec): Found<TicketRec> {
  const t = currentOf(state, w);
  if (!t || (t.status !== 'called' && t.status !== 'serving')) {
    return fail('NO_CURRENT_TICKET', `window ${w.no} has no ticket in service`);
  }
  return { ok: true, value: t };
}

export function decide(state: HallState, cmd: Command, now: number, policy: DispatchPolicy = defaultPolicy): Decision {
  switch (cmd.type) {
    case 'issueTicket': {
      const q = state.queues.get(cmd.queue);
      if (!q) return fail('UNKNOWN_QUEUE', `queue ${cmd.queue} does not exist`);
      if (q.nextNumber > q.numberEnd) return fail('NUMBERS_EXHAUSTED', `queue ${q.code} has no numbers left today`);
      if (!cmd.byStaff && cmd.channel !== 'appointment') {
        const v = ticketingVerdict(state, q.code, now);
        if (!v.open) return fail('INVALID_STATE', v.message, v.reason);
      }
      if (state.tickets.has(cmd.id)) return fail('CONFLICT', 'ticket id already used');
      const checked = cmd.checklist ? normalizeChecklist(state.matters, cmd.matters, cmd.checklist) : undefined;
      if (checked && !checked.ok) return fail('BAD_REQUEST', checked.message);
      const ticket: TicketRec = {
        id: cmd.id,
        serviceDay: state.serviceDay,
        number: formatNumber(q, q.nextNumber),
        queue: q.code,
        status: 'waiting',
        priority: cmd.priority ?? (q.priorityQueue ? 'priority' : 'normal'),
        channel: cmd.channel,
        matters: cmd.matters,
        issuedAt: now,
        arrivedAt: cmd.arrivedAt ?? now,
        order: state.lastOrder + 1,
        recalls: 0,
      };
      if (cmd.note) ticket.note = cmd.note;
      if (checked?.ok && checked.value.length > 0) ticket.checklist = checked.value;
      return done([{ type: 'TicketIssued', at: now, ticket }]);
    }

    case 'signIn': {
      const w = windowOf(state, cmd.windowNo);
      if (!w.ok) return w;
      const clerk = state.clerks.get(cmd.clerkId);
      if (!clerk) return fail('UNKNOWN_USER', 'unknown clerk');
      if (w.value.clerkId === cmd.clerkId) return done([]);
      if (w.value.enabled === false) return fail('WINDOW_CLOSED', `window ${cmd.windowNo} is out of service`);
      if (w.value.clerkId) return fail('WINDOW_HELD', `window ${cmd.windowNo} is held by another clerk`);
      const mapped = w.value.mapping.map((m) => m.queue);
      if (mapped.length > 0 && !mapped.some((q) => clerk.skills.includes(q))) {
        return fail('NOT_SKILLED', `you have no skill for the queues of window ${cmd.windowNo}`);
      }
      const events: DomainEvent[] = [];
      // One clerk, one window: leaving another window releases it first.
      for (const other of state.windows.values()) {
        if (other.clerkId === cmd.clerkId) {
          events.push(...releaseCurrent(state, other, now));
          events.push({ type: 'WindowSignedOut', at: now, windowNo: other.no, clerkId: cmd.clerkId });
        }
      }
      events.push({ type: 'WindowSignedIn', at: now, windowNo: cmd.windowNo, clerkId: cmd.clerkId });
      return done(events);
    }

    case 'signOut': {
      const w = windowOf(state, cmd.windowNo);
      if (!w.ok) return w;
      const holder = w.value.clerkId;
      if (!holder) return done([]);
      if (holder !== cmd.clerkId && !cmd.force) return fail('NOT_SIGNED_IN', `you are not signed in at window ${cmd.windowNo}`);
      return done([
        ...releaseCurrent(state, w.value, now),
        { type: 'WindowSignedOut', at: now, windowNo: cmd.windowNo, clerkId: holder },
      ]);
    }

    case 'next': {
      const w = clerkWindow(state, cmd.windowNo, cmd.clerkId);
      if (!w.ok) return w;
      if (w.value.pauseReason) return fail('WINDOW_PAUSED', `window ${cmd.windowNo} is paused`);
      const events = finishCurrent(state, w.value, now);
      if (cmd.ifIdle && events.length > 0) {
        return fail('INVALID_STATE', `window ${cmd.windowNo} already has ${currentOf(state, w.value)?.number ?? 'a ticket'} at it`);
      }
      const skills = state.clerks.get(cmd.clerkId)?.skills ?? [];
      const choice = policy({
        now,
        candidates: dispatchCandidates(state, w.value, skills),
        priorityStreak: w.value.priorityStreak,
        prioritySwapAfter: state.settings.prioritySwapAfter,
      });
      if (choice) {
        events.push({
          type: 'TicketCalled',
          at: now,
          ticketId: choice.ticketId,
          windowNo: cmd.windowNo,
          clerkId: cmd.clerkId,
          special: false,
          reason: choice.reason,
          ...(cmd.auto ? { auto: true } : {}),
        });
      }
      return done(events);
    }

    case 'specialCall': {
      const w = clerkWindow(state, cmd.windowNo, cmd.clerkId);
      if (!w.ok) return w;
      if (w.value.pauseReason) return fail('WINDOW_PAUSED', `window ${cmd.windowNo} is paused`);
      const id = state.byNumber.get(cmd.number);
      const t = id ? state.tickets.get(id) : undefined;
      if (!t) return fail('UNKNOWN_TICKET', `no ticket ${cmd.number} today`);
      if (t.status !== 'waiting') return fail('INVALID_STATE', `ticket ${cmd.number} is not waiting`);
      // Out of turn, but not out of competence (人随事定): the window's mapping may be bypassed,
      // the clerk's skills may not.
      if (!(state.clerks.get(cmd.clerkId)?.skills ?? []).includes(t.queue)) {
        return fail('NOT_SKILLED', `you have no skill for queue ${t.queue}`);
      }
      return done([
        ...finishCurrent(state, w.value, now),
        { type: 'TicketCalled', at: now, ticketId: t.id, windowNo: cmd.windowNo, clerkId: cmd.clerkId, special: true },
      ]);
    }

    case 'recall': {
      const w = clerkWindow(state, cmd.windowNo, cmd.clerkId);
      if (!w.ok) return w;
      const t = activeTicket(state, w.value);
      if (!t.ok) return t;
      if (t.value.status !== 'called') return fail('INVALID_STATE', `ticket ${t.value.number} is already in service`);
      if (t.value.recalls >= state.settings.recallLimit) {
        return done([{ type: 'TicketNoShow', at: now, ticketId: t.value.id, windowNo: cmd.windowNo, reason: 'recall_limit' }]);
      }
      return done([{ type: 'TicketRecalled', at: now, ticketId: t.value.id, windowNo: cmd.windowNo }]);
    }

    case 'noShow': {
      const w = clerkWindow(state, cmd.windowNo, cmd.clerkId);
      if (!w.ok) return w;
      const t = activeTicket(state, w.value);
      if (!t.ok) return t;
      if (t.value.status !== 'called') return fail('INVALID_STATE', `ticket ${t.value.number} is already in service`);
      return done([{ type: 'TicketNoShow', at: now, ticketId: t.value.id, windowNo: cmd.windowNo, reason: 'clerk' }]);
    }

    case 'start': {
      const w = clerkWindow(state, cmd.windowNo, cmd.clerkId);
      if (!w.ok) return w;
      const t = activeTicket(state, w.value);
      if (!t.ok) return t;
      if (t.value.status === 'serving') return done([]);
      return done([{ type: 'TicketStarted', at: now, ticketId: t.value.id, windowNo: cmd.windowNo }]);
    }

    case 'complete': {
      const w = clerkWindow(state, cmd.windowNo, cmd.clerkId);
      if (!w.ok) return w;
      const t = activeTicket(state, w.value);
      if (!t.ok) return t;
      return done([{ type: 'TicketCompleted', at: now, ticketId: t.value.id, windowNo: cmd.windowNo }]);
    }

    case 'transfer': {
      const w = clerkWindow(state, cmd.windowNo, cmd.clerkId);
      if (!w.ok) return w;
      if (!state.queues.has(cmd.queue)) return fail('UNKNOWN_QUEUE', `queue ${cmd.queue} does not exist`);
      const t = activeTicket(state, w.value);
      if (!t.ok) return t;
      // Its arrival time is kept, so a "transfer" to its own queue would put it back at the head.
      if (t.value.queue === cmd.queue) return fail('INVALID_STATE', `ticket ${t.value.number} is already in queue ${cmd.queue}`);
      const handed = cmd.checklist ? knownChecklist(state.matters, t.value.matters, cmd.checklist) : [];
      const moved: Extract<DomainEvent, { type: 'TicketTransferred' }> = { type: 'TicketTransferred', at: now, ticketId: t.value.id, windowNo: cmd.windowNo, from: t.value.queue, to: cmd.queue, clerkId: cmd.clerkId };
      if (handed.length > 0) moved.checklist = handed;
      const note = cmd.note?.trim();
      if (note) moved.note = note;
      return done([moved]);
    }

    case 'pause': {
      const w = clerkWindow(state, cmd.windowNo, cmd.clerkId);
      if (!w.ok) return w;
      if (w.value.pauseReason === cmd.reason) return done([]);
      return done([{ type: 'WindowPaused', at: now, windowNo: cmd.windowNo, reason: cmd.reason }]);
    }

    case 'resume': {
      const w = clerkWindow(state, cmd.windowNo, cmd.clerkId);
      if (!w.ok) return w;
      if (!w.value.pauseReason) return done([]);
      return done([{ type: 'WindowResumed', at: now, windowNo: cmd.windowNo }]);
    }

    case 'setMapping': {
      const w = windowOf(state, cmd.windowNo);
      if (!w.ok) return w;
      const seen = new Set<string>();
      for (const m of cmd.mapping) {
        if (!state.queues.has(m.queue)) return fail('UNKNOWN_QUEUE', `queue ${m.queue} does not exist`);
        if (seen.has(m.queue)) return fail('BAD_REQUEST', `queue ${m.queue} appears twice in the mapping`);
        seen.add(m.queue);
      }
      return done([
        { type: 'MappingChanged', at: now, windowNo: cmd.windowNo, mapping: cmd.mapping.map((m) => ({ ...m })), before: w.value.mapping },
      ]);
    }

    case 'setWindowEnabled': {
      const w = windowOf(state, cmd.windowNo);
      if (!w.ok) return w;
      if ((w.value.enabled !== false) === cmd.enabled) return done([]);
      const events: DomainEvent[] = [];
      // Taking a window out of service closes it first, like a sign-out.
      if (!cmd.enabled && w.value.clerkId) {
        events.push(...releaseCurrent(state, w.value, now));
        events.push({ type: 'WindowSignedOut', at: now, windowNo: cmd.windowNo, clerkId: w.value.clerkId });
      }
      events.push({ type: 'WindowEnabledChanged', at: now, windowNo: cmd.windowNo, enabled: cmd.enabled });
      return done(events);
    }

    case 'reinstate': {
      const t = state.tickets.get(cmd.ticketId);
      if (!t) return fail('UNKNOWN_TICKET', 'no such ticket today');
      if (t.status !== 'no_show') return fail('INVALID_STATE', `ticket ${t.number} is not a no-show`);
      return done([{ type: 'TicketReinstated', at: now, ticketId: t.id }]);
    }

    case 'cancel': {
      const t = state.tickets.get(cmd.ticketId);
      if (!t) return fail('UNKNOWN_TICKET', 'no such ticket today');
      if (t.status !== 'waiting') return fail('INVALID_STATE', `ticket ${t.number} is not waiting`);
      const reason = cmd.by === 'holder' ? 'cancelled_by_holder' : 'cancelled_by_staff';
      return done([{ type: 'TicketCancelled', at: now, ticketId: t.id, reason }]);
    }

    case 'startDay': {
      if (cmd.serviceDay === state.serviceDay) return done([]);
      const events: DomainEvent[] = [];
      // Tickets of the ended day are closed with a reason, never deleted.
      for (const t of state.tickets.values()) {
        if (t.status === 'waiting' || t.status === 'called') {
          events.push({ type: 'TicketCancelled', at: now, ticketId: t.id, reason: 'day_end' });
        } else if (t.status === 'serving' && t.windowNo !== undefined) {
          events.push({ type: 'TicketCompleted', at: now, ticketId: t.id, windowNo: t.windowNo });
        }
      }
      for (const w of state.windows.values()) {
        if (w.clerkId) events.push({ type: 'WindowSignedOut', at: now, windowNo: w.no, clerkId: w.clerkId });
      }
      events.push({ type: 'DayStarted', at: now, serviceDay: cmd.serviceDay, previous: state.serviceDay });
      return done(events);
    }

    case 'reviewTicketing': {
      const e = reviewTicketing(state, new Set(cmd.shown), now);
      return done(e ? [e] : []);
    }

    default:
      return decideSetup(state, cmd, now, (w) => releaseCurrent(state, w, now));
  }
}
