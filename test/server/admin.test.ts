import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, HallSettings, StaffAccount, TodayStats } from '../../shared/admin';
import type { Catalogue, HallChange, Matter, QueueInfo, Ticket, TicketDetail, Window } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
let admin: string;
beforeAll(async () => {
  s = await startTestServer();
  admin = await login(s.url, 'admin', 'admin');
});
afterAll(() => s.close());

describe('manager console operations', () => {
  it('hall settings: read, change (pushed to displays), refuse bad values', async () => {
    const viewer = await connectClient(s.url);
    const before = await api<HallSettings>(s.url, 'GET', '/api/admin/settings', { token: admin });
    expect(before.body.recallLimit).toBe(2);
    const pushed = nextEvent(viewer.socket, 'hall:changed', (c: HallChange) => !!c.hall);
    const r = await api<HallSettings>(s.url, 'PUT', '/api/admin/settings', { token: admin, body: { voiceRepeat: 1, notices: ['今日17:00停止取号'] } });
    expect(r.body).toMatchObject({ voiceRepeat: 1, notices: ['今日17:00停止取号'], recallLimit: 2 });
    expect((await pushed).hall?.notices).toEqual(['今日17:00停止取号']);
    expect((await api(s.url, 'PUT', '/api/admin/settings', { token: admin, body: { voiceRepeat: 9 } })).status).toBe(400);
    const clerk = await login(s.url, 'c01', '1234');
    expect((await api(s.url, 'PUT', '/api/admin/settings', { token: clerk, body: { voiceRepeat: 1 } })).status).toBe(403);
    viewer.socket.close();
  });

  it('queue settings: a new target wait shows in the queue summaries', async () => {
    const r = await api<QueueInfo>(s.url, 'PUT', '/api/admin/queues/F', { token: admin, body: { targetWaitMinutes: 25, name: '不动产登记' } });
    expect(r.body).toMatchObject({ code: 'F', targetWaitMinutes: 25 });
    const snap = await api<{ queues: { code: string; targetWaitMinutes: number }[] }>(s.url, 'GET', '/api/snapshot');
    expect(snap.body.queues.find((q) => q.code === 'F')?.targetWaitMinutes).toBe(25);
    expect((await api(s.url, 'PUT', '/api/admin/queues/Z', { token: admin, body: { targetWaitMinutes: 5 } })).status).toBe(404);
    expect((await api(s.url, 'PUT', '/api/admin/queues/F', { token: admin, body: { numberStart: 50, numberEnd: 10 } })).status).toBe(400);
  });

  it('staff: create with skills and a password, sign in, change skills, deactivate', async () => {
    const created = await api<StaffAccount>(s.url, 'POST', '/api/admin/staff', {
      token: admin,
      body: { username: 'zhang.wei', name: '张伟', role: 'clerk', skills: ['J'], password: 'gjj-2026' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'zhang.wei', skills: ['J'], active: true, demoPassword: false });
    expect((await api(s.url, 'POST', '/api/admin/staff', { token: admin, body: { username: 'zhang.wei', name: 'x', role: 'clerk', skills: [], password: 'abcd' } })).status).toBe(409);

    const token = await login(s.url, 'zhang.wei', 'gjj-2026');
    // Skills decide where one may sign in (人随事定): J yes, T no.
    expect((await api(s.url, 'POST', '/api/windows/3/session', { token })).status).toBe(403);
    expect((await api(s.url, 'POST', '/api/windows/1/session', { token })).status).toBe(200);

    const updated = await api<StaffAccount>(s.url, 'PUT', `/api/admin/staff/${created.body.id}`, { token: admin, body: { skills: ['J', 'T'] } });
    expect(updated.body.skills).toEqual(['J', 'T']);
    expect((await api(s.url, 'POST', '/api/windows/3/session', { token })).status).toBe(200);

    const off = await api<StaffAccount>(s.url, 'PUT', `/api/admin/staff/${created.body.id}`, { token: admin, body: { active: false } });
    expect(off.body.active).toBe(false);
    const snap = await api<{ windows: { no: number; state: string }[] }>(s.url, 'GET', '/api/snapshot');
    expect(snap.body.windows.find((w) => w.no === 3)?.state).toBe('closed');
    expect((await api(s.url, 'GET', '/api/me', { token })).status).toBe(401);
    const list = await api<StaffAccount[]>(s.url, 'GET', '/api/admin/staff', { token: admin });
    expect(list.body.find((u) => u.username === 'zhang.wei')?.active).toBe(false);
    expect(list.body.find((u) => u.username === 'c01')?.demoPassword).toBe(true);
  });

  it('a changed password ends the demo-password warning for that account', async () => {
    const list = await api<StaffAccount[]>(s.url, 'GET', '/api/admin/staff', { token: admin });
    const c30 = list.body.find((u) => u.username === 'c30')!;
    await api(s.url, 'PUT', `/api/admin/staff/${c30.id}`, { token: admin, body: { password: 'new-secret' } });
    expect((await api(s.url, 'POST', '/api/auth/login', { body: { username: 'c30', password: '1234' } })).status).toBe(401);
    expect((await api(s.url, 'POST', '/api/auth/login', { body: { username: 'c30', password: 'new-secret' } })).status).toBe(200);
    const after = await api<StaffAccount[]>(s.url, 'GET', '/api/admin/staff', { token: admin });
    expect(after.body.find((u) => u.username === 'c30')?.demoPassword).toBe(false);
  });

  it('catalogue: add, change and remove a matter; tickets may carry it', async () => {
    const m: Matter = { id: 'F-09', queue: 'F', name: '不动产查询', nameEn: 'Property record search', materials: ['身份证'], timeLimitMinutes: 5 };
    expect((await api<Matter>(s.url, 'PUT', '/api/admin/matters/F-09', { token: admin, body: m })).body).toEqual(m);
    const cat = await api<Catalogue>(s.url, 'GET', '/api/catalogue');
    expect(cat.body.matters.find((x) => x.id === 'F-09')?.materials).toEqual(['身份证']);
    expect((await api<Ticket>(s.url, 'POST', '/api/tickets', { body: { queue: 'F', matters: ['F-09'] } })).status).toBe(201);
    expect((await api(s.url, 'PUT', '/api/admin/matters/F-10', { token: admin, body: { ...m, id: 'F-10', queue: 'Z' } })).status).toBe(404);
    expect((await api(s.url, 'DELETE', '/api/admin/matters/F-09', { token: admin })).status).toBe(200);
    expect((await api(s.url, 'POST', '/api/tickets', { body: { queue: 'F', matters: ['F-09'] } })).status).toBe(400);
  });

  it('a window taken out of service closes, refuses sign-in, and comes back when enabled', async () => {
    const clerk = await login(s.url, 'c09', '1234');
    await api(s.url, 'POST', '/api/windows/8/session', { token: clerk });
    const off = await api<Window>(s.url, 'PUT', '/api/admin/windows/8', { token: admin, body: { enabled: false } });
    expect(off.body).toMatchObject({ no: 8, state: 'closed', disabled: true });
    const refused = await api<{ error: { code: string } }>(s.url, 'POST', '/api/windows/8/session', { token: clerk });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'WINDOW_CLOSED']);
    const on = await api<Window>(s.url, 'PUT', '/api/admin/windows/8', { token: admin, body: { enabled: true } });
    expect(on.body.disabled).toBeUndefined();
    expect((await api(s.url, 'POST', '/api/windows/8/session', { token: clerk })).status).toBe(200);
    expect((await api(s.url, 'PUT', '/api/admin/windows/8', { token: clerk, body: { enabled: false } })).status).toBe(403);
  });

  it('every manager action is in the audit log with who and when', async () => {
    const r = await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit?limit=50', { token: admin });
    const types = r.body.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['SettingsChanged', 'QueueChanged', 'ClerkChanged', 'ClerkRemoved', 'MatterChanged', 'MatterRemoved', 'WindowEnabledChanged']),
    );
    const settings = r.body.find((e) => e.type === 'SettingsChanged')!;
    expect(settings.actor.username).toBe('admin');
    expect(settings.at).toBe('2026-11-30T01:00:00.000Z');
    expect((settings.data as { before: { voiceRepeat: number } }).before.voiceRepeat).toBe(2);
    const older = await api<AuditEntry[]>(s.url, 'GET', `/api/admin/audit?limit=2&before=${r.body[0]!.id}`, { token: admin });
    expect(older.body.map((e) => e.id)).toEqual([r.body[1]!.id, r.body[2]!.id]);
  });

  it('today’s figures per queue and per clerk', async () => {
    const clerk = await login(s.url, 'c02', '1234');
    await api(s.url, 'POST', '/api/windows/26/session', { token: clerk }); // H + L
    await api(s.url, 'POST', '/api/tickets', { body: { queue: 'H' } });
    s.clock.advance(4 * 60_000);
    await api<TicketDetail>(s.url, 'POST', '/api/windows/26/next', { token: clerk });
    s.clock.advance(6 * 60_000);
    await api(s.url, 'POST', '/api/windows/26/complete', { token: clerk });
    const stats = await api<TodayStats>(s.url, 'GET', '/api/stats/today', { token: clerk });
    expect(stats.body.queues.find((q) => q.code === 'H')).toMatchObject({ issued: 1, served: 1, avgWaitSeconds: 240, avgServiceSeconds: 360, slaAttainment: 1 });
    expect(stats.body.clerks.find((c) => c.username === 'c02')).toMatchObject({ served: 1, avgServiceSeconds: 360, windowNo: 26 });
    expect((await api(s.url, 'GET', '/api/stats/today')).status).toBe(401);
  });
});
