/** The appointment and rating rules, pure, as tables (server/citizen/rules.ts). */
import { describe, expect, it } from 'vitest';
import type { AppointmentStatus, CitizenSettings } from '../../shared/citizen';
import type { RatingReason } from '../../shared/ratings';
import type { TicketStatus } from '../../shared/schemas';
import { addDays, dayOfWeek, isCalendarDate, zonedEpoch } from '../../server/domain/calendar';
import {
  capacityOf,
  checkBooking,
  checkCancel,
  checkInTiming,
  checkRatable,
  checkRatingInput,
  decideCheckIn,
  keptDays,
  maskName,
  maskPhone,
  missedBlock,
  missedSince,
  ratingLevel,
  retentionCutoff,
  slotsOfDay,
  type BookingInput,
  type Timing,
} from '../../server/citizen/rules';
import { DEFAULT_CITIZEN_SETTINGS } from '../../server/citizen/settings';

const TZ = 'Asia/Shanghai';
const MIN = 60_000;
/** Monday 2026-11-30, 09:00 in Shanghai. */
const MON_0900 = Date.parse('2026-11-30T01:00:00Z');
const S: CitizenSettings = { ...DEFAULT_CITIZEN_SETTINGS, earlyMinutes: 30, graceMinutes: 15, late: 'walk_in', missedAfterMinutes: 60 };

describe('calendar', () => {
  it.each([
    ['2026-11-30', '09:00', '2026-11-30T01:00:00.000Z'],
    ['2026-11-30', '00:00', '2026-11-29T16:00:00.000Z'],
    ['2026-12-01', '13:30', '2026-12-01T05:30:00.000Z'],
  ])('%s %s in Shanghai is %s', (date, time, iso) => {
    expect(new Date(zonedEpoch(date, time, TZ)).toISOString()).toBe(iso);
  });

  it('keeps local time across a DST change (New York, 2026-03-08)', () => {
    expect(new Date(zonedEpoch('2026-03-07', '09:00', 'America/New_York')).toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(new Date(zonedEpoch('2026-03-09', '09:00', 'America/New_York')).toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it.each([
    ['2026-11-30', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['30-11-2026', false],
  ])('%s is a calendar date: %s', (d, ok) => expect(isCalendarDate(d)).toBe(ok));

  it('adds days across months and names weekdays', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(dayOfWeek('2026-11-30')).toBe(1);
    expect(dayOfWeek('2026-12-06')).toBe(0);
  });
});

describe('masking', () => {
  it.each([
    ['张三', '张*'],
    ['李小明', '李**'],
    ['欧阳娜娜', '欧***'],
    ['爱新觉罗·溥仪', '爱***'],
    ['王', '*'],
    [' Ann ', 'A**'],
  ])('name %s → %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it.each([
    ['13812345678', '138****5678'],
    ['1234567', '***4567'],
    ['123', '***'],
    ['138****5678', '138****5678'],
  ])('phone %s → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('masking what is masked changes nothing (a record past its 保存期限 is shown as stored)', () => {
    for (const name of ['张三', '李小明', '欧阳娜娜', '王', ' Ann ']) expect(maskName(maskName(name))).toBe(maskName(name));
    for (const phone of ['13812345678', '1234567', '123']) expect(maskPhone(maskPhone(phone))).toBe(maskPhone(phone));
  });
});

describe('个人信息保存期限: names and phones kept in full for the longer of the setting and the 爽约 rule', () => {
  it.each([
    // personalDataDays, missedLimit, window, block → kept days, cut-off on 2026-11-30
    [180, 3, 30, 30, 180, '2026-06-03'],
    [30, 3, 30, 30, 60, '2026-10-01'], // the rule looks 60 days back by phone: the setting cannot cut it short
    [30, 0, 30, 30, 30, '2026-10-31'], // rule off: the setting alone
    [7, 3, 365, 365, 730, '2024-11-30'],
    [1095, 3, 365, 365, 1095, '2023-12-01'],
  ])('setting %i days, rule %i within %i days blocking %i → %i days, masked before %s', (days, limit, window, block, kept, cutoff) => {
    const s = { ...S, personalDataDays: days, missedLimit: limit, missedWindowDays: window, missedBlockDays: block };
    expect(keptDays(s)).toBe(kept);
    expect(retentionCutoff(s, '2026-11-30')).toBe(cutoff);
  });

  it('never masks what the 爽约 rule still reads: the cut-off is on or before missedSince', () => {
    for (const days of [7, 30, 59, 60, 61, 400]) {
      for (const [window, block] of [[30, 30], [1, 1], [365, 365], [90, 7]] as const) {
        const s = { ...S, personalDataDays: days, missedWindowDays: window, missedBlockDays: block };
        expect(retentionCutoff(s, '2026-11-30') <= missedSince(s, '2026-11-30')).toBe(true);
      }
    }
  });
});

describe('slots', () => {
  it('cuts whole slots from the sessions, in order, at local times', () => {
    const slots = slotsOfDay(S, '2026-11-30', TZ);
    expect(slots.map((s) => s.slot)).toEqual([
      '09:00', '09:30', '10:00', '10:30', '11:00', '11:30',
      '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30',
    ]);
    expect(slots[0]!.start).toBe(MON_0900);
    expect(slots[0]!.end - slots[0]!.start).toBe(30 * MIN);
    for (let i = 1; i < slots.length; i++) expect(slots[i]!.start).toBeGreaterThan(slots[i - 1]!.start);
  });

  it('drops a partial slot at the end of a session', () => {
    const slots = slotsOfDay({ ...S, sessions: [{ start: '09:00', end: '10:45' }], slotMinutes: 30 }, '2026-11-30', TZ);
    expect(slots.map((s) => s.slot)).toEqual(['09:00', '09:30', '10:00']);
  });

  it('has no slots on closed weekdays, holidays and impossible dates', () => {
    expect(slotsOfDay(S, '2026-12-05', TZ)).toEqual([]); // Saturday
    expect(slotsOfDay({ ...S, closedDates: ['2026-11-30'] }, '2026-11-30', TZ)).toEqual([]);
    expect(slotsOfDay(S, '2026-02-30', TZ)).toEqual([]);
  });

  it('sorts sessions given out of order', () => {
    const slots = slotsOfDay({ ...S, sessions: [{ start: '14:00', end: '15:00' }, { start: '09:00', end: '10:00' }] }, '2026-11-30', TZ);
    expect(slots.map((s) => s.slot)).toEqual(['09:00', '09:30', '14:00', '14:30']);
  });

  it('capacity per queue overrides the default; 0 closes a queue to appointments', () => {
    const s = { ...S, capacityPerSlot: 4, capacityByQueue: { F: 2, K: 0 } };
    expect(capacityOf(s, 'A')).toBe(4);
    expect(capacityOf(s, 'F')).toBe(2);
    expect(capacityOf(s, 'K')).toBe(0);
  });
});

describe('booking', () => {
  const base: BookingInput = {
    settings: S,
    timezone: TZ,
    date: '2026-12-01',
    slot: '10:00',
    queue: 'A',
    today: '2026-11-30',
    now: MON_0900,
    booked: 0,
    phoneHasOne: false,
    missedDates: [],
  };
  const cases: [string, Partial<BookingInput>, string][] = [
    ['a free slot tomorrow', {}, 'ok'],
    ['a later slot today', { date: '2026-11-30', slot: '09:30' }, 'ok'],
    ['the slot that is starting now', { date: '2026-11-30', slot: '09:00' }, 'BAD_REQUEST'],
    ['a slot of the past', { date: '2026-11-29', slot: '10:00' }, 'BAD_REQUEST'],
    ['the last day of the horizon', { date: '2026-12-07', slot: '10:00' }, 'ok'],
    ['beyond the horizon', { date: '2026-12-08', slot: '10:00' }, 'BAD_REQUEST'],
    ['a Saturday', { date: '2026-12-05' }, 'BAD_REQUEST'],
    ['a time that is no slot', { slot: '10:15' }, 'BAD_REQUEST'],
    ['lunch time', { slot: '12:30' }, 'BAD_REQUEST'],
    ['a queue closed to appointments', { queue: 'K' }, 'BAD_REQUEST'],
    ['one place left', { booked: 3 }, 'ok'],
    ['a full slot', { booked: 4 }, 'CONFLICT'],
    ['a second booking of the same phone, day and queue', { phoneHasOne: true }, 'CONFLICT'],
    ['a phone with two missed appointments lately', { missedDates: ['2026-11-10', '2026-11-20'] }, 'ok'],
    ['a phone with three missed appointments lately (爽约)', { missedDates: ['2026-11-01', '2026-11-10', '2026-11-20'] }, 'CONFLICT'],
    ['an impossible date', { date: '2026-11-31' }, 'BAD_REQUEST'],
  ];
  it.each(cases)('%s → %s', (_name, change, expected) => {
    const r = checkBooking({ ...base, ...change });
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });

  it('gives the slot times', () => {
    const r = checkBooking(base);
    expect(r.ok && new Date(r.start).toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(r.ok && r.end - r.start).toBe(30 * MIN);
  });
});

describe('爽约: missed appointments block booking (limit 3 within 30 days → 30 days)', () => {
  const M: CitizenSettings = { ...S, missedLimit: 3, missedWindowDays: 30, missedBlockDays: 30 };
  const TODAY = '2026-11-30';
  type Expect = { count: number; from: string; last: string; until: string } | null;
  const cases: [string, string[], Partial<CitizenSettings>, Expect][] = [
    ['no missed appointment', [], {}, null],
    ['two missed', ['2026-11-10', '2026-11-20'], {}, null],
    ['three within the window', ['2026-11-01', '2026-11-10', '2026-11-20'], {}, { count: 3, from: '2026-11-01', last: '2026-11-20', until: '2026-12-20' }],
    ['three, given in any order', ['2026-11-20', '2026-11-01', '2026-11-10'], {}, { count: 3, from: '2026-11-01', last: '2026-11-20', until: '2026-12-20' }],
    ['three on one day (two queues and a second slot)', ['2026-11-20', '2026-11-20', '2026-11-20'], {}, { count: 3, from: '2026-11-20', last: '2026-11-20', until: '2026-12-20' }],
    ['four: the count says four', ['2026-11-01', '2026-11-05', '2026-11-10', '2026-11-20'], {}, { count: 4, from: '2026-11-01', last: '2026-11-20', until: '2026-12-20' }],
    ['three spread over exactly 30 days (both ends count)', ['2026-11-01', '2026-11-10', '2026-11-30'], {}, { count: 3, from: '2026-11-01', last: '2026-11-30', until: '2026-12-30' }],
    ['three spread over 31 days: no block', ['2026-10-31', '2026-11-10', '2026-11-30'], {}, null],
    ['the block’s last day is today: still blocked', ['2026-10-29', '2026-10-30', '2026-10-31'], {}, { count: 3, from: '2026-10-29', last: '2026-10-31', until: '2026-11-30' }],
    ['the block ended yesterday', ['2026-10-28', '2026-10-29', '2026-10-30'], {}, null],
    // Anchored on the misses: the oldest has left today's 30 days, the block still runs its length.
    ['the oldest miss left today’s window, the block holds', ['2026-10-20', '2026-10-25', '2026-11-15'], {}, { count: 3, from: '2026-10-20', last: '2026-11-15', until: '2026-12-15' }],
    ['a new miss after an ended block needs the limit again', ['2026-09-01', '2026-09-02', '2026-09-03', '2026-11-25'], {}, null],
    ['the latest trigger decides the end', ['2026-10-01', '2026-10-02', '2026-10-03', '2026-11-25'], { missedWindowDays: 60 }, { count: 4, from: '2026-10-01', last: '2026-11-25', until: '2026-12-25' }],
    ['limit 0: off', ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'], { missedLimit: 0 }, null],
    ['limit 1: one miss blocks', ['2026-11-29'], { missedLimit: 1 }, { count: 1, from: '2026-11-29', last: '2026-11-29', until: '2026-12-29' }],
    ['window 7 days: three within a week', ['2026-11-20', '2026-11-23', '2026-11-26'], { missedWindowDays: 7 }, { count: 3, from: '2026-11-20', last: '2026-11-26', until: '2026-12-26' }],
    ['window 7 days: three over eight days', ['2026-11-19', '2026-11-23', '2026-11-26'], { missedWindowDays: 7 }, null],
    ['block 7 days', ['2026-11-20', '2026-11-21', '2026-11-23'], { missedBlockDays: 7 }, { count: 3, from: '2026-11-20', last: '2026-11-23', until: '2026-11-30' }],
    ['block 7 days, over', ['2026-11-20', '2026-11-21', '2026-11-22'], { missedBlockDays: 7 }, null],
  ];
  it.each(cases)('%s', (_name, dates, change, expected) => {
    expect(missedBlock({ ...M, ...change }, dates, TODAY)).toEqual(expected);
  });

  it('the query reaches back far enough for any block that can still hold today', () => {
    expect(missedSince(M, TODAY)).toBe('2026-10-01');
    // The oldest miss that still counts: its window ends on 10-31, whose block ends today.
    expect(missedBlock(M, ['2026-10-02', '2026-10-15', '2026-10-31'], TODAY)).toMatchObject({ from: '2026-10-02', until: '2026-11-30' });
  });

  it('booking says until which date it is blocked and from when it works again', () => {
    const r = checkBooking({
      settings: M,
      timezone: TZ,
      date: '2026-12-01',
      slot: '10:00',
      queue: 'A',
      today: TODAY,
      now: MON_0900,
      booked: 0,
      phoneHasOne: false,
      missedDates: ['2026-11-01', '2026-11-10', '2026-11-20'],
    });
    expect(r).toEqual({
      ok: false,
      code: 'CONFLICT',
      reason: 'missed_limit',
      message: 'this phone number missed 3 appointments between 2026-11-01 and 2026-11-20: booking is blocked until 2026-12-20 (it may book again from 2026-12-21)',
    });
  });
});

describe('check-in timing (slot 10:00–10:30, early 30, grace 15, missed after 60)', () => {
  const start = zonedEpoch('2026-11-30', '10:00', TZ);
  const end = start + 30 * MIN;
  const at = (hhmm: string, sec = 0) => zonedEpoch('2026-11-30', hhmm, TZ) + sec * 1000;
  const cases: [string, number, Timing][] = [
    ['09:29:59', at('09:29', 59), 'too_early'],
    ['09:30 (early limit)', at('09:30'), 'on_time'],
    ['09:45', at('09:45'), 'on_time'],
    ['10:00', at('10:00'), 'on_time'],
    ['10:30 (slot end)', at('10:30'), 'on_time'],
    ['10:45 (grace end)', at('10:45'), 'on_time'],
    ['10:45:01', at('10:45', 1), 'late'],
    ['11:30 (missed deadline)', at('11:30'), 'late'],
    ['11:30:01', at('11:30', 1), 'missed'],
  ];
  it.each(cases)('%s → %s', (_name, now, expected) => expect(checkInTiming(start, end, now, S)).toBe(expected));

  it('with late: refuse, past the grace is missed', () => {
    const refuse = { ...S, late: 'refuse' as const };
    expect(checkInTiming(start, end, at('10:45'), refuse)).toBe('on_time');
    expect(checkInTiming(start, end, at('10:45', 1), refuse)).toBe('missed');
  });
});

describe('check-in decision', () => {
  const start = zonedEpoch('2026-11-30', '10:00', TZ);
  const base = { status: 'booked' as AppointmentStatus, date: '2026-11-30', slotStart: start, slotEnd: start + 30 * MIN, today: '2026-11-30', settings: S, timezone: TZ };

  it('on time (early or within the slot): arrives at the slot start (dispatch rule 4)', () => {
    expect(decideCheckIn({ ...base, now: start - 20 * MIN })).toEqual({ ok: true, arrivedAt: start, late: false });
    expect(decideCheckIn({ ...base, now: start + 25 * MIN })).toEqual({ ok: true, arrivedAt: start, late: false });
  });

  it('late (walk-in rule): arrives now, flagged late', () => {
    const now = start + 50 * MIN;
    expect(decideCheckIn({ ...base, now })).toEqual({ ok: true, arrivedAt: now, late: true });
  });

  const refusals: [string, Partial<typeof base> & { now?: number; ticketNumber?: string }, string, RegExp][] = [
    ['too early', { now: start - 31 * MIN }, 'INVALID_STATE', /too early: check in from 09:30/],
    ['past the missed deadline', { now: start + 91 * MIN }, 'INVALID_STATE', /missed/],
    ['already checked in', { status: 'checked_in', ticketNumber: 'A003' }, 'CONFLICT', /already checked in \(ticket A003\)/],
    ['cancelled', { status: 'cancelled' }, 'INVALID_STATE', /cancelled/],
    ['missed', { status: 'missed' }, 'INVALID_STATE', /missed/],
    ['another day ahead', { date: '2026-12-01' }, 'INVALID_STATE', /for 2026-12-01/],
    ['a day gone by', { date: '2026-11-27' }, 'INVALID_STATE', /missed/],
  ];
  it.each(refusals)('%s → %s', (_name, change, code, message) => {
    const r = decideCheckIn({ now: start, ...base, ...change });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toMatch(message);
    }
  });

  it('a refusal past the deadline also marks the appointment missed; too early does not', () => {
    const late = decideCheckIn({ ...base, now: start + 91 * MIN });
    expect(!late.ok && late.markMissed).toBe(true);
    const early = decideCheckIn({ ...base, now: start - 31 * MIN });
    expect(!early.ok && early.markMissed).toBeFalsy();
  });

  it.each([
    ['booked', true],
    ['checked_in', false],
    ['cancelled', false],
    ['missed', false],
  ] as [AppointmentStatus, boolean][])('cancel a %s appointment: %s', (status, allowed) => expect(checkCancel(status).ok).toBe(allowed));
});

describe('ratings', () => {
  it.each([
    [5, 'very_satisfied'],
    [4, 'satisfied'],
    [3, 'basic'],
    [2, 'dissatisfied'],
    [1, 'very_dissatisfied'],
  ])('score %i is %s', (score, level) => expect(ratingLevel(score)).toBe(level));

  const inputs: [string, number, RatingReason[], string | undefined, string][] = [
    ['非常满意 without reasons', 5, [], undefined, 'ok'],
    ['基本满意 with a comment', 3, [], 'ok', 'ok'],
    ['不满意 without reasons', 2, [], undefined, 'BAD_REQUEST'],
    ['非常不满意 without reasons', 1, [], 'bad', 'BAD_REQUEST'],
    ['不满意 with a reason', 2, ['slow'], undefined, 'ok'],
    ['非常不满意 with two reasons', 1, ['attitude', 'repeated_trips'], undefined, 'ok'],
    ['满意 with a reason', 4, ['slow'], undefined, 'BAD_REQUEST'],
    ['"other" without a comment', 1, ['other'], '  ', 'BAD_REQUEST'],
    ['"other" with a comment', 1, ['other'], '窗口没人', 'ok'],
  ];
  it.each(inputs)('%s → %s', (_name, score, reasons, comment, expected) => {
    const r = checkRatingInput(score, reasons, comment);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });

  it('repeated reasons count once', () => {
    const r = checkRatingInput(2, ['slow', 'slow', 'process'], undefined);
    expect(r.ok && r.reasons).toEqual(['slow', 'process']);
  });

  const done = MON_0900;
  const ratable: [string, TicketStatus, number | undefined, number, string][] = [
    ['a done ticket', 'done', done, done + MIN, 'ok'],
    ['at the end of the period', 'done', done, done + 72 * 3_600_000, 'ok'],
    ['after the period', 'done', done, done + 72 * 3_600_000 + 1, 'INVALID_STATE'],
    ['a waiting ticket', 'waiting', undefined, done, 'INVALID_STATE'],
    ['a ticket in service', 'serving', undefined, done, 'INVALID_STATE'],
    ['a no-show', 'no_show', undefined, done, 'INVALID_STATE'],
    ['a cancelled ticket', 'cancelled', undefined, done, 'INVALID_STATE'],
  ];
  it.each(ratable)('rate %s → %s', (_name, status, finishedAt, now, expected) => {
    const r = checkRatable(status, finishedAt, now, S);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });
});
