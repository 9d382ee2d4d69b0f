/**
 * 个人信息保存期限 over the wire: a real server with a manual clock and a local SMS gateway. Names
 * and phones older than the hall's period are masked by a clean-up (at start, hourly, or a
 * manager's 立即清理), audited with counts; newer ones stay; walk-ins' phones go after their day;
 * the 爽约 rule's reach is never cut short; only managers see or run it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment, RetentionStatus } from '../../shared/citizen';
import type { AuditEntry } from '../../shared/admin';
import type { Ticket } from '../../shared/schemas';
import type { ApiError } from '../../shared/errors';
import { maskPhone } from '../../server/citizen/rules';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { startGateway, type Gateway } from './smsGateway';
import { bookOk, issue, nextPhone, TODAY } from './support';

let s: TestServer;
let gw: Gateway;
let manager: string;

afterEach(async () => {
  await s.close();
  await gw.close();
});

async function start(): Promise<void> {
  gw = await startGateway();
  s = await startTestServer({ sms: { url: gw.url, timeoutMs: 2_000, maxAttempts: 3 } });
  manager = await login(s.url, 'admin', 'admin');
  expect((await api(s.url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: true } })).status).toBe(200);
}
/** Local 09:00 of a day in Shanghai; a fresh manager token (sessions expire over months). */
async function moveTo(date: string): Promise<void> {
  s.clock.set(Date.parse(`${date}T01:00:00Z`));
  manager = await login(s.url, 'admin', 'admin');
}
const status = async () => (await api<RetentionStatus>(s.url, 'GET', '/api/citizen/retention', { token: manager })).body;
const runNow = async () => (await api<RetentionStatus>(s.url, 'POST', '/api/citizen/retention/run', { token: manager })).body;
const appointment = async (id: string) => (await api<Appointment>(s.url, 'GET', `/api/appointments/${id}`, { token: manager })).body;
const none = { appointments: 0, pardons: 0, sms: 0, ticketPhones: 0, idCards: 0, deferrals: 0 };

describe('个人信息保存期限', () => {
  it('masks an appointment, its texts and a walk-in phone once they are old enough; newer ones stay; audited with counts', async () => {
    await start();
    const phone = nextPhone();
    const old = await bookOk(s, { phone, name: '王小明', date: TODAY });
    const walkIn: Ticket = (await issue(s, 'A')).body;
    const walkInPhone = nextPhone();
    expect((await api(s.url, 'PUT', `/api/tickets/${walkIn.id}/sms`, { body: { phone: walkInPhone } })).status).toBe(200);
    await s.app.sms.tick(); // the 预约成功 text goes out (only sent ones are masked: a pending one is left to go)
    expect(gw.requests.map((r) => r.body.phone)).toContain(phone);

    const first = await status();
    expect(first).toMatchObject({ personalDataDays: 180, keptDays: 180, cutoff: '2026-06-03', pending: none });
    expect(first.lastRun?.at).toBe(s.clock.now()); // the clean-up at start

    // The next day the walk-in's phone has done its work.
    await moveTo('2026-12-01');
    expect((await status()).pending).toEqual({ ...none, ticketPhones: 1 });
    expect((await runNow()).lastRun?.counts).toEqual({ ...none, ticketPhones: 1 });

    // Half a year on, a newer booking stays in full while the old one is masked.
    await moveTo('2027-05-28');
    const recentPhone = nextPhone();
    const recent = await bookOk(s, { phone: recentPhone, name: '李雷', date: '2027-05-28' });
    await moveTo('2027-06-01');
    const due = await status();
    expect(due.cutoff).toBe('2026-12-03');
    expect(due.pending).toEqual({ ...none, appointments: 1, sms: 1 });
    const after = await runNow();
    expect(after.lastRun).toEqual({ at: s.clock.now(), counts: { ...none, appointments: 1, sms: 1 } });
    expect(after.pending).toEqual(none);

    expect(await appointment(old.id)).toMatchObject({ name: '王**', phone: maskPhone(phone) });
    expect(await appointment(recent.id)).toMatchObject({ name: '李雷', phone: recentPhone });
    const texts = (await api<{ messages: { phone: string; ref: string }[] }>(s.url, 'GET', '/api/sms', { token: manager })).body.messages;
    expect(texts.find((m) => m.ref === `appointment:${old.code}`)?.phone).toBe(maskPhone(phone));

    const audit = (await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit?limit=50', { token: manager })).body.filter((e) => e.type === 'PersonalDataPurged');
    expect(audit.map((e) => e.data)).toEqual([
      expect.objectContaining({ after: { cutoff: '2026-12-03', keptDays: 180, ...none, appointments: 1, sms: 1 } }),
      expect.objectContaining({ after: { cutoff: '2026-06-04', keptDays: 180, ...none, ticketPhones: 1 } }),
    ]);
    expect(audit[0]!.actor).toMatchObject({ username: 'admin' });
    expect(JSON.stringify(audit)).not.toContain(phone);
  });

  it('runs by itself at most once an hour', async () => {
    await start();
    const walkIn: Ticket = (await issue(s, 'A')).body;
    expect((await api(s.url, 'PUT', `/api/tickets/${walkIn.id}/sms`, { body: { phone: nextPhone() } })).status).toBe(200);
    const started = s.clock.now();
    const tickAt = async (at: number) => {
      s.clock.set(at);
      s.app.retention.tick();
      manager = await login(s.url, 'admin', 'admin');
      return (await status()).lastRun;
    };
    const at = Date.parse('2026-11-30T16:30:00Z'); // 00:30 the next day
    expect(await tickAt(at)).toEqual({ at, counts: { ...none, ticketPhones: 1 } });
    expect((await tickAt(at + 59 * 60_000))?.at).toBe(at);
    expect((await tickAt(at + 60 * 60_000))?.at).toBe(at + 60 * 60_000);
    expect(started).toBeLessThan(at);
  });

  it('keeps numbers as long as the 爽约 rule reads them, whatever the setting says', async () => {
    await start();
    const put = (body: unknown) => api<{ error?: ApiError }>(s.url, 'PUT', '/api/citizen/settings', { token: manager, body });
    expect((await put({ personalDataDays: 30 })).status).toBe(200);
    expect(await status()).toMatchObject({ personalDataDays: 30, keptDays: 60, cutoff: '2026-10-01' });
    expect((await put({ missedLimit: 0 })).status).toBe(200);
    expect(await status()).toMatchObject({ personalDataDays: 30, keptDays: 30, cutoff: '2026-10-31' });
    for (const bad of [6, 1096, 30.5, '30']) {
      const r = await put({ personalDataDays: bad });
      expect(r.status).toBe(400);
      expect(r.body.error?.message).toMatch(/personalDataDays/);
    }
    expect((await status()).personalDataDays).toBe(30);
  });

  it('is for managers only', async () => {
    await start();
    const clerk = await login(s.url, 'c01', '1234');
    for (const token of [undefined, clerk]) {
      const opts = token ? { token } : {};
      expect((await api(s.url, 'GET', '/api/citizen/retention', opts)).status).toBe(token ? 403 : 401);
      expect((await api(s.url, 'POST', '/api/citizen/retention/run', opts)).status).toBe(token ? 403 : 401);
    }
  });
});
