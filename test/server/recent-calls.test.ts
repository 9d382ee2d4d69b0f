/** The snapshot's recent calls go back far enough for a zone wall reloaded in a busy hall (RECENT_CALLS), newest first, also after a restart. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/schemas';
import { RECENT_CALLS } from '../../server/service/hall-service';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
});

describe('recent calls in the snapshot', () => {
  it(`keeps the last ${RECENT_CALLS}, not a dozen, newest first, over a restart`, async () => {
    const dbPath = join(tempDir('recent-'), 'hall.db');
    s = await startTestServer({ dbPath });
    const clerk = await login(s.url, 'c03', '1234');
    expect((await api(s.url, 'POST', '/api/windows/3/session', { token: clerk })).status).toBe(200);
    const n = 25;
    for (let i = 0; i < n; i++) expect((await api(s.url, 'POST', '/api/tickets', { body: { queue: 'T' } })).status).toBe(201);
    for (let i = 0; i < n; i++) {
      expect((await api(s.url, 'POST', '/api/windows/3/next', { token: clerk })).status).toBe(200);
      expect((await api(s.url, 'POST', '/api/windows/3/complete', { token: clerk })).status).toBe(200);
    }
    const numbers = (snap: Snapshot) => snap.recentCalls.map((c) => c.number);
    const want = Array.from({ length: n }, (_, i) => `T${String(n - i).padStart(3, '0')}`);
    expect(numbers((await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body)).toEqual(want);
    await s.close();
    s = await startTestServer({ dbPath });
    expect(numbers((await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body)).toEqual(want);
  });
});
