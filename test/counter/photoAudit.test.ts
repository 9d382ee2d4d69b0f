/** 亮证亮照 in the audit log (pure): a staff photo added, replaced or removed, naming whose; a manager action; its words in both languages. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import { describeAudit, isManagerAction } from '../../counter/src/admin/logic/audit';
import { photoEn, photoZh } from '../../counter/src/admin/photoText';

const entry = (data: Record<string, unknown>): AuditEntry => ({
  id: 1,
  seq: 1,
  at: '2026-11-30T01:00:00.000Z',
  actor: { id: 'm1', username: 'admin', name: '管理员' },
  type: 'ClerkPhotoChanged',
  data: { type: 'ClerkPhotoChanged', clerkId: 'u1', username: 'c01', name: '王晓红', ...data },
});
const words = { overflow: '溢出', settingName: (k: string) => k, pauseReason: (r: string) => r };

describe('staff photos in the audit log', () => {
  it.each([
    [{ photoVersion: 'v1' }, 'audit.ClerkPhotoAdded'],
    [{ photoVersion: 'v2', before: 'v1' }, 'audit.ClerkPhotoChanged'],
    [{ before: 'v2' }, 'audit.ClerkPhotoRemoved'],
  ])('%j → %s', (data, key) => {
    expect(describeAudit(entry(data), words)).toEqual({ key, params: { name: '王晓红', username: 'c01' } });
    expect(photoZh[key as keyof typeof photoZh]).toContain('{name}（{username}）');
    expect(photoEn[key as keyof typeof photoEn]).toContain('{name} ({username})');
  });

  it('is a manager action', () => {
    expect(isManagerAction(entry({ photoVersion: 'v1' }), new Set())).toBe(true);
  });
});
