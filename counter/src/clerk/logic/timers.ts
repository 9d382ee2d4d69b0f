/**
 * The clerk's timers (pure): how long the current citizen has been served against the time
 * limit of their matters, and how long the clerk has worked without a pause, with a gentle
 * break suggestion. The suggestion never blocks anything and can be put off.
 */
import type { Matter, Ticket, WindowState } from '../../../../shared/schemas';
import { secondsSince } from '../../shared/time';

export type Pace = 'calm' | 'near' | 'over';

/** Seconds since service began (开始办理), or since the call while the citizen walks up. */
export function serviceSeconds(ticket: Pick<Ticket, 'calledAt' | 'startedAt'> | undefined, now: number): number {
  if (!ticket) return 0;
  return secondsSince(ticket.startedAt ?? ticket.calledAt, now);
}

/**
 * The time limit of a ticket: the sum of its matters' limits (一件事一次办 bundles several
 * matters handled one after another). Null when no matter of the ticket has a known limit.
 */
export function timeLimitSeconds(matterIds: readonly string[], catalogue: ReadonlyMap<string, Matter>): number | null {
  let total = 0;
  let known = false;
  for (const id of matterIds) {
    const m = catalogue.get(id);
    if (m && m.timeLimitMinutes > 0) {
      total += m.timeLimitMinutes * 60;
      known = true;
    }
  }
  return known ? total : null;
}

/** Calm until 80 % of the limit, then a soft warning, then over. */
export function pace(elapsed: number, limit: number | null): Pace {
  if (limit === null || limit <= 0) return 'calm';
  if (elapsed >= limit) return 'over';
  return elapsed >= limit * 0.8 ? 'near' : 'calm';
}

// ---- continuous work ----------------------------------------------------------------------

export interface WorkClock {
  /** When the current stretch of work began (sign-in or the last resume); null while not working. */
  since: number | null;
  /** The clerk put the break suggestion off until then. */
  snoozedUntil: number | null;
}

export const idleClock = (): WorkClock => ({ since: null, snoozedUntil: null });

const working = (s: WindowState): boolean => s === 'open' || s === 'calling' || s === 'serving';

/** Follow the window's state: a pause or closing ends the stretch; reopening starts a new one. */
export function trackWork(clock: WorkClock, state: WindowState, now: number): WorkClock {
  if (!working(state)) return clock.since === null && clock.snoozedUntil === null ? clock : idleClock();
  return clock.since === null ? { since: now, snoozedUntil: null } : clock;
}

export function workSeconds(clock: WorkClock, now: number): number {
  return clock.since === null ? 0 : Math.max(0, Math.floor((now - clock.since) / 1000));
}

/** Suggest a break once the stretch passes the threshold, unless put off. */
export function suggestBreak(clock: WorkClock, now: number, thresholdMinutes: number): boolean {
  if (clock.since === null || thresholdMinutes <= 0) return false;
  if (clock.snoozedUntil !== null && now < clock.snoozedUntil) return false;
  return workSeconds(clock, now) >= thresholdMinutes * 60;
}

export function snooze(clock: WorkClock, now: number, minutes: number): WorkClock {
  return { ...clock, snoozedUntil: now + minutes * 60_000 };
}

export function parseWorkClock(raw: string | null): WorkClock {
  if (!raw) return idleClock();
  try {
    const v = JSON.parse(raw) as Partial<WorkClock>;
    const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
    return { since: num(v.since), snoozedUntil: num(v.snoozedUntil) };
  } catch {
    return idleClock();
  }
}
