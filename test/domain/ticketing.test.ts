/**
 * 取号时间 and 停止取号 (server/domain/ticketing.ts), as tables: kiosks and phones take tickets
 * only within the hall's hours; in the day's last span a queue stops when a new ticket's wait would
 * run past its end; guides, managers and booked citizens are not bound; the queue summary says
 * `stopped`; a hall without hours is as it always was; time passing alone flips the flag, and the
 * minute review (`reviewTicketing`) says which queues stopped or reopened against what screens show.
 */
import { describe, expect, it } from 'vitest';
import { decide, etaSecondsOfNew, queueSummary, sessionAt, ticketingVerdict, type DomainEvent, type HallState } from '../../server/domain';
import { MIN, T0, issue, makeHall, next, nextId, p, run, win } from '../support/hall-fixture';

/** 2026-11-30 local time in Shanghai (UTC+8) → epoch ms. */
const at = (hhmm: string): number => Date.parse(`2026-11-30T${hhmm}:00+08:00`);
const HOURS = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:00' },
];

function hall(stop = false): HallState {
  const h = makeHall([win(1, [p('A')], 'c1')]);
  h.settings.ticketHours = HOURS.map((r) => ({ ...r }));
  h.settings.stopWhenUnfinishable = stop;
  return h;
}

const issueAt = (h: HallState, now: number, extra: { channel?: 'kiosk' | 'mobile' | 'guide' | 'appointment'; byStaff?: boolean } = {}) =>
  decide(h, { type: 'issueTicket', id: nextId(), queue: 'A', channel: extra.channel ?? 'kiosk', matters: [], byStaff: extra.byStaff }, now);

describe('取号时间', () => {
  it.each([
    ['08:29', false],
    ['08:30', true],
    ['11:59', true],
    ['12:00', false],
    ['12:45', false],
    ['13:30', true],
    ['16:59', true],
    ['17:00', false],
    ['23:30', false],
    ['00:10', false],
  ])('a kiosk ticket at %s: taken %s', (time, taken) => {
    const d = issueAt(hall(), at(time));
    expect(d.ok).toBe(taken);
    if (!d.ok) expect(d.error).toEqual({ code: 'INVALID_STATE', reason: 'outside_hours', message: 'tickets are taken 08:30–12:00, 13:30–17:00' });
  });

  it.each([
    ['kiosk', false, false],
    ['mobile', false, false],
    ['guide', true, true],
    ['kiosk', true, true], // a manager at the console
    ['appointment', false, true], // a booked citizen checks in by the slot's own rules
  ] as const)('at 18:00 a %s ticket (by staff: %s) is taken: %s', (channel, byStaff, taken) => {
    expect(issueAt(hall(), at('18:00'), { channel, byStaff }).ok).toBe(taken);
  });

  it('no hours: all day, as before', () => {
    const h = makeHall();
    for (const time of ['00:00', '06:00', '12:30', '23:59']) expect(issueAt(h, at(time)).ok).toBe(true);
  });

  it.each([
    [500, undefined],
    [510, { start: '08:30', end: '12:00', last: false }],
    [719, { start: '08:30', end: '12:00', last: false }],
    [720, undefined],
    [810, { start: '13:30', end: '17:00', last: true }],
    [1020, undefined],
  ])('minute %i of the day lies in %j', (minutes, expected) => {
    const s = sessionAt([HOURS[1]!, HOURS[0]!], minutes); // given out of order: still found, and the last is the latest
    expect(s ? { ...s.range, last: s.last } : undefined).toEqual(expected);
  });
});

describe('停止取号: in the last span a queue stops when the wait would run past its end', () => {
  /** One window on A serving since `since`, and `waiting` more in line. */
  function busy(now: number, waiting: number): HallState {
    const h = hall(true);
    issue(h, 'A', now - 2 * MIN, { byStaff: true });
    next(h, 1, now - 2 * MIN);
    run(h, { type: 'start', windowNo: 1, clerkId: 'c1' }, now - MIN);
    for (let i = 0; i < waiting; i++) issue(h, 'A', now, { byStaff: true });
    return h;
  }

  it('stops once the estimate for a new ticket reaches the time left, and says so on the queue', () => {
    const now = at('16:00');
    let h = busy(now, 0);
    // Find the line at which a newcomer's median wait first reaches 60 minutes.
    let n = 0;
    while (etaSecondsOfNew(h, 'A') < 60 * 60) h = busy(now, ++n);
    expect(n).toBeGreaterThan(0);
    const d = issueAt(h, now);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toMatchObject({ code: 'INVALID_STATE', reason: 'queue_stopped', message: 'queue A takes no more tickets today: the wait would run past 17:00' });
    expect(queueSummary(h, h.queues.get('A')!, now).stopped).toBe(true);
    // One fewer in line: open, and the queue is not marked.
    const shorter = busy(now, n - 1);
    expect(issueAt(shorter, now).ok).toBe(true);
    expect(queueSummary(shorter, shorter.queues.get('A')!, now)).not.toHaveProperty('stopped');
    // The guide desk may still issue.
    expect(issueAt(h, now, { channel: 'guide', byStaff: true }).ok).toBe(true);
  });

  it('not in a span that is not the last (the line carries over the lunch break), nor with the rule off', () => {
    const h = busy(at('11:50'), 30);
    expect(etaSecondsOfNew(h, 'A')).toBeGreaterThan(10 * 60);
    expect(issueAt(h, at('11:50')).ok).toBe(true);
    const off = busy(at('16:50'), 30);
    off.settings.stopWhenUnfinishable = false;
    expect(issueAt(off, at('16:50')).ok).toBe(true);
    off.settings.stopWhenUnfinishable = true;
    expect(ticketingVerdict(off, 'A', at('16:50'))).toMatchObject({ open: false, reason: 'queue_stopped' });
  });

  it('a free window means no wait: open until the last minute', () => {
    const h = hall(true);
    expect(etaSecondsOfNew(h, 'A')).toBe(0);
    expect(issueAt(h, at('16:59')).ok).toBe(true);
    expect(T0).toBe(at('09:00'));
  });
});

describe('停止取号 as time passes: the minute review against what the screens show', () => {
  /** One window on A busy, four waiting: the estimate E for a newcomer fixes when A must stop. */
  function line(): { h: HallState; stopsAt: number } {
    const h = hall(true);
    issue(h, 'A', at('13:40'), { byStaff: true });
    next(h, 1, at('13:40'));
    for (let i = 0; i < 4; i++) issue(h, 'A', at('13:45'), { byStaff: true });
    const e = etaSecondsOfNew(h, 'A');
    expect(e).toBeGreaterThan(10 * 60);
    return { h, stopsAt: at('17:00') - e * 1000 };
  }
  const review = (h: HallState, shown: string[], now: number): DomainEvent[] => {
    const d = decide(h, { type: 'reviewTicketing', shown }, now);
    if (!d.ok) throw new Error(d.error.message);
    return d.events;
  };

  it.each([
    ['well before', -10 * MIN, [], []],
    ['well before, shown stopped (the line shrank)', -10 * MIN, ['A'], [{ stopped: [], reopened: ['A'] }]],
    ['a minute after the estimate reaches 17:00', MIN, [], [{ stopped: ['A'], reopened: [] }]],
    ['stopped and shown so', MIN, ['A'], []],
    ['a queue the hall no longer has is left alone', MIN, ['A', 'Z'], []],
  ] as const)('%s', (_, offset, shown, expected) => {
    const { h, stopsAt } = line();
    const now = stopsAt + offset;
    expect(review(h, [...shown], now)).toEqual(expected.map((x) => ({ type: 'TicketingChanged', at: now, ...x })));
  });

  it('after the last span the flag goes (the kiosk says 取号时间 instead); before the last span it never stops', () => {
    const { h } = line();
    expect(review(h, ['A'], at('17:05'))).toEqual([{ type: 'TicketingChanged', at: at('17:05'), stopped: [], reopened: ['A'] }]);
    expect(review(h, [], at('11:59'))).toEqual([]);
  });

  it('the rule off: nothing is ever stopped, and a stale mark is taken back', () => {
    const { h, stopsAt } = line();
    h.settings.stopWhenUnfinishable = false;
    expect(review(h, [], stopsAt + MIN)).toEqual([]);
    expect(review(h, ['A'], stopsAt + MIN)).toEqual([{ type: 'TicketingChanged', at: stopsAt + MIN, stopped: [], reopened: ['A'] }]);
  });
});
