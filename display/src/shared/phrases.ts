/**
 * A short line cut into the pieces it may break between on a narrow screen, each shown as one
 * unbreakable box (Phrases.vue), so "F009 号，轮到您了" breaks as "F009 号，/轮到您了" and never as
 * "…轮到您/了". No dictionary: a line breaks only where the text itself says so —
 * - at a space, except where a number holds on to its word: to the measure word after it in
 *   Chinese ("22 号窗口", "12 人", "111–163 分钟") and to the word before it in English
 *   ("counter 22", "Number F001,"); a lone "·" or "/" stays with the word before it, a leading mark
 *   (✓, ★) with the word after it;
 * - after Chinese punctuation (，、。；：！？), after a "/" between two words;
 * - before an opening bracket or quote ("公共服务" / "(水电气暖讯)", "评价" / "（好差评）", "已由" / "「税务」").
 * So the texts we write choose their phrases with punctuation (叫号时，本页会响铃并振动，…), and a
 * manager's names break only at their own brackets, slashes and spaces. Joined back, the pieces
 * are the text again; a piece keeps its trailing space, to be shown outside its box (or the line
 * cannot break there). Pure.
 */
import { textWidthEm } from './textWidth';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** May the line break at the space at `i`? */
function breaksAtSpace(text: string, i: number): boolean {
  const before = text.slice(0, i).split(' ').pop() ?? '';
  const after = text.slice(i + 1).split(' ')[0] ?? '';
  if (before === '' || after === '') return false;
  if (after === '·' || after === '/') return false;
  // A leading mark stays with the first word: "✓ 声音提醒已开启", "★ 岗位标兵".
  if (before.length === 1 && !/[\p{L}\p{N}]/u.test(before) && !text.slice(0, i).includes(' ')) return false;
  // Chinese: a number goes with the measure word after it (22 号窗口, 12 人, F009 号).
  if (/\d$/.test(before) && CJK.test(after[0]!)) return false;
  // English: a number goes with the word before it (counter 22, Number F001,).
  if (/\d/.test(after) && !CJK.test(before.at(-1)!)) return false;
  return true;
}

export function phrases(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    let cutAfter = false;
    if (ch === ' ') cutAfter = breaksAtSpace(text, i);
    else if ('，、。；：！？'.includes(ch)) cutAfter = next !== undefined && !'，、。；：！？）)”》」'.includes(next);
    else if (ch === '/') cutAfter = next !== undefined && next !== ' ' && i > 0 && text[i - 1] !== ' ';
    else if (next !== undefined && '（(“《「'.includes(next) && ch !== ' ' && !'（(“《「'.includes(ch)) cutAfter = true;
    if (cutAfter) {
      pieces.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

/**
 * The width in em of the widest piece: the box a line of this text needs at the least, for
 * `font-size: min(<size>, calc(<width> / var(--em)))` — each phrase then fits a line whole.
 */
export function widestPhraseEm(...texts: string[]): number {
  return Math.max(1, ...texts.flatMap((t) => phrases(t).map((p) => textWidthEm(p.trim()))));
}

/**
 * The width in em a free-text name (a hall's, a queue's, a 光荣榜 title) is sized by, for
 * `clamp(<floor>, calc(<width> / var(--em)), <size>)`: Chinese has no spaces to break at, so the
 * whole name, which then keeps one line down to the floor (and breaks between its phrases below
 * it); English wraps between words as readers expect, so only its widest word.
 */
export function fitEm(text: string): number {
  return CJK.test(text) ? textWidthEm(text) : widestPhraseEm(text);
}
