/**
 * The 统计 server tests' set-up: a real server with the manual clock, the manager and clerk c01
 * signed in (again after a day change: sessions do not outlive the day), and the move they all
 * make — clerk c01 serving tickets at window 9 after given waits.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Ticket } from '../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../support/server';

export const MIN = 60_000;

export interface StatsServer {
  /** Set before the first test runs. */
  s: TestServer;
  admin: string;
  clerk: string;
  signIn(): Promise<void>;
  post(path: string, token?: string): Promise<{ status: number; body: Ticket }>;
  get<T>(path: string, token?: string): Promise<{ status: number; body: T }>;
  /** Issue `waits.length` tickets of `queue` at once, then call and serve them one by one at window 9: the k-th waits waits[k] minutes. */
  serve(queue: string, waits: number[]): Promise<void>;
}

export function statsServer(): StatsServer {
  const t: StatsServer = {
    s: undefined as unknown as TestServer,
    admin: '',
    clerk: '',
    async signIn() {
      t.admin = await login(t.s.url, 'admin', 'admin');
      t.clerk = await login(t.s.url, 'c01', '1234');
    },
    post: (path, token) => api<Ticket>(t.s.url, 'POST', path, token ? { token } : {}),
    get: (path, token = t.admin) => api(t.s.url, 'GET', path, { token }),
    async serve(queue, waits) {
      await t.post('/api/windows/9/session', t.clerk);
      for (const _ of waits) await api(t.s.url, 'POST', '/api/tickets', { body: { queue } });
      let waited = 0;
      for (const w of waits) {
        t.s.clock.advance((w - waited) * MIN);
        waited = w;
        await t.post('/api/windows/9/next', t.clerk);
        await t.post('/api/windows/9/start', t.clerk);
        await t.post('/api/windows/9/complete', t.clerk);
      }
    },
  };
  beforeAll(async () => {
    t.s = await startTestServer();
    await t.signIn();
  });
  afterAll(() => t.s.close());
  return t;
}
