import { describe, expect, it } from 'vitest';
import type { Matter } from '../../shared/schemas';
import {
  idleClock,
  pace,
  parseWorkClock,
  serviceSeconds,
  snooze,
  suggestBreak,
  timeLimitSeconds,
  trackWork,
  workSeconds,
} from '../../counter/src/clerk/logic/timers';
import { iso, T0 } from './fixtures';

const matter = (id: string, minutes: number): Matter => ({
  id,
  queue: 'A',
  name: id,
  nameEn: id,
  materials: [],
  timeLimitMinutes: minutes,
});

describe('service timer', () => {
  it('counts from the start of service, else from the call', () => {
    expect(serviceSeconds({ calledAt: iso(T0) }, T0 + 90_000)).toBe(90);
    expect(serviceSeconds({ calledAt: iso(T0), startedAt: iso(T0 + 60_000) }, T0 + 90_000)).toBe(30);
    expect(serviceSeconds(undefined, T0)).toBe(0);
  });

  it('adds up the limits of the ticket’s matters', () => {
    const cat = new Map([['m1', matter('m1', 10)], ['m2', matter('m2', 5)], ['m0', matter('m0', 0)]]);
    expect(timeLimitSeconds(['m1', 'm2'], cat)).toBe(900);
    expect(timeLimitSeconds(['m0', 'unknown'], cat)).toBeNull();
    expect(timeLimitSeconds([], cat)).toBeNull();
  });

  it.each([
    [100, 600, 'calm'],
    [480, 600, 'near'],
    [600, 600, 'over'],
    [5000, null, 'calm'],
  ] as const)('pace(%i of %s) = %s', (elapsed, limit, out) => expect(pace(elapsed, limit)).toBe(out));
});

describe('continuous work', () => {
  it('starts when the window opens and ends on a pause', () => {
    let c = trackWork(idleClock(), 'open', 1_000);
    expect(c.since).toBe(1_000);
    c = trackWork(c, 'serving', 50_000);
    expect(c.since).toBe(1_000);
    expect(workSeconds(c, 61_000)).toBe(60);
    c = trackWork(c, 'paused', 70_000);
    expect(c.since).toBeNull();
    c = trackWork(c, 'open', 90_000);
    expect(c.since).toBe(90_000);
  });

  it('suggests a break after the threshold, and can be put off', () => {
    const c = trackWork(idleClock(), 'open', 0);
    expect(suggestBreak(c, 89 * 60_000, 90)).toBe(false);
    expect(suggestBreak(c, 90 * 60_000, 90)).toBe(true);
    const later = snooze(c, 90 * 60_000, 15);
    expect(suggestBreak(later, 100 * 60_000, 90)).toBe(false);
    expect(suggestBreak(later, 105 * 60_000, 90)).toBe(true);
    expect(suggestBreak(c, 500 * 60_000, 0)).toBe(false); // 0 = off
  });

  it('reads a stored clock defensively', () => {
    expect(parseWorkClock('{"since":5}')).toEqual({ since: 5, snoozedUntil: null });
    expect(parseWorkClock('bad')).toEqual(idleClock());
  });
});
