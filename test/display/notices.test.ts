/** Which text of each notice a screen shows: English on an English screen where there is one, else the Chinese. */
import { describe, expect, it } from 'vitest';
import { noticesIn } from '../../display/src/shared/notices';

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
