import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { api, connectClient, login, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
let clerk: string;
let manager: string;
const seqNow = async () => (await api<{ seq: number }>(s.url, 'GET', '/api/snapshot')).body.seq;

beforeAll(async () => {
  s = await startTestServer();
  clerk = await login(s.url, 'c01', '1234');
  manager = await login(s.url, 'admin', 'admin');
  await api(s.url, 'POST', '/api/windows/9/session', { token: clerk });
});
afterAll(() => s.close());

describe('bad REST input gets a coded 4xx and changes nothing', () => {
  const big = JSON.stringify({ queue: 'A', note: 'x'.repeat(120_000) });
  const cases: { name: string; method: string; path: string; raw?: string; body?: unknown; token?: 'clerk' | 'manager'; status: number; code: string }[] = [
    { name: 'malformed JSON', method: 'POST', path: '/api/tickets', raw: '{"queue": "A",', status: 400, code: 'BAD_REQUEST' },
    { name: 'body over 100 kB', method: 'POST', path: '/api/tickets', raw: big, status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'wrong type for queue', method: 'POST', path: '/api/tickets', body: { queue: 7 }, status: 400, code: 'BAD_REQUEST' },
    { name: 'a JSON array instead of an object', method: 'POST', path: '/api/tickets', body: ['A'], status: 400, code: 'BAD_REQUEST' },
    { name: 'a JSON null body', method: 'POST', path: '/api/tickets', raw: 'null', status: 400, code: 'BAD_REQUEST' },
    { name: 'bad priority value', method: 'POST', path: '/api/tickets', body: { queue: 'A', priority: 'vip' }, status: 400, code: 'BAD_REQUEST' },
    { name: 'unknown queue', method: 'POST', path: '/api/tickets', body: { queue: 'Z' }, status: 404, code: 'UNKNOWN_QUEUE' },
    { name: 'unknown matter', method: 'POST', path: '/api/tickets', body: { queue: 'A', matters: ['NOPE'] }, status: 400, code: 'BAD_REQUEST' },
    { name: 'unknown window', method: 'POST', path: '/api/windows/999/next', token: 'clerk', status: 404, code: 'UNKNOWN_WINDOW' },
    { name: 'window number not a number', method: 'POST', path: '/api/windows/abc/next', token: 'clerk', status: 400, code: 'BAD_REQUEST' },
    { name: 'next without a token', method: 'POST', path: '/api/windows/9/next', status: 401, code: 'UNAUTHORIZED' },
    { name: 'next at a window the clerk is not at', method: 'POST', path: '/api/windows/10/next', token: 'clerk', status: 403, code: 'NOT_SIGNED_IN' },
    { name: 'complete with nothing current', method: 'POST', path: '/api/windows/9/complete', token: 'clerk', status: 409, code: 'NO_CURRENT_TICKET' },
    { name: 'transfer to an unknown queue', method: 'POST', path: '/api/windows/9/transfer', token: 'clerk', body: { queue: 'Q' }, status: 404, code: 'UNKNOWN_QUEUE' },
    { name: 'special call with a malformed number', method: 'POST', path: '/api/windows/9/call', token: 'clerk', body: { number: 'hello' }, status: 400, code: 'BAD_REQUEST' },
    { name: 'special call of a number not issued', method: 'POST', path: '/api/windows/9/call', token: 'clerk', body: { number: 'A999' }, status: 404, code: 'UNKNOWN_TICKET' },
    { name: 'pause with an unknown reason', method: 'POST', path: '/api/windows/9/pause', token: 'clerk', body: { reason: 'nap' }, status: 400, code: 'BAD_REQUEST' },
    { name: 'mapping that is not an array', method: 'PUT', path: '/api/windows/9/mapping', token: 'manager', body: { queue: 'A' }, status: 400, code: 'BAD_REQUEST' },
    { name: 'mapping with a bad role', method: 'PUT', path: '/api/windows/9/mapping', token: 'manager', body: [{ queue: 'A', role: 'boss' }], status: 400, code: 'BAD_REQUEST' },
    { name: 'mapping naming a queue twice', method: 'PUT', path: '/api/windows/9/mapping', token: 'manager', body: [{ queue: 'A', role: 'primary' }, { queue: 'A', role: 'overflow' }], status: 400, code: 'BAD_REQUEST' },
    { name: 'reinstate an unknown ticket', method: 'POST', path: '/api/tickets/abcdefghijklmnop/reinstate', token: 'clerk', status: 404, code: 'UNKNOWN_TICKET' },
    { name: 'a ticket id with odd characters', method: 'GET', path: '/api/tickets/..%2F..%2Fetc', status: 400, code: 'BAD_REQUEST' },
    { name: 'unknown API route', method: 'GET', path: '/api/nothing-here', status: 404, code: 'NOT_FOUND' },
    { name: 'login with a missing password', method: 'POST', path: '/api/auth/login', body: { username: 'c01' }, status: 400, code: 'BAD_REQUEST' },
  ];

  it.each(cases)('$name → $status $code', async (c) => {
    const before = await seqNow();
    const token = c.token === 'clerk' ? clerk : c.token === 'manager' ? manager : undefined;
    const r = await api<{ error: { code: string; message: string } }>(s.url, c.method, c.path, {
      ...(token ? { token } : {}),
      ...(c.raw !== undefined ? { raw: c.raw } : {}),
      ...(c.body !== undefined ? { body: c.body } : {}),
    });
    expect(r.status).toBe(c.status);
    expect(r.body.error.code).toBe(c.code);
    expect(typeof r.body.error.message).toBe('string');
    expect(await seqNow()).toBe(before);
  });

  it('unknown fields are ignored', async () => {
    const r = await api<{ number: string }>(s.url, 'POST', '/api/tickets', { body: { queue: 'A', colour: 'red' } });
    expect(r.status).toBe(201);
  });

  it('a bad bearer token is refused, not treated as public', async () => {
    const r = await api<{ error: { code: string } }>(s.url, 'POST', '/api/tickets', { token: 'forged', body: { queue: 'A' } });
    expect([r.status, r.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
  });
});

describe('bad Socket.IO input gets an error acknowledgement and the server lives on', () => {
  it('unknown events, wrong payloads, viewers sending commands', async () => {
    const staff = await connectClient(s.url, clerk);
    const viewer = await connectClient(s.url);
    const emit = (sock: typeof staff.socket, event: string, ...args: unknown[]) =>
      new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
        (sock.emit as (e: string, ...a: unknown[]) => void)(event, ...args, resolve),
      );
    const before = await seqNow();
    expect((await emit(staff.socket, 'window:explode', { windowNo: 9 })).error?.code).toBe('NOT_FOUND');
    expect((await emit(staff.socket, 'window:next', 'not an object')).error?.code).toBe('BAD_REQUEST');
    expect((await emit(staff.socket, 'window:next', { windowNo: -3 })).error?.code).toBe('BAD_REQUEST');
    expect((await emit(staff.socket, 'window:next')).error?.code).toBe('BAD_REQUEST');
    expect((await emit(staff.socket, 'window:transfer', { windowNo: 9, queue: ['A'] })).error?.code).toBe('BAD_REQUEST');
    expect((await emit(viewer.socket, 'window:next', { windowNo: 9 })).error?.code).toBe('UNAUTHORIZED');
    expect((await emit(viewer.socket, 'window:mapping', { windowNo: 9, mapping: [] })).error?.code).toBe('UNAUTHORIZED');
    expect((await emit(viewer.socket, 'ticket:watch', { ticketId: 'x' })).error?.code).toBe('BAD_REQUEST');
    // Events without an acknowledgement are simply ignored.
    (staff.socket.emit as (e: string, p: unknown) => void)('window:next', { windowNo: 9 });
    (staff.socket.emit as (e: string, p: unknown) => void)('nonsense', 42);
    expect((await emit(staff.socket, 'snapshot:get')).ok).toBe(true);
    expect(await seqNow()).toBeGreaterThanOrEqual(before);
    expect((await api(s.url, 'GET', '/healthz')).status).toBe(200);
    staff.socket.close();
    viewer.socket.close();
  });

  it('a connection with a bad token is refused', async () => {
    const sock = connect(s.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: 'nope' } });
    const err = await new Promise<Error>((resolve) => sock.once('connect_error', resolve));
    expect(err.message).toBe('UNAUTHORIZED');
    sock.close();
  });
});
