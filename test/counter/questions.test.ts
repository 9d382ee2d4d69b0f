/** 问题反映 in the apps, pure: the panel's 常见问题 by matter and words, and the console's audit lines in both languages. */
import { describe, expect, it } from 'vitest';
import { describeAudit } from '../../counter/src/admin/logic/audit';
import { i18n as adminI18n, t as adminT } from '../../counter/src/admin/text';
import { faqOf } from '../../counter/src/clerk/store/questions';
import type { AuditEntry } from '../../shared/admin';
import type { Faq } from '../../shared/questions';

const faq: Faq[] = [
  { id: 'a', text: '个体户变更要不要原件？', matterId: 'A-01', matterName: '企业设立登记', answer: '要原件，核验后退还。', answeredAt: '2026-11-30T02:00:00.000Z' },
  { id: 'b', text: '社保转移材料清单变了吗？', matterId: 'H-01', matterName: '跨省通办', answer: '没变。', answeredAt: '2026-11-30T01:00:00.000Z' },
  { id: 'c', text: 'Stamp on a copy?', answer: 'Yes, "Same as the original".', answeredAt: '2026-11-30T00:00:00.000Z' },
];

describe('常见问题 on the panel', () => {
  it.each([
    [undefined, '', ['a', 'b', 'c']],
    ['A-01', '', ['a']],
    ['E-01', '', []],
    [undefined, '原件', ['a']],
    [undefined, '原件 退还', ['a']],
    [undefined, '原件 社保', []],
    [undefined, '跨省', ['b']],
    [undefined, 'STAMP', ['c']],
    ['A-01', '社保', []],
  ] as const)('matter %s, words %j', (matterId, q, want) => {
    expect(faqOf(faq, matterId, q).map((f) => f.id)).toEqual(want);
  });
});

describe('疑难问题 audit lines', () => {
  const entry = (type: string, text: string): AuditEntry => ({ id: 1, seq: 0, at: '2026-11-30T01:00:00.000Z', actor: { id: 'm' }, type, data: { before: null, after: { id: 'q1', text, status: 'open', published: false } } });
  const words = { overflow: '溢出', settingName: (k: string) => k, pauseReason: (r: string) => r };

  it.each([
    ['QuestionAsked', '提问：个体户变更要不要原件？', 'Asked: 个体户变更要不要原件？'],
    ['QuestionAnswered', '答复问题：个体户变更要不要原件？', 'Answered a question: 个体户变更要不要原件？'],
    ['QuestionAnswerEdited', '修改答复：个体户变更要不要原件？', 'Changed an answer: 个体户变更要不要原件？'],
    ['QuestionPublished', '收入常见问题：个体户变更要不要原件？', 'Added to the FAQ: 个体户变更要不要原件？'],
    ['QuestionUnpublished', '取消公开常见问题：个体户变更要不要原件？', 'Removed from the FAQ: 个体户变更要不要原件？'],
    ['QuestionWithdrawn', '撤回问题：个体户变更要不要原件？', 'Withdrew a question: 个体户变更要不要原件？'],
  ])('%s', (type, zh, en) => {
    const d = describeAudit(entry(type, '个体户变更要不要原件？'), words);
    expect(adminT(d.key, d.params)).toBe(zh);
    adminI18n.setLocale('en');
    try {
      expect(adminT(d.key, d.params)).toBe(en);
    } finally {
      adminI18n.setLocale('zh');
    }
  });

  it('a long question is shortened in the log', () => {
    const d = describeAudit(entry('QuestionAsked', '问'.repeat(60)), words);
    expect(d.params.text).toBe(`${'问'.repeat(40)}…`);
  });
});
