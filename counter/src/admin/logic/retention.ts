/** The 个人信息保护 group's figures in words (pure): which records a clean-up touches, as a list. */
import type { RetentionCounts } from '../../../../shared/citizen';

export const RETENTION_KINDS = ['appointments', 'pardons', 'sms', 'ticketPhones', 'idCards', 'deferrals'] as const satisfies readonly (keyof RetentionCounts)[];
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export const retentionTotal = (c: RetentionCounts): number => RETENTION_KINDS.reduce((n, k) => n + c[k], 0);

/** "预约 3 条、短信 5 条": the kinds that have any, in a fixed order; '' when none has. */
export function retentionList(c: RetentionCounts, word: (kind: RetentionKind, n: number) => string, sep: string): string {
  return RETENTION_KINDS.filter((k) => c[k] > 0)
    .map((k) => word(k, c[k]))
    .join(sep);
}

/** What the audit log holds for a clean-up (`after` of PersonalDataPurged), read defensively. */
export function retentionCountsOf(v: unknown): RetentionCounts {
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  const n = (x: unknown): number => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : 0);
  return { appointments: n(o.appointments), pardons: n(o.pardons), sms: n(o.sms), ticketPhones: n(o.ticketPhones), idCards: n(o.idCards), deferrals: n(o.deferrals) };
}
