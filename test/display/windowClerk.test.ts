/** 亮证亮照 on the window screen (pure): the clerk only where the hall shows clerks, and only while the window serves. */
import { describe, expect, it } from 'vitest';
import type { Window, WindowState } from '../../shared/schemas';
import { honorOf } from '../../display/src/shared/honors';
import { honorChip, shownClerk, staffNoText } from '../../display/src/window/windowClerk';

const clerk = { id: 'u1', username: 'c01', name: '王晓红', photoUrl: '/api/staff/u1/photo?v=1' };
const win = (state: WindowState, withClerk = true): Window => ({
  no: 3,
  name: '3号窗口',
  nameEn: 'Window 3',
  zone: '综合区',
  kind: 'comprehensive',
  state,
  mapping: [],
  ...(withClerk ? { clerk } : {}),
});

describe('window screen clerk', () => {
  it.each<[WindowState, boolean]>([
    ['open', true],
    ['calling', true],
    ['serving', true],
    ['paused', false],
    ['closed', false],
  ])('%s → shown: %s', (state, shown) => {
    expect(shownClerk({ windowShowsClerk: true }, win(state))).toEqual(shown ? clerk : null);
  });

  it('never when the hall has it off (or an older server says nothing), or nobody is signed in', () => {
    expect(shownClerk({ windowShowsClerk: false }, win('serving'))).toBeNull();
    expect(shownClerk({}, win('serving'))).toBeNull();
    expect(shownClerk(undefined, win('serving'))).toBeNull();
    expect(shownClerk({ windowShowsClerk: true }, win('serving', false))).toBeNull();
    expect(shownClerk({ windowShowsClerk: true }, null)).toBeNull();
  });

  it('says 工号 first, Staff No. in English', () => {
    expect(staffNoText.zh('c01')).toBe('工号 c01');
    expect(staffNoText.en('c01')).toBe('Staff No. c01');
  });
});

describe('光荣榜 on the window screen', () => {
  const honors = [{ clerkId: 'u1', name: '王晓红', title: '11月服务之星' }];
  it.each([
    ['the honoured clerk', { honors }, 'u1', '11月服务之星'],
    ['someone else', { honors }, 'u2', null],
    ['nobody shown', { honors }, undefined, null],
    ['a hall without a roll (an older server)', {}, 'u1', null],
  ] as const)('%s', (_name, hall, id, want) => {
    expect(honorOf(hall, id)).toBe(want);
  });
});

describe('the 光荣榜 chip on the window screen', () => {
  it.each([
    ['a short title on one line', '岗位标兵', { lines: ['★ 岗位标兵'], em: 6.3, wide: false }],
    ['11月服务之星 still on one line', '11月服务之星', { lines: ['★ 11月服务之星'], em: 8.5, wide: false }],
    // The manager's free text: no guessing where its words end (十一月岗位 / 标兵服务先锋 read as broken).
    ['12 characters without a break point keep one line; the column widens', '十一月岗位标兵服务先锋', { lines: ['★ 十一月岗位标兵服务先锋'], em: 13.3, wide: true }],
    ['a middle "·" is where it breaks', '十一月 · 岗位标兵服务先锋', { lines: ['★ 十一月', '岗位标兵服务先锋'], em: 9, wide: false }],
    ['of several spaces, the one that leaves the narrower chip', '岗位 标兵 服务之星 先锋', { lines: ['★ 岗位 标兵', '服务之星 先锋'], em: 7.3, wide: false }],
    ['a space at an end is no break point', ' 十一月岗位标兵服务先锋 ', { lines: ['★  十一月岗位标兵服务先锋 '], em: 13.9, wide: true }],
  ] as const)('%s', (_name, title, want) => {
    const chip = honorChip(title);
    expect(chip.lines).toEqual(want.lines);
    expect(chip.em).toBeCloseTo(want.em, 5);
    expect(chip.wide).toBe(want.wide);
  });
});
