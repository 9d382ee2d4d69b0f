/** The kiosk's small pure parts for 取号时间 and 扫码取号: the hours on server time, and the numbers a phone took today. */
import { describe, expect, it } from 'vitest';
import { loadMyTickets, rememberTicket } from '../../display/src/kiosk/myTickets';
import { hoursLabel, isTicketTime, localMinutes, nextOpening } from '../../shared/ticketHours';

const HOURS = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:00' },
];

/** A Storage in memory (what the phone's localStorage does). */
function memory(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('取号时间 on the kiosk', () => {
  it.each([
    ['08:29', false, { at: '08:30', tomorrow: false }],
    ['08:30', true, { at: '13:30', tomorrow: false }],
    ['12:00', false, { at: '13:30', tomorrow: false }],
    ['16:59', true, { at: '08:30', tomorrow: true }],
    ['17:00', false, { at: '08:30', tomorrow: true }],
  ])('at %s: ticket time %s, next opening %j', (time, open, next) => {
    const minutes = localMinutes(Date.parse(`2026-11-30T${time}:00+08:00`), 'Asia/Shanghai');
    expect(minutes).toBe(Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));
    expect(isTicketTime(HOURS, minutes)).toBe(open);
    expect(nextOpening(HOURS, minutes)).toEqual(next);
  });

  it('no hours: always, and nothing to open', () => {
    expect(isTicketTime([], 0)).toBe(true);
    expect(nextOpening([], 0)).toBeNull();
    expect(hoursLabel(HOURS)).toBe('08:30–12:00  13:30–17:00');
  });

  it('an unknown zone falls back to the box’s own instead of failing', () => {
    expect(localMinutes(Date.now(), 'Not/AZone')).toBeGreaterThanOrEqual(0);
  });
});

describe('the numbers a phone took today', () => {
  it('remembers newest first, once each, today only, at most ten', () => {
    const store = memory();
    rememberTicket(store, { id: 'a', number: 'E001', day: '2026-11-29' });
    rememberTicket(store, { id: 'b', number: 'E002', day: '2026-11-30' });
    rememberTicket(store, { id: 'c', number: 'A001', day: '2026-11-30' });
    rememberTicket(store, { id: 'b', number: 'E002', day: '2026-11-30' });
    expect(loadMyTickets(store, '2026-11-30').map((t) => t.id)).toEqual(['b', 'c']);
    expect(loadMyTickets(store, '2026-12-01')).toEqual([]);
    for (let i = 0; i < 12; i++) rememberTicket(store, { id: `x${i}`, number: `A${i}`, day: '2026-11-30' });
    expect(loadMyTickets(store, '2026-11-30')).toHaveLength(10);
  });

  it('ignores what is not its own (a broken or foreign value)', () => {
    const store = memory();
    store.setItem('hall.mobile.tickets', '{"no":1}');
    expect(loadMyTickets(store, '2026-11-30')).toEqual([]);
    store.setItem('hall.mobile.tickets', 'not json');
    expect(loadMyTickets(store, '2026-11-30')).toEqual([]);
    store.setItem('hall.mobile.tickets', JSON.stringify([{ id: 'a', number: 'E001', day: '2026-11-30' }, { id: 3 }]));
    expect(loadMyTickets(store, '2026-11-30')).toEqual([{ id: 'a', number: 'E001', day: '2026-11-30' }]);
    expect(loadMyTickets(null, '2026-11-30')).toEqual([]);
  });
});
