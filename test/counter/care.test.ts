/** 关怀提醒 in the console, pure: the words of an item's moments, the open/settled split, the audit line. */
import { describe, expect, it } from 'vitest';
import { describeAudit } from '../../counter/src/admin/logic/audit';
import { itemWords, latestOf, splitCare } from '../../counter/src/admin/logic/care';
import { t } from '../../counter/src/admin/text';
import type { CareItem } from '../../shared/care';
import type { AuditEntry } from '../../shared/admin';

const item = (over: Partial<CareItem>): CareItem => ({ clerk: { id: 'u1', username: 'c01', name: '张敏' }, signals: [], settled: false, ...over });

describe('关怀提醒 words', () => {
  it.each([
    [[{ kind: 'conduct' as const, count: 1, lastAt: '2026-11-30T01:00:00.000Z' }], '现场秩序求助 1 次'],
    [
      [
        { kind: 'complaint' as const, count: 2, lastAt: '2026-11-30T01:00:00.000Z' },
        { kind: 'stretch' as const, count: 1, minutes: 125, lastAt: '2026-11-30T03:00:00.000Z' },
      ],
      '差评 2 条 · 已连续工作 2 小时 5 分',
    ],
  ])('%j → %s', (signals, want) => {
    expect(itemWords(item({ signals }), t)).toBe(want);
  });

  it('the latest moment, and open before settled', () => {
    const a = item({ signals: [{ kind: 'complaint', count: 1, lastAt: '2026-11-30T01:00:00.000Z' }, { kind: 'conduct', count: 1, lastAt: '2026-11-30T02:30:00.000Z' }] });
    expect(latestOf(a)).toBe('2026-11-30T02:30:00.000Z');
    const b = item({ clerk: { id: 'u2', username: 'c02', name: '李强' }, settled: true });
    expect(splitCare([b, a])).toEqual({ open: [a], settled: [b] });
  });

  it('the audit line names whom a manager looked after', () => {
    const entry: AuditEntry = { id: 1, seq: 0, at: '2026-11-30T01:00:00.000Z', actor: { id: 'm' }, type: 'CareMarked', data: { before: null, after: { clerkId: 'u1', name: '张敏', note: '已谈心' } } };
    const d = describeAudit(entry, { overflow: '溢出', settingName: (k) => k, pauseReason: (r) => r });
    expect(d).toEqual({ key: 'audit.CareMarked', params: { name: '张敏', note: '已谈心' } });
    expect(t(d.key, d.params)).toBe('关怀提醒：已关心 张敏（已谈心）');
  });
});
