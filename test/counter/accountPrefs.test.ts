/**
 * 自动叫号 settings kept with the account, on the panel's side: the pure plan for the first answer
 * (the account wins; an older version's copy on this PC is brought over once), and the store
 * module against a real test server in Node — nothing known before the answer, a change saved to
 * the account, a change made while the connection is down applied at once, said once, and saved
 * when the panel is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyPrefs } from '../../shared/prefs';
import { DEFAULT_AUTO_CALL } from '../../shared/prefsValues';
import { planLoad } from '../../counter/src/clerk/logic/accountPrefs';
import { createAccountPrefs } from '../../counter/src/clerk/store/accountPrefs';
import { connectHall, type HallConnection } from '../../counter/src/shared/connection';
import type { LoginResult } from '../../shared/schemas';
import { api, startTestServer, type TestServer } from '../support/server';

const MINE = { afterDone: true, whenPrompted: false, seconds: 3 };
const OLD = { afterDone: false, whenPrompted: true, seconds: 10 };

describe('planLoad', () => {
  it.each<[string, MyPrefs, typeof OLD | null, ReturnType<typeof planLoad>]>([
    ['the account has them: used, this PC ignored', { autoCall: MINE }, OLD, { autoCall: MINE, upload: false }],
    ['the account has none, this PC has old ones: brought over', {}, OLD, { autoCall: OLD, upload: true }],
    ['neither: off, nothing sent', {}, null, { autoCall: DEFAULT_AUTO_CALL, upload: false }],
  ])('%s', (_, server, legacy, plan) => expect(planLoad(server, legacy)).toEqual(plan));
});

/** localStorage for Node: prefs.ts reads the old copy from it. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('account prefs store', () => {
  let server: TestServer;
  const open: HallConnection[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    globalThis.localStorage = memoryStorage();
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await server?.close();
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  async function panel(username: string) {
    const login = (await api<LoginResult>(server.url, 'POST', '/api/auth/login', { body: { username, password: '1234' } })).body;
    const conn = connectHall({ token: login.token, url: server.url });
    open.push(conn);
    const said: string[] = [];
    const prefs = createAccountPrefs({ conn, userId: login.user.id, onSaveFailed: () => said.push('failed'), onSavedLater: () => said.push('savedLater') });
    return { prefs, said, token: login.token, userId: login.user.id };
  }
  const stored = async (token: string) => (await api<MyPrefs>(server.url, 'GET', '/api/me/prefs', { token })).body;

  it('knows nothing until the account answers, then saves each change there', async () => {
    const { prefs, said, token } = await panel('c11');
    expect([prefs.autoCall.value, prefs.sync.value]).toEqual([null, 'loading']);
    await until(() => prefs.sync.value === 'saved', 'the first answer');
    expect(prefs.autoCall.value).toEqual(DEFAULT_AUTO_CALL);
    expect(await stored(token)).toEqual({}); // reading sends nothing back

    prefs.setAutoCall(MINE);
    expect(prefs.autoCall.value).toEqual(MINE); // applies at once
    await until(() => prefs.sync.value === 'saved', 'the save');
    expect(await stored(token)).toEqual({ autoCall: MINE });
    expect(said).toEqual([]);
  });

  it("brings this PC's old setting to an account that has none, once, and forgets the old copy", async () => {
    const login = (await api<LoginResult>(server.url, 'POST', '/api/auth/login', { body: { username: 'c12', password: '1234' } })).body;
    localStorage.setItem(`hall.counter.autoCall.${login.user.id}`, JSON.stringify(OLD));
    const { prefs, token, userId } = await panel('c12');
    await until(() => prefs.sync.value === 'saved', 'the upload');
    expect(prefs.autoCall.value).toEqual(OLD);
    expect(await stored(token)).toEqual({ autoCall: OLD });
    expect(localStorage.getItem(`hall.counter.autoCall.${userId}`)).toBeNull();
  });

  it('a change while the connection is down applies here, is said once, and is saved on reconnect', async () => {
    const { prefs, said, token, userId } = await panel('c13');
    await until(() => prefs.sync.value === 'saved', 'the first answer');
    // The server drops the panel's connection; the panel reconnects by itself after a second.
    server.app.io.in(`staff:${server.app.service.hallId}`).disconnectSockets(true);
    const conn = open[open.length - 1]!;
    await until(() => conn.status.value === 'offline', 'offline');
    prefs.setAutoCall(MINE);
    prefs.setAutoCall({ ...MINE, seconds: 5 });
    expect(prefs.autoCall.value).toEqual({ ...MINE, seconds: 5 });
    await until(() => prefs.sync.value === 'unsaved', 'unsaved');
    expect(said).toEqual(['failed']);

    await until(() => prefs.sync.value === 'saved', 'saved after reconnect', 8_000);
    expect(await stored(token)).toEqual({ autoCall: { ...MINE, seconds: 5 } });
    expect(said).toEqual(['failed', 'savedLater']);
    expect(localStorage.getItem(`hall.counter.autoCall.${userId}`)).toBeNull();
  });
});
