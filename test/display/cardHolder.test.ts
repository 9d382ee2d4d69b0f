/**
 * What the guide desk shows of a card it read, pure (display/src/kiosk/cardHolder.ts): checked with
 * the server's rules, masked, the age on the hall's day, 老年人优先 from the hall's age; and the
 * hall's day on the desk's clock in the hall's time zone, not the PC's.
 */
import { describe, expect, it } from 'vitest';
import { readCard, todayIn } from '../../display/src/kiosk/cardHolder';

/** Numbers worked out with the MOD 11-2 weights (test/citizen/idCardRules.test.ts). */
const CARD_68 = '410523195803151234'; // born 1958-03-15
const CARD_65_TODAY = '410523196111300010'; // born 1961-11-30
const CARD_X = '11010519491231002X';

describe('a card read at the guide desk', () => {
  it.each([
    ['68, the hall gives priority from 65', CARD_68, 65, { masked: '410***********1234', age: 68, senior: true }],
    ['65 today: priority from the birthday on', CARD_65_TODAY, 65, { masked: '410***********0010', age: 65, senior: true }],
    ['65 today, the hall gives it from 70', CARD_65_TODAY, 70, { masked: '410***********0010', age: 65, senior: false }],
    ['68, the hall gives none (0)', CARD_68, 0, { masked: '410***********1234', age: 68, senior: false }],
    ['a small x, spaces around', ` ${CARD_X.toLowerCase()} `, 65, { number: CARD_X, masked: '110***********002X', age: 76, senior: true }],
  ])('%s', (_label, text, seniorAge, holder) => {
    const r = readCard(text, '2026-11-30', seniorAge);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.holder).toMatchObject(holder);
  });

  it.each([
    ['a wrong check digit', '410523195803151235', 'check_digit'],
    ['17 characters', CARD_68.slice(0, 17), 'length'],
    ['born after the hall’s day', '41052320261201001X', 'future_birth'],
  ])('refuses %s, naming the problem', (_label, text, problem) => {
    expect(readCard(text, '2026-11-30', 65)).toEqual({ ok: false, problem });
  });

  it('counts the day in the hall’s time zone', () => {
    const lateUtc = Date.parse('2026-11-29T17:30:00Z'); // 01:30 on the 30th in Shanghai
    expect(todayIn('Asia/Shanghai', lateUtc)).toBe('2026-11-30');
    expect(todayIn('UTC', lateUtc)).toBe('2026-11-29');
  });
});
