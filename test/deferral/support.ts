/** The 容缺受理 server tests' common ground: a clerk serving an E-02 ticket, and the REST calls. */
import { afterEach, expect } from 'vitest';
import type { Deferral, DeferralList } from '../../shared/deferral';
import type { ApiError } from '../../shared/errors';
import type { Ticket } from '../../shared/schemas';
import { api, login, startTestServer, type ClientSocket, type TestServer } from '../support/server';

export type Body<T> = T | { error: ApiError };
export const errorOf = (r: { body: unknown }): ApiError => (r.body as { error: ApiError }).error;

/** Window 3 serves queue E; c03 calls an E-02 (医保异地就医备案) ticket there. */
export async function servingE02(opts: Parameters<typeof startTestServer>[0] = {}) {
  const s = await startTestServer(opts);
  const admin = await login(s.url, 'admin', 'admin');
  const clerk = await login(s.url, 'c03', '1234');
  expect((await api(s.url, 'PUT', '/api/windows/3/mapping', { token: admin, body: [{ queue: 'E', role: 'primary' }] })).status).toBe(200);
  expect((await api(s.url, 'POST', '/api/windows/3/session', { token: clerk })).status).toBe(200);
  const ticket = (await api<Ticket>(s.url, 'POST', '/api/tickets', { token: admin, body: { queue: 'E', matters: ['E-02'] } })).body;
  expect((await api<Ticket>(s.url, 'POST', '/api/windows/3/next', { token: clerk })).body.id).toBe(ticket.id);
  return { s, admin, clerk, ticket };
}

export const create = (t: TestServer, token: string, body: unknown) => api<Body<Deferral>>(t.url, 'POST', '/api/deferrals', { token, body });
export const list = async (t: TestServer, token: string, query = '') => (await api<DeferralList>(t.url, 'GET', `/api/deferrals${query}`, { token })).body;
export const cancel = (t: TestServer, token: string, id: string, reason: string) => api<Body<Deferral>>(t.url, 'POST', `/api/deferrals/${id}/cancel`, { token, body: { reason } });

/** Each test's server and sockets, closed after it (call once per file, at its top). */
export function closedAfterEach() {
  let server: TestServer | undefined;
  const sockets: ClientSocket[] = [];
  afterEach(async () => {
    for (const x of sockets.splice(0)) x.disconnect();
    await server?.close();
    server = undefined;
  });
  return {
    server: (t: TestServer): TestServer => (server = t),
    socket: (x: ClientSocket): ClientSocket => {
      sockets.push(x);
      return x;
    },
  };
}
