/**
 * Words of 刷身份证取号 (实名取号) on the kiosk, Chinese first, and what a refused real-name ticket
 * says. Plain words: a misread card is "号码有误，请重新放卡" whatever was wrong with it (the
 * reason is for the log, not for a citizen at the kiosk).
 */
import type { ApiError } from '../../../shared/errors';
import type { Lang } from '../shared/i18n';
import { heldNumbers } from './phoneVerifyText';

const zh = {
  /** The confirm screen's button beside 取号. */
  takeWithCard: '刷身份证取号',
  takeWithCardHint: '年满 {age} 岁自动优先叫号',
  title: '刷身份证取号',
  place: '请将身份证放在感应区',
  placeHint: '放好后请勿移动，读卡约需 1 秒',
  reading: '正在取号…',
  readerArea: '身份证感应区',
  manual: '读不出？手动输入身份证号',
  manualTitle: '手动输入身份证号',
  manualHint: '18 位，最后一位可能是 X',
  manualLabel: '身份证号码',
  keypadLabel: '身份证号键盘',
  digit: (d: string) => (d === 'X' ? '字母 X' : `数字 ${d}`),
  clear: '清空',
  del: '删除',
  submit: '确定取号',
  backToCard: '改为刷卡',
  typed: (n: number) => `已输入 ${n} 位，共 18 位`,
  privacy: '身份证号仅用于限号和核对，不会显示或打印完整号码。',
  invalid: '号码有误，请重新放卡',
  invalidTyped: '号码有误，请核对后重新输入',
  limit: (numbers: string[]) => (numbers.length > 0 ? `您今天已取 ${numbers.join('、')} 号，请按该号等候办理` : '您今天已取过此业务的号，请按已取的号等候办理'),
  required: '本大厅取号需刷身份证，请刷卡取号；没有带身份证请到导办台。',
  /** On the ticket screen and the receipt. */
  realName: '实名',
  senior: '老年人优先',
  speech: '请将身份证放在感应区',
  /** 刷身份证签到: the check-in screen's button and the card step for an appointment. */
  checkIn: {
    button: '刷身份证签到',
    title: '刷身份证签到',
    code: (code: string) => `预约码 ${code}`,
    submit: '确定签到',
    reading: '正在签到…',
    required: '本大厅预约签到需刷身份证，请点“刷身份证签到”；没有带身份证请到导办台。',
    off: '本大厅已停用刷身份证签到，请返回后直接签到。',
  },
  /** The guide desk's card area (GuideIdCard.vue): optional, the guide may issue without a card. */
  desk: {
    title: '刷身份证（可选）',
    place: '请将身份证放在读卡器上',
    hint: '刷卡后出号、签到均为实名（老年人优先，出号每日限号）；不刷卡也可直接出号、签到。',
    manualLabel: '手动输入身份证号',
    manualPlaceholder: '18 位，最后一位可能是 X',
    manualSubmit: '确定',
    age: (n: number) => `${n} 岁`,
    senior: (age: number) => `年满 ${age} 岁，将自动优先叫号`,
    clear: '清除',
    invalid: '身份证号码有误，请重新放卡',
    invalidTyped: '身份证号码有误，请核对后重新输入',
    limit: (numbers: string[]) =>
      `${numbers.length > 0 ? `该身份证今天已取 ${numbers.join('、')} 号` : '该身份证今天已取过此业务的号'}。如确需再出号，请点“清除”后不刷卡出号（不实名，不计限号）。`,
    off: '本大厅已关闭刷身份证取号：请点“清除”后出号。',
    /** Under the appointment found by its code, while a card is read: it goes with 签到. */
    checkInWith: (masked: string) => `将按实名签到：${masked}`,
  },
};

export type IdCardWords = typeof zh;

const en: IdCardWords = {
  takeWithCard: 'Take a number with your ID card',
  takeWithCardHint: 'Aged {age} or over: called first',
  title: 'Take a number with your ID card',
  place: 'Place your ID card on the reader',
  placeHint: 'Keep it still: reading takes about a second',
  reading: 'Taking your number…',
  readerArea: 'ID card reader',
  manual: 'Card not read? Type the number',
  manualTitle: 'Type your ID card number',
  manualHint: '18 characters; the last may be X',
  manualLabel: 'ID card number',
  keypadLabel: 'ID number keypad',
  digit: (d) => (d === 'X' ? 'Letter X' : `Digit ${d}`),
  clear: 'Clear',
  del: 'Delete',
  submit: 'Take a number',
  backToCard: 'Use the card reader',
  typed: (n) => `${n} of 18 typed`,
  privacy: "The number is used only for the daily limit and the counter's check; it is never shown or printed in full.",
  invalid: 'The number could not be read: place the card again',
  invalidTyped: 'That is not a valid ID number: check it and type it again',
  limit: (numbers) =>
    numbers.length > 0 ? `You already have number ${numbers.join(', ')} for this service today: please wait for it` : 'You already have a number for this service today: please wait for it',
  required: 'This hall issues numbers with an ID card: please use the card reader. No card with you? Ask at the guide desk.',
  realName: 'Real name',
  senior: 'Senior priority',
  speech: 'Please place your ID card on the reader.',
  checkIn: {
    button: 'Check in with your ID card',
    title: 'Check in with your ID card',
    code: (code) => `Appointment code ${code}`,
    submit: 'Check in',
    reading: 'Checking you in…',
    required: 'This hall checks appointments in with an ID card: press “Check in with your ID card”. No card with you? Ask at the guide desk.',
    off: 'This hall no longer takes ID cards: go back and check in without one.',
  },
  desk: {
    title: 'ID card (optional)',
    place: 'Place the ID card on the reader',
    hint: 'With a card the number or check-in is real-name (senior priority; numbers limited per day); you may also go on without one.',
    manualLabel: 'Type the ID card number',
    manualPlaceholder: '18 characters; the last may be X',
    manualSubmit: 'OK',
    age: (n) => `aged ${n}`,
    senior: (age) => `Aged ${age} or over: will be called first`,
    clear: 'Clear',
    invalid: 'The card number is not valid: place the card again',
    invalidTyped: 'That is not a valid ID card number: check it and type it again',
    limit: (numbers) =>
      `${numbers.length > 0 ? `This ID card already has number ${numbers.join(', ')} today` : 'This ID card already has a number for this service today'}. To issue another, press Clear and issue without the card (not real-name, not counted).`,
    off: 'This hall no longer takes ID cards: press Clear and issue.',
    checkInWith: (masked) => `Checks in real-name: ${masked}`,
  },
};

export const idCardWords: Record<Lang, IdCardWords> = { zh, en };

/** The hint under 刷身份证取号 when the hall gives seniors priority (0: none). */
export const seniorHint = (w: IdCardWords, age: number): string | null => (age > 0 ? w.takeWithCardHint.replace('{age}', String(age)) : null);

/**
 * What a refused ticket says when the refusal is about the card; null: not about it. (A number
 * typed by hand is checked on the kiosk before it is sent: invalidTyped is said there.)
 */
export function idCardIssueError(e: ApiError, w: IdCardWords): string | null {
  if (e.reason === 'id_card_invalid') return w.invalid;
  if (e.reason === 'id_card_daily_limit') return w.limit(heldNumbers(e.message));
  if (e.reason === 'id_card_required') return w.required;
  return null;
}

/**
 * The refusal says the hall's 实名取号 mode is not what the screen thought (`required` now, or off
 * while a card was sent): the screen reads the settings again. A check-in's own INVALID_STATE
 * refusals (too early, missed…) carry reasons, and an older server's never name the card.
 */
export const cardModeChanged = (e: ApiError): boolean =>
  e.reason === 'id_card_required' || (e.code === 'INVALID_STATE' && e.reason === undefined && /ID card/.test(e.message));

/**
 * The same for a refused check-in (刷身份证签到): the limit never refuses one, and `required` asks
 * for the check-in's own button. `INVALID_STATE` without a reason, about the card: a card sent while
 * the hall has 实名取号 off. Null: the refusal is about the appointment (checkInErrors.ts says it).
 */
export function idCardCheckInError(e: ApiError, w: IdCardWords): string | null {
  if (e.reason === 'id_card_invalid') return w.invalid;
  if (cardModeChanged(e)) return e.reason === 'id_card_required' ? w.checkIn.required : w.checkIn.off;
  return null;
}

/**
 * The same for a ticket the guide desk issued with a card, said to the guide: the limit names the
 * numbers and says how to issue anyway (without the card). `INVALID_STATE` without a reason is a
 * card sent while the hall has 实名取号 off (the desk still showed the area from before the change).
 */
export function deskIdCardIssueError(e: ApiError, w: IdCardWords): string | null {
  if (e.reason === 'id_card_invalid') return w.desk.invalid;
  if (e.reason === 'id_card_daily_limit') return w.desk.limit(heldNumbers(e.message));
  if (e.code === 'INVALID_STATE' && e.reason === undefined) return w.desk.off;
  return null;
}

