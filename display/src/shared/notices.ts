/**
 * The hall's notices in a screen's language. `noticesEn` (an extension beside `notices`) holds
 * the English of each notice by index; a notice without English, or a snapshot of a server
 * older than it, shows its Chinese: a notice is better read in Chinese than not shown.
 */
import type { HallInfo } from '../../../shared/schemas';
import type { Lang } from './i18n';

export function noticesIn(hall: Pick<HallInfo, 'notices' | 'noticesEn'> | null | undefined, lang: Lang | 'bi'): string[] {
  if (!hall) return [];
  if (lang === 'zh') return [...hall.notices];
  return hall.notices.map((zh, i) => {
    const en = hall.noticesEn?.[i]?.trim();
    if (!en) return zh;
    // A bilingual wall (the default) reads each notice in Chinese, then its English on the same line.
    return lang === 'bi' ? `${zh}　${en}` : en;
  });
}
