/**
 * The phone's 验证手机号 words and helpers (display/src/kiosk/phoneVerifyText.ts): the numbers a
 * limit refusal names, the wait a throttle names, the digits of a pasted code, and which refusal
 * says what, on the server's message formats (test/citizen/phoneVerify.test.ts holds the server to them).
 */
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/errors';
import { codeDigits, codeRequestError, heldNumbers, phoneVerifyWords, verifyIssueError, waitSeconds } from '../../display/src/kiosk/phoneVerifyText';

const zh = phoneVerifyWords.zh;

describe('reading the server', () => {
  it.each([
    ['this phone already holds 1 number(s) of queue E today (the most the hall allows): E012', ['E012']],
    ['this phone already holds 2 number(s) of queue E today (the most the hall allows): E012, E013', ['E012', 'E013']],
    ['this phone already holds 1 number(s) of queue AB today (the most the hall allows): AB0007', ['AB0007']],
    ['this phone already holds 1 number(s) of queue E today (the most the hall allows): ', []],
    ['something else', []],
  ])('%s names %j', (message, numbers) => {
    expect(heldNumbers(message)).toEqual(numbers);
  });
  it.each([
    ['a code was just sent to this phone: ask again in 42 s', 42],
    ['too many codes for this phone this hour: ask again in 3300 s', 3300],
    ['too many codes from this address: try again later or take a number at a kiosk', null],
  ])('%s waits %s', (message, s) => {
    expect(waitSeconds(message)).toBe(s);
  });
  it.each([
    ['123456', '123456'],
    ['验证码 654321', '654321'],
    ['12 34 56 78', '123456'],
    ['abc', ''],
  ])('code %j keeps %j', (raw, digits) => {
    expect(codeDigits(raw)).toBe(digits);
  });
});

describe('what a refusal says', () => {
  const e = (x: Partial<ApiError>): ApiError => ({ code: 'INTERNAL', message: '', ...x });
  it.each<[ApiError, string | null]>([
    [e({ code: 'UNAUTHORIZED', reason: 'phone_code_invalid', message: 'the code is wrong' }), '验证码错误或已过期，请重新输入或重新获取验证码'],
    [e({ code: 'CONFLICT', reason: 'phone_daily_limit', message: 'this phone already holds 1 number(s) of queue E today (the most the hall allows): E012' }), '该手机号今天已取过此业务的号 E012，请按该号等候办理'],
    [e({ code: 'CONFLICT', reason: 'phone_daily_limit', message: '…: E012, E013' }), '该手机号今天已取过此业务的号 E012、E013，请按该号等候办理'],
    [e({ code: 'UNAUTHORIZED', message: 'this hall issues tickets only at kiosks and the guide desk' }), null],
    [e({ code: 'NUMBERS_EXHAUSTED' }), null],
  ])('issue %j', (error, text) => {
    expect(verifyIssueError(error, zh)).toBe(text);
  });
  it.each<[ApiError, string]>([
    [e({ code: 'RATE_LIMITED', message: 'a code was just sent to this phone: ask again in 40 s' }), '发送太频繁，请 40 秒后再试'],
    [e({ code: 'RATE_LIMITED', message: 'too many codes from this address: try again later' }), '发送太频繁，请稍后再试'],
    [e({ code: 'INVALID_STATE', message: 'this hall cannot send texts now' }), '本大厅暂时无法发送验证码，手机取号暂不可用，请到大厅的取号机取号。'],
    [e({ code: 'BAD_REQUEST' }), '请输入 11 位手机号码（1 开头）'],
    [e({ code: 'INTERNAL' }), '验证码未能发送，请稍后再试'],
  ])('code request %j', (error, text) => {
    expect(codeRequestError(error, zh)).toBe(text);
  });
  it('English has every word Chinese has', () => {
    expect(Object.keys(phoneVerifyWords.en).sort()).toEqual(Object.keys(zh).sort());
    expect(phoneVerifyWords.en.why(1)).toContain('1 ticket per service');
    expect(phoneVerifyWords.en.why(3)).toContain('3 tickets per service');
  });
});
