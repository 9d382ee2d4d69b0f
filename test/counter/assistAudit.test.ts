import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import { assistEn, assistZh } from '../../counter/src/shared/assistText';
import { describeAudit } from '../../counter/src/admin/logic/audit';

const entry = (type: string, after: unknown): AuditEntry => ({
  id: 1,
  seq: 1,
  at: '2026-11-30T01:00:00.000Z',
  actor: { id: 'c09', username: 'c09', name: '张三' },
  type,
  data: { type, before: null, after },
});

describe('求助 in the audit log', () => {
  const words = { overflow: '溢出', settingName: (k: string) => k, pauseReason: (r: string) => r, assistKind: (k: string) => `<${k}>` };
  const asked = { windowNo: 9, kind: 'conduct', outcome: '' };

  it.each([
    ['AssistRaised', asked, { no: '9', kind: '<conduct>', outcome: '—' }],
    ['AssistAcknowledged', asked, { no: '9', kind: '<conduct>', outcome: '—' }],
    ['AssistResolved', { ...asked, outcome: '已向群众解释政策，群众表示理解，补齐材料后再来办理，窗口继续正常服务' }, { no: '9', kind: '<conduct>', outcome: '已向群众解释政策，群众表示理解，补齐材料后再来办理，窗口继续正常服务' }],
    ['AssistCancelled', { ...asked, kind: 'equipment' }, { no: '9', kind: '<equipment>', outcome: '—' }],
  ])('%s names the window and the kind', (type, after, params) => {
    expect(describeAudit(entry(type, after), words)).toEqual({ key: `audit.${type}`, params });
  });

  it('a long outcome is shortened to one line; without kind words the code shows', () => {
    const long = `${'很'.repeat(50)}\n第二行`;
    const line = describeAudit(entry('AssistResolved', { ...asked, outcome: long }), { ...words, assistKind: undefined });
    expect(line.params.outcome).toBe(`${'很'.repeat(40)}…`);
    expect(line.params.kind).toBe('conduct');
  });

  it('has every word in English too, with the same placeholders', () => {
    for (const [key, zh] of Object.entries(assistZh)) {
      const en = assistEn[key as keyof typeof assistZh];
      expect(en, key).toBeTruthy();
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en), key).toEqual(names(zh));
    }
  });
});
