/**
 * 历届光荣榜 over the wire: each save of the 光荣榜 records who entered and who left (a re-save or a
 * new order records nothing, a same-day correction is dropped), the record is the managers', a
 * clerk reads their own titles, a renamed or deactivated account keeps the name it was honoured
 * under, the 个人信息保存期限 clean-up leaves the record alone, and a hall whose record had not begun
 * gets it replayed from the event log.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallSettings, StaffAccount } from '../../shared/admin';
import type { HonorsHistory, MyHonor } from '../../shared/honors';
import { api, login, startTestServer, type TestServer } from '../support/server';

const DAY = 86_400_000;
let s: TestServer;
let admin: string;
let staff: StaffAccount[];
const dir = mkdtempSync(join(tmpdir(), 'honors-history-'));
const dbPath = join(dir, 'hall.db');

beforeAll(async () => {
  s = await startTestServer({ dbPath });
  admin = await login(s.url, 'admin', 'admin');
  staff = (await api<StaffAccount[]>(s.url, 'GET', '/api/admin/staff', { token: admin })).body;
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Days go by (a sign-in does not last that long: the manager signs in again). */
const later = async (days: number): Promise<void> => {
  s.clock.advance(days * DAY);
  admin = await login(s.url, 'admin', 'admin');
};
const idOf = (username: string): string => staff.find((a) => a.username === username)!.id;
const roll = (...rows: [string, string][]) => ({ honors: rows.map(([u, title]) => ({ clerkId: idOf(u), title })) });
const save = async (body: unknown): Promise<void> => {
  const r = await api<HallSettings>(s.url, 'PUT', '/api/admin/settings', { token: admin, body });
  expect(r.status).toBe(200);
};
const history = async (): Promise<HonorsHistory> => {
  const r = await api<HonorsHistory>(s.url, 'GET', '/api/admin/honors/history', { token: admin });
  expect(r.status).toBe(200);
  return r.body;
};
/** A stint as one line: 工号 name title from–to. */
const lines = (h: HonorsHistory): string[] => h.stints.map((x) => `${x.username} ${x.name} ${x.title} ${x.from}–${x.to ?? '至今'}`);

describe('历届光荣榜', () => {
  it('a save records who entered; the same roll again, or a new order, records nothing', async () => {
    expect((await history()).stints).toEqual([]);
    await save(roll(['c05', '11月服务之星'], ['c12', '岗位标兵']));
    const want = ['c05 窗口人员05 11月服务之星 2026-11-30–至今', 'c12 窗口人员12 岗位标兵 2026-11-30–至今'];
    expect(lines(await history())).toEqual(want);
    await save(roll(['c05', '11月服务之星'], ['c12', '岗位标兵']));
    await save(roll(['c12', '岗位标兵'], ['c05', '11月服务之星']));
    // Other settings saved alone leave the record alone.
    await save({ voiceRepeat: 2 });
    expect(lines(await history())).toEqual(want);
    expect((await history()).today).toBe('2026-11-30');
  });

  it('a same-day correction is dropped, not recorded as an honour', async () => {
    await save(roll(['c12', '岗位标兵'], ['c05', '11月服务之星'], ['c07', '服务先峰']));
    await save(roll(['c12', '岗位标兵'], ['c05', '11月服务之星'], ['c07', '服务先锋']));
    expect(lines(await history())).toContain('c07 窗口人员07 服务先锋 2026-11-30–至今');
    expect(lines(await history()).join()).not.toContain('服务先峰');
  });

  it('a later save ends the stints it replaces; the new ones come first', async () => {
    await later(31); // 2026-12-31
    await save(roll(['c12', '岗位标兵'], ['c08', '12月服务之星'], ['c07', '服务先锋']));
    expect(lines(await history())).toEqual([
      'c08 窗口人员08 12月服务之星 2026-12-31–至今',
      'c05 窗口人员05 11月服务之星 2026-11-30–2026-12-31',
      'c12 窗口人员12 岗位标兵 2026-11-30–至今',
      'c07 窗口人员07 服务先锋 2026-11-30–至今',
    ]);
  });

  it('a clerk reads their own titles (我的荣誉), not the record; viewers read neither', async () => {
    const c05 = await login(s.url, 'c05', '1234');
    const mine = await api<MyHonor[]>(s.url, 'GET', '/api/me/honors', { token: c05 });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([{ title: '11月服务之星', from: '2026-11-30', to: '2026-12-31' }]);
    const c30 = await login(s.url, 'c30', '1234');
    expect((await api<MyHonor[]>(s.url, 'GET', '/api/me/honors', { token: c30 })).body).toEqual([]);
    expect((await api(s.url, 'GET', '/api/admin/honors/history', { token: c05 })).status).toBe(403);
    expect((await api(s.url, 'GET', '/api/admin/honors/history')).status).toBe(401);
    expect((await api(s.url, 'GET', '/api/me/honors')).status).toBe(401);
  });

  it('a renamed, then deactivated account keeps the name it was honoured under', async () => {
    expect((await api(s.url, 'PUT', `/api/admin/staff/${idOf('c12')}`, { token: admin, body: { name: '李四' } })).status).toBe(200);
    expect((await api(s.url, 'PUT', `/api/admin/staff/${idOf('c12')}`, { token: admin, body: { active: false } })).status).toBe(200);
    // The roll must drop the deactivated person to be saved again: their stint ends then.
    await later(1); // 2027-01-01
    await save(roll(['c08', '12月服务之星'], ['c07', '服务先锋']));
    expect(lines(await history())).toContain('c12 窗口人员12 岗位标兵 2026-11-30–2027-01-01');
  });

  it('the 个人信息保存期限 clean-up leaves it alone: staff records, not citizen data', async () => {
    const before = await history();
    await later(400); // past any 保存期限 the hall may set
    const run = await api(s.url, 'POST', '/api/citizen/retention/run', { token: admin });
    expect(run.status).toBe(200);
    expect((await history()).stints).toEqual(before.stints);
  });

  it('a hall whose record had not begun gets it replayed from the event log, the same', async () => {
    const before = await history();
    await s.close();
    const db = new Database(dbPath);
    db.exec('DELETE FROM honor_history; DELETE FROM honor_history_halls;');
    db.close();
    s = await startTestServer({ dbPath, now: s.clock.now() });
    admin = await login(s.url, 'admin', 'admin');
    const replayed = await history();
    // Names come from the accounts as they are now (the log keeps ids only): c12 is 李四 since.
    expect(lines(replayed)).toEqual(lines(before).map((l) => l.replace('c12 窗口人员12', 'c12 李四')));
  });
});
