/**
 * 求助短信 and 轮到您了 over the wire: a real server with the test clock and a local HTTP gateway.
 * A 求助 unanswered N minutes is texted once to each duty phone; answered in time, none; answered
 * after it was written but before it went out, dropped; a restart writes none twice and drops what
 * was answered meanwhile; still unanswered later, once to each leader's phone (the second tier). A called ticket that carries a phone gets one 轮到您了; a recall none.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssistSmsSettings, AuditEntry } from '../../shared/admin';
import type { AssistRequest } from '../../shared/assist';
import type { CitizenSettings } from '../../shared/citizen';
import type { ApiError } from '../../shared/errors';
import type { SmsList, SmsMessage } from '../../shared/notify';
import type { Ticket } from '../../shared/schemas';
import { maskPhone } from '../../server/citizen/rules';
import { openDatabase } from '../../server/store/open';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';
import { startGateway, type Gateway } from './smsGateway';
import { bookOk, callNext, checkIn, issue, MIN, nextPhone, openWindow, TODAY } from './support';

const DUTY = ['13800000001', '13800000002'];
const LEADERS = ['13900000001', '13900000002'];
let s: TestServer | undefined;
let gw: Gateway | undefined;
let manager = '';

afterEach(async () => {
  await s?.close();
  await gw?.close();
  s = undefined;
  gw = undefined;
});

interface Start {
  /** false: no gateway configured (messages wait as 未配置). */
  gateway?: boolean;
  dbPath?: string;
  now?: number;
  settings?: Partial<CitizenSettings>;
  assist?: AssistSmsSettings | null;
}

async function start(o: Start = {}): Promise<TestServer> {
  if (o.gateway !== false) gw ??= await startGateway();
  s = await startTestServer({
    ...(o.dbPath ? { dbPath: o.dbPath } : {}),
    ...(o.now ? { now: o.now } : {}),
    ...(gw && o.gateway !== false ? { sms: { url: gw.url, timeoutMs: 2_000, maxAttempts: 3 } } : {}),
  });
  manager = await login(s.url, 'admin', 'admin');
  expect((await api(s.url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: true, ...o.settings } })).status).toBe(200);
  if (o.assist !== null) expect((await putAssist(o.assist ?? { dutyPhones: DUTY, minutes: 2 })).status).toBe(200);
  return s;
}
const server = (): TestServer => s!;
const putAssist = (body: unknown, token = manager) => api<AssistSmsSettings & { error: ApiError }>(server().url, 'PUT', '/api/sms/assist', { token, body });
const list = async (): Promise<SmsMessage[]> => (await api<SmsList>(server().url, 'GET', '/api/sms', { token: manager })).body.messages;
const ofKind = async (kind: SmsMessage['kind']) => (await list()).filter((m) => m.kind === kind);
/** The app's 30-second timer work, now. */
const tick = () => server().app.sms.tick();
const advance = (ms: number) => server().clock.advance(ms);

async function raise(no = 3, body: unknown = { kind: 'question', note: '材料拿不准' }): Promise<{ clerk: string; req: AssistRequest }> {
  const clerk = await openWindow(server(), no);
  const r = await api<AssistRequest>(server().url, 'POST', `/api/windows/${no}/assist`, { token: clerk, body });
  expect(r.status).toBe(201);
  return { clerk, req: r.body };
}
const answer = (id: string, what: 'acknowledge' | 'resolve' | 'cancel', token = manager) => api<AssistRequest>(server().url, 'POST', `/api/assist/${id}/${what}`, { token, body: {} });

describe('求助 texted to the duty phones', () => {
  it('unanswered 2 minutes: one text to each duty phone, delivered, listed masked; never again', async () => {
    await start();
    const { req } = await raise(3);
    advance(2 * MIN - 1_000);
    await tick();
    expect(await ofKind('assist')).toEqual([]);
    advance(1_000);
    await tick();
    const text = '【示范县政务服务中心】求助：3 号窗口（业务疑难：材料拿不准）已等 2 分钟无人响应，请尽快前往。';
    expect(gw!.requests.map((r) => r.body).sort((a, b) => a.phone.localeCompare(b.phone))).toEqual([
      { id: expect.any(String), phone: DUTY[0], text, kind: 'assist', ref: `assist:${req.id}/1` },
      { id: expect.any(String), phone: DUTY[1], text, kind: 'assist', ref: `assist:${req.id}/2` },
    ]);
    const rows = await ofKind('assist');
    expect(rows.map((m) => [m.phone, m.status]).sort()).toEqual(DUTY.map((p) => [maskPhone(p), 'sent']));
    // Still unanswered later, and after the manager answers: nothing more.
    advance(5 * MIN);
    await tick();
    expect((await answer(req.id, 'acknowledge')).status).toBe(200);
    advance(5 * MIN);
    await tick();
    expect(gw!.requests).toHaveLength(2);
    expect(await ofKind('assist')).toHaveLength(2);
  });

  it.each(['acknowledge', 'resolve', 'cancel'] as const)('answered in time (%s): no text', async (what) => {
    await start();
    const { clerk, req } = await raise(5);
    advance(MIN + 59_000);
    await tick();
    expect((await answer(req.id, what, what === 'cancel' ? clerk : manager)).status).toBe(200);
    advance(10 * MIN);
    await tick();
    expect(await ofKind('assist')).toEqual([]);
    expect(gw!.requests).toEqual([]);
  });

  it('answered after the texts were written but before they went out: dropped, not sent late', async () => {
    await start();
    gw!.answers.push({ status: 503 }, { status: 503 });
    const { req } = await raise(3);
    advance(2 * MIN);
    await tick();
    // Both attempts failed: waiting to be retried.
    expect((await ofKind('assist')).map((m) => [m.status, m.attempts])).toEqual([
      ['pending', 1],
      ['pending', 1],
    ]);
    expect((await answer(req.id, 'acknowledge')).status).toBe(200);
    const dropped = await ofKind('assist');
    expect(dropped.map((m) => [m.status, m.lastError])).toEqual([
      ['failed', 'cancelled'],
      ['failed', 'cancelled'],
    ]);
    advance(5 * MIN);
    await tick();
    expect(gw!.requests).toHaveLength(2);
    // Nor may a manager send one again.
    expect((await api<{ error: ApiError }>(server().url, 'POST', `/api/sms/${dropped[0]!.id}/retry`, { token: manager })).status).toBe(409);
  });

  it('a restart writes none twice, and drops the texts of a 求助 answered while the server was down', async () => {
    const dbPath = join(tempDir('assist-sms-'), 'hall.db');
    await start({ dbPath, gateway: false });
    const { req } = await raise(3);
    const { req: other } = await raise(4, { kind: 'equipment' });
    advance(2 * MIN);
    await tick();
    // No gateway: written and waiting (未配置).
    expect((await ofKind('assist')).map((m) => m.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
    const later = server().clock.now() + MIN;
    await server().close();
    // While it was down (or in a crash between an answer and its drop), request 4 was answered.
    const db = openDatabase(dbPath);
    db.prepare("UPDATE assist_requests SET status = 'acknowledged', acknowledged_by = 'u-admin', acknowledged_at = ? WHERE id = ?").run(later, other.id);
    db.close();

    gw = await startGateway();
    s = await startTestServer({ dbPath, now: later, sms: { url: gw.url, timeoutMs: 2_000, maxAttempts: 3 } });
    manager = await login(s.url, 'admin', 'admin');
    await tick();
    advance(MIN);
    await tick();
    const rows = await ofKind('assist');
    expect(rows).toHaveLength(4);
    expect(rows.filter((m) => m.ref.startsWith(`assist:${req.id}/`)).map((m) => m.status)).toEqual(['sent', 'sent']);
    expect(rows.filter((m) => m.ref.startsWith(`assist:${other.id}/`)).map((m) => [m.status, m.lastError])).toEqual([
      ['failed', 'cancelled'],
      ['failed', 'cancelled'],
    ]);
    expect(gw.requests.map((r) => r.body.ref).sort()).toEqual([`assist:${req.id}/1`, `assist:${req.id}/2`]);
  });

  it('none while SMS is off, with 0 minutes, or with no duty phone', async () => {
    await start({ settings: { smsEnabled: false } });
    await raise(3);
    advance(3 * MIN);
    await tick();
    expect((await putAssist({ dutyPhones: DUTY, minutes: 0 })).status).toBe(200);
    expect((await api(server().url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: true } })).status).toBe(200);
    advance(MIN);
    await tick();
    expect((await putAssist({ dutyPhones: [], minutes: 2 })).status).toBe(200);
    advance(MIN);
    await tick();
    expect(await ofKind('assist')).toEqual([]);
    // Switched on while it is still unanswered (within half an hour of due): it goes now.
    expect((await putAssist({ dutyPhones: [DUTY[0]], minutes: 2 })).status).toBe(200);
    await tick();
    expect((await ofKind('assist')).map((m) => m.text)).toEqual(['【示范县政务服务中心】求助：3 号窗口（业务疑难：材料拿不准）已等 5 分钟无人响应，请尽快前往。']);
  });

  it('the settings: managers only, checked, audited with the phones masked', async () => {
    await start({ assist: null });
    expect((await api<AssistSmsSettings>(server().url, 'GET', '/api/sms/assist', { token: manager })).body).toEqual({ dutyPhones: [], minutes: 2, leaderPhones: [], leaderMinutes: 0 });
    const clerk = await login(server().url, 'c01', '1234');
    expect((await putAssist({ dutyPhones: DUTY, minutes: 2 }, clerk)).status).toBe(403);
    expect((await api(server().url, 'GET', '/api/sms/assist', { token: clerk })).status).toBe(403);
    const bad = await putAssist({ dutyPhones: ['13800000001', '1380000000'], minutes: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^dutyPhones\.1: /);
    expect((await putAssist({ dutyPhones: DUTY, minutes: 31 })).status).toBe(400);
    expect((await putAssist({ dutyPhones: [DUTY[0], DUTY[0]], minutes: 2 })).status).toBe(400);
    // The leaders come later than the duty managers, or not at all.
    const early = await putAssist({ dutyPhones: DUTY, minutes: 5, leaderPhones: LEADERS, leaderMinutes: 5 });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/^leaderMinutes: /);
    const ok = await putAssist({ dutyPhones: DUTY, minutes: 5 });
    expect(ok.body).toEqual({ dutyPhones: DUTY, minutes: 5, leaderPhones: [], leaderMinutes: 0 });
    expect((await api<AssistSmsSettings>(server().url, 'GET', '/api/sms/assist', { token: manager })).body).toEqual({ dutyPhones: DUTY, minutes: 5, leaderPhones: [], leaderMinutes: 0 });
    const audit = await api<AuditEntry[]>(server().url, 'GET', '/api/admin/audit?limit=20', { token: manager });
    const line = audit.body.find((e) => e.type === 'AssistSmsSettingsChanged');
    expect(line?.data).toMatchObject({ before: { dutyPhones: [], minutes: 2 }, after: { dutyPhones: DUTY.map(maskPhone), minutes: 5 } });
    expect(JSON.stringify(audit.body)).not.toContain(DUTY[0]);
    expect((await putAssist({ dutyPhones: DUTY, minutes: 5, leaderPhones: LEADERS, leaderMinutes: 12 })).status).toBe(200);
    const again = await api<AuditEntry[]>(server().url, 'GET', '/api/admin/audit?limit=5', { token: manager });
    expect(again.body.find((e) => e.type === 'AssistSmsSettingsChanged')?.data).toMatchObject({ after: { leaderPhones: LEADERS.map(maskPhone), leaderMinutes: 12 } });
    expect(JSON.stringify(again.body)).not.toContain(LEADERS[0]);
  });

  it('still unanswered at the second tier: one text to each leader, after the duty texts; none once a manager took it', async () => {
    await start({ assist: { dutyPhones: DUTY, minutes: 2, leaderPhones: LEADERS, leaderMinutes: 6 } });
    const { req } = await raise(3, { kind: 'conduct' });
    const { req: taken } = await raise(4, { kind: 'question' });
    advance(2 * MIN);
    await tick();
    expect((await ofKind('assist')).length).toBe(4); // both requests, two duty phones each
    advance(2 * MIN);
    expect((await answer(taken.id, 'acknowledge')).status).toBe(200);
    advance(2 * MIN - 1_000);
    await tick();
    expect((await ofKind('assist')).length).toBe(4);
    advance(1_000);
    await tick();
    const leaders = gw!.requests.map((r) => r.body).filter((b) => b.ref.includes('/L'));
    expect(leaders.map((b) => [b.phone, b.ref]).sort()).toEqual([
      [LEADERS[0], `assist:${req.id}/L1`],
      [LEADERS[1], `assist:${req.id}/L2`],
    ]);
    expect(leaders[0]!.text).toBe('【示范县政务服务中心】求助：3 号窗口（现场秩序）已等 6 分钟，值班长仍未响应，请协调处理。');
    // Once per request; answered now, nothing more, and the duty texts are not sent again.
    advance(5 * MIN);
    await tick();
    expect((await answer(req.id, 'resolve')).status).toBe(200);
    advance(5 * MIN);
    await tick();
    expect(gw!.requests).toHaveLength(6);
  });
});

describe('轮到您了', () => {
  const setPhone = (id: string, phone: string) => api(server().url, 'PUT', `/api/tickets/${id}/sms`, { body: { phone } });

  it('a walk-in that left a phone gets one text when called; a recall sends none; it expires in 5 minutes', async () => {
    // Not among the kinds a hall starts with: each call of a ticket with a phone is a text to pay for.
    await start({ assist: null, settings: { smsKinds: ['booked', 'reminder', 'near_turn', 'called'] } });
    const t = (await issue(server(), 'T')).body;
    const phone = nextPhone();
    expect((await setPhone(t.id, phone)).status).toBe(200);
    const clerk = await openWindow(server(), 3);
    const called = (await callNext(server(), 3, clerk))!;
    expect(called.number).toBe(t.number);
    await tick();
    expect(gw!.requests.map((r) => r.body)).toEqual([
      { id: expect.any(String), phone, kind: 'called', ref: `ticket:${TODAY}/${t.number}`, text: `【示范县政务服务中心】轮到您了：${t.number} 号请到 3 号窗口办理。` },
    ]);
    const [m] = await ofKind('called');
    expect(Date.parse(m!.expiresAt) - Date.parse(m!.createdAt)).toBe(5 * MIN);
    expect((await api(server().url, 'POST', '/api/windows/3/recall', { token: clerk })).status).toBe(200);
    await tick();
    expect(gw!.requests).toHaveLength(1);
    expect(await ofKind('called')).toHaveLength(1);
  });

  it("an appointment's ticket is texted at the booking's phone; none while the kind is unticked", async () => {
    await start({ assist: null, settings: { smsKinds: ['booked', 'near_turn'] } });
    const phone = nextPhone();
    const a = await bookOk(server(), { date: TODAY, slot: '09:30', queue: 'T', phone });
    const ticket = (await checkIn(server(), a.code)).body.ticket as Ticket;
    // The walk-in arrived at 09:00, before the appointment's slot (09:30): it is called first.
    const walkIn = (await issue(server(), 'T')).body;
    expect((await setPhone(walkIn.id, nextPhone())).status).toBe(200);
    const clerk = await openWindow(server(), 3);
    expect((await callNext(server(), 3, clerk))!.number).toBe(walkIn.number);
    await tick();
    expect(await ofKind('called')).toEqual([]);

    expect((await api(server().url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsKinds: ['booked', 'called'] } })).status).toBe(200);
    const other = await openWindow(server(), 4, 'c02');
    expect((await callNext(server(), 4, other))!.number).toBe(ticket.number);
    await tick();
    expect(gw!.requests.filter((r) => r.body.kind === 'called').map((r) => [r.body.phone, r.body.text])).toEqual([
      [phone, `【示范县政务服务中心】轮到您了：${ticket.number} 号请到 4 号窗口办理。`],
    ]);
  });

  it('called with only 轮到您了 ticked: a walk-in may still leave a phone', async () => {
    await start({ assist: null, settings: { smsKinds: ['called'] } });
    const t = (await issue(server(), 'T')).body;
    expect((await api<{ available: boolean }>(server().url, 'GET', `/api/tickets/${t.id}/sms`)).body.available).toBe(true);
    expect((await setPhone(t.id, nextPhone())).status).toBe(200);
    const clerk = await openWindow(server(), 3);
    await callNext(server(), 3, clerk);
    await tick();
    expect((await ofKind('called')).map((m) => m.kind)).toEqual(['called']);
  });
});
