import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { ServerToClientEvents, StaffClientEvents } from '../../shared/events';
import type { HallChange, Snapshot } from '../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../support/server';
import type { Socket } from 'socket.io-client';
import { tempDir } from '../support/tmp';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('reconnecting viewers', () => {
  it('a short drop is recovered by Socket.IO: missed changes are replayed in order, no snapshot needed', async () => {
    const sock: Socket<ServerToClientEvents, StaffClientEvents> = connect(s.url, { transports: ['websocket'], forceNew: true, reconnectionDelay: 50 });
    const snapshots: Snapshot[] = [];
    const changes: HallChange[] = [];
    sock.on('snapshot', (x) => snapshots.push(x));
    sock.on('hall:changed', (c) => changes.push(c));
    await new Promise((r) => sock.once('snapshot', r));
    // Recovery needs one received packet with an offset first.
    await api(s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
    await expect.poll(() => changes.length).toBe(1);

    const reconnected = new Promise((r) => sock.io.once('reconnect', r));
    sock.io.engine.close(); // the network drops
    await api(s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
    await api(s.url, 'POST', '/api/tickets', { body: { queue: 'B' } });
    await reconnected;
    await expect.poll(() => changes.length).toBe(3);
    expect(sock.recovered).toBe(true);
    expect(snapshots).toHaveLength(1);
    const seqs = changes.map((c) => c.seq);
    expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2]);
    sock.close();
  });

  it('after a server restart the client gets a fresh snapshot with the right state', async () => {
    const dbPath = join(tempDir('restart-'), 'hall.db');
    const first = await startTestServer({ dbPath });
    const token = await login(first.url, 'c01', '1234');
    await api(first.url, 'POST', '/api/windows/9/session', { token });
    await api(first.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
    await api(first.url, 'POST', '/api/windows/9/next', { token });
    const seq = first.app.service.state().seq;
    await first.close();
    const second = await startTestServer({ dbPath });
    const sock = connect(second.url, { transports: ['websocket'], forceNew: true });
    const snap = await new Promise<Snapshot>((r) => sock.once('snapshot', r));
    expect(snap.seq).toBe(seq);
    expect(snap.windows.find((w) => w.no === 9)?.current?.number).toBe('A001');
    expect(snap.recentCalls[0]?.number).toBe('A001');
    sock.close();
    await second.close();
  });
});
