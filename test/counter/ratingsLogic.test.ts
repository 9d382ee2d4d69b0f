/** The 评价 page's figures: headline, per window/clerk/queue, worst first, 差评 newest first, spans. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import { FOLLOW_UP_NOTE_MAX, type RatingRecord, type ServedCounts } from '../../shared/ratings';
import { describeAudit, isManagerAction } from '../../counter/src/admin/logic/audit';
import {
  complaints,
  groupRatings,
  headline,
  isHandled,
  NOTE_MAX,
  sortGroups,
  spanOf,
  spanQuery,
  validateFollowUpNote,
  withRating,
  type GroupSort,
  type RatingGroup,
} from '../../counter/src/admin/logic/ratings';
import { adminEn, adminZh } from '../../counter/src/admin/text';

let seq = 0;
function rating(score: number, over: Partial<RatingRecord> = {}): RatingRecord {
  seq += 1;
  const levels = ['very_dissatisfied', 'dissatisfied', 'basic', 'satisfied', 'very_satisfied'] as const;
  return {
    ticketId: `T${String(seq).padStart(21, '0')}`,
    channel: 'phone',
    number: `A${String(seq).padStart(3, '0')}`,
    queue: 'A',
    serviceDay: '2026-11-30',
    windowNo: 1,
    clerkId: 'u1',
    score,
    level: levels[score - 1]!,
    reasons: score <= 2 ? ['slow'] : [],
    ratedAt: `2026-11-30T02:${String(seq % 60).padStart(2, '0')}:00.000Z`,
    ...over,
  };
}
const none: ServedCounts = { total: 0, byQueue: {}, byWindow: {}, byClerk: {} };

describe('headline', () => {
  it.each([
    ['nothing rated, nothing served', [], none, { count: 0, satisfied: null, average: null, rated: null, complaints: 0, byScore: [0, 0, 0, 0, 0] }],
    ['nothing rated, ten served', [], { ...none, total: 10 }, { count: 0, satisfied: null, average: null, rated: 0, served: 10 }],
    ['all five levels once, ten served', [5, 4, 3, 2, 1], { ...none, total: 10 }, { count: 5, satisfied: 0.4, average: 3, rated: 0.5, complaints: 2, byScore: [1, 1, 1, 1, 1] }],
    ['基本满意 is not satisfied', [3, 3, 5], { ...none, total: 3 }, { satisfied: 1 / 3, average: 11 / 3, rated: 1, complaints: 0, byScore: [0, 0, 2, 0, 1] }],
    ['every one a 差评', [1, 2, 2], { ...none, total: 4 }, { satisfied: 0, average: 5 / 3, rated: 0.75, complaints: 3 }],
  ] as const)('%s', (_name, scores, served, expected) => {
    expect(headline(scores.map((s) => rating(s)), served)).toMatchObject(expected);
  });
  it('counts each 评价渠道', () => {
    const rs = [rating(5, { channel: 'pad' }), rating(4, { channel: 'pad' }), rating(1), rating(3, { channel: 'pad' })];
    expect(headline(rs, none).byChannel).toEqual({ pad: 3, phone: 1 });
    expect(headline([], none).byChannel).toEqual({ pad: 0, phone: 0 });
  });
});

describe('groupRatings', () => {
  const rs = [
    rating(5, { windowNo: 1, clerkId: 'u1', queue: 'A' }),
    rating(1, { windowNo: 1, clerkId: 'u1', queue: 'A' }),
    rating(4, { windowNo: 2, clerkId: 'u2', queue: 'B' }),
    rating(2, { windowNo: 2, clerkId: 'u3', queue: 'A' }), // u3 took over window 2
  ];
  const served: ServedCounts = { total: 9, byQueue: { A: 5, B: 3, C: 1 }, byWindow: { '1': 4, '2': 4, '3': 1 }, byClerk: { u1: 4, u2: 3, u3: 1, u4: 1 } };
  const byKey = (gs: RatingGroup[]) => Object.fromEntries(gs.map((g) => [g.key, g]));

  it.each([
    ['window', { '1': { count: 2, average: 3, complaints: 1, complaintShare: 0.5, served: 4, rated: 0.5 }, '2': { count: 2, average: 3, complaints: 1, served: 4 }, '3': { count: 0, average: null, complaintShare: null, served: 1, rated: 0 } }],
    ['clerk', { u1: { count: 2, complaints: 1 }, u2: { count: 1, average: 4, complaints: 0, complaintShare: 0, rated: 1 / 3 }, u3: { count: 1, complaintShare: 1, rated: 1 }, u4: { count: 0, served: 1 } }],
    ['queue', { A: { count: 3, average: 8 / 3, complaints: 2, served: 5, rated: 0.6 }, B: { count: 1, complaints: 0 }, C: { count: 0, served: 1, rated: 0 } }],
  ] as const)('per %s: rated or served, with counts, average, 差评 share and rated share', (by, expected) => {
    const got = byKey(groupRatings(rs, served, by));
    expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
    expect(got).toMatchObject(expected);
  });

  it('a rating without window or clerk (closed by the system) counts per queue only', () => {
    const lone = rating(1, { windowNo: undefined, clerkId: undefined });
    expect(groupRatings([lone], none, 'window')).toEqual([]);
    expect(groupRatings([lone], none, 'clerk')).toEqual([]);
    expect(groupRatings([lone], none, 'queue')).toHaveLength(1);
  });
});

describe('sortGroups', () => {
  const g = (key: string, count: number, average: number | null, complaints: number, rated: number | null): RatingGroup => ({
    key,
    count,
    average,
    complaints,
    complaintShare: count === 0 ? null : complaints / count,
    served: 10,
    rated,
  });
  const groups = [g('10', 4, 4.5, 0, 0.4), g('2', 2, 3, 1, 0.2), g('3', 4, 2.5, 2, 0.4), g('4', 0, null, 0, 0), g('1', 8, 2.5, 4, 0.8), g('5', 2, 4, 0, null)];
  it.each<[GroupSort, string[]]>([
    // 3 and 1 both 50 % 差评 at 2.5: the one with more ratings first.
    ['worst', ['1', '3', '2', '5', '10', '4']],
    ['count', ['1', '3', '10', '2', '5', '4']],
    ['average', ['1', '3', '2', '5', '10', '4']],
    ['rated', ['4', '2', '3', '10', '1', '5']],
  ])('%s', (sort, keys) => {
    expect(sortGroups(groups, sort).map((x) => x.key)).toEqual(keys);
  });
  it('leaves its input alone', () => {
    const before = groups.map((x) => x.key);
    sortGroups(groups, 'worst');
    expect(groups.map((x) => x.key)).toEqual(before);
  });
});

describe('complaints', () => {
  it('only scores 1 and 2, newest first', () => {
    const rs = [
      rating(2, { ratedAt: '2026-11-30T02:00:00.000Z', number: 'A001' }),
      rating(3, { ratedAt: '2026-11-30T05:00:00.000Z', number: 'A002' }),
      rating(1, { ratedAt: '2026-11-30T04:00:00.000Z', number: 'A003' }),
      rating(1, { ratedAt: '2026-11-29T09:00:00.000Z', number: 'A004' }),
      rating(5, { ratedAt: '2026-11-30T06:00:00.000Z', number: 'A005' }),
    ];
    expect(complaints(rs).map((r) => r.number)).toEqual(['A003', 'A001', 'A004']);
  });
});

describe('spans', () => {
  it.each([
    [{ kind: 'today' } as const, '2026-11-30', { from: '2026-11-30', to: '2026-11-30' }, '?date=2026-11-30'],
    [{ kind: 'week' } as const, '2026-11-30', { from: '2026-11-24', to: '2026-11-30' }, '?from=2026-11-24&to=2026-11-30'],
    [{ kind: 'week' } as const, '2026-03-03', { from: '2026-02-25', to: '2026-03-03' }, '?from=2026-02-25&to=2026-03-03'],
    [{ kind: 'week' } as const, '2027-01-02', { from: '2026-12-27', to: '2027-01-02' }, '?from=2026-12-27&to=2027-01-02'],
    [{ kind: 'day', day: '2026-11-12' } as const, '2026-11-30', { from: '2026-11-12', to: '2026-11-12' }, '?date=2026-11-12'],
  ])('%o on %s', (choice, today, span, query) => {
    expect(spanOf(choice, today)).toEqual(span);
    expect(spanQuery(span)).toBe(query);
  });
});

describe('follow-up (整改)', () => {
  const handled = { status: 'handled' as const, note: '已回访', by: 'm1', byName: '管理员', at: '2026-11-30T03:00:00.000Z' };
  const open = { status: 'open' as const };

  it.each([
    ['no 差评', [rating(5), rating(3)], { complaints: 0, handled: 0, followUpRate: null }],
    ['two open', [rating(1, { followUp: open }), rating(2, { followUp: open }), rating(4)], { complaints: 2, handled: 0, followUpRate: 0 }],
    ['one of two handled', [rating(1, { followUp: handled }), rating(2, { followUp: open })], { complaints: 2, handled: 1, followUpRate: 0.5 }],
    ['all handled', [rating(2, { followUp: handled })], { complaints: 1, handled: 1, followUpRate: 1 }],
  ] as const)('headline 整改率: %s', (_name, rs, expected) => {
    expect(headline(rs, none)).toMatchObject(expected);
  });

  it('"only 待整改" leaves the handled ones out, newest first still', () => {
    const a = rating(1, { followUp: handled, ratedAt: '2026-11-30T02:00:00.000Z' });
    const b = rating(2, { followUp: open, ratedAt: '2026-11-30T03:00:00.000Z' });
    const c = rating(1, { followUp: open, ratedAt: '2026-11-30T01:00:00.000Z' });
    expect(complaints([a, b, c]).map((r) => r.ticketId)).toEqual([b.ticketId, a.ticketId, c.ticketId]);
    expect(complaints([a, b, c], true).map((r) => r.ticketId)).toEqual([b.ticketId, c.ticketId]);
    expect([a, b].map(isHandled)).toEqual([true, false]);
  });

  it.each([
    ['', 'form.required'],
    ['   ', 'form.required'],
    ['已回访', undefined],
    ['整'.repeat(500), undefined],
    [` ${'整'.repeat(500)} `, undefined],
    ['整'.repeat(501), 'form.tooLong'],
  ])('note %j → %s', (note, key) => {
    expect(validateFollowUpNote(note)?.key).toBe(key);
  });

  it('the console’s limit is the server’s', () => expect(NOTE_MAX).toBe(FOLLOW_UP_NOTE_MAX));

  it('the server’s answer replaces its row only', () => {
    const a = rating(1, { followUp: open });
    const b = rating(2, { followUp: open });
    const next = withRating([a, b], { ...a, followUp: handled });
    expect(next.map((r) => r.followUp?.status)).toEqual(['handled', 'open']);
    expect(next[1]).toBe(b);
  });

  const words = { overflow: '溢出', settingName: (k: string) => k, pauseReason: (r: string) => r };
  const entry = (type: string, data: unknown): AuditEntry => ({
    id: 1,
    seq: 1,
    at: '2026-11-30T01:00:00.000Z',
    actor: { id: 'm1', username: 'admin', name: '管理员' },
    type,
    data,
  });
  it.each([
    [
      'recorded',
      entry('RatingFollowedUp', { before: { number: 'A012', status: 'open' }, after: { number: 'A012', status: 'handled', note: '已电话\n回访' } }),
      { key: 'audit.RatingFollowedUp', params: { number: 'A012', note: '已电话 回访' } },
    ],
    [
      'a long note, cut',
      entry('RatingFollowedUp', { after: { number: 'A012', note: '整'.repeat(60) } }),
      { key: 'audit.RatingFollowedUp', params: { number: 'A012', note: `${'整'.repeat(40)}…` } },
    ],
    ['reopened', entry('RatingFollowUpReopened', { before: { number: 'B003', status: 'handled' }, after: { number: 'B003', status: 'open' } }), { key: 'audit.RatingFollowUpReopened', params: { number: 'B003' } }],
  ])('audit line: %s', (_name, e, expected) => {
    expect(describeAudit(e, words)).toEqual(expected);
    expect(isManagerAction(e, new Set())).toBe(true);
  });

  it('the audit words name the number in both languages', () => {
    expect(adminZh['audit.RatingFollowedUp']).toBe('登记差评整改：{number}（{note}）');
    expect(adminEn['audit.RatingFollowedUp']).toContain('{number}');
    expect(adminEn['audit.RatingFollowUpReopened']).toContain('{number}');
  });
});
