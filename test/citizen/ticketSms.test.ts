/**
 * 短信提醒 for a walk-in ticket: its holder adds, replaces or removes the phone for 快到您了
 * (GET/PUT/DELETE /api/tickets/:id/sms), on a real server with a local HTTP gateway. Only a
 * waiting ticket of today, only while the hall texts 快到您了; masked in every answer and the
 * audit; never in snapshots, views or the stats; the text written once, not when added too late.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import { isMobile, type CitizenSettings, type TicketSms } from '../../shared/citizen';
import type { ApiError } from '../../shared/errors';
import type { SmsList } from '../../shared/notify';
import type { Ticket } from '../../shared/schemas';
import { maskPhone } from '../../server/citizen/rules';
import { TICKET_SMS_CHANGES_MAX, TICKET_SMS_UNKNOWN_MAX } from '../../server/notify/ticket-phone-routes';
import { api, connectClient, login, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';
import { startGateway, type Gateway } from './smsGateway';
import { bookOk, callNext, checkIn, complete, issue, nextPhone, openWindow, TODAY } from './support';

describe('the phone a walk-in types', () => {
  it.each([
    ['13912345678', true],
    ['19900000000', true],
    ['12912345678', false], // no mainland mobile starts 12
    ['1391234567', false], // 10 digits
    ['139123456789', false],
    ['1391234567a', false],
    ['', false],
    ['+8613912345678', false],
  ])('%s is a mobile number: %s', (phone, ok) => {
    expect(isMobile(phone)).toBe(ok);
  });
  it('is masked to its first three and last four digits', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
  });
});

let s: TestServer | undefined;
let gw: Gateway | undefined;
let manager = '';

afterEach(async () => {
  await s?.close();
  await gw?.close();
  s = undefined;
  gw = undefined;
});

async function start(opts: { settings?: Partial<CitizenSettings>; dbPath?: string } = {}): Promise<TestServer> {
  gw ??= await startGateway();
  s = await startTestServer({ ...(opts.dbPath ? { dbPath: opts.dbPath } : {}), sms: { url: gw.url, timeoutMs: 2_000, maxAttempts: 3 } });
  manager = await login(s.url, 'admin', 'admin');
  const r = await api(s.url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: true, ...opts.settings } });
  expect(r.status).toBe(200);
  return s;
}
const server = (): TestServer => s!;
const path = (id: string) => `/api/tickets/${id}/sms`;
const setPhone = (id: string, phone: unknown) => api<TicketSms & { error: ApiError }>(server().url, 'PUT', path(id), { body: { phone } });
const removePhone = (id: string) => api<TicketSms & { error: ApiError }>(server().url, 'DELETE', path(id));
const getSms = (id: string) => api<TicketSms & { error: ApiError }>(server().url, 'GET', path(id));
const nearTurns = async () => (await api<SmsList>(server().url, 'GET', '/api/sms', { token: manager })).body.messages.filter((m) => m.kind === 'near_turn');
const sent = () => gw!.requests.filter((r) => r.body.kind === 'near_turn');
const tick = () => server().app.sms.tick();

/** Window 1 serves only queue A, with clerk c01 signed in. */
async function windowForA(): Promise<string> {
  expect((await api(server().url, 'PUT', '/api/windows/1/mapping', { token: manager, body: [{ queue: 'A', role: 'primary' }] })).status).toBe(200);
  return openWindow(server(), 1);
}
/** `before` walk-ins, then the one the test follows. */
async function walkIn(before: number): Promise<Ticket> {
  for (let i = 0; i < before; i++) await issue(server(), 'A');
  return (await issue(server(), 'A')).body;
}

describe('PUT/DELETE /api/tickets/:id/sms', () => {
  it('sets, replaces and removes the phone of a waiting ticket; every answer masked; audited masked', async () => {
    await start();
    const t = await walkIn(5);
    expect((await getSms(t.id)).body).toEqual({ available: true, near: false });
    const first = nextPhone();
    const a = await setPhone(t.id, first);
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ available: true, near: false, phone: maskPhone(first), source: 'ticket' });
    const second = nextPhone();
    expect((await setPhone(t.id, second)).body.phone).toBe(maskPhone(second));
    expect((await getSms(t.id)).body.phone).toBe(maskPhone(second));
    const r = await removePhone(t.id);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ available: true, near: false });

    const audit = (await api<AuditEntry[]>(server().url, 'GET', '/api/admin/audit?limit=20', { token: manager })).body;
    const mine = audit.filter((e) => e.type.startsWith('TicketSmsPhone')).reverse();
    expect(mine.map((e) => e.type)).toEqual(['TicketSmsPhoneAdded', 'TicketSmsPhoneChanged', 'TicketSmsPhoneRemoved']);
    expect(mine[1]!.data).toMatchObject({ before: { number: t.number, phone: maskPhone(first) }, after: { phone: maskPhone(second) } });
    const text = JSON.stringify(audit);
    expect(text).not.toContain(first);
    expect(text).not.toContain(second);
  });

  it('refuses a bad number, an unknown ticket, a called or done ticket, and everything while SMS is off', async () => {
    await start();
    const t = await walkIn(0);
    const bad = await setPhone(t.id, '1391234567');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
    expect((await setPhone('no-such-ticket-1', nextPhone())).body.error.code).toBe('UNKNOWN_TICKET');
    expect((await getSms('no-such-ticket-1')).body.error.code).toBe('UNKNOWN_TICKET');

    const clerk = await windowForA();
    await callNext(server(), 1, clerk);
    const called = await setPhone(t.id, nextPhone());
    expect(called.status).toBe(409);
    expect(called.body.error.code).toBe('INVALID_STATE');
    expect((await getSms(t.id)).body.available).toBe(false);
    await complete(server(), 1, clerk);
    expect((await removePhone(t.id)).body.error.code).toBe('INVALID_STATE');

    const other = await walkIn(0);
    expect((await api(server().url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: false } })).status).toBe(200);
    expect((await getSms(other.id)).body).toEqual({ available: false, near: true });
    expect((await setPhone(other.id, nextPhone())).body.error.code).toBe('INVALID_STATE');
    // SMS on but 快到您了 unticked: the same.
    await api(server().url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: true, smsKinds: ['booked'] } });
    expect((await setPhone(other.id, nextPhone())).body.error.code).toBe('INVALID_STATE');
  });

  it("an appointment's ticket keeps the booking's phone (shown masked, not changed here)", async () => {
    await start();
    const phone = nextPhone();
    const a = await bookOk(server(), { phone, date: TODAY, slot: '09:30', queue: 'A' });
    const ticket = (await checkIn(server(), a.code)).body.ticket;
    expect((await getSms(ticket.id)).body).toMatchObject({ phone: maskPhone(phone), source: 'appointment' });
    expect((await setPhone(ticket.id, nextPhone())).body.error.code).toBe('CONFLICT');
  });

  it('is rate-limited: changes per ticket, unknown ids per address', async () => {
    await start();
    const t = await walkIn(5);
    for (let i = 0; i < TICKET_SMS_CHANGES_MAX; i++) expect((await setPhone(t.id, nextPhone())).status).toBe(200);
    const limited = await setPhone(t.id, nextPhone());
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    // Another ticket is not held back by this one.
    const u = await walkIn(0);
    for (let i = 0; i < TICKET_SMS_UNKNOWN_MAX; i++) expect((await setPhone(`unknown-ticket-${i}`, nextPhone())).status).toBe(404);
    expect((await setPhone(u.id, nextPhone())).body.error.code).toBe('RATE_LIMITED');
    // Ten minutes later the address may try again.
    server().clock.advance(10 * 60_000 + 1);
    expect((await setPhone(u.id, nextPhone())).status).toBe(200);
  });
});

describe('快到您了 to a walk-in', () => {
  it('is written once when the ticket gets three ahead and delivered to the gateway with the full number', async () => {
    await start();
    const t = await walkIn(5);
    const phone = nextPhone();
    expect((await setPhone(t.id, phone)).status).toBe(200);
    const clerk = await windowForA();
    await callNext(server(), 1, clerk); // 4 ahead
    await tick();
    expect(await nearTurns()).toEqual([]);
    await callNext(server(), 1, clerk); // 3 ahead
    await tick();
    const near = await nearTurns();
    expect(near).toHaveLength(1);
    expect(near[0]).toMatchObject({ status: 'sent', phone: maskPhone(phone), ref: `ticket:${TODAY}/${t.number}` });
    expect(near[0]!.text).toBe(`【示范县政务服务中心】快到您了：${t.number} 号前面还有 3 人，请回到大厅留意叫号。`);
    expect(sent().map((r) => r.body.phone)).toEqual([phone]);
    await callNext(server(), 1, clerk);
    await callNext(server(), 1, clerk);
    await tick();
    expect(sent()).toHaveLength(1);
  });

  it('not when added with three or fewer ahead (the answer says near), nor after the phone was removed', async () => {
    await start();
    const late = await walkIn(3);
    const r = await setPhone(late.id, nextPhone());
    expect(r.body).toMatchObject({ near: true, available: true });
    const removed = await walkIn(3); // 7 ahead
    await setPhone(removed.id, nextPhone());
    await removePhone(removed.id);
    const clerk = await windowForA();
    for (let i = 0; i < 6; i++) await callNext(server(), 1, clerk);
    await tick();
    expect(await nearTurns()).toEqual([]);
    expect(sent()).toEqual([]);
  });

  it('after a restart, the ticket is still followed (the phone is stored)', async () => {
    const dbPath = join(tempDir('ticket-sms-'), 'hall.db');
    await start({ dbPath });
    const t = await walkIn(5);
    const phone = nextPhone();
    await setPhone(t.id, phone);
    await server().close();
    s = await startTestServer({ dbPath, sms: { url: gw!.url, timeoutMs: 2_000, maxAttempts: 3 } });
    manager = await login(server().url, 'admin', 'admin');
    expect((await getSms(t.id)).body.phone).toBe(maskPhone(phone));
    const clerk = await windowForA();
    await callNext(server(), 1, clerk);
    await callNext(server(), 1, clerk);
    await tick();
    expect(sent().map((x) => x.body.phone)).toEqual([phone]);
  });

  it('the number is never in a snapshot, a ticket view, a socket change or the day\'s stats', async () => {
    await start();
    const t = await walkIn(5);
    const phone = nextPhone();
    const { socket, snapshot } = await connectClient(server().url);
    const seen: unknown[] = [snapshot];
    socket.onAny((_e: string, ...args: unknown[]) => seen.push(args));
    await setPhone(t.id, phone);
    const clerk = await windowForA();
    for (let i = 0; i < 3; i++) await callNext(server(), 1, clerk);
    await tick();
    seen.push((await api(server().url, 'GET', '/api/snapshot')).body);
    seen.push((await api(server().url, 'GET', `/api/tickets/${t.id}`)).body);
    seen.push((await api(server().url, 'GET', `/api/tickets/${t.id}`, { token: clerk })).body);
    seen.push((await api(server().url, 'GET', `/api/stats/tickets?date=${TODAY}`, { token: manager })).body);
    seen.push((await api(server().url, 'GET', '/api/stats/today', { token: manager })).body);
    socket.close();
    expect(sent()).toHaveLength(1); // the number was in use
    const all = JSON.stringify(seen);
    expect(all).not.toContain(phone);
    expect(all).not.toContain(maskPhone(phone));
  });
});
