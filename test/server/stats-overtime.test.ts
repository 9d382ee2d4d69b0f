/**
 * 延时服务 on a real server with the test clock: 作息时间 saved with the hall settings (checked,
 * audited, kept over a restart), a service across 17:00 counted in stats:day and stats:range,
 * each day by the hours it had, and "not set" said as no figure rather than 0. Then 法定节假日
 * (offDates) and 调休上班 (onDates): a holiday's service counts whole, a make-up Saturday's only
 * outside the spans, and a holiday listed late puts its past day right.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, HallSettings, WorkHours } from '../../shared/admin';
import type { DayStats, RangeStats } from '../../shared/stats';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';

const MIN = 60_000;
/** An instant of the hall's clock (Shanghai). */
const at = (date: string, time: string): number => Date.parse(`${date}T${time}:00+08:00`);
const DEMO: WorkHours = {
  spans: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
  days: [1, 2, 3, 4, 5],
};
const LATER: WorkHours = { spans: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:30' }], days: [1, 2, 3, 4, 5] };

/** The manager's and clerk c01's tokens, signed in again after a day change (sessions end with the day). */
async function tokens(s: TestServer) {
  return { admin: await login(s.url, 'admin', 'admin'), clerk: await login(s.url, 'c01', '1234') };
}

/** Clerk c01 at window 9 calls, starts and (after `minutes`) completes the next ticket of queue A. */
async function serveOne(s: TestServer, clerk: string, minutes: number): Promise<void> {
  await api(s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
  await api(s.url, 'POST', '/api/windows/9/next', { token: clerk });
  await api(s.url, 'POST', '/api/windows/9/start', { token: clerk });
  s.clock.advance(minutes * MIN);
  await api(s.url, 'POST', '/api/windows/9/complete', { token: clerk });
}

describe('延时服务', () => {
  it('作息时间: the demo’s, checked, saved, audited; a service across 17:00 counted by day and range, each day by its own hours', async () => {
    const dbPath = join(tempDir('overtime-'), 'hall.db');
    const s = await startTestServer({ dbPath });
    let closed = false;
    try {
      let t = await tokens(s);
      const settings = () => api<HallSettings>(s.url, 'GET', '/api/admin/settings', { token: t.admin });
      const put = (body: unknown) => api<HallSettings>(s.url, 'PUT', '/api/admin/settings', { token: t.admin, body });
      const day = async (date?: string) => (await api<DayStats>(s.url, 'GET', `/api/stats/day${date ? `?date=${date}` : ''}`, { token: t.admin })).body;
      const c01 = (f: DayStats | RangeStats) => f.clerks.find((c) => c.username === 'c01');

      expect((await settings()).body.workHours).toEqual(DEMO);
      // The rule of 取号时间's spans, working days 0–6 each once, and no spans without a day to work.
      for (const bad of [
        { spans: [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }], days: [1] },
        { spans: [{ start: '12:00', end: '09:00' }], days: [1] },
        { spans: [{ start: '09:00', end: '17:00' }], days: [] },
        { spans: [{ start: '09:00', end: '17:00' }], days: [1, 1] },
        { spans: [{ start: '09:00', end: '17:00' }], days: [7] },
        { spans: Array.from({ length: 7 }, (_, i) => ({ start: `0${i}:00`, end: `0${i}:30` })), days: [1] },
      ]) {
        expect((await put({ workHours: bad })).status, JSON.stringify(bad)).toBe(400);
      }
      expect((await api(s.url, 'PUT', '/api/admin/settings', { token: t.clerk, body: { workHours: LATER } })).status).toBe(403);

      // Monday 2026-11-30: called at 16:50, served 25 minutes: 15 of them after 17:00.
      await api(s.url, 'POST', '/api/windows/9/session', { token: t.clerk });
      s.clock.set(at('2026-11-30', '16:50'));
      await serveOne(s, t.clerk, 25);
      // The next one is under way at 17:25: it counts to now (10 minutes so far).
      await api(s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
      await api(s.url, 'POST', '/api/windows/9/next', { token: t.clerk });
      await api(s.url, 'POST', '/api/windows/9/start', { token: t.clerk });
      s.clock.advance(10 * MIN);
      const live = await day();
      expect(c01(live)).toMatchObject({ served: 1, overtimeSeconds: 25 * 60, overtimeTickets: 2 });
      expect(live.overtime).toEqual({ workHours: DEMO, seconds: 25 * 60, tickets: 2 });
      await api(s.url, 'POST', '/api/windows/9/complete', { token: t.clerk });
      const monday = await day();
      expect(monday.overtime).toMatchObject({ seconds: 25 * 60, tickets: 2 });

      // Tuesday: the hall now closes at 17:30 (audited). Monday keeps the hours it had.
      s.clock.set(at('2026-12-01', '09:00'));
      await api(s.url, 'POST', '/api/tickets', { body: { queue: 'B' } }); // the first command of the day ends Monday
      t = await tokens(s);
      expect((await put({ workHours: LATER })).body.workHours).toEqual(LATER);
      const audit = (await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit', { token: t.admin })).body;
      const entry = audit.find((e) => e.type === 'SettingsChanged');
      expect(entry?.data).toMatchObject({ settings: { workHours: LATER }, before: { workHours: DEMO } });
      expect((await day('2026-11-30')).overtime).toEqual({ workHours: DEMO, seconds: 25 * 60, tickets: 2 });

      // Tuesday 17:20–17:40 by the new hours: 10 minutes. The range adds both days up.
      await api(s.url, 'POST', '/api/windows/9/session', { token: t.clerk });
      s.clock.set(at('2026-12-01', '17:20'));
      await serveOne(s, t.clerk, 20);
      expect((await day()).overtime).toEqual({ workHours: LATER, seconds: 10 * 60, tickets: 1 });
      const range = (await api<RangeStats>(s.url, 'GET', '/api/stats/range?from=2026-11-30&to=2026-12-01', { token: t.admin })).body;
      expect(c01(range)).toMatchObject({ served: 3, overtimeSeconds: 35 * 60, overtimeTickets: 3 });
      expect(range.overtime).toEqual({ workHours: LATER, seconds: 35 * 60, tickets: 3 });

      // Cleared: today says nothing (not 0); Monday, which had hours, still counts.
      expect((await put({ workHours: { spans: [], days: [1, 2, 3, 4, 5] } })).status).toBe(200);
      const cleared = await day();
      expect(cleared.overtime).toBeUndefined();
      expect(c01(cleared)).not.toHaveProperty('overtimeSeconds');
      expect((await day('2026-11-30')).overtime).toMatchObject({ seconds: 25 * 60 });

      // Kept over a restart, as every hall setting.
      await put({ workHours: LATER });
      await s.close();
      closed = true;
      const again = await startTestServer({ dbPath, now: at('2026-12-01', '18:00') });
      try {
        const admin = await login(again.url, 'admin', 'admin');
        expect((await api<HallSettings>(again.url, 'GET', '/api/admin/settings', { token: admin })).body.workHours).toEqual(LATER);
        const past = (await api<DayStats>(again.url, 'GET', '/api/stats/day?date=2026-11-30', { token: admin })).body;
        expect(past.overtime).toEqual({ workHours: DEMO, seconds: 25 * 60, tickets: 2 });
      } finally {
        await again.close();
      }
    } finally {
      if (!closed) await s.close();
    }
  });

  it('节假日 and 调休上班: listed with 作息时间 (checked, audited), a holiday counted whole, a make-up Saturday by the spans', async () => {
    const s = await startTestServer();
    try {
      let t = await tokens(s);
      const put = (body: unknown) => api<HallSettings>(s.url, 'PUT', '/api/admin/settings', { token: t.admin, body });
      const day = async (date?: string) => (await api<DayStats>(s.url, 'GET', `/api/stats/day${date ? `?date=${date}` : ''}`, { token: t.admin })).body;
      /** The first command of a new day ends the last one; sessions end with it, so sign in again. */
      const openDay = async (date: string, time: string) => {
        s.clock.set(at(date, time));
        await api(s.url, 'POST', '/api/tickets', { body: { queue: 'B' } });
        t = await tokens(s);
        await api(s.url, 'POST', '/api/windows/9/session', { token: t.clerk });
      };

      for (const bad of [
        { ...DEMO, offDates: ['2027-01-01', '2027-01-01'] },
        { ...DEMO, offDates: ['2027-01-01'], onDates: ['2027-01-01'] },
        { ...DEMO, onDates: ['2027-1-1'] },
        { ...DEMO, offDates: Array.from({ length: 401 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10)) },
      ]) {
        expect((await put({ workHours: bad })).status, JSON.stringify(bad).slice(0, 120)).toBe(400);
      }
      // 元旦 2027 falls on a Friday (ticked); Saturday 5 December is worked (调休上班).
      const HOLIDAYS: WorkHours = { ...DEMO, offDates: ['2027-01-01'], onDates: ['2026-12-05'] };
      expect((await put({ workHours: HOLIDAYS })).body.workHours).toEqual(HOLIDAYS);
      const audit = (await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit', { token: t.admin })).body;
      expect(audit.find((e) => e.type === 'SettingsChanged')?.data).toMatchObject({ settings: { workHours: HOLIDAYS }, before: { workHours: DEMO } });

      // Thursday 3 December, 10:00–10:30: inside the spans of an ordinary day.
      await openDay('2026-12-03', '10:00');
      await serveOne(s, t.clerk, 30);
      expect((await day()).overtime).toEqual({ workHours: DEMO, seconds: 0, tickets: 0 });

      // The 调休 Saturday: 10:00–10:30 is working time; 17:10–17:30 is 延时服务.
      await openDay('2026-12-05', '10:00');
      await serveOne(s, t.clerk, 30);
      s.clock.set(at('2026-12-05', '17:10'));
      await serveOne(s, t.clerk, 20);
      expect((await day()).overtime).toEqual({ workHours: { ...DEMO, onDates: ['2026-12-05'] }, seconds: 20 * 60, tickets: 1 });

      // 元旦, 10:00–10:30 on a ticked Friday: the whole service.
      await openDay('2027-01-01', '10:00');
      await serveOne(s, t.clerk, 30);
      const newYear = await day();
      expect(newYear.overtime).toEqual({ workHours: { ...DEMO, offDates: ['2027-01-01'] }, seconds: 30 * 60, tickets: 1 });
      expect(newYear.clerks.find((c) => c.username === 'c01')).toMatchObject({ overtimeSeconds: 30 * 60, overtimeTickets: 1 });

      // 3 December was a day off after all, listed a month late: its service now counts whole.
      await put({ workHours: { ...HOLIDAYS, offDates: ['2026-12-03', '2027-01-01'] } });
      expect((await day('2026-12-03')).overtime).toMatchObject({ seconds: 30 * 60, tickets: 1 });
      const range = (await api<RangeStats>(s.url, 'GET', '/api/stats/range?from=2026-12-01&to=2027-01-01', { token: t.admin })).body;
      expect(range.overtime).toEqual({ workHours: { ...DEMO, offDates: ['2026-12-03', '2027-01-01'], onDates: ['2026-12-05'] }, seconds: 80 * 60, tickets: 3 });
    } finally {
      await s.close();
    }
  });
});
