/** The words of 调度建议 on the live board (BoardSuggestions.vue), zh first and en key for key; merged into the console's dictionary. */
export const suggestZh = {
  'suggest.title': '调度建议',
  'suggest.crowded': '{code} {name}：{waiting} 人等候，最长已等 {minutes} 分钟（目标 {target} 分钟）',
  'suggest.offer': '可让 {window}（{clerk}）兼办 {code}',
  'suggest.calm': '该窗口自己的队列无人等候',
  'suggest.load': '该窗口自己的队列约 {n} 人等候',
  'suggest.apply': '让它兼办',
  // The button's name starts with its visible words (a voice command says what it sees: WCAG 2.5.3).
  'suggest.applyLabel': '让它兼办：{window} 把 {code} 加为溢出队列',
  'suggest.dismiss': '暂不',
  'suggest.applying': '正在调整…',
  'suggest.applied': '{window} 已兼办 {code}（溢出队列，下一次叫号起生效）',
  'suggest.failed': '调整失败：{reason}',
  'suggest.help':
    '兼办＝加为溢出队列：窗口仍先叫自己的队列，自己的没人等候、或该队列等候超过目标时，才叫该队列的号。高峰过后可在「窗口与队列」中移除。“暂不”的建议 15 分钟内不再提出。',
} as const;

export const suggestEn: Record<keyof typeof suggestZh, string> = {
  'suggest.title': 'Suggestions',
  'suggest.crowded': '{code} {name}: {waiting} waiting, the longest for {minutes} min (target {target} min)',
  'suggest.offer': '{window} ({clerk}) could take {code} too',
  'suggest.calm': 'nobody waits in its own queues',
  'suggest.load': 'about {n} waiting in its own queues',
  'suggest.apply': 'Add as overflow',
  'suggest.applyLabel': 'Add as overflow: {code} to {window}',
  'suggest.dismiss': 'Not now',
  'suggest.applying': 'Applying…',
  'suggest.applied': '{window} now takes {code} too (overflow, from its next call)',
  'suggest.failed': 'Not applied: {reason}',
  'suggest.help':
    'Overflow: the window still calls its own queues first, and calls this one when its own are empty or this one waits past its target. Remove it under "Windows & queues" after the rush. A suggestion put off with "Not now" is not made again for 15 minutes.',
};
