/**
 * 亮证亮照 on the screen above a window (pure): whom to show, and the words beside the photo.
 * Shown only where the hall turned on 窗口屏显示工作人员, and only while the window serves
 * (idle, calling or serving): a paused or closed window has nobody at it for the citizen.
 */
import type { ClerkRef, HallInfo, Window } from '../../../shared/schemas';
import type { Lang } from '../shared/i18n';
import { textWidthEm } from '../shared/textWidth';

export function shownClerk(hall: Pick<HallInfo, 'windowShowsClerk'> | undefined, w: Window | null): ClerkRef | null {
  if (hall?.windowShowsClerk !== true || w === null || w.clerk === undefined) return null;
  return w.state === 'open' || w.state === 'calling' || w.state === 'serving' ? w.clerk : null;
}

/** "工号 c01" / "Staff No. c01": the number the citizen quotes in a 好差评 or a complaint. */
export const staffNoText: Record<Lang, (username: string) => string> = {
  zh: (username) => `工号 ${username}`,
  en: (username) => `Staff No. ${username}`,
};

/** A 光荣榜 chip up to this wide (in em) fits the clerk's column as it is. */
const HONOR_ONE_LINE_EM = 8;

export interface HonorChip {
  /** One line, or two when the title has a "·" or a space to break at (the one nearest its middle). */
  lines: string[];
  /** Its widest line plus one em of padding, for `calc(<column> / var(--em))`. */
  em: number;
  /** One line wider than the column: the column widens for it (the number gives up a little room). */
  wide: boolean;
}

/**
 * How the title chip (★ 11月服务之星) sits under the 工号. The title is the manager's free text, so
 * it breaks only where it says so — at a "·" or a space near its middle; without one it keeps one
 * line (a 12-character 十一月岗位标兵服务先锋 split as 十一月岗位 / 标兵服务先锋 read as broken).
 */
/** A chip line's width in em: the ★ is full width in a CJK font (textWidthEm counts it as a Latin 0.6). */
const chipLineEm = (line: string): number => textWidthEm(line) + (line.startsWith('★') ? 0.4 : 0);

export function honorChip(title: string): HonorChip {
  const text = `★ ${title}`;
  const em = chipLineEm(text);
  if (em <= HONOR_ONE_LINE_EM) return { lines: [text], em: em + 1, wide: false };
  const chars = [...title];
  let best: { lines: [string, string]; em: number } | null = null;
  for (const [i, ch] of chars.entries()) {
    if (ch !== '·' && ch !== ' ') continue;
    const first = chars.slice(0, i).join('').replace(/[\s·]+$/u, '');
    const second = chars.slice(i + 1).join('').replace(/^[\s·]+/u, '');
    if (first === '' || second === '') continue;
    const lines: [string, string] = [`★ ${first}`, second];
    const widest = Math.max(...lines.map(chipLineEm));
    if (best === null || widest < best.em) best = { lines, em: widest };
  }
  return best === null ? { lines: [text], em: em + 1, wide: true } : { lines: best.lines, em: best.em + 1, wide: false };
}
