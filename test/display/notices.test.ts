/** Which text of each notice a screen shows: English on an English screen where there is one, else the Chinese. */
import { describe, expect, it } from 'vitest';
import { honorsLine, noticesIn } from '../../display/src/shared/notices';

const hall = { notices: ['请带身份证。', '午休不停办。', '周六上午办公。'], noticesEn: ['Please bring your ID card.', '', '  '] };

describe('noticesIn', () => {
  it('Chinese screens show the Chinese', () => {
    expect(noticesIn(hall, 'zh')).toEqual(hall.notices);
  });
  it('English screens show the English, and the Chinese of a notice without any', () => {
    expect(noticesIn(hall, 'en')).toEqual(['Please bring your ID card.', '午休不停办。', '周六上午办公。']);
  });
  it('bilingual walls read each notice in Chinese, then its English; the Chinese alone without any', () => {
    expect(noticesIn(hall, 'bi')).toEqual(['请带身份证。　Please bring your ID card.', '午休不停办。', '周六上午办公。']);
  });
  it('a snapshot without English (an older server) shows the Chinese; no hall, nothing', () => {
    expect(noticesIn({ notices: ['请带身份证。'] }, 'en')).toEqual(['请带身份证。']);
    expect(noticesIn(null, 'en')).toEqual([]);
  });
});

describe('honorsLine (光荣榜 in the notice line)', () => {
  const honors = [
    { clerkId: 'u1', name: '张三', title: '11月服务之星' },
    { clerkId: 'u2', name: '李四', title: '岗位标兵' },
    { clerkId: 'u3', name: '王五', title: '11月服务之星' },
  ];
  it.each([
    ['zh', '★ 光荣榜　11月服务之星：张三、王五　岗位标兵：李四'],
    ['en', '★ Honour roll　11月服务之星: 张三, 王五　岗位标兵: 李四'],
    ['bi', '★ 光荣榜 Honour roll　11月服务之星：张三、王五　岗位标兵：李四'],
  ] as const)('%s: titles in order, each with its people', (lang, want) => {
    expect(honorsLine({ honors }, lang)).toBe(want);
  });
  it('nothing without a roll (an empty one, or an older server)', () => {
    expect(honorsLine({ honors: [] }, 'zh')).toBeNull();
    expect(honorsLine({}, 'zh')).toBeNull();
    expect(honorsLine(null, 'bi')).toBeNull();
  });
});
