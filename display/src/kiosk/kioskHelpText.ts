/**
 * Words of 自助机呼叫工作人员 on the kiosk (the citizen's help strip) and on the guide desk (the list
 * of kiosks asking), Chinese first, English key for key.
 */
import type { Lang } from '../shared/i18n';

const zh = {
  // The kiosk: large and plain, for the elderly first.
  call: '需要帮助？呼叫工作人员',
  callHint: '按一下，工作人员会到这台机器前帮您',
  calling: '正在呼叫…',
  waiting: '已通知工作人员，请在此稍候',
  coming: '工作人员正在赶来',
  comingNamed: (name: string) => `工作人员 ${name} 正在赶来`,
  since: (m: number) => (m === 0 ? '刚刚呼叫' : `已呼叫 ${m} 分钟`),
  withdraw: '不需要了',
  failed: '呼叫没有发出，请再按一次，或向大厅工作人员招手',
  // The guide desk (and its sound).
  deskTitle: (n: number) => `取号机呼叫（${n}）`,
  deskNone: '现在没有取号机在呼叫',
  kioskNo: (no: number) => `自助取号机 ${no}`,
  kioskUnnamed: (tail: string) => `取号机 …${tail}`,
  ago: (m: number) => (m === 0 ? '刚刚' : `${m} 分钟前`),
  take: '我去处理',
  resolve: '已处理',
  takenBy: (name: string) => `${name} 正在处理`,
  deskOffline: '连接中断，取号机呼叫暂不能更新',
  refused: '操作没有成功',
  conflict: '已有同事在处理这台取号机',
  titleFlag: '【取号机呼叫】',
};

export type KioskHelpWords = typeof zh;

const en: KioskHelpWords = {
  call: 'Need help? Call staff',
  callHint: 'Press once and a member of staff will come to this machine',
  calling: 'Calling…',
  waiting: 'Staff have been told. Please wait here',
  coming: 'Staff are on the way',
  comingNamed: (name: string) => `${name} is on the way`,
  since: (m: number) => (m === 0 ? 'Called just now' : `Called ${m} min ago`),
  withdraw: 'No longer needed',
  failed: 'The call did not go out. Please press again, or wave to a member of staff',
  deskTitle: (n: number) => `Kiosks calling (${n})`,
  deskNone: 'No kiosk is calling now',
  kioskNo: (no: number) => `Kiosk ${no}`,
  kioskUnnamed: (tail: string) => `Kiosk …${tail}`,
  ago: (m: number) => (m === 0 ? 'just now' : `${m} min ago`),
  take: "I'll go",
  resolve: 'Done',
  takenBy: (name: string) => `${name} is on it`,
  deskOffline: 'Connection lost: kiosk calls cannot update',
  refused: 'That did not work',
  conflict: 'A colleague is already on the way to this kiosk',
  titleFlag: '[Kiosk calling] ',
};

export const kioskHelpWords: Record<Lang, KioskHelpWords> = { zh, en };
