/**
 * 关怀提醒 on the board, pure: an item's hard moments as the words a manager reads
 * ("现场秩序求助 1 次 · 差评 2 条 · 已连续工作 2 小时 5 分"), and the split the panel shows —
 * open items in full, settled ones counted under them.
 */
import type { CareItem, CareSignal } from '../../../../shared/care';

export type Translate = (key: 'care.conduct' | 'care.complaint' | 'care.stretch', params: Record<string, string | number>) => string;

export function signalWords(s: CareSignal, t: Translate): string {
  switch (s.kind) {
    case 'conduct':
      return t('care.conduct', { n: s.count });
    case 'complaint':
      return t('care.complaint', { n: s.count });
    case 'stretch': {
      const m = s.minutes ?? 0;
      return t('care.stretch', { h: Math.floor(m / 60), m: m % 60 });
    }
  }
}

export const itemWords = (item: CareItem, t: Translate): string => item.signals.map((s) => signalWords(s, t)).join(' · ');

/** The latest moment of an item (ISO), for "最近 14:05". */
export const latestOf = (item: CareItem): string => item.signals.map((s) => s.lastAt).reduce((a, b) => (a > b ? a : b), '');

export function splitCare(items: readonly CareItem[]): { open: CareItem[]; settled: CareItem[] } {
  return { open: items.filter((i) => !i.settled), settled: items.filter((i) => i.settled) };
}
