/** 光荣榜's rules (server/domain/honors.ts): who is shown, in what order, and which rolls are refused. */
import { describe, expect, it } from 'vitest';
import { honorsProblem, honorsView, type Clerk } from '../../server/domain';

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
