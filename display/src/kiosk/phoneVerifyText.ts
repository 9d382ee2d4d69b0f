/**
 * Words of 验证手机号 on the phone (扫码取号 while the hall asks phones for a verified number),
 * Chinese first, and the pure helpers behind them: what a refusal says, which numbers the phone
 * already holds (named in the server's message), and the 获取验证码 countdown.
 */
import type { ApiError } from '../../../shared/errors';
import type { Lang } from '../shared/i18n';

/** The numbers a `phone_daily_limit` refusal names: the message ends ": E012, E013". */
export function heldNumbers(message: string): string[] {
  const m = /:\s*([A-Z]+\d+(?:\s*,\s*[A-Z]+\d+)*)\s*$/.exec(message);
  return m ? m[1]!.split(',').map((x) => x.trim()) : [];
}

/** Seconds a RATE_LIMITED code request says to wait ("ask again in 42 s"), or null. */
export function waitSeconds(message: string): number | null {
  const m = /in (\d+) s\b/.exec(message);
  return m ? Number(m[1]) : null;
}

/** The six digits typed so far (a pasted "验证码 123456" keeps its digits only). */
export const codeDigits = (raw: string): string => raw.replace(/\D/g, '').slice(0, 6);

const zh = {
  title: '验证手机号',
  why: (n: number) => `本大厅手机取号需验证手机号，每个手机号每个业务每天最多取 ${n} 个号。`,
  phoneLabel: '手机号码',
  phoneHint: '11 位手机号码',
  badPhone: '请输入 11 位手机号码（1 开头）',
  getCode: '获取验证码',
  sending: '正在发送…',
  resendIn: (s: number) => `${s} 秒后重发`,
  sent: (masked: string) => `验证码已发送到 ${masked}，5 分钟内有效`,
  codeLabel: '短信验证码',
  codeHint: '6 位数字',
  alsoSms: '叫号提醒短信也将发到此号码',
  codeInvalid: '验证码错误或已过期，请重新输入或重新获取验证码',
  limit: (numbers: string[]) =>
    numbers.length > 0 ? `该手机号今天已取过此业务的号 ${numbers.join('、')}，请按该号等候办理` : '该手机号今天已取过此业务的号，请按已取的号等候办理',
  tooOften: (s: number | null) => (s === null ? '发送太频繁，请稍后再试' : `发送太频繁，请 ${s} 秒后再试`),
  unavailable: '本大厅暂时无法发送验证码，手机取号暂不可用，请到大厅的取号机取号。',
  sendFailed: '验证码未能发送，请稍后再试',
};

export type PhoneVerifyWords = typeof zh;

const en: PhoneVerifyWords = {
  title: 'Confirm your mobile number',
  why: (n) => `This hall asks phones for a mobile number: each number may take at most ${n} ticket${n === 1 ? '' : 's'} per service a day.`,
  phoneLabel: 'Mobile number',
  phoneHint: '11-digit mobile number',
  badPhone: 'Enter an 11-digit mobile number starting with 1',
  getCode: 'Get code',
  sending: 'Sending…',
  resendIn: (s) => `Resend in ${s} s`,
  sent: (masked) => `Code sent to ${masked}, valid for 5 minutes`,
  codeLabel: 'Code from the text',
  codeHint: '6 digits',
  alsoSms: 'Call reminders will be texted to this number too',
  codeInvalid: 'The code is wrong or has expired: type it again or get a new one',
  limit: (numbers) =>
    numbers.length > 0
      ? `This number already took ${numbers.join(', ')} for this service today: please wait for that ticket`
      : 'This number already took a ticket for this service today: please wait for that ticket',
  tooOften: (s) => (s === null ? 'Too many codes: please try again later' : `Too many codes: please try again in ${s} s`),
  unavailable: 'This hall cannot send codes now, so phones cannot take numbers. Please take one at a kiosk in the hall.',
  sendFailed: 'The code could not be sent: please try again later',
};

export const phoneVerifyWords: Record<Lang, PhoneVerifyWords> = { zh, en };

/** What a refused code request says. */
export function codeRequestError(e: ApiError, w: PhoneVerifyWords): string {
  if (e.code === 'RATE_LIMITED') return w.tooOften(waitSeconds(e.message));
  if (e.code === 'INVALID_STATE') return w.unavailable;
  if (e.code === 'BAD_REQUEST') return w.badPhone;
  return w.sendFailed;
}

/** What a refused phone ticket says when the refusal is about the phone; null: not about it. */
export function verifyIssueError(e: ApiError, w: PhoneVerifyWords): string | null {
  if (e.reason === 'phone_code_invalid') return w.codeInvalid;
  if (e.reason === 'phone_daily_limit') return w.limit(heldNumbers(e.message));
  return null;
}
