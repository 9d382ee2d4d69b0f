/**
 * Words of 短信提醒 on a ticket, shared by the kiosk's ticket screen and the phone page (the same
 * offer in both places), Chinese first. They promise only the texts that will come: the hall
 * may send 快到您了, 轮到您了 or both (`smsKinds`), and 快到您了 comes only to a number given while
 * more than NEAR_AHEAD people are ahead.
 *
 * Here, not in display/src/kiosk/, so the phone page loads none of the kiosk's modules; the
 * kiosk's ticket screen (SmsSignup.vue) imports this same file, so the offer cannot drift apart.
 */
import type { ApiError } from '../../../shared/errors';
import { NEAR_AHEAD } from '../../../shared/nearTurn';
import type { SmsKind } from '../../../shared/notify';
import type { Lang } from './i18n';

/** The texts a ticket's number will get: 快到您了 (`near`), 轮到您了 (`called`) or both. */
export type SmsPlan = 'near' | 'called' | 'both';

/**
 * What a number given now will be texted, from the hall's kinds; `alreadyNear`: NEAR_AHEAD or
 * fewer ahead already, so 快到您了 will not come (the server's rule: not if already that near).
 * Null: nothing will come.
 */
export function smsPlan(kinds: readonly SmsKind[], alreadyNear: boolean): SmsPlan | null {
  const near = kinds.includes('near_turn') && !alreadyNear;
  const called = kinds.includes('called');
  if (near && called) return 'both';
  if (near) return 'near';
  return called ? 'called' : null;
}

const zh = {
  title: '短信提醒',
  offer: '短信提醒（选填）',
  offerHint: (plan: SmsPlan): string =>
    // Commas between the phrases: a narrow phone in large type breaks there (shared/phrases.ts), not mid-word.
    plan === 'called' ? '叫到您的号时，发短信告诉您到哪个窗口' : plan === 'near' ? '快到您时，发短信通知您，可先离开大厅等候' : '快到您时和叫到您时，都发短信通知您，可先离开大厅等候',
  add: '填写手机号码',
  phoneLabel: '手机号码',
  phoneHint: '请输入 11 位手机号码',
  badPhone: '请输入 11 位手机号码（1 开头）',
  confirm: '确认',
  cancel: '不用了',
  save: '保存',
  saving: '正在保存…',
  change: '更换号码',
  remove: '取消短信提醒',
  willText: (masked: string, plan: SmsPlan): string =>
    plan === 'called'
      ? `叫到您的号时，将发短信到 ${masked}`
      : `快到您时（前面还有 ${NEAR_AHEAD} 人）${plan === 'both' ? '和叫到您时' : ''}，将发短信到 ${masked}`,
  fromBooking: (masked: string, plan: SmsPlan): string =>
    `${plan === 'called' ? '叫到您的号时' : plan === 'near' ? '快到您时' : '快到您时和叫到您时'}，将发短信到预约时的手机 ${masked}`,
  near: `您前面已不足 ${NEAR_AHEAD} 人，请留意叫号`,
  removed: '已取消短信提醒',
  unsavedWarning: (s: number) => `${s} 秒后返回首页，未确认的号码不会保存`,
  failed: (e: ApiError): string =>
    e.code === 'RATE_LIMITED' ? '操作太频繁，请稍后再试' : e.code === 'INVALID_STATE' ? '此号码已不能设置短信提醒' : '未能保存，请稍后再试或咨询导办台',
};

export type SmsWords = typeof zh;

const en: SmsWords = {
  title: 'Text reminder',
  offer: 'Text reminder (optional)',
  offerHint: (plan) =>
    plan === 'called'
      ? 'We text you when your number is called, with the counter to go to'
      : plan === 'near'
        ? 'We text you when your turn is near, so you may wait outside the hall'
        : 'We text you when your turn is near and when you are called, so you may wait outside the hall',
  add: 'Add my mobile number',
  phoneLabel: 'Mobile number',
  phoneHint: 'Enter your 11-digit mobile number',
  badPhone: 'Enter an 11-digit mobile number starting with 1',
  confirm: 'Confirm',
  cancel: 'No, thanks',
  save: 'Save',
  saving: 'Saving…',
  change: 'Change number',
  remove: 'Stop text reminder',
  willText: (masked, plan) =>
    plan === 'called'
      ? `We will text ${masked} when your number is called`
      : `We will text ${masked} when ${NEAR_AHEAD} people are ahead of you${plan === 'both' ? ' and when you are called' : ''}`,
  fromBooking: (masked, plan) =>
    `We will text ${masked}, the number you booked with, ${plan === 'called' ? 'when your number is called' : plan === 'near' ? 'when your turn is near' : 'when your turn is near and when you are called'}`,
  near: `Fewer than ${NEAR_AHEAD} people are ahead of you: please listen for your number`,
  removed: 'Text reminder stopped',
  unsavedWarning: (s) => `Back to start in ${s} s; an unconfirmed number is not kept`,
  failed: (e) =>
    e.code === 'RATE_LIMITED'
      ? 'Too many changes; please try again later'
      : e.code === 'INVALID_STATE'
        ? 'This ticket can no longer take a text reminder'
        : 'Could not save; please try again or ask at the guide desk',
};

export const smsWords: Record<Lang, SmsWords> = { zh, en };
