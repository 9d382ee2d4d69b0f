/**
 * The SMS texts, pure: Chinese, short (one 70-character message for the demo hall's names; the
 * test measures them), signed with the hall's name in 【】 as SMS platforms require.
 */
import type { AssistKindName } from '../../shared/assistKinds';

/** 2026-12-01 → 12月1日 */
function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export interface AppointmentFacts {
  hall: string;
  date: string;
  slot: string;
  queue: string;
  code: string;
}

/** 预约成功: when, where and the code to type at the kiosk. */
export function bookedText(a: AppointmentFacts): string {
  return `【${a.hall}】预约成功：${monthDay(a.date)} ${a.slot} ${a.queue}，签到码 ${a.code}，请按时到大厅签到。`;
}

/** The reminder the day before. */
export function reminderText(a: AppointmentFacts): string {
  return `【${a.hall}】提醒：您预约了明天（${monthDay(a.date)}）${a.slot} ${a.queue}，签到码 ${a.code}。如不能前来请提前取消。`;
}

/** 快到您了: the same words as the phone page's heads-up. */
export function nearTurnText(n: { hall: string; number: string; ahead: number }): string {
  const ahead = n.ahead === 0 ? '前面已没有人等候' : `前面还有 ${n.ahead} 人`;
  return `【${n.hall}】快到您了：${n.number} 号${ahead}，请回到大厅留意叫号。`;
}

/** 轮到您了: the call, as the wall speaks it (请 A012 号到 3 号窗口办理). */
export function calledText(c: { hall: string; number: string; windowNo: number }): string {
  return `【${c.hall}】轮到您了：${c.number} 号请到 ${c.windowNo} 号窗口办理。`;
}

/**
 * 容缺受理's 补齐提醒 to the applicant: what is still missing and by when (`before`), or that the
 * day has passed (`overdue`). The missing list whole (two messages when long: each material
 * matters more than the bill); the sheet's own words for what happens after the deadline.
 */
export function deferralText(d: { hall: string; serviceDay: string; matter: string; missing: readonly string[]; deadline: string; step: 'before' | 'overdue' }): string {
  const what = `您于${monthDay(d.serviceDay)}容缺受理的「${d.matter}」尚缺：${d.missing.join('、')}`;
  return d.step === 'before'
    ? `【${d.hall}】${what}，请于${monthDay(d.deadline)}前携带告知承诺书到任一综合窗口补齐，逾期将按规定终止办理。`
    : `【${d.hall}】${what}，补齐期限${monthDay(d.deadline)}已过，请尽快携带告知承诺书到任一综合窗口补齐，否则将按规定终止办理。`;
}

/** One SMS: longer texts are split (and billed) in two by most platforms. */
export const SMS_ONE_MESSAGE = 70;

/** The 求助 kinds as the duty manager reads them (the clerk panel's words). */
export const ASSIST_KIND_ZH: Record<AssistKindName, string> = {
  question: '业务疑难',
  conduct: '现场秩序',
  equipment: '设备故障',
  other: '其他',
};

/**
 * 求助 nobody answered, to a duty manager: which window, what kind, the clerk's note as far as it
 * fits one message (clipped with …; dropped when not even a character fits), how long it waited.
 */
/** `leader`: the second tier (分管领导), told that the duty managers have not answered either. */
export function assistText(a: { hall: string; windowNo: number; kind: AssistKindName; note: string; minutes: number; leader?: boolean }): string {
  const build = (what: string) =>
    a.leader
      ? `【${a.hall}】求助：${a.windowNo} 号窗口（${what}）已等 ${a.minutes} 分钟，值班长仍未响应，请协调处理。`
      : `【${a.hall}】求助：${a.windowNo} 号窗口（${what}）已等 ${a.minutes} 分钟无人响应，请尽快前往。`;
  const kind = ASSIST_KIND_ZH[a.kind];
  // One line of text: a note typed with line breaks or runs of spaces reads as one.
  const note = a.note.replace(/\s+/g, ' ').trim();
  if (note === '') return build(kind);
  const room = SMS_ONE_MESSAGE - build(`${kind}：`).length;
  if (room < 2) return build(kind);
  return build(`${kind}：${clip(note, room)}`);
}

/**
 * At most `room` UTF-16 units (what a Chinese SMS counts: an emoji takes two), ending in … when
 * cut; never half a character.
 */
function clip(s: string, room: number): string {
  if (s.length <= room) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > room - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** 扫码取号's code: the digits first (phones offer to copy them), what it is for, how long it lasts. */
export function verifyText(v: { hall: string; code: string; minutes: number }): string {
  return `【${v.hall}】验证码 ${v.code}，用于手机取号，${v.minutes} 分钟内有效。如非本人操作，请忽略本短信。`;
}

/**
 * 排队预警 to a duty manager: which queue, how many wait, the longest wait against the target, and
 * the board's 调度建议 when it has one (which window could take the queue as overflow) — no
 * citizen's data. A queue name too long for one message is clipped with … (its letter stays).
 */
export function queueAlertText(a: { hall: string; code: string; queue: string; waiting: number; minutes: number; target: number; windowNo?: number | undefined }): string {
  const advice = a.windowNo !== undefined ? `建议：${a.windowNo} 号窗口兼办 ${a.code}。` : '请到场调度。';
  const build = (name: string) => `【${a.hall}】排队预警：${name ? `${a.code} ${name}` : a.code} 等候 ${a.waiting} 人，最长已等 ${a.minutes} 分钟（目标 ${a.target} 分钟）。${advice}`;
  const room = SMS_ONE_MESSAGE - build('').length - 1;
  return build(a.queue.length <= room ? a.queue : room >= 2 ? clip(a.queue, room) : '');
}
