/** GET /api/catalogue?matters=…: the phone page asks for its ticket's matters only. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../shared/schemas';
import { api, startTestServer, type TestServer } from '../support/server';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('catalogue filtered by matters', () => {
  it('gives only the matters asked for (unknown ones left out), all without the filter, to anyone', async () => {
    s = await startTestServer();
    const all = await api<Catalogue>(s.url, 'GET', '/api/catalogue');
    expect(all.body.matters.length).toBeGreaterThan(10);
    const some = await api<Catalogue>(s.url, 'GET', '/api/catalogue?matters=A-02,A-01,NOPE');
    expect(some.status).toBe(200);
    expect(some.body.matters.map((m) => m.id).sort()).toEqual(['A-01', 'A-02']);
    expect(some.body.matters.find((m) => m.id === 'A-01')?.materials).toContain('公司章程');
    expect(some.body.queues).toEqual(all.body.queues);
    expect((await api<Catalogue>(s.url, 'GET', '/api/catalogue?matters=')).body.matters).toEqual([]);
    // At most 20 ids are read.
    const many = Array.from({ length: 25 }, (_, i) => `X-${i}`).concat('A-01').join(',');
    expect((await api<Catalogue>(s.url, 'GET', `/api/catalogue?matters=${many}`)).body.matters).toEqual([]);
  });
});
