/**
 * 扫码取号需验证手机号 (防黄牛) on a real server with a local SMS gateway: the settings (off by
 * default, refused without SMS), POST /api/mobile/code (a 6-digit code texted through the outbox,
 * its digits hidden in the manager's list, throttled), and phone tickets (channel `mobile`) that
 * need the phone and its code, count wrong tries, refuse a phone at its limit per queue and day,
 * carry the phone on for 快到您了, and are audited masked. Kiosk and guide tickets are not bound.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import type { CitizenSettings, TicketSms } from '../../shared/citizen';
import type { PhoneCodeSent } from '../../shared/mobile';
import type { ApiError } from '../../shared/errors';
import type { SmsList } from '../../shared/notify';
import type { TicketDetail } from '../../shared/schemas';
import { CODE_MAX_ATTEMPTS } from '../../server/notify/phone-verify-rules';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { startGateway, type Gateway } from './smsGateway';
import { MIN, nextPhone } from './support';

let s: TestServer | undefined;
let gw: Gateway | undefined;
let manager = '';

afterEach(async () => {
  await s?.close();
  await gw?.close();
  s = undefined;
  gw = undefined;
});

const server = (): TestServer => s!;
type Answer<T> = T & { error: ApiError };
const putSettings = (body: Partial<CitizenSettings>) => api<Answer<CitizenSettings>>(server().url, 'PUT', '/api/citizen/settings', { token: manager, body });
const askCode = (phone: string) => api<Answer<PhoneCodeSent>>(server().url, 'POST', '/api/mobile/code', { body: { phone } });
const takeMobile = (queue: string, extra: { phone?: string; code?: string } = {}) =>
  api<Answer<TicketDetail>>(server().url, 'POST', '/api/tickets', { body: { queue, channel: 'mobile', ...extra } });

async function start(settings: Partial<CitizenSettings> = { smsEnabled: true, mobileVerify: true }, gateway = true): Promise<void> {
  if (gateway) gw = await startGateway();
  s = await startTestServer(gw ? { sms: { url: gw.url, timeoutMs: 2_000, maxAttempts: 3 } } : {});
  manager = await login(s.url, 'admin', 'admin');
  expect((await putSettings(settings)).status).toBe(200);
}

/** The code the gateway was last given for `phone`. */
async function codeSentTo(phone: string, nth = 1): Promise<string> {
  await expect.poll(() => gw!.requests.filter((r) => r.body.kind === 'verify' && r.body.phone === phone).length).toBeGreaterThanOrEqual(nth);
  const texts = gw!.requests.filter((r) => r.body.kind === 'verify' && r.body.phone === phone);
  const m = /验证码 (\d{6})/.exec(texts[nth - 1]!.body.text);
  expect(m).not.toBeNull();
  return m![1]!;
}

/** Asks a code for `phone` and reads it at the gateway. */
async function freshCode(phone: string): Promise<string> {
  const before = gw!.requests.filter((r) => r.body.kind === 'verify' && r.body.phone === phone).length;
  const r = await askCode(phone);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return codeSentTo(phone, before + 1);
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('the settings', () => {
  it('are off by default; on only with SMS on; the limit is 1–5', async () => {
    await start({});
    const got = await api<CitizenSettings>(server().url, 'GET', '/api/citizen/settings');
    expect(got.body).toMatchObject({ mobileVerify: false, mobileDailyLimit: 1 });
    const noSms = await putSettings({ mobileVerify: true });
    expect(noSms.status).toBe(400);
    expect(noSms.body.error.message).toMatch(/^mobileVerify: .*smsEnabled/);
    for (const bad of [0, 6, 1.5]) expect((await putSettings({ smsEnabled: true, mobileDailyLimit: bad })).status).toBe(400);
    expect((await putSettings({ smsEnabled: true, mobileVerify: true, mobileDailyLimit: 3 })).body).toMatchObject({ mobileVerify: true, mobileDailyLimit: 3 });
    // Turning SMS off under it is refused too: phones would wait for a code that never comes.
    expect((await putSettings({ smsEnabled: false })).status).toBe(400);
    expect((await putSettings({ smsEnabled: false, mobileVerify: false })).status).toBe(200);
  });

  it('off: a phone ticket needs no phone (as before), and no code is sent', async () => {
    await start({ smsEnabled: true });
    const r = await takeMobile('E');
    expect(r.status).toBe(201);
    expect(r.body.channel).toBe('mobile');
    const code = await askCode(nextPhone());
    expect(code.status).toBe(409);
    expect(code.body.error.code).toBe('INVALID_STATE');
  });

  it('on, but no SMS gateway connected: the code is refused at once, not left waiting as 未配置', async () => {
    await start(undefined, false);
    const r = await askCode(nextPhone());
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/cannot send texts/);
  });
});

describe('a phone ticket with a verified phone', () => {
  it('needs the phone and a right code; the ticket carries the phone for 快到您了; audited masked', async () => {
    await start();
    const phone = '13912345678';
    const sent = await askCode(phone);
    expect(sent.body).toEqual({ phone: '139****5678', validSeconds: 300, resendSeconds: 60 });
    const code = await codeSentTo(phone);
    expect(gw!.requests.at(-1)!.body.text).toBe(`【示范县政务服务中心】验证码 ${code}，用于手机取号，5 分钟内有效。如非本人操作，请忽略本短信。`);
    expect(gw!.requests.at(-1)!.body.text.length).toBeLessThanOrEqual(70);

    for (const extra of [{}, { phone }, { code }]) {
      const r = await takeMobile('E', extra);
      expect(r.status).toBe(401);
      expect(r.body.error.reason).toBe('phone_code_invalid');
    }
    const bad = await takeMobile('E', { phone, code: wrong(code) });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toMatchObject({ code: 'UNAUTHORIZED', reason: 'phone_code_invalid', message: 'the code is wrong' });
    // Another phone's right code is no use either.
    expect((await takeMobile('E', { phone: '13900000000', code })).status).toBe(401);

    const ok = await takeMobile('E', { phone, code });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ channel: 'mobile', queue: 'E' });
    const sms = await api<TicketSms>(server().url, 'GET', `/api/tickets/${ok.body.id}/sms`);
    expect(sms.body).toMatchObject({ available: true, phone: '139****5678', source: 'ticket' });

    // The manager's list shows that a code went, not the code.
    const list = await api<SmsList>(server().url, 'GET', '/api/sms', { token: manager });
    const verify = list.body.messages.find((m) => m.kind === 'verify')!;
    expect(verify.text).toContain('验证码 ******');
    expect(JSON.stringify(list.body)).not.toContain(code);
    const audit = await api<AuditEntry[]>(server().url, 'GET', '/api/admin/audit?limit=20', { token: manager });
    const entry = audit.body.find((e) => e.type === 'MobileTicketPhoneVerified');
    expect(entry?.after).toEqual({ ticketId: ok.body.id, number: ok.body.number, queue: 'E', phone: '139****5678' });
    expect(JSON.stringify(audit.body)).not.toContain(phone);
  });

  it('a code lets one number through; the phone at its limit of the queue today is refused, naming its number', async () => {
    await start();
    const phone = nextPhone();
    const code = await freshCode(phone);
    const first = await takeMobile('E', { phone, code });
    expect(first.status).toBe(201);
    // The code is used up.
    expect((await takeMobile('A', { phone, code })).body.error.reason).toBe('phone_code_invalid');

    server().clock.advance(MIN);
    const again = await freshCode(phone);
    const refused = await takeMobile('E', { phone, code: again });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT', reason: 'phone_daily_limit' });
    expect(refused.body.error.message).toContain(`: ${first.body.number}`);
    // The refusal did not use the code: another queue takes it.
    expect((await takeMobile('A', { phone, code: again })).status).toBe(201);

    // Cancelled by its holder, the number no longer holds a place: the phone may take E again.
    expect((await api(server().url, 'POST', `/api/tickets/${first.body.id}/cancel`)).status).toBe(200);
    server().clock.advance(MIN);
    expect((await takeMobile('E', { phone, code: await freshCode(phone) })).status).toBe(201);
  });

  it('a limit of 2 lets two through', async () => {
    await start({ smsEnabled: true, mobileVerify: true, mobileDailyLimit: 2 });
    const phone = nextPhone();
    for (const expected of [201, 201, 409]) {
      const r = await takeMobile('E', { phone, code: await freshCode(phone) });
      expect(r.status).toBe(expected);
      server().clock.advance(MIN);
    }
  });

  it(`dies after ${CODE_MAX_ATTEMPTS} wrong tries, and after 5 minutes`, async () => {
    await start();
    const phone = nextPhone();
    const code = await freshCode(phone);
    for (let i = 0; i < CODE_MAX_ATTEMPTS; i++) expect((await takeMobile('E', { phone, code: wrong(code) })).body.error.message).toBe('the code is wrong');
    const dead = await takeMobile('E', { phone, code });
    expect(dead.status).toBe(401);
    expect(dead.body.error.message).toMatch(/expired or was used up/);

    server().clock.advance(MIN);
    const next = await freshCode(phone);
    server().clock.advance(5 * MIN);
    expect((await takeMobile('E', { phone, code: next })).body.error.reason).toBe('phone_code_invalid');
  });

  it('a newer code kills the one before', async () => {
    await start();
    const phone = nextPhone();
    const old = await freshCode(phone);
    server().clock.advance(MIN);
    const fresh = await freshCode(phone);
    if (old !== fresh) expect((await takeMobile('E', { phone, code: old })).status).toBe(401);
    expect((await takeMobile('E', { phone, code: fresh })).status).toBe(201);
  });

  it('codes: once a minute and five an hour per phone', async () => {
    await start();
    const phone = nextPhone();
    expect((await askCode(phone)).status).toBe(200);
    const soon = await askCode(phone);
    expect(soon.status).toBe(429);
    expect(soon.body.error.message).toMatch(/ask again in 60 s/);
    for (let i = 0; i < 4; i++) {
      server().clock.advance(MIN);
      expect((await askCode(phone)).status).toBe(200);
    }
    server().clock.advance(MIN);
    const hourly = await askCode(phone);
    expect(hourly.status).toBe(429);
    expect(hourly.body.error.message).toMatch(/too many codes for this phone this hour: ask again in 3300 s/);
    // Another phone is not held back.
    expect((await askCode(nextPhone())).status).toBe(200);
    expect((await askCode('12345678901')).status).toBe(400);
  });

  it("counts for the new day a number that is the day's first command (the day rolls over inside the issue)", async () => {
    await start();
    const phone = nextPhone();
    expect((await takeMobile('E', { phone, code: await freshCode(phone) })).status).toBe(201);
    server().clock.set(Date.parse('2026-12-01T01:00:00Z')); // the next morning, nothing done yet
    const first = await takeMobile('E', { phone, code: await freshCode(phone) });
    expect(first.status).toBe(201);
    expect(first.body.number).toBe('E001');
    server().clock.advance(MIN);
    expect((await takeMobile('E', { phone, code: await freshCode(phone) })).body.error?.reason).toBe('phone_daily_limit');
  });

  it('two requests with one code at once: one ticket', async () => {
    await start({ smsEnabled: true, mobileVerify: true, mobileDailyLimit: 5 });
    const phone = nextPhone();
    const code = await freshCode(phone);
    const both = await Promise.all([takeMobile('E', { phone, code }), takeMobile('E', { phone, code })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 401]);
  });

  it('kiosk and guide tickets are not bound; with public ticketing off a verified phone still takes a number', async () => {
    await start();
    expect((await api(server().url, 'POST', '/api/tickets', { body: { queue: 'E' } })).status).toBe(201);
    const guide = await login(server().url, 'guide', '1234');
    expect((await api(server().url, 'POST', '/api/tickets', { token: guide, body: { queue: 'E', channel: 'guide' } })).status).toBe(201);

    server().app.service.state().settings.publicTicketing = false;
    expect((await api(server().url, 'POST', '/api/tickets', { body: { queue: 'E' } })).status).toBe(401);
    const phone = nextPhone();
    expect((await takeMobile('E', { phone, code: await freshCode(phone) })).status).toBe(201);
    expect((await takeMobile('E')).status).toBe(401);
  });
});
