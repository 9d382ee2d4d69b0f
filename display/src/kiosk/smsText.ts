/**
 * Words of 短信提醒 on a ticket, shared by the kiosk's ticket screen and the phone page (the same
 * offer in both places), Chinese first.
 */
import type { ApiError } from '../../../shared/errors';
import { NEAR_AHEAD } from '../../../shared/notify';
import type { Lang } from '../shared/i18n';

const zh = {
  title: '短信提醒',
  offer: '短信提醒（选填）',
  offerHint: '快到您时发短信通知您，可先离开大厅等候',
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
  willText: (masked: string) => `快到您时（前面还有 ${NEAR_AHEAD} 人）将发短信到 ${masked}`,
  fromBooking: (masked: string) => `快到您时将发短信到预约时的手机 ${masked}`,
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
  offerHint: 'We text you when your turn is near, so you may wait outside the hall',
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
  willText: (masked) => `We will text ${masked} when ${NEAR_AHEAD} people are ahead of you`,
  fromBooking: (masked) => `We will text ${masked}, the number you booked with, when your turn is near`,
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
