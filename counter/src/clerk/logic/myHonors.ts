/**
 * 我的荣誉 (the clerk's own titles on the 光荣榜, shared/honors.ts), pure: one quiet line,
 * "2026年10月服务之星、2026年9月岗位标兵", the newest first; the same title given twice in a year
 * once; empty when there are none (the panel then shows nothing).
 */
import type { MyHonor } from '../../../../shared/honors';

type Translate = (key: 'honors.item' | 'honors.separator', params?: Record<string, string>) => string;

export function myHonorsLine(honors: readonly MyHonor[], t: Translate): string {
  const items: string[] = [];
  for (const h of honors) {
    const item = t('honors.item', { year: h.from.slice(0, 4), title: h.title });
    if (!items.includes(item)) items.push(item);
  }
  return items.join(t('honors.separator'));
}
