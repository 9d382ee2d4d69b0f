import { describe, expect, it } from 'vitest';
import { clock, clockOffset, minutes, secondsSince } from '../../counter/src/shared/time';
import { interpolate, parseLocale } from '../../counter/src/shared/i18n';

describe('time helpers', () => {
  it.each([
    [0, '00:00'],
    [59, '00:59'],
    [75, '01:15'],
    [3725, '1:02:05'],
    [-4, '00:00'],
  ])('clock(%i) = %s', (s, out) => expect(clock(s)).toBe(out));

  it('measures from server time and never goes negative', () => {
    const t = Date.parse('2025-01-01T08:00:00Z');
    expect(secondsSince('2025-01-01T07:58:30Z', t)).toBe(90);
    expect(secondsSince('2025-01-01T08:00:30Z', t)).toBe(0);
    expect(secondsSince(undefined, t)).toBe(0);
    expect(secondsSince('nonsense', t)).toBe(0);
  });

  it('estimates the server clock offset', () => {
    expect(clockOffset('2025-01-01T08:03:00Z', Date.parse('2025-01-01T08:00:00Z'))).toBe(180_000);
    expect(clockOffset('bad', 5)).toBe(0);
  });

  it('rounds minutes down', () => expect(minutes(179)).toBe(2));
});

describe('i18n helpers', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('等候 {n} 人', { n: 3 })).toBe('等候 3 人');
    expect(interpolate('{a}-{b}', { a: 1 })).toBe('1-{b}');
  });
  it('defaults to Chinese', () => {
    expect(parseLocale(null)).toBe('zh');
    expect(parseLocale('fr')).toBe('zh');
    expect(parseLocale('en')).toBe('en');
  });
});
