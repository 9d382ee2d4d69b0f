import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SENTENCE,
  detectLanguage,
  noticeForEspeak,
  numeralKeys,
  requiredKeys,
  sentenceText,
  sentenceTokens,
  ticketKeys,
} from '../../server/voice/text';

describe('ticket numbers are read character by character', () => {
  it.each([
    ['A001', 'zh', 'A 零 零 一'],
    ['B123', 'zh', 'B 一 二 三'],
    ['K9087', 'zh', 'K 九 零 八 七'],
    ['L5', 'zh', 'L 五'],
    ['a001', 'zh', 'A 零 零 一'],
    ['A001', 'en', 'A zero zero one'],
    ['Y2046', 'en', 'Y two zero four six'],
  ] as const)('%s (%s) → %s', (number, lang, spoken) => {
    expect(ticketKeys(number, lang).join(' ')).toBe(spoken);
  });

  it('refuses characters it has no clip for', () => {
    expect(() => ticketKeys('A-01', 'zh')).toThrow(RangeError);
  });
});

describe('window numbers are read as numerals', () => {
  it.each([
    [1, '一'],
    [3, '三'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [21, '二十一'],
    [30, '三十'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [105, '一百零五'],
    [110, '一百一十'],
    [115, '一百一十五'],
    [120, '一百二十'],
    [999, '九百九十九'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [1234, '一千二百三十四'],
    [2005, '二千零五'],
    [9999, '九千九百九十九'],
  ])('zh %i → %s', (n, spoken) => {
    expect(numeralKeys(n, 'zh').join('')).toBe(spoken);
  });

  it.each([
    [1, 'one'],
    [3, 'three'],
    [10, 'ten'],
    [12, 'twelve'],
    [19, 'nineteen'],
    [20, 'twenty'],
    [21, 'twenty one'],
    [40, 'forty'],
    [100, 'one hundred'],
    [105, 'one hundred five'],
    [110, 'one hundred ten'],
    [999, 'nine hundred ninety nine'],
    [1000, 'one thousand'],
    [1012, 'one thousand twelve'],
    [2340, 'two thousand three hundred forty'],
  ])('en %i → %s', (n, spoken) => {
    expect(numeralKeys(n, 'en').join(' ')).toBe(spoken);
  });

  it('every numeral from 1 to 9999 uses only keys a complete pack holds', () => {
    for (const lang of ['zh', 'en'] as const) {
      const keys = new Set(requiredKeys(lang));
      for (let n = 1; n <= 9999; n++) {
        for (const k of numeralKeys(n, lang)) if (!keys.has(k)) throw new Error(`${lang} ${n} needs "${k}"`);
      }
    }
  });

  it('refuses numbers outside 0…9999 and fractions', () => {
    expect(() => numeralKeys(10000, 'zh')).toThrow(RangeError);
    expect(() => numeralKeys(-1, 'en')).toThrow(RangeError);
    expect(() => numeralKeys(1.5, 'zh')).toThrow(RangeError);
  });
});

describe('the call sentence', () => {
  it('zh: 请 A001 号 到 3 号窗口 办理', () => {
    expect(sentenceText(sentenceTokens(DEFAULT_SENTENCE.zh, 'A001', 3, 'zh'))).toBe('请 A 零 零 一 号 到 三 号 窗口 办理');
  });

  it('en: Number A 0 0 1, please go to counter 3', () => {
    expect(sentenceText(sentenceTokens(DEFAULT_SENTENCE.en, 'A001', 3, 'en'))).toBe(
      'number A zero zero one, please go to counter three',
    );
  });

  it('marks the ticket characters (they get the longer gap), not the window numeral', () => {
    const tokens = sentenceTokens(DEFAULT_SENTENCE.zh, 'A01', 12, 'zh');
    const spelled = tokens.flatMap((t) => ('clip' in t && t.spelled ? [t.clip] : []));
    expect(spelled).toEqual(['A', '零', '一']);
  });

  it('a complete pack holds the sentence words, 26 letters and the numerals', () => {
    expect(requiredKeys('zh')).toHaveLength(5 + 26 + 13);
    expect(requiredKeys('en')).toHaveLength(2 + 26 + 30);
    expect(requiredKeys('zh')).toEqual(expect.arrayContaining(['请', '号', '到', '窗口', '办理', '十', 'Z']));
  });
});

describe('notice text for espeak', () => {
  it.each([
    ['请B123号到窗口', '请 B 1 2 3 号到窗口'],
    ['A001 and K2', 'A 0 0 1 and K 2'],
    ['COVID19 is not a ticket', 'COVID19 is not a ticket'],
    ['午间\n12:00\t暂停', '午间 12:00 暂停'],
    ['  -v en  ', '-v en'],
  ])('%j → %j', (input, output) => {
    expect(noticeForEspeak(input)).toBe(output);
  });

  it('detects Mandarin by its ideographs', () => {
    expect(detectLanguage('午间暂停服务')).toBe('zh');
    expect(detectLanguage('Counter 3 is closed at noon')).toBe('en');
    expect(detectLanguage('A001 请')).toBe('zh');
  });
});
