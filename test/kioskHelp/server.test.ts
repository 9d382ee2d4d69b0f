/**
 * 自助机呼叫工作人员 over the wire: a kiosk raises on `/kiosk-help` (and over REST), the guide desk and
 * the console see it live, 我去处理 reaches the kiosk (with the name only where the hall shows
 * staff names), 已处理 and 不需要了 end it, a double press is the same call, the wrong roles are
 * refused, a reconnecting desk gets the live calls and a reconnecting kiosk its own; each step audited.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import type { Reply } from '../../shared/errors';
import type { KioskHelpCall, KioskHelpClientEvents, KioskHelpDay, KioskHelpMine, KioskHelpServerEvents } from '../../shared/kioskHelp';
import { api, connectClient, login, startTestServer, type ClientSocket, type TestServer } from '../support/server';

type HelpSocket = Socket<KioskHelpServerEvents, KioskHelpClientEvents>;
type ErrorBody = { error: { code: string; message: string } };

let s: TestServer | undefined;
const sockets: { disconnect(): unknown }[] = [];
afterEach(async () => {
  for (const x of sockets.splice(0)) x.disconnect();
  await s?.close();
  s = undefined;
});

const KIOSK_A = 'kiosk-aaaaaaaaaaaa';
const KIOSK_B = 'kiosk-bbbbbbbbbbbb';

/** Connects to the namespace and waits for the first push (`mine` for a kiosk, `open` for a desk). */
async function helpSocket(url: string, auth: { token?: string; kioskId?: string }): Promise<{ socket: HelpSocket; first: unknown; events: { name: string; arg: unknown }[] }> {
  const socket: HelpSocket = connect(`${url}/kiosk-help`, { transports: ['websocket'], forceNew: true, reconnection: false, auth });
  sockets.push(socket);
  const events: { name: string; arg: unknown }[] = [];
  socket.onAny((name: string, arg: unknown) => void events.push({ name, arg }));
  const first = await new Promise<unknown>((resolve, reject) => {
    socket.once('kioskHelp:mine', resolve);
    socket.once('kioskHelp:open', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, first, events };
}

function send<T>(socket: HelpSocket, name: keyof KioskHelpClientEvents, payload: unknown): Promise<Reply<T>> {
  return new Promise((resolve) => (socket as unknown as Socket).emit(name, payload, resolve));
}

function next<T>(socket: HelpSocket, name: keyof KioskHelpServerEvents, pred: (x: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${name}`)), 5000);
    const h = (x: T) => {
      if (!pred(x)) return;
      clearTimeout(timer);
      (socket as unknown as Socket).off(name, h);
      resolve(x);
    };
    (socket as unknown as Socket).on(name, h);
  });
}

/** A kiosk screen on the hall's namespace, as 设备状态 sees it. */
async function hallDevice(url: string, id: string): Promise<void> {
  const hall = await connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { device: { id, kind: 'kiosk' } } });
  sockets.push(hall);
  await new Promise((r) => hall.once('snapshot', r));
}

describe('自助机呼叫工作人员 (kiosk help)', () => {
  it('a kiosk asks, the guide sees it live and comes, the kiosk is told, the guide settles it; all audited', async () => {
    s = await startTestServer();
    const guide = await login(s.url, 'guide', '1234');
    const admin = await login(s.url, 'admin', 'admin');
    // The kiosk as 设备状态 knows it (a hello on the hall's namespace), unnamed: 自助取号机 by its place.
    const hall = await connect(s.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { device: { id: KIOSK_A, kind: 'kiosk' } } });
    sockets.push(hall);
    await new Promise((r) => hall.once('snapshot', r));

    const desk = await helpSocket(s.url, { token: guide });
    expect(desk.first).toEqual([]);
    const console_ = await helpSocket(s.url, { token: admin });
    const kiosk = await helpSocket(s.url, { kioskId: KIOSK_A });
    expect(kiosk.first).toBeNull();

    const seen = next<KioskHelpCall>(desk.socket, 'kioskHelp:changed');
    const seenByManager = next<KioskHelpCall>(console_.socket, 'kioskHelp:changed');
    const raised = await send<KioskHelpMine>(kiosk.socket, 'kioskHelp:raise', {});
    expect(raised).toMatchObject({ ok: true, data: { status: 'open', raisedAt: new Date(s.clock.now()).toISOString() } });
    const call = await seen;
    expect(call).toMatchObject({ kioskId: KIOSK_A, kioskNo: 1, status: 'open', serviceDay: '2026-11-30' });
    expect(call).not.toHaveProperty('kioskName');
    expect((await seenByManager).id).toBe(call.id);

    // A second press is the same call: nothing new is pushed, the answer is the live call.
    const again = await send<KioskHelpMine>(kiosk.socket, 'kioskHelp:raise', {});
    expect(again.ok && again.data.id).toBe(call.id);

    s.clock.advance(45_000);
    const coming = next<KioskHelpMine | null>(kiosk.socket, 'kioskHelp:mine');
    const ack = await send<KioskHelpCall>(desk.socket, 'kioskHelp:acknowledge', { id: call.id });
    expect(ack).toMatchObject({ ok: true, data: { status: 'acknowledged', acknowledgedBy: { name: expect.any(String) } } });
    const mine = await coming;
    expect(mine).toMatchObject({ id: call.id, status: 'acknowledged' });
    // The demo hall does not show staff names on its screens: the kiosk is not told who.
    expect(mine).not.toHaveProperty('helper');

    const ended = next<KioskHelpMine | null>(kiosk.socket, 'kioskHelp:mine');
    const done = await send<KioskHelpCall>(desk.socket, 'kioskHelp:resolve', { id: call.id });
    expect(done).toMatchObject({ ok: true, data: { status: 'resolved', closedBy: { id: expect.any(String) } } });
    expect(await ended).toBeNull();

    const day = await api<KioskHelpDay>(s.url, 'GET', '/api/kiosk-help', { token: admin });
    expect(day.status).toBe(200);
    expect(day.body.calls.map((c) => c.status)).toEqual(['resolved']);
    expect(day.body.medianAnswerSeconds).toBe(45);

    const audit = await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit', { token: admin });
    const types = audit.body.map((e) => e.type).filter((t) => t.startsWith('KioskHelp'));
    expect(types.sort()).toEqual(['KioskHelpAcknowledged', 'KioskHelpRaised', 'KioskHelpResolved']);
    // Another kiosk heard nothing of it.
    expect(kiosk.events.every((e) => e.name === 'kioskHelp:mine')).toBe(true);
  });

  it('the kiosk withdraws it (不需要了), even once someone is coming; the helper is named where the hall shows names', async () => {
    s = await startTestServer();
    const guide = await login(s.url, 'guide', '1234');
    const admin = await login(s.url, 'admin', 'admin');
    expect((await api(s.url, 'PUT', '/api/admin/settings', { token: admin, body: { windowShowsClerk: true } })).status).toBe(200);
    const desk = await helpSocket(s.url, { token: guide });
    // Without an account the kiosk screen must be connected to the hall (设备状态) to call.
    const kiosk = await helpSocket(s.url, { kioskId: KIOSK_A });
    expect(await send(kiosk.socket, 'kioskHelp:raise', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await hallDevice(s.url, KIOSK_A);
    const r = await send<KioskHelpMine>(kiosk.socket, 'kioskHelp:raise', { name: '东门取号机' });
    const id = r.ok ? r.data.id : '';
    const coming = next<KioskHelpMine | null>(kiosk.socket, 'kioskHelp:mine');
    await send(desk.socket, 'kioskHelp:acknowledge', { id });
    const mine = await coming;
    expect(mine?.helper).toMatch(/\S/);

    const withdrawn = next<KioskHelpCall>(desk.socket, 'kioskHelp:changed', (c) => c.status === 'cancelled');
    const cancel = await send<KioskHelpMine>(kiosk.socket, 'kioskHelp:cancel', { id });
    expect(cancel).toMatchObject({ ok: true, data: { status: 'cancelled' } });
    const c = await withdrawn;
    expect(c.kioskName).toBe('东门取号机');
    expect(c).not.toHaveProperty('closedBy');
    // Settled already: the guide's late 已处理 is refused.
    expect(await send(desk.socket, 'kioskHelp:resolve', { id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('refuses the wrong people: clerks and viewers may not listen, a kiosk may not answer, another kiosk may not withdraw', async () => {
    s = await startTestServer();
    const clerk = await login(s.url, 'c01', '1234');
    const kioskAccount = await login(s.url, 'kiosk', 'kiosk');
    await expect(helpSocket(s.url, { token: clerk })).rejects.toThrow(/FORBIDDEN/);
    await expect(helpSocket(s.url, {})).rejects.toThrow(/FORBIDDEN/);
    await expect(helpSocket(s.url, { token: 'nonsense' })).rejects.toThrow(/UNAUTHORIZED/);
    // A clerk's account does not make a kiosk either.
    await expect(helpSocket(s.url, { token: clerk, kioskId: KIOSK_B })).rejects.toThrow(/FORBIDDEN/);
    // A kiosk a manager signed in (the kiosk page takes a manager's account too) calls as that kiosk.
    const admin0 = await login(s.url, 'admin', 'admin');
    const signedByManager = await helpSocket(s.url, { token: admin0, kioskId: 'kiosk-cccccccccccc' });
    expect(signedByManager.first).toBeNull();
    expect(await send(signedByManager.socket, 'kioskHelp:raise', {})).toMatchObject({ ok: true, data: { status: 'open' } });

    const a = await helpSocket(s.url, { kioskId: KIOSK_A, token: kioskAccount });
    const b = await helpSocket(s.url, { kioskId: KIOSK_B });
    const r = await send<KioskHelpMine>(a.socket, 'kioskHelp:raise', {});
    const id = r.ok ? r.data.id : '';
    expect(await send(a.socket, 'kioskHelp:acknowledge', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await send(a.socket, 'kioskHelp:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await send(b.socket, 'kioskHelp:cancel', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // REST: a clerk may not list or answer; without an account only a kiosk of a public-ticketing hall asks.
    expect((await api(s.url, 'GET', '/api/kiosk-help', { token: clerk })).status).toBe(403);
    expect((await api(s.url, 'POST', `/api/kiosk-help/${id}/acknowledge`, { token: clerk })).status).toBe(403);
    expect((await api(s.url, 'POST', `/api/kiosk-help/${id}/acknowledge`)).status).toBe(401);
    expect((await api(s.url, 'POST', '/api/kiosk-help', { token: clerk, body: { kioskId: KIOSK_B } })).status).toBe(403);
    expect((await api(s.url, 'POST', '/api/kiosk-help', { token: kioskAccount, body: { kioskId: 'x' } })).status).toBe(400);
    const admin = await login(s.url, 'admin', 'admin');
    expect((await api(s.url, 'PUT', '/api/admin/settings', { token: admin, body: { publicTicketing: false } })).status).toBe(200);
    const anon = await api<ErrorBody>(s.url, 'POST', '/api/kiosk-help', { body: { kioskId: KIOSK_B } });
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('UNAUTHORIZED');
  });

  it('an outside kiosk over REST: raise, a double press, poll, withdraw; a reconnecting desk and kiosk start from the live calls', async () => {
    s = await startTestServer();
    const kioskAccount = await login(s.url, 'kiosk', 'kiosk');
    const guide = await login(s.url, 'guide', '1234');
    const first = await api<KioskHelpMine>(s.url, 'POST', '/api/kiosk-help', { token: kioskAccount, body: { kioskId: KIOSK_B, name: '二楼取号机' } });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('open');
    s.clock.advance(5_000);
    const second = await api<KioskHelpMine>(s.url, 'POST', '/api/kiosk-help', { token: kioskAccount, body: { kioskId: KIOSK_B } });
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.raisedAt).toBe(first.body.raisedAt);
    const other = await api<KioskHelpMine>(s.url, 'POST', '/api/kiosk-help', { token: kioskAccount, body: { kioskId: KIOSK_A } });
    expect(other.body.id).not.toBe(first.body.id);

    // A desk connecting now is sent both live calls, oldest first; a kiosk its own.
    const desk = await helpSocket(s.url, { token: guide });
    expect((desk.first as KioskHelpCall[]).map((c) => [c.kioskId, c.kioskName])).toEqual([
      [KIOSK_B, '二楼取号机'],
      [KIOSK_A, undefined],
    ]);
    const kiosk = await helpSocket(s.url, { kioskId: KIOSK_A });
    expect(kiosk.first).toMatchObject({ id: other.body.id, status: 'open' });

    const poll = await api<KioskHelpMine>(s.url, 'GET', `/api/kiosk-help/mine?kioskId=${KIOSK_B}`, { token: kioskAccount });
    expect(poll).toMatchObject({ status: 200, body: { id: first.body.id, status: 'open' } });
    const cancel = await api<KioskHelpMine>(s.url, 'POST', `/api/kiosk-help/${first.body.id}/cancel`, { token: kioskAccount, body: { kioskId: KIOSK_B } });
    expect(cancel).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    expect((await api(s.url, 'GET', `/api/kiosk-help/mine?kioskId=${KIOSK_B}`, { token: kioskAccount })).status).toBe(204);

    // Viewers of the hall's own namespace hear nothing of it.
    const wall = await connectClient(s.url);
    sockets.push(wall.socket as ClientSocket);
    let heard = 0;
    wall.socket.onAny((name: string) => {
      if (name.startsWith('kioskHelp')) heard++;
    });
    await api(s.url, 'POST', `/api/kiosk-help/${other.body.id}/resolve`, { token: guide });
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toBe(0);
  });
});
