/**
 * 光荣榜 (`honors`, an extension of the hall settings): validated (active accounts, each once,
 * titles of 1–12 characters, at most ten), carried in the snapshot's hall info and pushed when it
 * or an honoured person changes (a renamed or deactivated one), kept over a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallSettings, StaffAccount } from '../../shared/admin';
import type { HallChange, Snapshot } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, startTestServer, type TestServer } from '../support/server';

const dir = mkdtempSync(join(tmpdir(), 'honors-'));
const dbPath = join(dir, 'hall.db');
let s: TestServer;
let admin: string;
let staff: StaffAccount[];
beforeAll(async () => {
  s = await startTestServer({ dbPath });
  admin = await login(s.url, 'admin', 'admin');
  staff = (await api<StaffAccount[]>(s.url, 'GET', '/api/admin/staff', { token: admin })).body;
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const put = (body: unknown) => api<HallSettings>(s.url, 'PUT', '/api/admin/settings', { token: admin, body });
const hall = async () => (await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body.hall;
const idOf = (username: string): string => staff.find((a) => a.username === username)!.id;

describe('光荣榜', () => {
  it('none at first; saved in order with titles, in the snapshot and pushed to the screens', async () => {
    expect((await hall()).honors).toEqual([]);
    const viewer = await connectClient(s.url);
    const pushed = nextEvent(viewer.socket, 'hall:changed', (c: HallChange) => !!c.hall);
    const r = await put({ honors: [{ clerkId: idOf('c05'), title: ' 11月服务之星 ' }, { clerkId: idOf('c12'), title: '岗位标兵' }] });
    expect(r.status).toBe(200);
    expect(r.body.honors).toEqual([
      { clerkId: idOf('c05'), title: '11月服务之星' },
      { clerkId: idOf('c12'), title: '岗位标兵' },
    ]);
    const want = [
      { clerkId: idOf('c05'), name: '窗口人员05', title: '11月服务之星' },
      { clerkId: idOf('c12'), name: '窗口人员12', title: '岗位标兵' },
    ];
    expect((await pushed).hall?.honors).toEqual(want);
    expect((await hall()).honors).toEqual(want);
    viewer.socket.close();
  });

  it.each([
    ['an unknown account', [{ clerkId: 'nobody', title: '服务之星' }]],
    ['one person twice', [{ clerkId: 'c05', title: '服务之星' }, { clerkId: 'c05', title: '岗位标兵' }]],
    ['an empty title', [{ clerkId: 'c05', title: '  ' }]],
    ['a title over 12 characters', [{ clerkId: 'c05', title: '一二三四五六七八九十一二三' }]],
    ['more than ten', Array.from({ length: 11 }, (_, i) => ({ clerkId: `c${String(i + 1).padStart(2, '0')}`, title: '服务之星' }))],
  ])('refuses %s, and keeps the roll as it was', async (_name, honors) => {
    const body = honors.map((h) => ({ ...h, clerkId: h.clerkId === 'nobody' ? 'nobody' : idOf(h.clerkId) }));
    expect((await put({ honors: body })).status).toBe(400);
    expect((await hall()).honors?.map((h) => h.title)).toEqual(['11月服务之星', '岗位标兵']);
  });

  it('a renamed honoured clerk is pushed at once; a deactivated one leaves the public roll (the settings keep them)', async () => {
    const viewer = await connectClient(s.url);
    let pushed = nextEvent(viewer.socket, 'hall:changed', (c: HallChange) => !!c.hall);
    expect((await api(s.url, 'PUT', `/api/admin/staff/${idOf('c05')}`, { token: admin, body: { name: '张三' } })).status).toBe(200);
    expect((await pushed).hall?.honors?.[0]).toMatchObject({ name: '张三' });
    pushed = nextEvent(viewer.socket, 'hall:changed', (c: HallChange) => !!c.hall);
    expect((await api(s.url, 'PUT', `/api/admin/staff/${idOf('c12')}`, { token: admin, body: { active: false } })).status).toBe(200);
    expect((await pushed).hall?.honors?.map((h) => h.name)).toEqual(['张三']);
    const settings = (await api<HallSettings>(s.url, 'GET', '/api/admin/settings', { token: admin })).body;
    expect(settings.honors).toHaveLength(2);
    viewer.socket.close();
  });

  it('kept over a restart', async () => {
    await s.close();
    s = await startTestServer({ dbPath });
    admin = await login(s.url, 'admin', 'admin');
    expect((await hall()).honors).toEqual([{ clerkId: idOf('c05'), name: '张三', title: '11月服务之星' }]);
  });
});
