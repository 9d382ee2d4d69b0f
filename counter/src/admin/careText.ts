/** The words of 关怀提醒 on the live board (CareAlerts.vue), zh first and en key for key; merged into the console's dictionary. */
export const careZh = {
  'care.title': '关怀提醒',
  'care.hint': '今天遇到现场秩序求助、收到差评或长时间未休息的窗口人员。抽空过去聊几句、替岗让其休息一下；标记“已关心”后，再有新情况会重新提醒。仅管理人员可见。',
  'care.window': '{no}号窗口',
  'care.conduct': '现场秩序求助 {n} 次',
  'care.complaint': '差评 {n} 条',
  'care.stretch': '已连续工作 {h} 小时 {m} 分',
  'care.last': '最近 {time}',
  'care.mark': '已关心',
  'care.notePlaceholder': '做了什么（可选），如：已谈心，安排替岗休息 15 分钟',
  'care.confirm': '确认',
  'care.cancel': '取消',
  'care.cared': '已关心 · {time} · {by}',
  'care.settled': '已关心 {n} 人',
  'care.failed': '未能保存，请重试',
  'care.username': '（{username}）',
  'care.said': '：{note}',
} as const;

export const careEn: Record<keyof typeof careZh, string> = {
  'care.title': 'Staff care',
  'care.hint':
    'Window staff who today called for help with an agitated citizen, got a poor rating, or have gone long without a break. Drop by for a word, or cover their window for a short rest; once marked “Looked after”, anything new brings them back. Managers only.',
  'care.window': 'Window {no}',
  'care.conduct': '{n} call(s) for help with an agitated citizen',
  'care.complaint': '{n} poor rating(s)',
  'care.stretch': '{h} h {m} min without a break',
  'care.last': 'latest {time}',
  'care.mark': 'Looked after',
  'care.notePlaceholder': 'What was done (optional), e.g. talked it through, covered 15 min for a rest',
  'care.confirm': 'Confirm',
  'care.cancel': 'Cancel',
  'care.cared': 'Looked after · {time} · {by}',
  'care.settled': '{n} looked after',
  'care.failed': 'Not saved, please try again',
  'care.username': ' ({username})',
  'care.said': ': {note}',
};
