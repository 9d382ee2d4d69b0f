/**
 * 取号时间 and 停止取号: whether a ticket may be taken now, pure. Kiosk and phone tickets follow
 * the hall's ticketing hours; in the day's last session, with `stopWhenUnfinishable`, a queue
 * stops taking them once a new ticket's estimated wait runs past the session's end (the citizen
 * would wait for nothing: better told at the kiosk than at 17:00 in the hall). Guides and
 * managers decide at the desk, and booked citizens were promised their slot: neither is bound.
 */
import type { ErrorReason } from '../../shared/errors';
import { etaSecondsOfNew } from './eta';
import { localMinutesOf, minutesOfTime } from './time';
import type { HallState, TimeRange } from './types';

export type TicketingVerdict =
  | { open: true }
  | { open: false; reason: Extract<ErrorReason, 'outside_hours' | 'queue_stopped'>; message: string };

const OPEN: TicketingVerdict = { open: true };

/** A hall saved before 取号时间 existed: tickets any time, no stop (as it always was). */
export const DEFAULT_TICKETING = { ticketHours: [] as TimeRange[], stopWhenUnfinishable: false };

/** The session holding `minutes` (start inclusive, end exclusive), and whether it is the day's last. */
export function sessionAt(hours: readonly TimeRange[], minutes: number): { range: TimeRange; last: boolean } | undefined {
  const sorted = [...hours].sort((a, b) => a.start.localeCompare(b.start));
  const i = sorted.findIndex((r) => minutesOfTime(r.start) <= minutes && minutes < minutesOfTime(r.end));
  return i < 0 ? undefined : { range: sorted[i]!, last: i === sorted.length - 1 };
}

export const hoursText = (hours: readonly TimeRange[]): string => hours.map((r) => `${r.start}–${r.end}`).join(', ');

/**
 * May a kiosk or phone take a ticket of `queue` at `now`? Hours empty: any time. The queue stop
 * is judged on the estimate for a normal ticket joining the back (the same median the ticket
 * would be shown).
 */
export function ticketingVerdict(state: HallState, queue: string, now: number): TicketingVerdict {
  const { ticketHours, stopWhenUnfinishable } = state.settings;
  if (ticketHours.length === 0) return OPEN;
  const minutes = localMinutesOf(now, state.timezone);
  const session = sessionAt(ticketHours, minutes);
  if (!session) return { open: false, reason: 'outside_hours', message: `tickets are taken ${hoursText(ticketHours)}` };
  if (!stopWhenUnfinishable || !session.last) return OPEN;
  const left = (minutesOfTime(session.range.end) - minutes) * 60;
  if (etaSecondsOfNew(state, queue) < left) return OPEN;
  return { open: false, reason: 'queue_stopped', message: `queue ${queue} takes no more tickets today: the wait would run past ${session.range.end}` };
}
