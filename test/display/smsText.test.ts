import { describe, expect, it } from 'vitest';
import type { SmsKind } from '../../shared/notify';
import { smsPlan, smsWords } from '../../display/src/shared/smsText';

describe('smsPlan: which texts a ticket holder’s number will get', () => {
  it.each<[SmsKind[], boolean, ReturnType<typeof smsPlan>]>([
    [['booked', 'reminder', 'near_turn'], false, 'near'],
    [['near_turn'], true, null],
    [['called'], false, 'called'],
    [['called'], true, 'called'],
    [['near_turn', 'called'], false, 'both'],
    // Already near: 快到您了 will not come, 轮到您了 still will.
    [['near_turn', 'called'], true, 'called'],
    [['booked', 'reminder'], false, null],
    [[], false, null],
  ])('%o, already near %s → %s', (kinds, near, plan) => {
    expect(smsPlan(kinds, near)).toBe(plan);
  });
});

describe('the words promise only what will be sent', () => {
  const zh = smsWords.zh;
  const en = smsWords.en;

  it('offer', () => {
    expect(zh.offerHint('near')).toBe('快到您时，发短信通知您，可先离开大厅等候');
    expect(zh.offerHint('called')).toBe('叫到您的号时，发短信告诉您到哪个窗口');
    expect(zh.offerHint('both')).toBe('快到您时和叫到您时，都发短信通知您，可先离开大厅等候');
    expect(en.offerHint('near')).toBe('We text you when your turn is near, so you may wait outside the hall');
    expect(en.offerHint('called')).toBe('We text you when your number is called, with the counter to go to');
    expect(en.offerHint('both')).toBe('We text you when your turn is near and when you are called, so you may wait outside the hall');
    // Only the near-turn text lets a citizen leave the hall: a call-only text must not say so.
    expect(zh.offerHint('called')).not.toContain('快到您时');
    expect(en.offerHint('called')).not.toContain('outside');
  });

  it('saved number', () => {
    expect(zh.willText('139****5678', 'near')).toBe('快到您时（前面还有 3 人），将发短信到 139****5678');
    expect(zh.willText('139****5678', 'called')).toBe('叫到您的号时，将发短信到 139****5678');
    expect(zh.willText('139****5678', 'both')).toBe('快到您时（前面还有 3 人）和叫到您时，将发短信到 139****5678');
    expect(en.willText('139****5678', 'near')).toBe('We will text 139****5678 when 3 people are ahead of you');
    expect(en.willText('139****5678', 'called')).toBe('We will text 139****5678 when your number is called');
    expect(en.willText('139****5678', 'both')).toBe('We will text 139****5678 when 3 people are ahead of you and when you are called');
  });

  it('the booking’s phone', () => {
    expect(zh.fromBooking('138****0001', 'near')).toBe('快到您时，将发短信到预约时的手机 138****0001');
    expect(zh.fromBooking('138****0001', 'called')).toBe('叫到您的号时，将发短信到预约时的手机 138****0001');
    expect(zh.fromBooking('138****0001', 'both')).toBe('快到您时和叫到您时，将发短信到预约时的手机 138****0001');
    expect(en.fromBooking('138****0001', 'near')).toBe('We will text 138****0001, the number you booked with, when your turn is near');
    expect(en.fromBooking('138****0001', 'called')).toBe('We will text 138****0001, the number you booked with, when your number is called');
    expect(en.fromBooking('138****0001', 'both')).toBe('We will text 138****0001, the number you booked with, when your turn is near and when you are called');
  });
});
