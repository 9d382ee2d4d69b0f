/**
 * 取号时间 and 停止取号: whether a ticket may be taken now, pure. Kiosk and phone tickets follow
 * the hall's ticketing hours; in the day's last session, with `stopWhenUnfinishable`, a queue
 * stops taking them once a new ticket's estimated wait runs past the session's end (the citizen
 * would wait for nothing: better told at the kiosk than at 17:00 in the hall). Guides and
 * managers decide at the desk, and booked citizens were promised their slot: neither is bound.
 */
import type { ErrorReason } from '../../shared/errors';
import { hoursLabel, localMinutes, minutesOfTime, sessionAt } from '../../shared/ticketHours';
import { etaSecondsOfNew } from './eta';
import type { DomainEvent } from './events';
import type { HallState, TimeRange } from './types';

export type TicketingVerdict =
  | { open: true }
  | { open: false; reason: Extract<ErrorReason, 'outside_hours' | 'queue_stopped'>; message: string };

const OPEN: TicketingVerdict = { open: true };

/** A hall saved before 取号时间 existed: tickets all day, no stop (as it always was). */
export const DEFAULT_TICKETING = { ticketHours: [] as TimeRange[], stopWhenUnfinishable: false };

export { sessionAt };

/**
 * May a kiosk or phone take a ticket of `queue` at `now`? Hours empty: all day. The queue stop
 * is judged on the estimate for a normal ticket joining the back (the same median the ticket
 * would be shown).
 */
export function ticketingVerdict(state: HallState, queue: string, now: number): TicketingVerdict {
  const { ticketHours, stopWhenUnfinishable } = state.settings;
  if (ticketHours.length === 0) return OPEN;
  const minutes = localMinutes(now, state.timezone);
  const session = sessionAt(ticketHours, minutes);
  if (!session) return { open: false, reason: 'outside_hours', message: `tickets are taken ${hoursLabel(ticketHours, ', ')}` };
  if (!stopWhenUnfinishable || !session.last) return OPEN;
  const left = (minutesOfTime(session.range.end) - minutes) * 60;
  if (etaSecondsOfNew(state, queue) < left) return OPEN;
  return { open: false, reason: 'queue_stopped', message: `queue ${queue} takes no more tickets today: the wait would run past ${session.range.end}` };
}

/**
 * 停止取号 now? Asked of every queue on every change (views, pushes): with the rule off or no
 * hours it answers without reading the clock or estimating anything.
 */
export function queueStopped(state: HallState, queue: string, now: number): boolean {
  const { ticketHours, stopWhenUnfinishable } = state.settings;
  if (!stopWhenUnfinishable || ticketHours.length === 0) return false;
  const v = ticketingVerdict(state, queue, now);
  return !v.open && v.reason === 'queue_stopped';
}

/**
 * Which queues' 停止取号 differ at `now` from what the screens show (`shown`: the stopped ones), as
 * one event, or nothing. Time alone moves the flag (the session's end comes nearer), so the
 * service asks this each minute as well as after every change.
 */
export function reviewTicketing(state: HallState, shown: ReadonlySet<string>, now: number): Extract<DomainEvent, { type: 'TicketingChanged' }> | undefined {
  const stopped: string[] = [];
  const reopened: string[] = [];
  for (const code of state.queues.keys()) {
    const is = queueStopped(state, code, now);
    if (is && !shown.has(code)) stopped.push(code);
    if (!is && shown.has(code)) reopened.push(code);
  }
  if (stopped.length + reopened.length === 0) return undefined;
  return { type: 'TicketingChanged', at: now, stopped, reopened };
}
