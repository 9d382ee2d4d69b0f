/**
 * The kiosk's card reader bridges, pure (display/src/kiosk/idCardReader.ts): a keyboard-wedge
 * burst of 18 characters and Enter within about a second counts, slow typing never does; the
 * vendor shell's message; the keypad's display that never shows a number whole; and the words a
 * refusal is said in (display/src/kiosk/idCardText.ts).
 */
import { describe, expect, it } from 'vitest';
import { emptyWedge, shellNumber, typedMask, wedgeKey, WEDGE_GAP_MS, WEDGE_SPAN_MS, type WedgeState } from '../../display/src/kiosk/idCardReader';
import { cardModeChanged, deskIdCardIssueError, idCardCheckInError, idCardIssueError, idCardWords, seniorHint } from '../../display/src/kiosk/idCardText';

const CARD = '11010519491231002X';

/** Feeds keys at the given gaps (ms before each key, the first at t = 1000); the numbers read. */
function feed(keys: string[], gap: (i: number) => number): string[] {
  let s: WedgeState = emptyWedge();
  let t = 1000;
  const read: string[] = [];
  keys.forEach((k, i) => {
    t += i === 0 ? 0 : gap(i);
    const step = wedgeKey(s, k, t);
    s = step.state;
    if (step.number !== null) read.push(step.number);
  });
  return read;
}
const burst = (n: string): string[] => [...n, 'Enter'];

describe('keyboard-wedge reader', () => {
  it.each([
    ['a reader at 10 ms a key', 10, [CARD]],
    ['a slow reader at 50 ms a key (950 ms in all)', 50, [CARD]],
    ['keys 80 ms apart: 19 of them run past a second', WEDGE_GAP_MS, []],
    ['a person typing, 150 ms a key', 150, []],
  ])('%s', (_label, gap, read) => {
    expect(feed(burst(CARD), () => gap)).toEqual(read);
  });

  it('takes a small x as X', () => {
    expect(feed(burst(CARD.toLowerCase()), () => 8)).toEqual([CARD]);
  });

  it('a pause in the middle starts the burst again: the tail alone is too short', () => {
    expect(feed(burst(CARD), (i) => (i === 9 ? 400 : 10))).toEqual([]);
  });

  it('a pause before Enter, or a wrong length, reads nothing', () => {
    expect(feed(burst(CARD), (i) => (i === 18 ? WEDGE_GAP_MS + 1 : 10))).toEqual([]);
    expect(feed(burst(CARD.slice(0, 17)), () => 10)).toEqual([]);
    expect(feed(burst(CARD + '1'), () => 10)).toEqual([]);
  });

  it('another key in the burst drops it; the next card still reads', () => {
    const keys = [...CARD.slice(0, 5), 'Shift', ...CARD.slice(5), 'Enter', ...burst('410523195803151234')];
    expect(feed(keys, (i) => (i === 20 ? 2000 : 10))).toEqual(['410523195803151234']);
  });

  it('two cards one after the other, each its own burst', () => {
    expect(feed([...burst(CARD), ...burst(CARD)], (i) => (i === 19 ? 1500 : 10))).toEqual([CARD, CARD]);
  });

  it('the span limit holds even when every gap is short', () => {
    expect(WEDGE_SPAN_MS).toBeLessThan(19 * WEDGE_GAP_MS);
  });
});

describe('vendor shell message', () => {
  it.each([
    [{ type: 'hall:idcard', number: CARD }, CARD],
    [{ type: 'hall:idcard', number: ` ${CARD} ` }, CARD],
    [{ type: 'hall:idcard', number: 110105 }, null],
    [{ type: 'hall:other', number: CARD }, null],
    [CARD, null],
    [null, null],
  ])('%j → %s', (data, number) => {
    expect(shellNumber(data)).toBe(number);
  });
});

describe('what the keypad shows', () => {
  it.each([
    ['', ''],
    ['1101', '1101'],
    ['1101051', '1101051'],
    ['11010519', '110*0519'],
    [CARD, '110***********002X'],
  ])('%s → %s', (typed, shown) => {
    expect(typedMask(typed)).toBe(shown);
  });
});

describe('refusals in plain words', () => {
  const zh = idCardWords.zh;
  it.each([
    [{ code: 'BAD_REQUEST', message: 'idCard: the last character does not match the check digit', reason: 'id_card_invalid' }, '号码有误，请重新放卡'],
    [{ code: 'CONFLICT', message: 'this person already holds 1 number(s) of queue A today (the most the hall allows): A012', reason: 'id_card_daily_limit' }, '您今天已取 A012 号，请按该号等候办理'],
    [{ code: 'CONFLICT', message: '… today (the most the hall allows): A012, A015', reason: 'id_card_daily_limit' }, '您今天已取 A012、A015 号，请按该号等候办理'],
    [{ code: 'BAD_REQUEST', message: 'send idCard', reason: 'id_card_required' }, zh.required],
    [{ code: 'NUMBERS_EXHAUSTED', message: 'used up' }, null],
  ] as const)('%j', (e, words) => {
    expect(idCardIssueError(e, zh)).toBe(words);
  });

  it('the senior hint names the hall’s age, none when off', () => {
    expect(seniorHint(zh, 65)).toBe('年满 65 岁自动优先叫号');
    expect(seniorHint(idCardWords.en, 70)).toBe('Aged 70 or over: called first');
    expect(seniorHint(zh, 0)).toBeNull();
  });

  it('English has every Chinese phrase', () => {
    expect(Object.keys(idCardWords.en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.keys(idCardWords.en.desk).sort()).toEqual(Object.keys(zh.desk).sort());
    expect(Object.keys(idCardWords.en.checkIn).sort()).toEqual(Object.keys(zh.checkIn).sort());
  });
});

describe('刷身份证签到: a refused check-in, about the card or not', () => {
  const zh = idCardWords.zh;
  const OFF = { code: 'INVALID_STATE', message: 'this hall does not take numbers with an ID card (idCard is off)' } as const;
  it.each([
    [{ code: 'BAD_REQUEST', message: 'idCard: …', reason: 'id_card_invalid' }, '号码有误，请重新放卡'],
    [{ code: 'BAD_REQUEST', message: 'send idCard', reason: 'id_card_required' }, '本大厅预约签到需刷身份证，请点“刷身份证签到”；没有带身份证请到导办台。'],
    [OFF, '本大厅已停用刷身份证签到，请返回后直接签到。'],
    // About the appointment: said by checkInErrors.ts (and the card step goes back to the code).
    [{ code: 'NOT_FOUND', message: 'no appointment has this code', reason: 'unknown_code' }, null],
    [{ code: 'INVALID_STATE', message: 'too early: check in from 09:30', reason: 'too_early' }, null],
    // An older server's check-in refusals carry no reason, and never name the card.
    [{ code: 'INVALID_STATE', message: 'this appointment was cancelled' }, null],
  ] as const)('%j', (e, words) => {
    expect(idCardCheckInError(e, zh)).toBe(words);
  });

  it('the settings are read again when the refusal says the hall’s card mode changed', () => {
    expect(cardModeChanged({ code: 'BAD_REQUEST', message: 'send idCard', reason: 'id_card_required' })).toBe(true);
    expect(cardModeChanged(OFF)).toBe(true);
    expect(cardModeChanged({ code: 'INVALID_STATE', message: 'this appointment was cancelled' })).toBe(false);
    expect(cardModeChanged({ code: 'BAD_REQUEST', message: 'idCard: …', reason: 'id_card_invalid' })).toBe(false);
  });

  it('in English too', () => {
    expect(idCardCheckInError(OFF, idCardWords.en)).toBe('This hall no longer takes ID cards: go back and check in without one.');
    expect(idCardWords.en.checkIn.code('12345678')).toBe('Appointment code 12345678');
  });
});

describe('the guide desk’s refusals, said to the guide', () => {
  const zh = idCardWords.zh;
  it.each([
    [{ code: 'CONFLICT', message: '… today (the most the hall allows): A012', reason: 'id_card_daily_limit' }, '该身份证今天已取 A012 号。如确需再出号，请点“清除”后不刷卡出号（不实名，不计限号）。'],
    [{ code: 'CONFLICT', message: 'limit reached', reason: 'id_card_daily_limit' }, '该身份证今天已取过此业务的号。如确需再出号，请点“清除”后不刷卡出号（不实名，不计限号）。'],
    [{ code: 'BAD_REQUEST', message: 'idCard: …', reason: 'id_card_invalid' }, '身份证号码有误，请重新放卡'],
    [{ code: 'INVALID_STATE', message: 'this hall does not take numbers with an ID card (idCard is off)' }, zh.desk.off],
    [{ code: 'NUMBERS_EXHAUSTED', message: 'used up' }, null],
  ] as const)('%j', (e, words) => {
    expect(deskIdCardIssueError(e, zh)).toBe(words);
  });

  it('names the numbers in English too', () => {
    expect(deskIdCardIssueError({ code: 'CONFLICT', message: '…: A012, A015', reason: 'id_card_daily_limit' }, idCardWords.en)).toBe(
      'This ID card already has number A012, A015 today. To issue another, press Clear and issue without the card (not real-name, not counted).',
    );
  });
});
