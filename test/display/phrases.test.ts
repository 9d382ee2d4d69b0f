/** Where a short line may break on a narrow phone or pad (display/src/shared/phrases.ts). */
import { describe, expect, it } from 'vitest';
import { fitEm, phrases, widestPhraseEm } from '../../display/src/shared/phrases';

describe('phrases', () => {
  it.each([
    // the call alert
    ['F009 号，轮到您了', ['F009 号，', '轮到您了']],
    ['请到 22 号窗口', ['请到 ', '22 号窗口']],
    ['请到 9 号窗口', ['请到 ', '9 号窗口']],
    // English: a number holds on to the word before it ("counter / 22" read as broken on a 320 px phone)
    ['Please go to counter 9', ['Please ', 'go ', 'to ', 'counter 9']],
    ['Number F001, it is your turn', ['Number F001, ', 'it ', 'is ', 'your ', 'turn']],
    ['Estimated wait: about 9–17\u00a0min', ['Estimated ', 'wait: ', 'about 9–17\u00a0min']],
    ['Staff No. c03', ['Staff ', 'No. c03']],
    // Chinese: a number holds on to its measure word
    ['前面还有 12 人', ['前面还有 ', '12 人']],
    ['正在 19 号窗口办理', ['正在 ', '19 号窗口办理']],
    ['预计等候约 9\u2060–\u206017 分钟', ['预计等候约 ', '9\u2060–\u206017 分钟']],
    // after Chinese punctuation, before an opening bracket or quote
    ['办理完成，感谢您的耐心等候', ['办理完成，', '感谢您的耐心等候']],
    ['欢迎您！办理结束后，请对本次服务进行评价', ['欢迎您！', '办理结束后，', '请对本次服务进行评价']],
    ['请评价本次服务（好差评）', ['请评价本次服务', '（好差评）']],
    ['告知不清楚、材料要求不明确', ['告知不清楚、', '材料要求不明确']],
    ['您的评价：非常满意', ['您的评价：', '非常满意']],
    ['办事结束后请对我们的服务进行“好差评”评价。', ['办事结束后请对我们的服务进行', '“好差评”评价。']],
    ['（至少一项）', ['（至少一项）']],
    ['请选择（可多选）。', ['请选择', '（可多选）。']],
    ['您的业务已由「税务」转至「不动产登记」，按原取号时间继续排队', ['您的业务已由', '「税务」转至', '「不动产登记」，', '按原取号时间继续排队']],
    // a manager's names: only at their own brackets, slashes and spaces
    ['公共服务(水电气暖讯)', ['公共服务', '(水电气暖讯)']],
    ['跨省通办/全豫通办', ['跨省通办/', '全豫通办']],
    ['Cross-region services', ['Cross-region ', 'services']],
    ['Other (please explain below)', ['Other ', '(please ', 'explain ', 'below)']],
    ['示范县政务服务中心', ['示范县政务服务中心']],
    // a lone "·" or "/" stays with the word before it
    ['非常不满意 · 请选择不满意的原因', ['非常不满意 · ', '请选择不满意的原因']],
    ['老年人 / 残疾人 绿色通道', ['老年人 / ', '残疾人 ', '绿色通道']],
    // a leading mark stays with the first word
    ['✓ 声音提醒已开启', ['✓ 声音提醒已开启']],
    ['★ 十一月岗位标兵 · 服务先锋', ['★ 十一月岗位标兵 · ', '服务先锋']],
    ['轮到您了', ['轮到您了']],
    ['', []],
  ])('%s', (text, want) => {
    expect(phrases(text)).toEqual(want);
    expect(phrases(text).join('')).toBe(text);
  });
});

describe('the widest phrase, in em', () => {
  it.each([
    [['请到 22 号窗口'], 4.5],
    [['Please go to counter 22'], 5.7],
    [['非常满意', '非常不满意'], 5],
    [['Very satisfied', 'Very dissatisfied'], 7.2],
    [[''], 1],
  ])('%j → %s', (texts, want) => {
    expect(widestPhraseEm(...texts)).toBeCloseTo(want, 5);
  });
});

describe('the em a free-text name is sized by', () => {
  it.each([
    ['a Chinese name keeps one line: the whole of it', '示范县政务服务中心', 9],
    ['brackets count as Latin ones', '公共服务(水电气暖讯)', 10.2],
    ['an English name wraps between words: its widest word', 'Demo County Government Service Centre', 6],
    ['a 光荣榜 title', '十一月岗位标兵服务先锋', 11],
  ])('%s', (_name, text, want) => {
    expect(fitEm(text)).toBeCloseTo(want, 5);
  });
});
