/**
 * 场内扫码取号 (动态二维码) on a real server: off by default (a phone ticket needs no code, the code
 * is not served); on, GET /api/mobile/onsite-code gives the QR of the minute (to anyone while
 * public ticketing is on, else only to a signed-in kiosk, the guide desk or a manager), and a
 * phone ticket needs a code still in its time — refused without one, with a forged one, or with
 * one photographed too long ago, each with its reason. Kiosk and guide tickets are not bound; the
 * key outlives a restart; /m hands the code on to the phone page.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CitizenSettings } from '../../shared/citizen';
import type { OnsiteCode } from '../../shared/mobile';
import type { ApiError } from '../../shared/errors';
import type { TicketDetail } from '../../shared/schemas';
import { ONSITE_GRACE_MS } from '../../server/citizen/onsite-rules';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';
import { MIN } from './support';

type Answer<T> = T & { error: ApiError };
let s: TestServer | undefined;
let manager = '';

afterEach(async () => {
  await s?.close();
  s = undefined;
});

const server = (): TestServer => s!;
const putSettings = (body: Partial<CitizenSettings>) => api<Answer<CitizenSettings>>(server().url, 'PUT', '/api/citizen/settings', { token: manager, body });
const getCode = (token?: string) => api<Answer<OnsiteCode>>(server().url, 'GET', '/api/mobile/onsite-code', token ? { token } : {});
const takeMobile = (queue: string, extra: { onsite?: string } = {}) =>
  api<Answer<TicketDetail>>(server().url, 'POST', '/api/tickets', { body: { queue, channel: 'mobile', ...extra } });

async function start(onSite: boolean, opts: { dbPath?: string } = {}): Promise<void> {
  s = await startTestServer(opts);
  manager = await login(s.url, 'admin', 'admin');
  expect((await putSettings({ mobileOnSite: onSite })).status).toBe(200);
}

describe('off (the default)', () => {
  it('a phone ticket needs no code, and no code is served', async () => {
    s = await startTestServer();
    manager = await login(s.url, 'admin', 'admin');
    expect((await api<CitizenSettings>(server().url, 'GET', '/api/citizen/settings')).body.mobileOnSite).toBe(false);
    expect((await takeMobile('E')).status).toBe(201);
    const code = await getCode(manager);
    expect(code.status).toBe(409);
    expect(code.body.error.code).toBe('INVALID_STATE');
  });
});

describe('on', () => {
  it('serves the QR of the minute, pointing at /m with the code; a new code the next minute', async () => {
    await start(true);
    const a = await getCode();
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.url).toBe(`${server().url}/m?c=${a.body.code}`);
    expect(a.body.rotatesInSeconds).toBe(60); // the test clock stands on a whole minute
    expect(a.body.validSeconds).toBe(60 + ONSITE_GRACE_MS / 1000);
    server().clock.advance(20_000);
    const b = await getCode();
    expect(b.body.code).toBe(a.body.code);
    expect(b.body.rotatesInSeconds).toBe(40);
    server().clock.advance(40_000);
    expect((await getCode()).body.code).not.toBe(a.body.code);
    // The public address is used once set, like the poster's.
    expect((await putSettings({ publicBaseUrl: 'https://zwfw.example.gov.cn' })).status).toBe(200);
    expect((await getCode()).body.url).toMatch(/^https:\/\/zwfw\.example\.gov\.cn\/m\?c=[0-9a-z]+-[0-9a-f]{10}$/);
  });

  it('a phone needs a code still in its time; each refusal says why', async () => {
    await start(true);
    const none = await takeMobile('E');
    expect(none.status).toBe(401);
    expect(none.body.error.reason).toBe('onsite_code_invalid');

    const { code } = (await getCode()).body;
    const forged = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    const bad = await takeMobile('E', { onsite: forged });
    expect(bad.status).toBe(401);
    expect(bad.body.error.reason).toBe('onsite_code_invalid');
    expect((await takeMobile('E', { onsite: 'not a code' })).status).toBe(400);

    // Chosen on the phone a few minutes after the scan: still taken.
    server().clock.advance(5 * MIN);
    const ok = await takeMobile('E', { onsite: code });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.channel).toBe('mobile');

    // The same photo, sent home, an hour later.
    server().clock.advance(60 * MIN);
    const old = await takeMobile('E', { onsite: code });
    expect(old.status).toBe(401);
    expect(old.body.error.reason).toBe('onsite_code_expired');
    const fresh = (await getCode()).body.code;
    expect((await takeMobile('E', { onsite: fresh })).status).toBe(201);
  });

  it('kiosk and guide tickets are not bound', async () => {
    await start(true);
    expect((await api(server().url, 'POST', '/api/tickets', { body: { queue: 'E' } })).status).toBe(201);
    const guide = await login(server().url, 'guide', '1234');
    expect((await api(server().url, 'POST', '/api/tickets', { token: guide, body: { queue: 'E' } })).status).toBe(201);
  });

  it('with public ticketing off, only the hall’s own screens read the code', async () => {
    await start(true);
    expect((await api(server().url, 'PUT', '/api/admin/settings', { token: manager, body: { publicTicketing: false } })).status).toBe(200);
    expect((await getCode()).status).toBe(401);
    const clerk = await login(server().url, 'c01', '1234');
    expect((await getCode(clerk)).status).toBe(403);
    const kiosk = await login(server().url, 'kiosk', 'kiosk');
    expect((await getCode(kiosk)).status).toBe(200);
    expect((await getCode(manager)).status).toBe(200);
  });

  it('the key outlives a restart: a code scanned before it still counts after', async () => {
    const dbPath = join(tempDir('onsite-'), 'hall.db');
    await start(true, { dbPath });
    const { code } = (await getCode()).body;
    await server().close();
    s = await startTestServer({ dbPath, now: Date.parse('2026-11-30T01:02:00Z') });
    expect((await takeMobile('E', { onsite: code })).status).toBe(201);
  });
});

describe('/m', () => {
  it('hands a well-formed code on to the phone page and drops anything else', async () => {
    await start(true);
    const { code } = (await getCode()).body;
    const to = async (q: string) => (await fetch(`${server().url}/m${q}`, { redirect: 'manual' })).headers.get('location');
    expect(await to(`?c=${code}`)).toBe(`/kiosk?mode=mobile&c=${code}`);
    expect(await to('?c=%3Cscript%3E')).toBe('/kiosk?mode=mobile');
    expect(await to('')).toBe('/kiosk?mode=mobile');
  });
});
