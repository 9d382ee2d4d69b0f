/** The 个人信息保护 group's words (counter/src/admin/logic/retention.ts) and its audit line, pure. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import { describeAudit } from '../../counter/src/admin/logic/audit';
import { retentionCountsOf, retentionList, retentionTotal, type RetentionKind } from '../../counter/src/admin/logic/retention';
import { interpolate } from '../../counter/src/shared/i18n';
import { adminZh } from '../../counter/src/admin/text';

const none = { appointments: 0, pardons: 0, sms: 0, ticketPhones: 0, idCards: 0, deferrals: 0 };
const zh = (kind: RetentionKind, n: number) => interpolate(adminZh[`privacy.count.${kind}`], { n });

describe('retention figures in words', () => {
  it.each([
    [none, 0, ''],
    [{ ...none, sms: 5 }, 5, '短信 5 条'],
    [{ appointments: 3, pardons: 1, sms: 5, ticketPhones: 2, idCards: 0, deferrals: 0 }, 11, '预约 3 条、爽约解除 1 条、短信 5 条、散客手机号 2 个'],
    [{ ...none, ticketPhones: 1, appointments: 2 }, 3, '预约 2 条、散客手机号 1 个'],
  ])('%j → %i, "%s"', (counts, total, words) => {
    expect(retentionTotal(counts)).toBe(total);
    expect(retentionList(counts, zh, '、')).toBe(words);
  });

  it('reads a logged clean-up defensively', () => {
    expect(retentionCountsOf({ cutoff: '2026-06-03', keptDays: 180, appointments: 2, sms: 1, pardons: -1, ticketPhones: 'x' })).toEqual({ ...none, appointments: 2, sms: 1 });
    expect(retentionCountsOf(null)).toEqual(none);
  });

  it('the audit log says how many records lost their names and phones, and from before which day', () => {
    const e: AuditEntry = {
      id: 1,
      seq: 1,
      at: '2027-06-01T01:00:00.000Z',
      actor: { id: 'system' },
      type: 'PersonalDataPurged',
      data: { type: 'PersonalDataPurged', before: null, after: { cutoff: '2026-12-03', keptDays: 180, appointments: 40, pardons: 1, sms: 80, ticketPhones: 0 } },
    };
    const line = describeAudit(e, { overflow: '溢出', settingName: (k) => k, pauseReason: (r) => r });
    expect(line).toEqual({ key: 'audit.PersonalDataPurged', params: { cutoff: '2026-12-03', n: 121 } });
    expect(interpolate(adminZh['audit.PersonalDataPurged'], line.params)).toBe('清理个人信息：隐去 2026-12-03 之前 121 条记录中的姓名和手机号');
  });
});
