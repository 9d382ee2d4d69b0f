/** 取号机呼叫 in the console's 操作日志: each step names the kiosk (its name, else 自助取号机 N, else the end of its id), zh and en. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import { auditEn, auditZh } from '../../counter/src/admin/auditText';
import { describeAudit, type AuditWords } from '../../counter/src/admin/logic/audit';

const words: AuditWords = { overflow: '溢出', settingName: (k) => k, pauseReason: (r) => r, kioskNo: (no) => `自助取号机 ${no}` };
const entry = (type: string, after: Record<string, unknown>): AuditEntry =>
  ({ id: 1, seq: 1, at: '2026-11-30T01:00:00.000Z', type, actor: { id: 'public' }, data: { type, before: null, after } }) as unknown as AuditEntry;

describe('操作日志: 取号机呼叫', () => {
  it.each([
    ['KioskHelpRaised', { kioskId: 'kiosk-abcdefgh', kioskName: '东门取号机' }, '东门取号机'],
    ['KioskHelpAcknowledged', { kioskId: 'kiosk-abcdefgh', kioskNo: 2 }, '自助取号机 2'],
    ['KioskHelpResolved', { kioskId: 'kiosk-abcdefgh' }, '…efgh'],
    ['KioskHelpCancelled', { kioskId: 'kiosk-abcdefgh', kioskNo: 3 }, '自助取号机 3'],
  ])('%s names the kiosk', (type, after, kiosk) => {
    expect(describeAudit(entry(type, after), words)).toEqual({ key: `audit.${type}`, params: { kiosk } });
  });

  it('without the words the number shows; every line has its English with the same placeholder', () => {
    expect(describeAudit(entry('KioskHelpRaised', { kioskId: 'kiosk-abcdefgh', kioskNo: 4 }), { ...words, kioskNo: undefined }).params.kiosk).toBe('4');
    for (const key of ['audit.KioskHelpRaised', 'audit.KioskHelpAcknowledged', 'audit.KioskHelpResolved', 'audit.KioskHelpCancelled'] as const) {
      expect(auditZh[key]).toContain('{kiosk}');
      expect(auditEn[key]).toContain('{kiosk}');
    }
  });
});
