/**
 * 实名取号's pure rules (shared/idcard.ts): GB 11643-1999 numbers checked (area, birth date, check
 * digit), the age on a service day, the masked form and 老年人优先. The valid numbers below were
 * worked out by hand with the MOD 11-2 weights (and two are the standard's own examples), so a
 * wrong weight or check table fails here rather than agreeing with itself.
 */
import { describe, expect, it } from 'vitest';
import { ageOn, checkIdCard, idCardCheckChar, isSenior, maskIdCard, type IdCardProblem } from '../../shared/idcard';

const TODAY = '2026-11-30';

describe('checkIdCard: valid numbers', () => {
  it.each([
    // GB 11643-1999's own example.
    ['11010519491231002X', '1949-12-31'],
    ['410523195803151234', '1958-03-15'],
    ['410523200002290027', '2000-02-29'], // 2000 is a leap year (divisible by 400)
    ['410523200402290018', '2004-02-29'],
    ['320102199001011232', '1990-01-01'],
    ['510102198707077779', '1987-07-07'],
    ['410523202611300015', '2026-11-30'], // born today: not in the future
  ])('%s → born %s', (number, birthDate) => {
    const r = checkIdCard(number, TODAY);
    expect(r).toEqual({ ok: true, card: { number, birthDate, birthYear: Number(birthDate.slice(0, 4)) } });
  });

  it('takes a lower-case x as X, and drops spaces around (a wedge reader may add them)', () => {
    expect(checkIdCard(' 11010519491231002x\n', TODAY)).toMatchObject({ ok: true, card: { number: '11010519491231002X' } });
  });

  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['32010219900101124', '0'],
    ['32010219900101125', '9'],
  ])('the check character of %s is %s', (first17, check) => {
    expect(idCardCheckChar(first17)).toBe(check);
  });
});

describe('checkIdCard: refused', () => {
  it.each<[string, IdCardProblem]>([
    ['', 'length'],
    ['11010519491231002', 'length'], // 17: one short
    ['11010519491231002X1', 'length'],
    ['110105194912310X2X', 'characters'], // X only last
    ['11010519491231002Y', 'characters'],
    ['1101051949123100２X', 'characters'], // a full-width digit
    ['00010519491231002X', 'area'], // no province 00
    ['99010519491231002X', 'area'],
    ['410523199902290019', 'birth_date'], // 1999 is not a leap year: no 29 February
    ['410523190002290012', 'birth_date'], // 1900 neither (divisible by 100, not by 400)
    ['410523199913010015', 'birth_date'], // month 13
    ['410523199904310013', 'birth_date'], // 31 April
    ['410523189912310012', 'birth_date'], // before 1900: a misread, nobody alive
    ['41052320261201001X', 'future_birth'], // tomorrow
    ['410523202701010025', 'future_birth'],
    ['440524188001010014', 'birth_date'], // the standard's other example, right, but born 1880
    ['11010519491231003X', 'check_digit'], // …003 calls for 8; X belongs to …002
    ['110105194912310020', 'check_digit'],
    ['320102199001011233', 'check_digit'],
  ])('%s: %s', (number, problem) => {
    expect(checkIdCard(number, TODAY)).toEqual({ ok: false, problem });
  });
});

describe('ageOn: full years (周岁) on the service day', () => {
  it.each([
    ['1958-03-15', '2026-11-30', 68],
    ['1961-11-30', '2026-11-30', 65], // the birthday itself counts
    ['1961-12-01', '2026-11-30', 64], // tomorrow's birthday does not yet
    ['2026-11-30', '2026-11-30', 0],
    ['2000-02-29', '2027-02-28', 26], // no 29 February in 2027: a year older on 1 March
    ['2000-02-29', '2027-03-01', 27],
    ['2000-02-29', '2028-02-29', 28],
    ['1990-12-31', '2026-01-01', 35],
  ])('born %s, on %s: %i', (birth, day, age) => {
    expect(ageOn(birth, day)).toBe(age);
  });
});

describe('maskIdCard and 老年人优先', () => {
  it.each([
    ['11010519491231002X', '110***********002X'],
    ['410523195803151234', '410***********1234'],
  ])('%s → %s: no birth date, no county', (number, masked) => {
    const m = maskIdCard(number);
    expect(m).toBe(masked);
    expect(m).toHaveLength(18);
    expect(m).not.toContain(number.slice(6, 14));
  });

  it.each([
    [65, 65, true],
    [64, 65, false],
    [90, 65, true],
    [90, 0, false], // 0: off
    [60, 60, true],
  ])('age %i with the setting %i: senior %s', (age, setting, senior) => {
    expect(isSenior(age, setting)).toBe(senior);
  });
});
