/**
 * The staff apps' socket module against a real test server (in Node, no browser): snapshot on
 * connect, a forced gap repaired by a resync, typed commands ending in data or an error, and
 * refusals on our side when offline or with a bad token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectHall, type HallConnection } from '../../counter/src/shared/connection';
import { staffCommands } from '../../counter/src/shared/commands';
import { login, startTestServer, type TestServer } from '../support/server';

let server: TestServer;
const open: HallConnection[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.close();
});

async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function connect(token: string | null, ackTimeoutMs?: number): HallConnection {
  const c = connectHall({ token, url: server.url, ...(ackTimeoutMs ? { ackTimeoutMs } : {}) });
  open.push(c);
  return c;
}

describe('staff socket module', () => {
  it('connects, holds the snapshot and sends typed commands with their replies', async () => {
    const conn = connect(await login(server.url, 'c01', '1234'));
    await until(() => conn.status.value === 'online' && conn.snapshot.value !== null, 'snapshot');
    const cmd = staffCommands(conn);

    const refused = await cmd.next(9, 'r-1');
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });

    const signedIn = await cmd.signIn(9);
    expect(signedIn.ok && signedIn.data.clerk?.username).toBe('c01');
    // The change reached the reactive snapshot too, clerk included (staff see who is where).
    await until(() => conn.snapshot.value?.windows.find((w) => w.no === 9)?.clerk?.username === 'c01', 'window 9 change');

    const nothing = await cmd.next(9, 'r-2');
    expect(nothing).toEqual({ ok: true, data: null });
  });

  it('a command sent before the first connection waits for it (a page opened from a link)', async () => {
    const conn = connect(await login(server.url, 'c04', '1234'));
    expect(conn.status.value).toBe('connecting');
    const r = await staffCommands(conn).signIn(13);
    expect(r.ok && r.data.clerk?.username).toBe('c04');
  });

  it('repairs a gap in the seq with a fresh snapshot', async () => {
    const conn = connect(await login(server.url, 'c02', '1234'));
    await until(() => conn.snapshot.value !== null, 'snapshot');
    const before = conn.resyncs.value;
    const seq = conn.snapshot.value?.seq ?? 0;
    // A change from the future (seq + 5): the module must not apply it but resync.
    server.app.io.to(`staff:${server.app.service.hallId}`).emit('hall:changed', { seq: seq + 5, at: new Date().toISOString(), windows: [], queues: [] });
    await until(() => conn.resyncs.value > before, 'resync');
    expect(conn.snapshot.value?.seq).toBe(server.app.service.snapshot().seq);
  });

  it('refuses on our side: offline, timed out, or with a bad token', async () => {
    const conn = connect(await login(server.url, 'c03', '1234'), 200);
    await until(() => conn.status.value === 'online', 'online');
    // A server that never answers (its handler is gone): the outcome is unknown, and said so.
    // (A race against a real answer with a 1 ms timeout flips on a busy machine.)
    for (const s of server.app.io.of('/').sockets.values()) s.removeAllListeners('window:signIn');
    expect(await conn.command('window:signIn', { windowNo: 11 })).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    conn.close();
    expect(await conn.command('window:signIn', { windowNo: 11 })).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });

    const bad = connect('not-a-token');
    await until(() => bad.status.value === 'unauthorized', 'unauthorized');
  });
});
