/** Where a short Chinese line may break on a narrow phone (display/src/shared/phrases.ts). */
import { describe, expect, it } from 'vitest';
import { phrases } from '../../display/src/shared/phrases';

describe('phrases', () => {
  it.each([
    ['F009 号，轮到您了', ['F009 号，', '轮到您了']],
    ['请到 22 号窗口', ['请到 ', '22 号窗口']],
    ['请到 9 号窗口', ['请到 ', '9 号窗口']],
    ['Please go to counter 9', ['Please ', 'go ', 'to ', 'counter ', '9']],
    ['轮到您了', ['轮到您了']],
    ['', []],
  ])('%s', (text, want) => {
    expect(phrases(text)).toEqual(want);
    expect(phrases(text).join('')).toBe(text);
  });
});
