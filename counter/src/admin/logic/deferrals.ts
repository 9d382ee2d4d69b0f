/**
 * The 容缺台账 page in words (pure): a record's state as shown, and the CSV the 导出台账 button
 * writes (UTF-8 with a BOM, times in the hall's zone, cells safe from formula injection).
 */
import type { Deferral } from '../../../../shared/deferral';
import type { HallFormat } from '../../shared/hallTime';
import type { TextKey } from '../text';
import { toCsv } from './statsCsv';

type Translate = (key: TextKey, params?: Record<string, string | number>) => string;

/** 待补齐, 逾期 N 天, 已补齐, 已撤销. */
export function stateText(d: Pick<Deferral, 'state' | 'overdueDays'>, t: Translate): string {
  return d.state === 'overdue' ? t('deferral.state.overdue', { n: d.overdueDays }) : t(`deferral.state.${d.state}`);
}

/**
 * The 提醒短信 cell: each 补齐提醒 written (到期前提醒 / 逾期提醒) with its time and how the outbox
 * fared; none yet: 未发送, or 未留手机 when there is no number to text.
 */
export function reminderParts(d: Pick<Deferral, 'reminders' | 'phone'>, t: Translate, time: HallFormat): { label: string; detail: string; failed: boolean }[] {
  if (d.reminders?.length) {
    return d.reminders.map((r) => ({ label: t(`deferral.reminder.${r.step}`), detail: `${time(r.at)} ${t(`deferral.reminder.sms.${r.sms}`)}`, failed: r.sms === 'failed' }));
  }
  return [{ label: t(d.phone ? 'deferral.reminder.none' : 'deferral.reminder.noPhone'), detail: '', failed: false }];
}

/** The same as one line per text (the CSV). */
export const reminderLines = (d: Pick<Deferral, 'reminders' | 'phone'>, t: Translate, time: HallFormat): string[] =>
  reminderParts(d, t, time).map((p) => (p.detail ? `${p.label} ${p.detail}` : p.label));

/** One row per record, in the page's order, with who closed it and why (撤销), and its 提醒短信. */
export function deferralCsv(items: readonly Deferral[], t: Translate, time: HallFormat, sep: string): string {
  const head = [
    t('deferral.col.created'),
    t('deferral.col.number'),
    t('deferral.col.matter'),
    t('deferral.col.missing'),
    t('deferral.col.deadline'),
    t('deferral.col.applicant'),
    t('deferral.csv.phone'),
    t('deferral.col.clerk'),
    t('deferral.csv.window'),
    t('deferral.col.status'),
    t('deferral.csv.closedBy'),
    t('deferral.csv.closedAt'),
    t('deferral.cancelReason'),
    t('deferral.col.reminder'),
  ];
  const rows = items.map((d) => [
    time(d.createdAt),
    d.ticketNumber,
    d.matterName,
    d.missing.join(sep),
    d.deadline,
    d.name,
    d.phone,
    d.clerk.name,
    d.windowNo,
    stateText(d, t),
    d.closedBy?.name,
    d.closedAt === undefined ? undefined : time(d.closedAt),
    d.cancelReason,
    reminderLines(d, t, time).join(sep),
  ]);
  return toCsv([head, ...rows]);
}
