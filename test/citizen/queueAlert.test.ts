/**
 * 排队预警 over the wire: a real server with the test clock and a local HTTP gateway. A queue past
 * its target gets one text per duty phone M minutes after (with the board's 调度建议), none again
 * within the cooldown, another after it; a restart writes none twice; nothing with SMS off, no duty
 * phone, no gateway, outside the hall's hours or once the queue is served; the settings are saved,
 * audited and validated (the closed error codes); the board's marks.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import type { ApiError } from '../../shared/errors';
import type { SmsList, SmsMessage } from '../../shared/notify';
import type { QueueAlertMarks, QueueAlertSettings } from '../../shared/queueAlert';
import { maskPhone } from '../../server/citizen/rules';
import { api, login, startTestServer, TEST_START, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';
import { startGateway, type Gateway } from './smsGateway';
import { callNext, complete, issue, MIN, openWindow, TODAY } from './support';

const DUTY = ['13800000001', '13800000002'];
const ON: QueueAlertSettings = { minutes: 5, cooldownMinutes: 30, minWaiting: 0 };
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
  gateway?: boolean;
  dbPath?: string;
  now?: number;
  smsEnabled?: boolean;
  duty?: string[];
  alerts?: QueueAlertSettings | null;
}

async function start(o: Start = {}): Promise<TestServer> {
  if (o.gateway !== false) gw ??= await startGateway();
  s = await startTestServer({
    ...(o.dbPath ? { dbPath: o.dbPath } : {}),
    ...(o.now ? { now: o.now } : {}),
    ...(gw && o.gateway !== false ? { sms: { url: gw.url, timeoutMs: 2_000, maxAttempts: 3 } } : {}),
  });
  manager = await login(s.url, 'admin', 'admin');
  expect((await api(s.url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: o.smsEnabled ?? true } })).status).toBe(200);
  expect((await api(s.url, 'PUT', '/api/sms/assist', { token: manager, body: { dutyPhones: o.duty ?? DUTY, minutes: 2 } })).status).toBe(200);
  if (o.alerts !== null) expect((await putAlerts(o.alerts ?? ON)).status).toBe(200);
  return s;
}
const server = (): TestServer => s!;
const putAlerts = (body: unknown, token = manager) => api<QueueAlertSettings & { error: ApiError }>(server().url, 'PUT', '/api/sms/queue', { token, body });
const queueTexts = async (): Promise<SmsMessage[]> => (await api<SmsList>(server().url, 'GET', '/api/sms', { token: manager })).body.messages.filter((m) => m.kind === 'queue');
const marks = async () => (await api<QueueAlertMarks>(server().url, 'GET', '/api/sms/queue/alerts', { token: manager })).body;
const tick = () => server().app.sms.tick();
const advance = (ms: number) => server().clock.advance(ms);

/** `n` tickets in queue F (不动产登记, target 20 minutes), which no open window serves. */
async function crowd(n: number, code = 'F'): Promise<void> {
  for (let i = 0; i < n; i++) expect((await issue(server(), code)).status).toBe(201);
}

describe('排队预警 to the duty phones', () => {
  it('M minutes past the target: one text to each duty phone, with the 调度建议; not again within the cooldown; again after it', async () => {
    await start();
    await crowd(14);
    // A calm staffed window (12: B with A as overflow, both empty) is the board's suggestion for F.
    await openWindow(server(), 12);
    advance(24 * MIN + 59_000);
    await tick();
    expect(await queueTexts()).toEqual([]);
    advance(1_000);
    await tick();
    const text = '【示范县政务服务中心】排队预警：F 不动产登记 等候 14 人，最长已等 25 分钟（目标 20 分钟）。建议：12 号窗口兼办 F。';
    expect(gw!.requests.map((r) => r.body).sort((a, b) => a.phone.localeCompare(b.phone))).toEqual([
      { id: expect.any(String), phone: DUTY[0], text, kind: 'queue', ref: `queue:${TODAY}/F/1/1` },
      { id: expect.any(String), phone: DUTY[1], text, kind: 'queue', ref: `queue:${TODAY}/F/1/2` },
    ]);
    expect((await queueTexts()).map((m) => [m.phone, m.status]).sort()).toEqual(DUTY.map((p) => [maskPhone(p), 'sent']));
    const first = await marks();
    expect(first).toEqual({ serviceDay: TODAY, alerts: [{ queue: 'F', at: new Date(TEST_START + 25 * MIN).toISOString(), count: 1, waiting: 14, longestMinutes: 25 }] });

    // Still over: nothing more within the 30-minute cooldown.
    advance(29 * MIN + 59_000);
    await tick();
    expect(gw!.requests).toHaveLength(2);
    // The cooldown is over: the second alert, with the wait as it is now.
    advance(1_000);
    await tick();
    expect(gw!.requests).toHaveLength(4);
    expect(gw!.requests.slice(2).map((r) => r.body.ref).sort()).toEqual([`queue:${TODAY}/F/2/1`, `queue:${TODAY}/F/2/2`]);
    expect(gw!.requests[2]!.body.text).toContain('最长已等 55 分钟');
    expect((await marks()).alerts).toMatchObject([{ queue: 'F', count: 2, at: new Date(TEST_START + 55 * MIN).toISOString() }]);
  });

  it('a queue served down below its target is not texted; one texted then served stays quiet', async () => {
    await start({ alerts: { minutes: 5, cooldownMinutes: 10, minWaiting: 0 } });
    await crowd(2);
    const clerk = await openWindow(server(), 22);
    advance(25 * MIN);
    await tick();
    expect(await queueTexts()).toHaveLength(2);
    // The window serves both: nobody waits past the target any more.
    for (let i = 0; i < 2; i++) {
      expect(await callNext(server(), 22, clerk)).not.toBeNull();
      await complete(server(), 22, clerk);
    }
    advance(15 * MIN);
    await tick();
    expect(await queueTexts()).toHaveLength(2);
  });

  it('a restart writes no alert twice, and keeps the cooldown', async () => {
    const dbPath = join(tempDir('queue-alert-'), 'hall.db');
    await start({ dbPath });
    await crowd(3, 'A');
    advance(20 * MIN); // A's target is 15 minutes
    await tick();
    expect(gw!.requests).toHaveLength(2);
    // No staffed window could take A: no 建议, the duty manager is asked to come.
    expect(gw!.requests[0]!.body.text).toBe('【示范县政务服务中心】排队预警：A 企业开办 等候 3 人，最长已等 20 分钟（目标 15 分钟）。请到场调度。');
    const later = server().clock.now() + MIN;
    await server().close();
    s = await startTestServer({ dbPath, now: later, sms: { url: gw!.url, timeoutMs: 2_000, maxAttempts: 3 } });
    manager = await login(s.url, 'admin', 'admin');
    await tick();
    advance(10 * MIN);
    await tick();
    expect(gw!.requests).toHaveLength(2);
    expect(await queueTexts()).toHaveLength(2);
    expect((await marks()).alerts).toMatchObject([{ queue: 'A', count: 1 }]);
    // After the cooldown, from the stamp kept in the database: the second.
    advance(20 * MIN);
    await tick();
    expect((await queueTexts()).map((m) => m.ref).sort()).toEqual([1, 2].flatMap((n) => [1, 2].map((p) => `queue:${TODAY}/A/${n}/${p}`)));
  });

  it.each<[string, Start, number?]>([
    ['SMS off', { smsEnabled: false }],
    ['no duty phone', { duty: [] }],
    ['no gateway configured (the board must not say texted)', { gateway: false }],
    ['the setting off (0 minutes)', { alerts: { ...ON, minutes: 0 } }],
    ['a new hall (off by default)', { alerts: null }],
    ['fewer people than the threshold', { alerts: { ...ON, minWaiting: 4 } }],
    // 11:55 in the hall: 25 minutes later is 12:20, the demo hall's lunch break (作息时间 09:00–12:00, 13:00–17:00).
    ['the hall closed (lunch break)', {}, TEST_START + 175 * MIN],
  ])('%s: nothing', async (_name, o, now) => {
    await start({ ...o, ...(now ? { now } : {}) });
    await crowd(3);
    advance(40 * MIN);
    await tick();
    expect(await queueTexts()).toEqual([]);
    expect(gw?.requests ?? []).toEqual([]);
    expect((await marks()).alerts).toEqual([]);
  });
});

describe('排队预警 settings', () => {
  it('saved and read back, audited; off by default', async () => {
    await start({ alerts: null });
    expect((await api<QueueAlertSettings>(server().url, 'GET', '/api/sms/queue', { token: manager })).body).toEqual({ minutes: 0, cooldownMinutes: 30, minWaiting: 0 });
    const r = await putAlerts({ minutes: 8, cooldownMinutes: 45, minWaiting: 5 });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ minutes: 8, cooldownMinutes: 45, minWaiting: 5 });
    expect((await api<QueueAlertSettings>(server().url, 'GET', '/api/sms/queue', { token: manager })).body).toEqual({ minutes: 8, cooldownMinutes: 45, minWaiting: 5 });
    const audit = await api<{ entries: AuditEntry[] }>(server().url, 'GET', '/api/admin/audit?type=QueueAlertSettingsChanged', { token: manager });
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).toContain('QueueAlertSettingsChanged');
  });

  it.each<[unknown, string]>([
    [{ minutes: 61, cooldownMinutes: 30, minWaiting: 0 }, 'minutes'],
    [{ minutes: -1, cooldownMinutes: 30, minWaiting: 0 }, 'minutes'],
    [{ minutes: 5, cooldownMinutes: 5, minWaiting: 0 }, 'cooldownMinutes'],
    [{ minutes: 5, cooldownMinutes: 30, minWaiting: 100 }, 'minWaiting'],
    [{ minutes: '5', cooldownMinutes: 30, minWaiting: 0 }, 'minutes'],
    [{ minutes: 5 }, 'cooldownMinutes'],
  ])('refused: %j → 400 naming %s, nothing changed', async (body, field) => {
    await start();
    const r = await putAlerts(body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('BAD_REQUEST');
    expect(r.body.error.message).toContain(field);
    expect((await api<QueueAlertSettings>(server().url, 'GET', '/api/sms/queue', { token: manager })).body).toEqual(ON);
  });

  it('managers only: a clerk gets 403, nobody signed in 401', async () => {
    await start();
    const clerk = await login(server().url, 'c01', '1234');
    for (const [method, path] of [
      ['GET', '/api/sms/queue'],
      ['PUT', '/api/sms/queue'],
      ['GET', '/api/sms/queue/alerts'],
    ] as const) {
      const body = method === 'PUT' ? { body: ON } : {};
      expect((await api(server().url, method, path, { token: clerk, ...body })).status).toBe(403);
      expect((await api(server().url, method, path, body)).status).toBe(401);
    }
  });
});
