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

/** A 光荣榜 chip wider than this (in em) goes on two lines: on one, a 12-character title shrank to 9 px at 800×480. */
const HONOR_ONE_LINE_EM = 8;

/**
 * How the title chip (★ 11月服务之星) sits under the 工号: its lines and the width in em it is
 * sized by (its widest line plus one em of padding), for `calc(<column> / var(--em))`.
 */
export function honorChip(title: string): { lines: 1 | 2; em: number } {
  const em = textWidthEm(`★ ${title}`);
  return em <= HONOR_ONE_LINE_EM ? { lines: 1, em: em + 1 } : { lines: 2, em: Math.ceil(em / 2) + 1 };
}
