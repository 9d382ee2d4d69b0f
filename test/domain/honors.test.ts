/** 光荣榜's rules (server/domain/honors.ts): who is shown, in what order, and which rolls are refused. */
import { describe, expect, it } from 'vitest';
import { honorsDiff, honorsProblem, honorsView, type Clerk } from '../../server/domain';

const clerk = (id: string, name: string, photoVersion?: string): Clerk => ({ id, username: id, name, role: 'clerk', skills: [], ...(photoVersion ? { photoVersion } : {}) });
const state = { clerks: new Map([clerk('u1', '张三', 'v9'), clerk('u2', '李四')].map((c) => [c.id, c])) };

describe('光荣榜', () => {
  it.each([
    ['none', undefined, []],
    ['in the manager order, with the photo where there is one', [{ clerkId: 'u2', title: '岗位标兵' }, { clerkId: 'u1', title: '服务之星' }], ['u2 李四 岗位标兵 -', 'u1 张三 服务之星 /api/staff/u1/photo?v=v9']],
    ['an account gone (deactivated) is left out', [{ clerkId: 'gone', title: '服务之星' }, { clerkId: 'u1', title: '服务先锋' }], ['u1 张三 服务先锋 /api/staff/u1/photo?v=v9']],
  ] as const)('view: %s', (_name, honors, want) => {
    const view = honorsView(state, honors?.map((h) => ({ ...h })));
    expect(view.map((v) => `${v.clerkId} ${v.name} ${v.title} ${v.photoUrl ?? '-'}`)).toEqual(want);
  });

  it.each([
    ['a good roll', [{ clerkId: 'u1', title: 'a' }, { clerkId: 'u2', title: 'b' }], undefined],
    ['empty (the roll taken down)', [], undefined],
    ['an account the hall does not have', [{ clerkId: 'gone', title: 'a' }], 'honors: no active account gone'],
    ['one person twice', [{ clerkId: 'u1', title: 'a' }, { clerkId: 'u1', title: 'b' }], 'honors: u1 is listed twice'],
  ] as const)('refusal: %s', (_name, honors, want) => {
    expect(honorsProblem(state, honors.map((h) => ({ ...h })))).toBe(want);
  });
});

describe('历届光荣榜: what a save changed', () => {
  const roll = (...rows: string[]) => rows.map((r) => ({ clerkId: r.split(' ')[0]!, title: r.split(' ')[1]! }));
  const show = (rows: { clerkId: string; title: string }[]) => rows.map((h) => `${h.clerkId} ${h.title}`);
  it.each([
    ['the first roll: all enter', undefined, roll('u1 10月服务之星', 'u2 岗位标兵'), ['u1 10月服务之星', 'u2 岗位标兵'], []],
    ['the roll taken down: all leave', roll('u1 10月服务之星', 'u2 岗位标兵'), [], [], ['u1 10月服务之星', 'u2 岗位标兵']],
    ['the same roll again: nothing', roll('u1 a', 'u2 b'), roll('u1 a', 'u2 b'), [], []],
    ['a new order only: nothing', roll('u1 a', 'u2 b'), roll('u2 b', 'u1 a'), [], []],
    ['one replaced by another', roll('u1 10月服务之星'), roll('u3 11月服务之星'), ['u3 11月服务之星'], ['u1 10月服务之星']],
    ['a new title for the same person: the old stint ends, a new one begins', roll('u1 10月服务之星'), roll('u1 11月服务之星'), ['u1 11月服务之星'], ['u1 10月服务之星']],
    ['one added among those who stay, in the new order', roll('u1 a', 'u2 b'), roll('u3 c', 'u1 a', 'u4 d', 'u2 b'), ['u3 c', 'u4 d'], []],
    ['none before, none after', undefined, undefined, [], []],
  ] as const)('%s', (_name, before, after, entered, left) => {
    const d = honorsDiff(before?.map((h) => ({ ...h })), after?.map((h) => ({ ...h })));
    expect(show(d.entered)).toEqual(entered);
    expect(show(d.left)).toEqual(left);
  });
});
