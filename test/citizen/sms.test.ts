/**
 * 短信提醒 over the wire: a real server with a manual clock, and a local HTTP server as the SMS
 * gateway. What is written (预约成功, the reminder the day before, 快到您了) and when; delivery,
 * retry after a 500 with backoff, failure after N attempts, a refusal for good, a timeout; the
 * manager's list and retry; without a gateway nothing is sent and the list says so.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment, CitizenSettings } from '../../shared/citizen';
import type { ApiError } from '../../shared/errors';
import type { SmsList, SmsMessage } from '../../shared/notify';
import type { Ticket } from '../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';
import { startGateway, type Gateway } from './smsGateway';
import { bookOk, callNext, checkIn, issue, MIN, nextPhone, openWindow, TODAY, TOMORROW } from './support';

const HOUR = 60 * MIN;
let s: TestServer | undefined;
let gw: Gateway | undefined;
let manager = '';

afterEach(async () => {
  await s?.close();
  await gw?.close();
  s = undefined;
  gw = undefined;
});

/** A server whose gateway is a local HTTP server (`sms: false`: no gateway configured), SMS switched on. */
async function start(opts: { sms?: boolean; maxAttempts?: number; timeoutMs?: number; dbPath?: string; settings?: Partial<CitizenSettings> } = {}): Promise<void> {
  if (opts.sms !== false) gw ??= await startGateway();
  s = await startTestServer({
    ...(opts.dbPath ? { dbPath: opts.dbPath } : {}),
    ...(gw && opts.sms !== false ? { sms: { url: gw.url, token: 'secret-token', timeoutMs: opts.timeoutMs ?? 2_000, maxAttempts: opts.maxAttempts ?? 3 } } : {}),
  });
  manager = await login(s.url, 'admin', 'admin');
  const r = await api(s.url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: true, ...opts.settings } });
  expect(r.status).toBe(200);
}

const server = (): TestServer => s!;
const list = async (q = ''): Promise<SmsList> => (await api<SmsList>(server().url, 'GET', `/api/sms${q}`, { token: manager })).body;
const only = async (): Promise<SmsMessage> => {
  const l = await list();
  expect(l.messages).toHaveLength(1);
  return l.messages[0]!;
};
/** Runs the app's timer work now (reminders, then delivery) and waits for it. */
const tick = () => server().app.sms.tick();
const advance = (ms: number) => server().clock.advance(ms);

describe('预约成功', () => {
  it('is written with the booking and delivered to the webhook: JSON body, bearer token, idempotency key; the list says sent', async () => {
    await start();
    const phone = nextPhone();
    const a = await bookOk(server(), { phone, date: TOMORROW, slot: '09:30', queue: 'A' });
    await tick();
    expect(gw!.requests).toHaveLength(1);
    const req = gw!.requests[0]!;
    expect(req.body).toEqual({
      id: expect.stringMatching(/^.+:\d+$/),
      phone,
      kind: 'booked',
      ref: `appointment:${a.code}`,
      text: `【示范县政务服务中心】预约成功：12月1日 09:30 企业开办，签到码 ${a.code}，请按时到大厅签到。`,
    });
    expect(req.headers.authorization).toBe('Bearer secret-token');
    expect(req.headers['idempotency-key']).toBe(req.body.id);
    expect(req.headers['content-type']).toBe('application/json');

    const l = await list();
    expect(l.gateway).toEqual({ configured: true, target: gw!.url, maxAttempts: 3, receipts: false });
    expect(l.counts).toEqual({ pending: 0, sent: 1, failed: 0, undelivered: 0 });
    expect(l.messages[0]).toMatchObject({ kind: 'booked', status: 'sent', attempts: 1, phone: `${phone.slice(0, 3)}****${phone.slice(7)}`, sentAt: new Date(server().clock.now()).toISOString() });
    expect(l.messages[0]!.lastError).toBeUndefined();
    // Sent once: later ticks send nothing more.
    advance(HOUR);
    await tick();
    expect(gw!.requests).toHaveLength(1);
  });

  it('nothing is written while SMS is off (the default) or the kind is unticked', async () => {
    await start({ settings: { smsEnabled: false } });
    await bookOk(server());
    expect((await api(server().url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: true, smsKinds: ['reminder', 'near_turn'] } })).status).toBe(200);
    await bookOk(server());
    await tick();
    expect((await list()).messages).toEqual([]);
    expect(gw!.requests).toEqual([]);
  });

  it('without a gateway nothing is sent: the message waits, the list says not configured', async () => {
    await start({ sms: false });
    await bookOk(server());
    await tick();
    advance(HOUR);
    await tick();
    const l = await list();
    expect(l.gateway).toEqual({ configured: false, maxAttempts: 5, receipts: false });
    expect(l.counts).toEqual({ pending: 1, sent: 0, failed: 0, undelivered: 0 });
    expect(l.messages[0]).toMatchObject({ status: 'pending', attempts: 0 });
    expect(l.messages[0]!.sentAt).toBeUndefined();
  });
});

describe('connecting the platform later', () => {
  it('messages kept while no gateway was configured go out at the start with one, unless their moment has passed', async () => {
    const dbPath = join(tempDir('sms-'), 'hall.db');
    await start({ sms: false, dbPath });
    const later = await bookOk(server(), { date: TOMORROW, slot: '09:30' });
    await bookOk(server(), { date: TODAY, slot: '09:30' });
    await server().close();
    gw = await startGateway();
    // Restarted at 10:00 with the webhook set: today's 09:30 text is stale, tomorrow's goes out.
    s = await startTestServer({ dbPath, now: Date.parse('2026-11-30T02:00:00Z'), sms: { url: gw.url, timeoutMs: 2_000, maxAttempts: 3 } });
    await expect.poll(() => gw!.requests.length).toBe(1);
    expect(gw.requests[0]!.body.ref).toBe(`appointment:${later.code}`);
    manager = await login(server().url, 'admin', 'admin');
    expect((await list()).counts).toEqual({ pending: 0, sent: 1, failed: 1, undelivered: 0 });
  });
});

describe('delivery', () => {
  it('a 500 is retried after 30 s (backoff), with the same id; then sent', async () => {
    await start();
    gw!.answers.push({ status: 500, body: 'gateway overloaded' });
    await bookOk(server());
    await tick();
    let m = await only();
    expect(m).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500: gateway overloaded', nextAttemptAt: new Date(server().clock.now() + 30_000).toISOString() });
    advance(29_000);
    await tick();
    expect(gw!.requests).toHaveLength(1);
    advance(1_000);
    await tick();
    expect(gw!.requests).toHaveLength(2);
    expect(gw!.requests[1]!.body.id).toBe(gw!.requests[0]!.body.id);
    m = await only();
    expect(m).toMatchObject({ status: 'sent', attempts: 2 });
    expect(m.lastError).toBeUndefined();
  });

  it('fails after N attempts (30 s, then 60 s apart); a manager retries it and it is sent; audited', async () => {
    await start({ maxAttempts: 3 });
    gw!.otherwise = { status: 503 };
    await bookOk(server(), { date: TOMORROW });
    await tick();
    advance(30_000);
    await tick();
    expect((await only()).nextAttemptAt).toBe(new Date(server().clock.now() + 60_000).toISOString());
    advance(60_000);
    await tick();
    expect(gw!.requests).toHaveLength(3);
    const failed = await only();
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 503' });
    advance(HOUR);
    await tick();
    expect(gw!.requests).toHaveLength(3);

    const guide = await login(server().url, 'guide', '1234');
    expect((await api(server().url, 'POST', `/api/sms/${failed.id}/retry`, { token: guide })).status).toBe(403);
    expect((await api(server().url, 'GET', '/api/sms', { token: guide })).status).toBe(403);
    expect((await api(server().url, 'GET', '/api/sms')).status).toBe(401);

    gw!.otherwise = { status: 200 };
    const r = await api<SmsMessage>(server().url, 'POST', `/api/sms/${failed.id}/retry`, { token: manager });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'pending', attempts: 0 });
    await tick();
    expect(await only()).toMatchObject({ status: 'sent', attempts: 1 });
    const again = await api<{ error: ApiError }>(server().url, 'POST', `/api/sms/${failed.id}/retry`, { token: manager });
    expect(again.status).toBe(409);
    expect((await api(server().url, 'POST', '/api/sms/999999/retry', { token: manager })).status).toBe(404);
    const audit = await api<{ type: string; before?: unknown; after?: unknown }[]>(server().url, 'GET', '/api/admin/audit?limit=5', { token: manager });
    expect(audit.body.find((e) => e.type === 'SmsRetried')).toMatchObject({
      before: { id: failed.id, kind: 'booked', status: 'failed', attempts: 3, lastError: 'HTTP 503', phone: expect.stringContaining('****') },
      after: { id: failed.id, status: 'pending', attempts: 0 },
    });
  });

  it('a 400 is refused for good: failed at once, not retried', async () => {
    await start();
    gw!.answers.push({ status: 400, body: '{"error":"bad phone"}' });
    await bookOk(server());
    await tick();
    advance(HOUR);
    await tick();
    expect(gw!.requests).toHaveLength(1);
    expect(await only()).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 400: {"error":"bad phone"}' });
  });

  it('a gateway that does not answer in time counts as a failed attempt, retried', async () => {
    await start({ timeoutMs: 200 });
    gw!.answers.push({ status: 200, delayMs: 1_500 });
    await bookOk(server());
    await tick();
    expect(await only()).toMatchObject({ status: 'pending', attempts: 1, lastError: 'no answer within 200 ms' });
    advance(30_000);
    await tick();
    expect(await only()).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a message whose moment has passed is given up, not sent late; it cannot be retried', async () => {
    await start();
    gw!.otherwise = { status: 500 };
    await bookOk(server(), { date: TODAY, slot: '10:00' });
    await tick();
    server().clock.set(Date.parse('2026-11-30T02:00:00Z')); // 10:00: the slot has begun
    gw!.otherwise = { status: 200 };
    await tick();
    expect(gw!.requests).toHaveLength(1);
    const m = await only();
    expect(m).toMatchObject({ status: 'failed', lastError: 'expired' });
    manager = await login(server().url, 'admin', 'admin');
    const r = await api<{ error: ApiError }>(server().url, 'POST', `/api/sms/${m.id}/retry`, { token: manager });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/out of date/);
  });
});

describe('the reminder the day before', () => {
  /** Clock to a local (Shanghai) time of Monday 11-30. */
  const at = (hhmm: string) => server().clock.set(Date.parse(`2026-11-30T${hhmm}:00+08:00`));

  it('goes at the reminder hour to tomorrow\'s booked appointments, once; not to cancelled ones, other days, or ones booked after the hour', async () => {
    await start({ sms: false, settings: { smsReminderHour: 18 } });
    const phone = nextPhone();
    const a = await bookOk(server(), { phone, date: TOMORROW, slot: '10:00', queue: 'E' });
    const cancelled = await bookOk(server(), { date: TOMORROW, slot: '10:30' });
    await bookOk(server(), { date: '2026-12-02' });
    expect((await api<Appointment>(server().url, 'POST', `/api/appointments/${cancelled.id}/cancel`)).status).toBe(200);

    at('17:59');
    await tick();
    expect((await list('?status=pending')).messages.filter((m) => m.kind === 'reminder')).toEqual([]);
    at('18:00');
    await tick();
    manager = await login(server().url, 'admin', 'admin');
    let reminders = (await list()).messages.filter((m) => m.kind === 'reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({
      ref: `appointment:${a.code}`,
      text: `【示范县政务服务中心】提醒：您预约了明天（12月1日）10:00 社保医保，签到码 ${a.code}。如不能前来请提前取消。`,
      expiresAt: '2026-11-30T14:00:00.000Z', // 22:00 today: no reminder at night
    });
    // Booked after the hour: its 预约成功 text said it all.
    await bookOk(server(), { date: TOMORROW, slot: '11:00' });
    at('20:00');
    await tick();
    reminders = (await list()).messages.filter((m) => m.kind === 'reminder');
    expect(reminders).toHaveLength(1);
  });

  it('none from 22:00 (a server down at the hour does not text at night); a cancelled appointment\'s waiting reminder is dropped', async () => {
    await start({ sms: false, settings: { smsReminderHour: 20 } });
    const a = await bookOk(server(), { date: TOMORROW, slot: '10:00' });
    at('22:00');
    await tick();
    manager = await login(server().url, 'admin', 'admin');
    expect((await list()).messages.filter((m) => m.kind === 'reminder')).toEqual([]);
    at('21:59');
    await tick();
    expect((await list()).messages.filter((m) => m.kind === 'reminder')).toHaveLength(1);
    await api(server().url, 'POST', `/api/appointments/${a.id}/cancel`);
    const dropped = (await list()).messages.filter((m) => m.ref === `appointment:${a.code}`);
    expect(dropped.map((m) => [m.kind, m.status, m.lastError])).toEqual([
      ['reminder', 'failed', 'cancelled'],
      ['booked', 'failed', 'cancelled'],
    ]);
  });
});

describe('the reminder, delivered', () => {
  it('still failing at 22:00 it is given up, not sent at night (nor "明天" after midnight)', async () => {
    await start({ settings: { smsReminderHour: 21, smsKinds: ['reminder'] } });
    gw!.otherwise = { status: 503 };
    await bookOk(server(), { date: TOMORROW, slot: '10:00' });
    server().clock.set(Date.parse('2026-11-30T21:58:00+08:00'));
    await tick();
    expect(gw!.requests).toHaveLength(1);
    server().clock.set(Date.parse('2026-11-30T22:00:00+08:00'));
    gw!.otherwise = { status: 200 };
    await tick();
    expect(gw!.requests).toHaveLength(1);
    manager = await login(server().url, 'admin', 'admin');
    expect(await only()).toMatchObject({ kind: 'reminder', status: 'failed', lastError: 'expired', expiresAt: new Date(Date.parse('2026-11-30T22:00:00+08:00')).toISOString() });
  });
});

describe('快到您了', () => {
  /** Window 1 serves only queue A, with clerk c01 signed in. */
  async function windowForA(): Promise<string> {
    expect((await api(server().url, 'PUT', '/api/windows/1/mapping', { token: manager, body: [{ queue: 'A', role: 'primary' }] })).status).toBe(200);
    return openWindow(server(), 1);
  }
  const ahead = async (id: string) => (await api<Ticket>(server().url, 'GET', `/api/tickets/${id}`)).body.ahead;

  it('is sent once when an appointment\'s ticket gets three or fewer ahead, by the phone page\'s rule', async () => {
    await start();
    const phone = nextPhone();
    for (let i = 0; i < 5; i++) await issue(server(), 'A'); // walk-ins before the 09:30 slot
    const a = await bookOk(server(), { phone, date: TODAY, slot: '09:30', queue: 'A' });
    const ticket = (await checkIn(server(), a.code)).body.ticket;
    expect(await ahead(ticket.id)).toBe(5);
    const clerk = await windowForA();

    await callNext(server(), 1, clerk); // 4 ahead: nothing yet
    await tick();
    expect((await list()).messages.filter((m) => m.kind === 'near_turn')).toEqual([]);
    await callNext(server(), 1, clerk); // 3 ahead
    await tick();
    const near = (await list()).messages.filter((m) => m.kind === 'near_turn');
    expect(near).toHaveLength(1);
    expect(near[0]).toMatchObject({ status: 'sent', ref: `ticket:${TODAY}/${ticket.number}`, text: `【示范县政务服务中心】快到您了：${ticket.number} 号前面还有 3 人，请回到大厅留意叫号。` });
    expect(gw!.requests.filter((r) => r.body.kind === 'near_turn').map((r) => r.body.phone)).toEqual([phone]);

    await callNext(server(), 1, clerk); // 2 ahead: not again
    await callNext(server(), 1, clerk);
    await tick();
    expect((await list()).messages.filter((m) => m.kind === 'near_turn')).toHaveLength(1);
  });

  it('not when the ticket is near already at check-in (the kiosk shows the count), nor for walk-ins (no phone)', async () => {
    await start();
    for (let i = 0; i < 2; i++) await issue(server(), 'A');
    const a = await bookOk(server(), { date: TODAY, slot: '09:30', queue: 'A' });
    expect((await checkIn(server(), a.code)).status).toBe(201);
    for (let i = 0; i < 6; i++) await issue(server(), 'A');
    const clerk = await windowForA();
    for (let i = 0; i < 4; i++) await callNext(server(), 1, clerk);
    await tick();
    expect((await list()).messages.filter((m) => m.kind === 'near_turn')).toEqual([]);
  });

  it('after a restart, today\'s checked-in tickets are followed again', async () => {
    const dbPath = join(tempDir('sms-'), 'hall.db');
    await start({ dbPath });
    for (let i = 0; i < 5; i++) await issue(server(), 'A');
    const a = await bookOk(server(), { date: TODAY, slot: '09:30', queue: 'A' });
    const ticket = (await checkIn(server(), a.code)).body.ticket;
    await server().close();
    s = await startTestServer({ dbPath, sms: { url: gw!.url, timeoutMs: 2_000, maxAttempts: 3 } });
    manager = await login(server().url, 'admin', 'admin');
    const clerk = await windowForA();
    await callNext(server(), 1, clerk);
    await callNext(server(), 1, clerk);
    await tick();
    expect(gw!.requests.filter((r) => r.body.kind === 'near_turn').map((r) => r.body.ref)).toEqual([`ticket:${TODAY}/${ticket.number}`]);
  });
});

describe('the SMS settings', () => {
  it('defaults off with all three kinds at 18:00; bad values refused with the field named; changes audited', async () => {
    s = await startTestServer();
    manager = await login(server().url, 'admin', 'admin');
    expect((await api<CitizenSettings>(server().url, 'GET', '/api/citizen/settings')).body).toMatchObject({
      smsEnabled: false,
      smsKinds: ['booked', 'reminder', 'near_turn'],
      smsReminderHour: 18,
    });
    for (const [bad, field] of [
      [{ smsReminderHour: 6 }, 'smsReminderHour'],
      [{ smsReminderHour: 22 }, 'smsReminderHour'],
      [{ smsReminderHour: 18.5 }, 'smsReminderHour'],
      [{ smsEnabled: 'yes' }, 'smsEnabled'],
      [{ smsKinds: ['booked', 'fax'] }, 'smsKinds'],
      [{ smsKinds: ['booked', 'booked'] }, 'smsKinds'],
      [{ smsEnabled: true, smsKinds: [] }, 'smsKinds'],
    ] as const) {
      const r = await api<{ error: ApiError }>(server().url, 'PUT', '/api/citizen/settings', { token: manager, body: bad });
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.message).toMatch(new RegExp(`^${field}(\\.\\d+)?: `));
    }
    const r = await api<CitizenSettings>(server().url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: true, smsKinds: ['near_turn'], smsReminderHour: 9 } });
    expect(r.status).toBe(200);
    const audit = await api<{ type: string; before?: Partial<CitizenSettings>; after?: Partial<CitizenSettings> }[]>(server().url, 'GET', '/api/admin/audit?limit=3', { token: manager });
    expect(audit.body.find((e) => e.type === 'CitizenSettingsChanged')).toMatchObject({
      before: { smsEnabled: false, smsReminderHour: 18 },
      after: { smsEnabled: true, smsKinds: ['near_turn'], smsReminderHour: 9 },
    });
  });
});
