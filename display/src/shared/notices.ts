/**
 * The hall's notices in a screen's language. `noticesEn` (an extension beside `notices`) holds
 * the English of each notice by index; a notice without English, or a snapshot of a server
 * older than it, shows its Chinese: a notice is better read in Chinese than not shown.
 */
import type { HallInfo, HonorView } from '../../../shared/schemas';
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

/**
 * 光荣榜 as one line of the notice ticker: the titles in the manager's order, each with its
 * people (`★ 光荣榜　11月服务之星：张三、王五　岗位标兵：李四`); null when the roll is empty. Titles
 * and names are the hall's own words, so an English screen reads them as they are.
 */
export function honorsLine(hall: Pick<HallInfo, 'honors'> | null | undefined, lang: Lang | 'bi'): string | null {
  const honors: readonly HonorView[] = hall?.honors ?? [];
  if (honors.length === 0) return null;
  const byTitle = new Map<string, string[]>();
  for (const h of honors) byTitle.set(h.title, [...(byTitle.get(h.title) ?? []), h.name]);
  const english = lang === 'en';
  const parts = [...byTitle].map(([title, names]) => (english ? `${title}: ${names.join(', ')}` : `${title}：${names.join('、')}`));
  const label = lang === 'zh' ? '光荣榜' : lang === 'en' ? 'Honour roll' : '光荣榜 Honour roll';
  return `★ ${label}　${parts.join('　')}`;
}
