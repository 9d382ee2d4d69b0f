/** 场内扫码取号's rules, pure: the code of the minute, and which codes let a phone through when. */
import { describe, expect, it } from 'vitest';
import { ONSITE_CODE_PATTERN } from '../../shared/mobile';
import { checkOnsiteCode, ONSITE_GRACE_MS, ONSITE_ROTATE_MS, onsiteCodeAt } from '../../server/citizen/onsite-rules';

const KEY = 'a'.repeat(64);
const OTHER_KEY = 'b'.repeat(64);
const HALL = 'demo';
/** 2026-11-30 09:00:30 Shanghai: half a minute into a minute. */
const T = Date.parse('2026-11-30T01:00:30Z');
const MIN = 60_000;

describe('the code of the minute', () => {
  it('is well formed, the same all minute long, and new the next minute', () => {
    const a = onsiteCodeAt(KEY, HALL, T);
    expect(a.code).toMatch(ONSITE_CODE_PATTERN);
    expect(onsiteCodeAt(KEY, HALL, T + 29_999).code).toBe(a.code);
    expect(onsiteCodeAt(KEY, HALL, T - 30_000).code).toBe(a.code);
    expect(onsiteCodeAt(KEY, HALL, T + 30_000).code).not.toBe(a.code);
    expect(a.rotatesAt).toBe(T + 30_000);
    expect(a.validUntil).toBe(a.rotatesAt + ONSITE_GRACE_MS);
  });

  it('differs between halls and between keys', () => {
    const a = onsiteCodeAt(KEY, HALL, T).code;
    expect(onsiteCodeAt(KEY, 'other-hall', T).code).not.toBe(a);
    expect(onsiteCodeAt(OTHER_KEY, HALL, T).code).not.toBe(a);
  });
});

describe('which codes let a phone through', () => {
  const shown = onsiteCodeAt(KEY, HALL, T);
  const [slot, sig] = shown.code.split('-') as [string, string];
  const flip = (c: string): string => (c === '0' ? '1' : '0');
  const nextSlot = (parseInt(slot, 36) + 1).toString(36);
  const cases: [string, string, number, ReturnType<typeof checkOnsiteCode>][] = [
    ['the code on the screen, at once', shown.code, T, 'ok'],
    ['a minute and 9 minutes after it left the screen', shown.code, shown.rotatesAt + 9 * MIN, 'ok'],
    ['the last instant of its grace', shown.code, shown.validUntil - 1, 'ok'],
    ['at the end of its grace', shown.code, shown.validUntil, 'expired'],
    ['a photo sent home, an hour later', shown.code, T + 60 * MIN, 'expired'],
    ['one hex digit changed', `${slot}-${sig.slice(0, -1)}${flip(sig.slice(-1))}`, T, 'invalid'],
    ['its signature on the next minute (forged ahead)', `${nextSlot}-${sig}`, T + ONSITE_ROTATE_MS, 'invalid'],
    ['a minute still to come, even signed', onsiteCodeAt(KEY, HALL, T + ONSITE_ROTATE_MS).code, T, 'invalid'],
    ['another hall’s code', onsiteCodeAt(KEY, 'other-hall', T).code, T, 'invalid'],
    ['signed with another key', onsiteCodeAt(OTHER_KEY, HALL, T).code, T, 'invalid'],
    ['not a code at all', 'hello', T, 'invalid'],
    ['upper case', shown.code.toUpperCase(), T, 'invalid'],
    ['empty', '', T, 'invalid'],
  ];
  it.each(cases)('%s', (_what, code, now, verdict) => {
    expect(checkOnsiteCode(KEY, HALL, code, now)).toBe(verdict);
  });
});
