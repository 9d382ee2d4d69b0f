/**
 * A clerk's own panel preferences (自动叫号) on the server: REST and Socket.IO read and save the
 * signed-in account's and no one else's; viewers and roles without a panel are refused; a payload
 * with a wrong value or an unknown field is refused with BAD_REQUEST and changes nothing; a save
 * replaces only the groups it names; a file database keeps them across a restart.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/errors';
import type { MyPrefs } from '../../shared/prefs';
import { api, connectClient, login, startTestServer, type ClientSocket, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';

const BRISK = { afterDone: true, whenPrompted: false, seconds: 3 };

const emit = <T>(socket: ClientSocket, event: 'me:prefs:get' | 'me:prefs', payload: unknown): Promise<Reply<T>> =>
  new Promise((resolve) => (socket.emit as (e: string, p: unknown, ack: (r: Reply<T>) => void) => void)(event, payload, resolve));

describe('own preferences over REST and Socket.IO', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('an account that never saved reads {}; a save is read back by that account only', async () => {
    const c01 = await login(s.url, 'c01', '1234');
    const c02 = await login(s.url, 'c02', '1234');
    expect(await api(s.url, 'GET', '/api/me/prefs', { token: c01 })).toEqual({ status: 200, body: {} });

    const saved = await api<MyPrefs>(s.url, 'PUT', '/api/me/prefs', { token: c01, body: { autoCall: BRISK } });
    expect(saved).toEqual({ status: 200, body: { autoCall: BRISK } });
    expect((await api<MyPrefs>(s.url, 'GET', '/api/me/prefs', { token: c01 })).body).toEqual({ autoCall: BRISK });
    // Another clerk still has none, and their save does not touch c01's.
    expect((await api<MyPrefs>(s.url, 'GET', '/api/me/prefs', { token: c02 })).body).toEqual({});
    await api(s.url, 'PUT', '/api/me/prefs', { token: c02, body: { autoCall: { afterDone: false, whenPrompted: true, seconds: 30 } } });
    expect((await api<MyPrefs>(s.url, 'GET', '/api/me/prefs', { token: c01 })).body).toEqual({ autoCall: BRISK });
    // A new sign-in of the same account (another PC) finds them.
    const again = await login(s.url, 'c01', '1234');
    expect((await api<MyPrefs>(s.url, 'GET', '/api/me/prefs', { token: again })).body).toEqual({ autoCall: BRISK });
  });

  it('a save without a group keeps the stored one', async () => {
    const c03 = await login(s.url, 'c03', '1234');
    await api(s.url, 'PUT', '/api/me/prefs', { token: c03, body: { autoCall: BRISK } });
    expect(await api(s.url, 'PUT', '/api/me/prefs', { token: c03, body: {} })).toEqual({ status: 200, body: { autoCall: BRISK } });
  });

  it('the staff socket reads and saves with an acknowledgement, the same store as REST', async () => {
    const c04 = await login(s.url, 'c04', '1234');
    const { socket } = await connectClient(s.url, c04);
    try {
      expect(await emit(socket, 'me:prefs:get', {})).toEqual({ ok: true, data: {} });
      const prefs = { afterDone: true, whenPrompted: true, seconds: 8 };
      expect(await emit(socket, 'me:prefs', { autoCall: prefs })).toEqual({ ok: true, data: { autoCall: prefs } });
      expect((await api<MyPrefs>(s.url, 'GET', '/api/me/prefs', { token: c04 })).body).toEqual({ autoCall: prefs });
      const refused = await emit<MyPrefs>(socket, 'me:prefs', { autoCall: { ...prefs, seconds: 4 } });
      expect(refused.ok ? null : refused.error.code).toBe('BAD_REQUEST');
    } finally {
      socket.close();
    }
  });

  it.each([
    ['an unknown top-level field', { autoCall: BRISK, theme: 'dark' }],
    ['an unknown field in a group', { autoCall: { ...BRISK, sound: true } }],
    ["someone else's account named", { autoCall: BRISK, userId: 'u-c02' }],
    ['a countdown not offered', { autoCall: { ...BRISK, seconds: 7 } }],
    ['a string for a switch', { autoCall: { ...BRISK, afterDone: 'yes' } }],
    ['a group missing a field', { autoCall: { afterDone: true, whenPrompted: false } }],
    ['an array', [BRISK]],
    ['null', null],
  ])('refuses %s with 400 BAD_REQUEST and keeps what was stored', async (_, body) => {
    const c05 = await login(s.url, 'c05', '1234');
    await api(s.url, 'PUT', '/api/me/prefs', { token: c05, body: { autoCall: BRISK } });
    const r = await api<{ error: { code: string } }>(s.url, 'PUT', '/api/me/prefs', { token: c05, raw: JSON.stringify(body) });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('BAD_REQUEST');
    expect((await api<MyPrefs>(s.url, 'GET', '/api/me/prefs', { token: c05 })).body).toEqual({ autoCall: BRISK });
  });

  it('viewers and accounts without a panel get nothing', async () => {
    const noToken = await api<{ error: { code: string } }>(s.url, 'GET', '/api/me/prefs');
    expect([noToken.status, noToken.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    expect((await api(s.url, 'PUT', '/api/me/prefs', { body: { autoCall: BRISK } })).status).toBe(401);
    const viewer = await connectClient(s.url);
    try {
      const r = await emit(viewer.socket, 'me:prefs:get', {});
      expect(r.ok ? null : r.error.code).toBe('UNAUTHORIZED');
    } finally {
      viewer.socket.close();
    }
    const kiosk = await login(s.url, 'kiosk', 'kiosk');
    const r = await api<{ error: { code: string } }>(s.url, 'GET', '/api/me/prefs', { token: kiosk });
    expect([r.status, r.body.error.code]).toEqual([403, 'FORBIDDEN']);
    // A manager covering a window signs in to the clerk panel too: their own prefs work.
    const admin = await login(s.url, 'admin', 'admin');
    expect((await api(s.url, 'PUT', '/api/me/prefs', { token: admin, body: { autoCall: BRISK } })).status).toBe(200);
  });
});

describe('own preferences on a file database', () => {
  it('survive a restart of the server', async () => {
    const dbPath = join(tempDir('prefs-'), 'hall.db');
    const first = await startTestServer({ dbPath });
    const prefs = { afterDone: false, whenPrompted: true, seconds: 15 };
    try {
      const c07 = await login(first.url, 'c07', '1234');
      expect((await api(first.url, 'PUT', '/api/me/prefs', { token: c07, body: { autoCall: prefs } })).status).toBe(200);
    } finally {
      await first.close();
    }
    const second = await startTestServer({ dbPath });
    try {
      const c07 = await login(second.url, 'c07', '1234');
      expect((await api<MyPrefs>(second.url, 'GET', '/api/me/prefs', { token: c07 })).body).toEqual({ autoCall: prefs });
    } finally {
      await second.close();
    }
  });
});
