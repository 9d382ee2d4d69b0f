/** The 容缺台账 in words, pure: a record's state, the CSV export, and the audit log's lines. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import type { Deferral } from '../../shared/deferral';
import { describeAudit } from '../../counter/src/admin/logic/audit';
import { deferralCsv, reminderLines, stateText } from '../../counter/src/admin/logic/deferrals';
import { hallDateTime, hallDayTime } from '../../counter/src/shared/hallTime';
import { t } from '../../counter/src/admin/text';

const rec: Deferral = {
  id: 'd1',
  ticketId: 't1',
  ticketNumber: 'E001',
  matterId: 'E-02',
  matterName: '医保异地就医备案',
  missing: ['异地居住证明', '照片'],
  serviceDay: '2026-11-30',
  days: 5,
  deadline: '2026-12-05',
  name: '张三',
  phone: '13812345678',
  clerk: { id: 'u1', name: '窗口人员03' },
  windowNo: 3,
  createdAt: '2026-11-30T01:00:00.000Z',
  status: 'pending',
  state: 'overdue',
  overdueDays: 2,
};

describe('容缺台账 words', () => {
  it.each([
    ['pending', 0, '待补齐'],
    ['overdue', 4, '逾期 4 天'],
    ['done', 0, '已补齐'],
    ['cancelled', 0, '已撤销'],
  ] as const)('%s → %s', (state, overdueDays, want) => {
    expect(stateText({ state, overdueDays }, t)).toBe(want);
  });

  it('exports one CSV row per record, in the hall zone, safe from formulas', () => {
    const closed: Deferral = {
      ...rec,
      id: 'd2',
      name: '=HYPERLINK()',
      status: 'cancelled',
      state: 'cancelled',
      overdueDays: 0,
      closedBy: { id: 'm', name: '管理员' },
      closedAt: '2026-12-01T08:30:00.000Z',
      cancelReason: '放弃, 不办了',
      reminders: [{ step: 'before', at: '2026-12-04T01:00:00.000Z', sms: 'sent' }],
    };
    const csv = deferralCsv([rec, closed], t, hallDateTime('Asia/Shanghai'), '、');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toEqual([
      '受理时间,号码,事项,待补材料,补齐期限,申请人,联系电话,经办,窗口,状态,办结人,办结时间,撤销原因,提醒短信',
      '2026/11/30 09:00,E001,医保异地就医备案,异地居住证明、照片,2026-12-05,张三,13812345678,窗口人员03,3,逾期 2 天,,,,未发送',
      "2026/11/30 09:00,E001,医保异地就医备案,异地居住证明、照片,2026-12-05,'=HYPERLINK(),13812345678,窗口人员03,3,已撤销,管理员,2026/12/01 16:30,\"放弃, 不办了\",到期前提醒 2026/12/04 09:00 已发送",
    ]);
  });

  it.each([
    ['no phone', { phone: '' }, ['未留手机']],
    ['a phone, nothing due yet', {}, ['未发送']],
    ['the text before, sent', { reminders: [{ step: 'before', at: '2026-12-04T01:00:00.000Z', sms: 'sent' }] }, ['到期前提醒 12/04 09:00 已发送']],
    [
      'both, the second failed',
      {
        reminders: [
          { step: 'before', at: '2026-12-04T01:00:00.000Z', sms: 'sent' },
          { step: 'overdue', at: '2026-12-07T01:05:00.000Z', sms: 'failed' },
        ],
      },
      ['到期前提醒 12/04 09:00 已发送', '逾期提醒 12/07 09:05 发送失败'],
    ],
    ['waiting (the gateway retrying, or none configured)', { reminders: [{ step: 'overdue', at: '2026-12-07T01:05:00.000Z', sms: 'pending' }] }, ['逾期提醒 12/07 09:05 待发送']],
  ] as const)('提醒短信: %s', (_n, over, want) => {
    expect(reminderLines({ ...rec, ...over } as Deferral, t, hallDayTime('Asia/Shanghai'))).toEqual(want);
  });

  it('names the number, matter, deadline and reason in the audit log', () => {
    const entry = (type: string, after: object): AuditEntry => ({ id: 1, at: '2026-11-30T01:00:00.000Z', seq: 1, actor: { id: 'u1', name: '窗口人员03' }, type, data: { type, before: null, after } });
    const words = { overflow: '溢出', settingName: (k: string) => k, pauseReason: (r: string) => r };
    expect(describeAudit(entry('DeferralAccepted', { ticketNumber: 'E001', matterName: '医保异地就医备案', deadline: '2026-12-05' }), words)).toEqual({
      key: 'audit.DeferralAccepted',
      params: { number: 'E001', matter: '医保异地就医备案', deadline: '2026-12-05', reason: '—' },
    });
    const line = describeAudit(entry('DeferralCancelled', { ticketNumber: 'E001', matterName: 'X', cancelReason: '群众放弃' }), words);
    expect(t(line.key, line.params)).toBe('撤销 E001 的「X」容缺受理：群众放弃');
  });
});
