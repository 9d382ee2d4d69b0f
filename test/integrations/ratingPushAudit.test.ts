/** 重推 in 操作日志: the line names the ticket's report and the refusal it had, and counts as a manager's doing. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import { describeAudit, isManagerAction } from '../../counter/src/admin/logic/audit';

const entry = (data: unknown): AuditEntry => ({
  id: 1,
  seq: 1,
  at: '2026-11-30T01:00:00.000Z',
  actor: { id: 'm1', username: 'admin', name: '管理员' },
  type: 'RatingPushRetried',
  data,
});
const words = { overflow: '溢出', settingName: (k: string) => k, pauseReason: (r: string) => r };

describe('RatingPushRetried', () => {
  it.each([
    [{ before: { number: 'A001', lastError: 'HTTP 400: {"error":"unknown service item"}' }, after: { number: 'A001', lastError: null } }, { number: 'A001', error: 'HTTP 400: {"error":"unknown service item…' }],
    [{ before: { number: 'B012' }, after: {} }, { number: 'B012', error: '—' }],
  ])('%j → %j', (data, params) => {
    expect(describeAudit(entry({ type: 'RatingPushRetried', ...data }), words)).toEqual({ key: 'audit.RatingPushRetried', params });
  });
  it('is a manager action', () => {
    expect(isManagerAction(entry({}), new Set())).toBe(true);
  });
});
