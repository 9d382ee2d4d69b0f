/** The words of a list of dates on the console (DateChips: 作息时间's 节假日 and 调休上班, 预约's 休息日), zh first and en key for key; merged into the console's dictionary. */
export const datesZh = {
  'dates.remove': '删除 {date}',
  'dates.err.date': '请选择日期',
  'dates.err.listed': '{date} 已在列表中',
  'dates.err.max': '最多 {max} 个日期',
} as const;

export const datesEn: Record<keyof typeof datesZh, string> = {
  'dates.remove': 'Remove {date}',
  'dates.err.date': 'Choose a date',
  'dates.err.listed': '{date} is listed already',
  'dates.err.max': 'At most {max} dates',
};
