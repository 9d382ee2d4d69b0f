import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { LoginResult, Ticket, Window } from '../../shared/schemas';
import { DEVICE_TOKEN_TTL_MS, TOKEN_TTL_MS } from '../../server/service/auth-service';
import { api, connectClient, login, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('sign-in, roles and sessions', () => {
  it('logs in with the demo accounts and says who you are', async () => {
    const r = await api<LoginResult>(s.url, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'admin' } });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username: 'admin', role: 'manager' });
    expect(r.body.token.length).toBeGreaterThan(30);
    const me = await api<{ role: string }>(s.url, 'GET', '/api/me', { token: r.body.token });
    expect(me.body.role).toBe('manager');
  });

  it('refuses a wrong password with 401 and never stores the token itself', async () => {
    const r = await api<{ error: { code: string } }>(s.url, 'POST', '/api/auth/login', { body: { username: 'c01', password: 'nope' } });
    expect([r.status, r.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    const token = await login(s.url, 'c02', '1234');
    const stored = s.store.db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    expect(stored.some((x) => x.token_hash === token)).toBe(false);
  });

  it('rate-limits repeated failures for a username', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) {
      codes.push((await api(s.url, 'POST', '/api/auth/login', { body: { username: 'c30', password: `bad${i}` } })).status);
    }
    expect(codes.slice(0, 8).every((c) => c === 401)).toBe(true);
    expect(codes.slice(8)).toEqual([429, 429]);
    // Even the right password waits until the window passes.
    expect((await api(s.url, 'POST', '/api/auth/login', { body: { username: 'c30', password: '1234' } })).status).toBe(429);
    s.clock.advance(11 * 60_000);
    expect((await api(s.url, 'POST', '/api/auth/login', { body: { username: 'c30', password: '1234' } })).status).toBe(200);
  });

  it('tokens expire', async () => {
    const token = await login(s.url, 'c03', '1234');
    expect((await api(s.url, 'GET', '/api/me', { token })).status).toBe(200);
    s.clock.advance(TOKEN_TTL_MS + 1000);
    expect((await api(s.url, 'GET', '/api/me', { token })).status).toBe(401);
  });

  it('a hall device’s sign-in lasts 90 days, unless its account gets a new password', async () => {
    // Its own hall: passwords change here, and the clock runs three months on.
    const s = await startTestServer();
    onTestFinished(() => s.close());
    const kiosk = await login(s.url, 'kiosk', 'kiosk');
    s.clock.advance(30 * 24 * 60 * 60_000);
    expect((await api(s.url, 'GET', '/api/me', { token: kiosk })).status).toBe(200);
    s.clock.advance(DEVICE_TOKEN_TTL_MS - 30 * 24 * 60 * 60_000 + 1000);
    expect((await api(s.url, 'GET', '/api/me', { token: kiosk })).status).toBe(401);

    const again = await login(s.url, 'kiosk', 'kiosk');
    const manager = await login(s.url, 'admin', 'admin');
    const staff = await api<{ id: string; username: string }[]>(s.url, 'GET', '/api/admin/staff', { token: manager });
    const id = staff.body.find((u) => u.username === 'kiosk')!.id;
    expect((await api(s.url, 'PUT', `/api/admin/staff/${id}`, { token: manager, body: { password: 'a-new-kiosk-pass' } })).status).toBe(200);
    expect((await api(s.url, 'GET', '/api/me', { token: again })).status).toBe(401);
    // The manager's own new password keeps the console signed in.
    const me = staff.body.find((u) => u.username === 'admin')!.id;
    expect((await api(s.url, 'PUT', `/api/admin/staff/${me}`, { token: manager, body: { password: 'a-new-admin-pass' } })).status).toBe(200);
    expect((await api(s.url, 'GET', '/api/me', { token: manager })).status).toBe(200);
  });

  it('checks roles: kiosks issue tickets but cannot call; guides cannot sign in at windows', async () => {
    const kiosk = await login(s.url, 'kiosk', 'kiosk');
    const guide = await login(s.url, 'guide', '1234');
    expect((await api(s.url, 'POST', '/api/tickets', { token: kiosk, body: { queue: 'A' } })).status).toBe(201);
    expect((await api(s.url, 'POST', '/api/windows/9/session', { token: kiosk })).status).toBe(403);
    expect((await api(s.url, 'POST', '/api/windows/9/session', { token: guide })).status).toBe(403);
    const withNote = await api<Ticket & { note?: string }>(s.url, 'POST', '/api/tickets', { token: guide, body: { queue: 'A', note: '材料齐全' } });
    expect(withNote.body).toMatchObject({ channel: 'guide', note: '材料齐全' });
    // The public never sees the note.
    expect((await api<{ note?: string }>(s.url, 'GET', `/api/tickets/${withNote.body.id}`)).body.note).toBeUndefined();
  });

  it('one clerk per window: a second clerk gets 409; the clerk or a manager signs out', async () => {
    const a = await login(s.url, 'c04', '1234');
    const b = await login(s.url, 'c05', '1234');
    const manager = await login(s.url, 'admin', 'admin');
    expect((await api<Window>(s.url, 'POST', '/api/windows/12/session', { token: a })).status).toBe(200);
    const held = await api<{ error: { code: string } }>(s.url, 'POST', '/api/windows/12/session', { token: b });
    expect([held.status, held.body.error.code]).toEqual([409, 'WINDOW_HELD']);
    expect((await api(s.url, 'DELETE', '/api/windows/12/session', { token: b })).status).toBe(403);
    const closed = await api<Window>(s.url, 'DELETE', '/api/windows/12/session', { token: manager });
    expect(closed.body.state).toBe('closed');
    expect((await api(s.url, 'POST', '/api/windows/12/session', { token: b })).status).toBe(200);
  });

  it('a connected staff socket loses its powers when the session ends (expiry or deactivation)', async () => {
    const manager = await login(s.url, 'admin', 'admin');
    const token = await login(s.url, 'c06', '1234');
    const staff = await connectClient(s.url, token);
    const ack = (event: string, payload: unknown) =>
      new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
        (staff.socket.emit as (e: string, p: unknown, cb: (r: never) => void) => void)(event, payload, resolve),
      );
    expect((await ack('window:signIn', { windowNo: 6 })).ok).toBe(true);
    const accounts = await api<{ id: string; username: string }[]>(s.url, 'GET', '/api/admin/staff', { token: manager });
    const c06 = accounts.body.find((u) => u.username === 'c06')!;
    await api(s.url, 'PUT', `/api/admin/staff/${c06.id}`, { token: manager, body: { active: false } });
    const closed = new Promise((resolve) => staff.socket.once('disconnect', resolve));
    expect((await ack('window:signIn', { windowNo: 6 })).error?.code).toBe('UNAUTHORIZED');
    await closed;
    await api(s.url, 'PUT', `/api/admin/staff/${c06.id}`, { token: manager, body: { active: true } });
  });

  it('public ticketing can be switched off: then only kiosks and staff issue', async () => {
    s.app.service.state().settings.publicTicketing = false;
    try {
      expect((await api(s.url, 'POST', '/api/tickets', { body: { queue: 'A' } })).status).toBe(401);
    } finally {
      s.app.service.state().settings.publicTicketing = true;
    }
  });
});
