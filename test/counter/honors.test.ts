/** 光荣榜 in the console (counter/src/admin/logic/honors.ts): row problems, last month, and who the figures put forward. */
import { describe, expect, it } from 'vitest';
import { honorCandidates, honorProblems, lastMonth, monthTitle, toHonors } from '../../counter/src/admin/logic/honors';
import type { RatingGroup } from '../../counter/src/admin/logic/ratings';

describe('光荣榜 rows', () => {
  it.each([
    ['good rows', [{ clerkId: 'u1', title: '服务之星' }, { clerkId: 'u2', title: ' 岗位标兵 ' }], [undefined, undefined]],
    ['nobody chosen', [{ clerkId: '', title: '服务之星' }], ['clerk']],
    ['no title', [{ clerkId: 'u1', title: '   ' }], ['title']],
    ['a title of 13 characters', [{ clerkId: 'u1', title: '一二三四五六七八九十一二三' }], ['titleLong']],
    ['12 is fine', [{ clerkId: 'u1', title: '一二三四五六七八九十一二' }], [undefined]],
    ['one person twice: the second row says so', [{ clerkId: 'u1', title: 'a' }, { clerkId: 'u1', title: 'b' }], [undefined, 'twice']],
  ] as const)('%s', (_name, rows, want) => {
    expect(honorProblems(rows.map((r) => ({ ...r }))).rows).toEqual(want);
  });

  it('a row of someone deactivated since is named (the server refuses the roll while it stays)', () => {
    const rows = [{ clerkId: 'u1', title: '服务之星' }, { clerkId: 'u2', title: '岗位标兵' }];
    expect(honorProblems(rows, new Set(['u1'])).rows).toEqual([undefined, 'inactive']);
    expect(honorProblems(rows, new Set(['u1', 'u2'])).rows).toEqual([undefined, undefined]);
  });

  it('more than ten is too many; titles are sent trimmed', () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({ clerkId: `u${i}`, title: '服务之星' }));
    expect(honorProblems(rows).tooMany).toBe(true);
    expect(honorProblems(rows.slice(1)).tooMany).toBe(false);
    expect(toHonors([{ clerkId: 'u1', title: ' 岗位标兵 ' }])).toEqual([{ clerkId: 'u1', title: '岗位标兵' }]);
  });
});

describe('last month', () => {
  it.each([
    ['2026-11-29', { from: '2026-10-01', to: '2026-10-31', month: 10 }],
    ['2026-01-05', { from: '2025-12-01', to: '2025-12-31', month: 12 }],
    ['2028-03-01', { from: '2028-02-01', to: '2028-02-29', month: 2 }],
    ['2026-05-31', { from: '2026-04-01', to: '2026-04-30', month: 4 }],
  ])('from %s', (day, want) => {
    expect(lastMonth(day)).toEqual(want);
  });
  it('titles a pick by its month', () => {
    expect(monthTitle(10)).toBe('10月服务之星');
  });
});

describe('who the figures put forward', () => {
  const g = (key: string, served: number, count: number, average: number | null, complaints = 0): RatingGroup => ({
    key,
    served,
    count,
    average,
    complaints,
    complaintShare: count ? complaints / count : null,
    rated: served ? count / served : null,
  });
  it.each([
    ['the highest average first', [g('a', 50, 20, 4.6), g('b', 50, 20, 4.9)], ['b', 'a']],
    ['then the fewest 差评', [g('a', 50, 20, 4.8, 1), g('b', 50, 20, 4.8, 0)], ['b', 'a']],
    ['then the most served', [g('a', 40, 20, 4.8), g('b', 90, 20, 4.8)], ['b', 'a']],
    ['not with fewer than 20 served or 5 ratings', [g('a', 19, 19, 5), g('b', 200, 4, 5), g('c', 20, 5, 4)], ['c']],
    ['never someone never rated', [g('a', 300, 0, null)], []],
    ['five at most', ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => g(k, 30, 10, 4.5)), ['a', 'b', 'c', 'd', 'e']],
  ])('%s', (_name, groups, want) => {
    expect(honorCandidates(groups).map((x) => x.key)).toEqual(want);
  });
});
