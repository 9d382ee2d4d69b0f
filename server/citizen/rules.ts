/**
 * The rules of appointments and ratings, pure: settings, the appointment or ticket, and `now`
 * in; a decision out. No I/O and no clock (the service passes `now`). Tested with tables in
 * test/citizen/rules.test.ts.
 */
import type { ErrorCode, ErrorReason } from '../../shared/errors';
import type { AppointmentStatus, CitizenSettings } from '../../shared/citizen';
import type { RatingLevel, RatingReason } from '../../shared/ratings';
import type { TicketStatus } from '../../shared/schemas';
import { addDays, dayOfWeek, isCalendarDate, minutesOf, timeOf, zonedEpoch } from '../domain/calendar';

export type Refusal = { ok: false; code: ErrorCode; message: string; reason?: ErrorReason };
const refuse = (code: ErrorCode, message: string, reason?: ErrorReason): Refusal =>
  reason ? { ok: false, code, message, reason } : { ok: false, code, message };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// ---- masking --------------------------------------------------------------------------------

/** 张三 → 张*, 欧阳娜娜 → 欧***: the first character stays, the rest is starred (at most three). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

/** 13812345678 → 138****5678; anything else keeps only its last four digits; masked stays as it is. */
export function maskPhone(phone: string): string {
  if (phone.includes('*')) return phone;
  if (/^\d{11}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return phone.length <= 4 ? '*'.repeat(phone.length) : '*'.repeat(phone.length - 4) + phone.slice(-4);
}

// ---- slots ----------------------------------------------------------------------------------

export interface SlotDef {
  /** Start time of day, the slot's name ("09:30"). */
  slot: string;
  start: number;
  end: number;
}

export function isOpenDay(settings: CitizenSettings, date: string): boolean {
  return settings.openDays.includes(dayOfWeek(date)) && !settings.closedDates.includes(date);
}

/** The slots of a day, cut from the sessions (only whole slots); none on a closed day. */
export function slotsOfDay(settings: CitizenSettings, date: string, timezone: string): SlotDef[] {
  if (!isCalendarDate(date) || !isOpenDay(settings, date)) return [];
  const out: SlotDef[] = [];
  for (const s of settings.sessions) {
    const end = minutesOf(s.end);
    for (let m = minutesOf(s.start); m + settings.slotMinutes <= end; m += settings.slotMinutes) {
      const start = zonedEpoch(date, timeOf(m), timezone);
      out.push({ slot: timeOf(m), start, end: start + settings.slotMinutes * MINUTE });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function capacityOf(settings: CitizenSettings, queue: string): number {
  return settings.capacityByQueue[queue] ?? settings.capacityPerSlot;
}

export interface BookingInput {
  settings: CitizenSettings;
  timezone: string;
  date: string;
  slot: string;
  queue: string;
  /** Today in the hall's zone. */
  today: string;
  now: number;
  /** Appointments already holding this slot of this queue (booked, checked in or missed). */
  booked: number;
  /** The phone already holds an active appointment for this date and queue. */
  phoneHasOne: boolean;
  /** Dates of the phone's missed appointments from `missedSince` on, for the 爽约 rule. */
  missedDates: readonly string[];
}

/** May this slot be booked? Gives the slot's times, or why not. */
export function checkBooking(b: BookingInput): { ok: true; start: number; end: number } | Refusal {
  if (!isCalendarDate(b.date)) return refuse('BAD_REQUEST', `${b.date} is not a calendar date`);
  if (b.date < b.today) return refuse('BAD_REQUEST', `${b.date} is in the past`);
  const last = addDays(b.today, b.settings.bookingDaysAhead);
  if (b.date > last) return refuse('BAD_REQUEST', `appointments can be booked up to ${b.settings.bookingDaysAhead} days ahead (until ${last})`);
  if (!isOpenDay(b.settings, b.date)) return refuse('BAD_REQUEST', `the hall takes no appointments on ${b.date}`);
  const capacity = capacityOf(b.settings, b.queue);
  if (capacity === 0) return refuse('BAD_REQUEST', `queue ${b.queue} takes no appointments`);
  const slot = slotsOfDay(b.settings, b.date, b.timezone).find((s) => s.slot === b.slot);
  if (!slot) return refuse('BAD_REQUEST', `there is no slot ${b.slot} on ${b.date}`);
  if (slot.start <= b.now) return refuse('BAD_REQUEST', `the slot ${b.date} ${b.slot} has already begun`);
  const blocked = missedBlock(b.settings, b.missedDates, b.today);
  if (blocked) {
    return refuse(
      'CONFLICT',
      `this phone number missed ${blocked.count} appointments between ${blocked.from} and ${blocked.last}: ` +
        `booking is blocked until ${blocked.until} (it may book again from ${addDays(blocked.until, 1)})`,
      'missed_limit',
    );
  }
  if (b.phoneHasOne) return refuse('CONFLICT', `this phone number already holds an appointment for queue ${b.queue} on ${b.date}`, 'phone_has_booking');
  if (b.booked >= capacity) return refuse('CONFLICT', `the slot ${b.date} ${b.slot} is full (${capacity} per slot)`, 'slot_full');
  return { ok: true, start: slot.start, end: slot.end };
}

// ---- 爽约: the no-show limit ----------------------------------------------------------------

export interface MissedBlock {
  /** Missed appointments within `missedWindowDays` days ending on `last`. */
  count: number;
  /** Dates of the first and the last of them. */
  from: string;
  last: string;
  /** The last day booking is refused (inclusive): `last + missedBlockDays`. */
  until: string;
}

/** Missed appointments dated before this day cannot block booking today: the query's lower bound. */
export function missedSince(settings: CitizenSettings, today: string): string {
  return addDays(today, -(settings.missedBlockDays + settings.missedWindowDays));
}

/**
 * The 爽约 rule: once a phone has `missedLimit` missed appointments whose dates lie within
 * `missedWindowDays` days (a window of 30 days ending on day D is D−29 … D), it may not book
 * until `missedBlockDays` days after the last of them (inclusive). The window is anchored on the
 * missed dates, not on today, so a block lasts its full length even after the oldest miss has
 * left the window; a later miss that again completes the limit within a window extends it.
 * `missedLimit` 0 turns it off.
 * null: booking is not blocked today.
 */
export function missedBlock(settings: CitizenSettings, missedDates: readonly string[], today: string): MissedBlock | null {
  const limit = settings.missedLimit;
  if (limit <= 0 || missedDates.length < limit) return null;
  const dates = [...missedDates].sort();
  let block: MissedBlock | null = null;
  let first = 0;
  for (let i = 0; i < dates.length; i++) {
    const last = dates[i]!;
    const windowStart = addDays(last, -(settings.missedWindowDays - 1));
    while (dates[first]! < windowStart) first++;
    const count = i - first + 1;
    if (count < limit) continue;
    const until = addDays(last, settings.missedBlockDays);
    // Sorted ascending: a later trigger ends later, so the last one that holds today wins.
    if (until >= today) block = { count, from: dates[first]!, last, until };
  }
  return block;
}

// ---- personal data retention ----------------------------------------------------------------

/**
 * The days names and phones are kept in full: the setting, or the 爽约 rule's reach when that is
 * longer (missedSince looks that far back by phone). With the rule off only the setting counts; a
 * rule turned on later then sees no misses older than it.
 */
export function keptDays(settings: CitizenSettings): number {
  const rule = settings.missedLimit > 0 ? settings.missedWindowDays + settings.missedBlockDays : 0;
  return Math.max(settings.personalDataDays, rule);
}

/** Records dated before this day keep only masked names and phones. */
export function retentionCutoff(settings: CitizenSettings, today: string): string {
  return addDays(today, -keptDays(settings));
}

// ---- check-in -------------------------------------------------------------------------------

export type Timing = 'too_early' | 'on_time' | 'late' | 'missed';

/** After this instant an appointment not checked in is missed. */
export function missedDeadline(slotEnd: number, settings: CitizenSettings): number {
  const minutes = settings.late === 'refuse' ? settings.graceMinutes : settings.missedAfterMinutes;
  return slotEnd + minutes * MINUTE;
}

/**
 * Where `now` falls for a slot: before the early limit, on time (from `earlyMinutes` before the
 * start to `graceMinutes` after the end), late (the walk-in rule), or past the missed deadline.
 */
export function checkInTiming(slotStart: number, slotEnd: number, now: number, settings: CitizenSettings): Timing {
  if (now < slotStart - settings.earlyMinutes * MINUTE) return 'too_early';
  if (now <= slotEnd + settings.graceMinutes * MINUTE) return 'on_time';
  if (now <= missedDeadline(slotEnd, settings)) return 'late';
  return 'missed';
}

export interface CheckInInput {
  status: AppointmentStatus;
  date: string;
  slotStart: number;
  slotEnd: number;
  today: string;
  now: number;
  settings: CitizenSettings;
  timezone: string;
  /** The number of the ticket an appointment already checked in got, for the message. */
  ticketNumber?: string | undefined;
}

export type CheckInDecision =
  /** `arrivedAt`: the slot start when on time (dispatch rule 4), now when late. */
  | { ok: true; arrivedAt: number; late: boolean }
  /** `markMissed`: the refusal also records the appointment as missed. */
  | (Refusal & { markMissed?: boolean });

export function decideCheckIn(c: CheckInInput): CheckInDecision {
  if (c.status === 'checked_in') return refuse('CONFLICT', `this appointment is already checked in${c.ticketNumber ? ` (ticket ${c.ticketNumber})` : ''}`, 'already_checked_in');
  if (c.status === 'cancelled') return refuse('INVALID_STATE', 'this appointment was cancelled', 'cancelled');
  if (c.status === 'missed') return refuse('INVALID_STATE', 'this appointment was missed; please take an ordinary ticket', 'missed');
  if (c.date > c.today) return refuse('INVALID_STATE', `this appointment is for ${c.date}, not today`, 'not_today');
  const timing = c.date < c.today ? 'missed' : checkInTiming(c.slotStart, c.slotEnd, c.now, c.settings);
  switch (timing) {
    case 'too_early': {
      const from = c.slotStart - c.settings.earlyMinutes * MINUTE;
      return refuse('INVALID_STATE', `too early: check in from ${clockTime(from, c.timezone)}`, 'too_early');
    }
    case 'missed':
      return { ...refuse('INVALID_STATE', 'this appointment was missed; please take an ordinary ticket', 'missed'), markMissed: true };
    case 'late':
      return { ok: true, arrivedAt: c.now, late: true };
    case 'on_time':
      return { ok: true, arrivedAt: c.slotStart, late: false };
  }
}

function clockTime(at: number, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
}

/** Who may cancel: booked ones only. */
export function checkCancel(status: AppointmentStatus): { ok: true } | Refusal {
  if (status === 'booked') return { ok: true };
  if (status === 'cancelled') return refuse('INVALID_STATE', 'this appointment is already cancelled');
  if (status === 'checked_in') return refuse('INVALID_STATE', 'this appointment is checked in; cancel its ticket instead');
  return refuse('INVALID_STATE', 'this appointment was missed');
}

// ---- ratings (好差评) -----------------------------------------------------------------------

const LEVELS: Record<number, RatingLevel> = {
  5: 'very_satisfied',
  4: 'satisfied',
  3: 'basic',
  2: 'dissatisfied',
  1: 'very_dissatisfied',
};

export function ratingLevel(score: number): RatingLevel {
  const level = LEVELS[score];
  if (!level) throw new RangeError(`score ${score} is not 1–5`);
  return level;
}

/** Scores at or below this need reasons (不满意, 非常不满意). */
export const REASONS_AT_OR_BELOW = 2;

/** The rating itself: reasons required for the lowest two levels, refused above; 'other' needs a comment. */
export function checkRatingInput(
  score: number,
  reasons: readonly RatingReason[],
  comment: string | undefined,
): { ok: true; reasons: RatingReason[] } | Refusal {
  const unique = [...new Set(reasons)];
  if (score <= REASONS_AT_OR_BELOW && unique.length === 0) return refuse('BAD_REQUEST', 'reasons: choose at least one reason for 不满意 or 非常不满意');
  if (score > REASONS_AT_OR_BELOW && unique.length > 0) return refuse('BAD_REQUEST', 'reasons: only 不满意 and 非常不满意 take reasons');
  if (unique.includes('other') && !comment?.trim()) return refuse('BAD_REQUEST', 'comment: say what went wrong when the reason is "other"');
  return { ok: true, reasons: unique };
}

/** May this ticket be rated now? After its service, within `ratingHours`. */
export function checkRatable(status: TicketStatus, finishedAt: number | undefined, now: number, settings: CitizenSettings): { ok: true } | Refusal {
  if (status !== 'done' || finishedAt === undefined) return refuse('INVALID_STATE', 'a ticket is rated after its service is done');
  if (now > finishedAt + settings.ratingHours * HOUR) return refuse('INVALID_STATE', `the rating period (${settings.ratingHours} hours after the service) is over`);
  return { ok: true };
}

// ---- follow-up of a 差评 (整改) -----------------------------------------------------------

/** A 差评 (不满意, 非常不满意): the ratings that must be followed up. */
export const isComplaint = (score: number): boolean => score <= REASONS_AT_OR_BELOW;

/** Only a 差评 takes a follow-up; a satisfied citizen's rating has nothing to put right. */
export function checkFollowUp(score: number): { ok: true } | Refusal {
  return isComplaint(score) ? { ok: true } : refuse('INVALID_STATE', 'only 不满意 and 非常不满意 ratings are followed up');
}

/** 差评 of a period, how many are followed up, and 整改率 (null with no 差评). */
export function followUpFigures(ratings: readonly { score: number; handled: boolean }[]): { complaints: number; handled: number; rate: number | null } {
  const bad = ratings.filter((r) => isComplaint(r.score));
  const handled = bad.filter((r) => r.handled).length;
  return { complaints: bad.length, handled, rate: bad.length === 0 ? null : handled / bad.length };
}
