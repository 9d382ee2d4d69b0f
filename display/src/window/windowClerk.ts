/**
 * 亮证亮照 on the screen above a window (pure): whom to show, and the words beside the photo.
 * Shown only where the hall turned on 窗口屏显示工作人员, and only while the window serves
 * (idle, calling or serving): a paused or closed window has nobody at it for the citizen.
 */
import type { ClerkRef, HallInfo, Window } from '../../../shared/schemas';
import type { Lang } from '../shared/i18n';

export function shownClerk(hall: Pick<HallInfo, 'windowShowsClerk'> | undefined, w: Window | null): ClerkRef | null {
  if (hall?.windowShowsClerk !== true || w === null || w.clerk === undefined) return null;
  return w.state === 'open' || w.state === 'calling' || w.state === 'serving' ? w.clerk : null;
}

/** "工号 c01" / "Staff No. c01": the number the citizen quotes in a 好差评 or a complaint. */
export const staffNoText: Record<Lang, (username: string) => string> = {
  zh: (username) => `工号 ${username}`,
  en: (username) => `Staff No. ${username}`,
};
