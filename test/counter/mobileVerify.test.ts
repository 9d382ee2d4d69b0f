/**
 * 扫码取号需验证手机号 in the console (counter/src/admin/logic/mobileVerify.ts): the limit as typed
 * (checked against the server's own schema) and what the group warns of.
 */
import { describe, expect, it } from 'vitest';
import { CitizenSettings } from '../../shared/citizen';
import { mobileVerifyWarning, parseMobileLimit } from '../../counter/src/admin/logic/mobileVerify';
import { DEFAULT_CITIZEN_SETTINGS } from '../../server/citizen/settings';

describe('the limit as typed', () => {
  it.each([
    ['1', 1],
    [' 5 ', 5],
    ['3', 3],
    ['0', null],
    ['6', null],
    ['2.5', null],
    ['-1', null],
    ['', null],
    ['两', null],
  ])('%j → %s', (text, n) => {
    expect(parseMobileLimit(text)).toBe(n);
  });
  it('takes what the server takes, no more', () => {
    for (let n = -1; n <= 7; n++) {
      const server = CitizenSettings.safeParse({ ...DEFAULT_CITIZEN_SETTINGS, mobileDailyLimit: n }).success;
      expect(parseMobileLimit(String(n)) !== null, `limit ${n}`).toBe(server);
    }
  });
});

describe('what the group warns of', () => {
  it.each<[boolean, boolean, boolean | null, ReturnType<typeof mobileVerifyWarning>]>([
    [false, false, false, null],
    [true, false, true, 'smsOff'],
    [true, false, null, 'smsOff'],
    [true, true, false, 'gatewayOff'],
    [true, true, true, null],
    [true, true, null, null],
  ])('on %s, SMS %s, platform %s → %s', (on, sms, configured, warning) => {
    expect(mobileVerifyWarning(on, { smsEnabled: sms }, configured === null ? null : { configured })).toBe(warning);
  });
});
