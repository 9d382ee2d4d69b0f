import { describe, expect, it } from 'vitest';
import type { AssistRequest } from '../../shared/assist';
import { activeAt, activeRequests, minutesSince, newlyOpen, shouldRemind, sortRequests, upsertRequest } from '../../counter/src/shared/assistList';

const req = (id: string, status: AssistRequest['status'], raisedAt: string, windowNo = 9): AssistRequest => ({
  id,
  serviceDay: '2026-11-30',
  windowNo,
  windowName: `${windowNo}号窗口`,
  clerk: { id: 'c', name: '张三' },
  kind: 'question',
  note: '',
  status,
  raisedAt,
  outcome: '',
});

describe('the 求助 list as the staff apps hold it', () => {
  it('unanswered first, oldest first; then being handled; then the settled, newest first', () => {
    const list = [
      req('done-early', 'resolved', '2026-11-30T01:00:00Z'),
      req('taken', 'acknowledged', '2026-11-30T01:01:00Z'),
      req('open-late', 'open', '2026-11-30T01:05:00Z'),
      req('withdrawn-late', 'cancelled', '2026-11-30T01:06:00Z'),
      req('open-early', 'open', '2026-11-30T01:02:00Z'),
    ];
    expect(sortRequests(list).map((r) => r.id)).toEqual(['open-early', 'open-late', 'taken', 'withdrawn-late', 'done-early']);
  });

  it('a push replaces the request it names, or adds a new one, and keeps the order', () => {
    const a = req('a', 'open', '2026-11-30T01:00:00Z');
    const b = req('b', 'open', '2026-11-30T01:01:00Z', 10);
    const list = upsertRequest([a], b);
    expect(list.map((r) => r.id)).toEqual(['a', 'b']);
    const taken = upsertRequest(list, { ...a, status: 'acknowledged' });
    expect(taken.map((r) => [r.id, r.status])).toEqual([
      ['b', 'open'],
      ['a', 'acknowledged'],
    ]);
    expect(taken).toHaveLength(2);
  });

  it('live requests, and the live one of a window', () => {
    const list = [req('a', 'resolved', '2026-11-30T01:00:00Z'), req('b', 'acknowledged', '2026-11-30T01:01:00Z'), req('c', 'open', '2026-11-30T01:02:00Z', 10)];
    expect(activeRequests(list).map((r) => r.id)).toEqual(['b', 'c']);
    expect(activeAt(list, 9)?.id).toBe('b');
    expect(activeAt(list, 10)?.id).toBe('c');
    expect(activeAt(list, 11)).toBeUndefined();
    expect(activeAt([req('a', 'cancelled', '2026-11-30T01:00:00Z')], 9)).toBeUndefined();
  });

  it('minutes since the ask, never negative (a client clock a little behind)', () => {
    const r = req('a', 'open', '2026-11-30T01:00:00Z');
    expect(minutesSince(r, Date.parse('2026-11-30T01:00:59Z'))).toBe(0);
    expect(minutesSince(r, Date.parse('2026-11-30T01:03:00Z'))).toBe(3);
    expect(minutesSince(r, Date.parse('2026-11-30T00:59:00Z'))).toBe(0);
  });

  it('rings only for asks that are new and unanswered', () => {
    const a = req('a', 'open', '2026-11-30T01:00:00Z');
    const b = req('b', 'open', '2026-11-30T01:01:00Z');
    const c = req('c', 'resolved', '2026-11-30T01:02:00Z');
    expect(newlyOpen([a], [a, b, c]).map((r) => r.id)).toEqual(['b']);
    expect(newlyOpen([a, b], [{ ...a, status: 'acknowledged' }, b])).toEqual([]);
  });
});

describe('ringing again for an unanswered call', () => {
  const open = req('a', 'open', '2026-11-30T01:00:00Z');
  const taken = req('b', 'acknowledged', '2026-11-30T01:00:00Z');
  const t0 = Date.parse('2026-11-30T01:00:00Z');
  it.each([
    ['an open call, a minute after the last ring', [open], t0 + 60_000, true],
    ['an open call, under a minute after', [open], t0 + 59_000, false],
    ['only calls being handled', [taken], t0 + 600_000, false],
    ['nothing', [], t0 + 600_000, false],
  ] as const)('%s', (_what, list, now, expected) => {
    expect(shouldRemind(list, now, t0)).toBe(expected);
  });
});
