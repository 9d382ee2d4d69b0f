/** 光荣榜 in the console (counter/src/admin/logic/honors.ts): row problems, last month, and who the figures put forward; 历届光荣榜 (logic/honorsHistory.ts) and the clerk's 我的荣誉 (clerk/logic/myHonors.ts). */
import { describe, expect, it } from 'vitest';
import { honorCandidates, honorProblems, lastMonth, monthTitle, toHonors } from '../../counter/src/admin/logic/honors';
import { historyByYear, historyCsv, historyOf, historyPeople, stintSpan } from '../../counter/src/admin/logic/honorsHistory';
import type { RatingGroup } from '../../counter/src/admin/logic/ratings';
import { t as adminT } from '../../counter/src/admin/text';
import { myHonorsLine } from '../../counter/src/clerk/logic/myHonors';
import { i18n as clerkI18n, t as clerkT } from '../../counter/src/clerk/text';
import type { HonorStint } from '../../shared/honors';

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

describe('历届光荣榜 in the console', () => {
  const stint = (clerkId: string, title: string, from: string, to?: string, name = `名${clerkId}`): HonorStint => ({
    clerkId,
    username: `g${clerkId}`,
    name,
    title,
    from,
    ...(to ? { to } : {}),
  });
  // As the server sends it: the newest first.
  const record = [
    stint('u2', '1月服务之星', '2027-01-31'),
    stint('u1', '12月服务之星', '2026-12-31', '2027-01-31', '张三'),
    stint('u3', '岗位标兵', '2026-10-31'),
    stint('u1', '10月服务之星', '2026-10-31', '2026-11-30', '张叁'),
  ];

  it.each([
    ['everyone, by the year each began, the newest year first', '', ['2027: u2 1月服务之星', '2026: u1 12月服务之星 | u3 岗位标兵 | u1 10月服务之星']],
    ['one person', 'u1', ['2026: u1 12月服务之星 | u1 10月服务之星']],
    ['someone with no record', 'u9', []],
  ])('%s', (_name, who, want) => {
    const years = historyByYear(historyOf(record, who));
    expect(years.map((y) => `${y.year}: ${y.stints.map((s) => `${s.clerkId} ${s.title}`).join(' | ')}`)).toEqual(want);
  });

  it('lists each person once under their newest name, by 工号', () => {
    expect(historyPeople(record)).toEqual([
      { clerkId: 'u1', username: 'gu1', name: '张三' },
      { clerkId: 'u2', username: 'gu2', name: '名u2' },
      { clerkId: 'u3', username: 'gu3', name: '名u3' },
    ]);
  });

  it('exports CSV with a BOM, one row a stint, 至今 for an open one, formula-like text made safe', () => {
    const csv = historyCsv([...record.slice(0, 2), stint('u4', '=服务之星', '2026-05-31')], adminT);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '年度,称号,姓名,工号,上榜日期,下榜日期',
      '2027,1月服务之星,名u2,gu2,2027-01-31,至今',
      '2026,12月服务之星,张三,gu1,2026-12-31,2027-01-31',
      "2026,'=服务之星,名u4,gu4,2026-05-31,至今",
      '',
    ]);
    expect(stintSpan(record[0]!, adminT)).toBe('2027-01-31 至今');
    expect(stintSpan(record[1]!, adminT)).toBe('2026-12-31 至 2027-01-31');
  });
});

describe('我的荣誉 on the clerk panel', () => {
  it.each([
    ['none: nothing shown', [], ''],
    ['the newest first, with the year', [{ title: '10月服务之星', from: '2026-10-31', to: '2026-11-30' }, { title: '岗位标兵', from: '2026-09-30' }], '2026年10月服务之星、2026年岗位标兵'],
    ['the same title twice in a year: once', [{ title: '岗位标兵', from: '2026-12-01' }, { title: '岗位标兵', from: '2026-03-01', to: '2026-06-01' }, { title: '岗位标兵', from: '2025-03-01', to: '2025-06-01' }], '2026年岗位标兵、2025年岗位标兵'],
  ] as const)('%s', (_name, honors, want) => {
    expect(myHonorsLine(honors, clerkT)).toBe(want);
  });
  it('reads in English too', () => {
    clerkI18n.setLocale('en');
    try {
      expect(myHonorsLine([{ title: '岗位标兵', from: '2026-09-30' }, { title: '服务先锋', from: '2025-09-30' }], clerkT)).toBe('岗位标兵 (2026), 服务先锋 (2025)');
      expect(clerkT('honors.mine', { list: 'x' })).toBe('My honours: x');
    } finally {
      clerkI18n.setLocale('zh');
    }
  });
});
