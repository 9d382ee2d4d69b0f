/**
 * The console's words of 取号机呼叫 (a citizen at a kiosk calling for staff), zh first and en key
 * for key. Kept beside the feature and picked by the console's locale, so the console's shared
 * dictionary is not touched.
 */
import type { Locale } from '../shared/i18n';

const zh = {
  alertTitle: (n: number) => `取号机呼叫（${n}）`,
  kioskNo: (no: number) => `自助取号机 ${no}`,
  kioskUnnamed: (tail: string) => `取号机 …${tail}`,
  ago: (m: number) => (m === 0 ? '刚刚' : `${m} 分钟前`),
  waiting: '群众在取号机前等候',
  take: '我去处理',
  resolve: '已处理',
  takenBy: (name: string) => `${name} 正在处理`,
  refused: '操作没有成功',
  conflict: '已有同事在处理这台取号机',
  titleFlag: '【取号机呼叫】',
  // The 统计 page's day.
  dayTitle: '取号机呼叫',
  dayHelp: '群众在自助取号机上按“呼叫工作人员”的记录：多久有人应答（我去处理，或直接已处理）。只按天统计。',
  rangeNote: '取号机呼叫只按天统计：请选一天查看。',
  total: '呼叫次数',
  answered: (n: number) => `已应答 ${n}`,
  median: '应答时间中位数',
  none: '—',
  empty: '这一天没有取号机呼叫。',
  colTime: '时间',
  colKiosk: '取号机',
  colStatus: '结果',
  colBy: '处理人',
  colAnswer: '应答用时',
  status: { open: '等待应答', acknowledged: '处理中', resolved: '已处理', cancelled: '群众已取消' } as Record<string, string>,
  loadFailed: '取号机呼叫没有读到，请稍后重试',
};

export type KioskHelpConsoleWords = typeof zh;

const en: KioskHelpConsoleWords = {
  alertTitle: (n: number) => `Kiosks calling (${n})`,
  kioskNo: (no: number) => `Kiosk ${no}`,
  kioskUnnamed: (tail: string) => `Kiosk …${tail}`,
  ago: (m: number) => (m === 0 ? 'just now' : `${m} min ago`),
  waiting: 'A citizen is waiting at the kiosk',
  take: "I'll go",
  resolve: 'Done',
  takenBy: (name: string) => `${name} is on it`,
  refused: 'That did not work',
  conflict: 'A colleague is already on the way to this kiosk',
  titleFlag: '[Kiosk calling] ',
  dayTitle: 'Kiosk calls',
  dayHelp: 'Citizens who pressed "Call staff" at a kiosk, and how soon someone answered ("I\'ll go", or done at once). Per day only.',
  rangeNote: 'Kiosk calls are counted per day: pick a day to see them.',
  total: 'Calls',
  answered: (n: number) => `${n} answered`,
  median: 'Median time to answer',
  none: '—',
  empty: 'No kiosk called for staff on this day.',
  colTime: 'Time',
  colKiosk: 'Kiosk',
  colStatus: 'Outcome',
  colBy: 'Handled by',
  colAnswer: 'Time to answer',
  status: { open: 'Waiting', acknowledged: 'Being handled', resolved: 'Done', cancelled: 'Withdrawn by the citizen' },
  loadFailed: 'Kiosk calls could not be read; try again shortly',
};

export const kioskHelpConsoleWords: Record<Locale, KioskHelpConsoleWords> = { zh, en };
