/**
 * Words on the citizen-facing screens, Chinese first. `?lang=` picks the mode of a screen:
 * - (default) `bi`: Chinese large, English smaller underneath where the layout has room;
 * - `zh`: Chinese only; `en`: English only.
 * Pure: no DOM, the app passes `location.search` in.
 */
import type { PauseReason, WindowState } from '../../../shared/schemas';

export type Lang = 'zh' | 'en';
export type LangMode = 'bi' | 'zh' | 'en';

export function parseLangMode(search: string): LangMode {
  const lang = new URLSearchParams(search).get('lang');
  return lang === 'en' || lang === 'zh' ? lang : 'bi';
}

const zh = {
  window: (no: number) => `${no}号窗口`,
  goToWindow: (no: number) => `请到 ${no}号窗口`,
  nowCalling: '正在叫号',
  recall: '重呼',
  recentCalls: '最近叫号',
  windows: '窗口',
  waiting: '等候人数',
  noOpenWindows: '暂无开放窗口',
  noCalls: '暂无叫号',
  idle: '空闲',
  calling: '请到本窗口',
  serving: '正在办理',
  paused: '暂停服务',
  closed: '未开放',
  pauseReason: { break: '休息中', meeting: '业务会议', system: '系统维护', other: '暂停' } as Record<PauseReason, string>,
  services: '办理业务',
  connecting: '正在连接…',
  offline: '连接中断，正在自动重连…',
  enableSound: '启用声音',
  enableSoundHint: '点击屏幕任意位置，开启叫号语音播报',
  defaultNotice: '请留意屏幕叫号与语音提示，听到叫号请到对应窗口办理。',
  unknownWindow: '窗口不存在',
  announcement: '广播通知',
  ticketHours: '取号时间',
  ticketingBefore: (at: string) => `${at} 开始取号`,
  ticketingPaused: (at: string) => `暂停取号，${at} 恢复`,
  ticketingEnded: '今日取号已结束',
  queueStopped: '今日停止取号',
};

export type Words = typeof zh;

const en: Words = {
  window: (no) => `Counter ${no}`,
  goToWindow: (no) => `Please go to counter ${no}`,
  nowCalling: 'Now calling',
  recall: 'Recall',
  recentCalls: 'Recent calls',
  windows: 'Counters',
  waiting: 'Waiting',
  noOpenWindows: 'No counter open',
  noCalls: 'No calls yet',
  idle: 'Available',
  calling: 'Please come here',
  serving: 'Serving',
  paused: 'Paused',
  closed: 'Closed',
  pauseReason: { break: 'On break', meeting: 'Meeting', system: 'Maintenance', other: 'Paused' },
  services: 'Services',
  connecting: 'Connecting…',
  offline: 'Connection lost, reconnecting…',
  enableSound: 'Enable sound',
  enableSoundHint: 'Click anywhere to turn on call announcements',
  defaultNotice: 'Please watch the screen and listen for your number.',
  unknownWindow: 'No such counter',
  announcement: 'Announcement',
  ticketHours: 'Ticket hours',
  ticketingBefore: (at) => `Numbers from ${at}`,
  ticketingPaused: (at) => `Numbers paused until ${at}`,
  ticketingEnded: 'No more numbers today',
  queueStopped: 'No more numbers today',
};

export const words: Record<Lang, Words> = { zh, en };

/** The language shown large, and the one shown small underneath (null: none). */
export interface Languages {
  main: Words;
  sub: Words | null;
  mainLang: Lang;
}

export function languages(mode: LangMode): Languages {
  if (mode === 'en') return { main: en, sub: null, mainLang: 'en' };
  if (mode === 'zh') return { main: zh, sub: null, mainLang: 'zh' };
  return { main: zh, sub: en, mainLang: 'zh' };
}

export function windowStateText(w: Words, state: WindowState): string {
  switch (state) {
    case 'closed':
      return w.closed;
    case 'paused':
      return w.paused;
    case 'calling':
      return w.calling;
    case 'serving':
      return w.serving;
    case 'open':
      return w.idle;
  }
}

/**
 * A window's own name ("公积金窗口", "Housing Fund desk"), or null when the name only repeats its
 * number ("3号窗口", "Window 3", "Counter 3"): shown beside "请到 3号窗口" it would say nothing new.
 */
export function ownWindowName(name: string, no: number): string | null {
  return new RegExp(`^(${no}号窗口|(Window|Counter) ${no})$`).test(name.trim()) ? null : name;
}

/** Why a window is paused, when that says more than "paused". */
export function pauseReasonText(w: Words, reason: PauseReason | undefined): string | null {
  return reason === undefined || reason === 'other' ? null : w.pauseReason[reason];
}
