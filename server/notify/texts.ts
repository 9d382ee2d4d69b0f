/**
 * The SMS texts, pure: Chinese, short (one 70-character message for the demo hall's names; the
 * test measures them), signed with the hall's name in 【】 as SMS platforms require.
 */

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
