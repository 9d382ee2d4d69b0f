/**
 * 设备状态: the registry's rules as a table (one device per id however many tabs, online while one
 * connection is, gone since its last one closed, sound changes, order, kept in the store and read
 * back offline, removed only when offline), then over the wire: a wall and a window screen say who
 * they are in the handshake, managers see them come and go and hear of a wall whose sound is
 * blocked; phones and bad hellos are not devices and still get their snapshot; clerks may not ask;
 * a wall that went dark is still listed after a restart, until a manager removes it (audited).
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceHello, DeviceList } from '../../shared/devices';
import type { Reply } from '../../shared/errors';
import type { ServerToClientEvents, StaffClientEvents } from '../../shared/events';
import type { Snapshot } from '../../shared/schemas';
import { createDeviceRepo } from '../../server/devices/device-repo';
import { createDeviceRegistry } from '../../server/devices/registry';
import { seedDemoIfEmpty } from '../../server/demo/seed';
import { createStore } from '../../server/store';
import { openDatabase } from '../../server/store/open';
import { api, connectClient, login, nextEvent, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';

describe('the device registry', () => {
  const wall: DeviceHello = { id: 'wall-0001', kind: 'wall', sound: 'on' };
  const win3: DeviceHello = { id: 'win3-0001', kind: 'window', windowNo: 3 };
  const win12: DeviceHello = { id: 'win12-001', kind: 'window', windowNo: 12 };
  const kiosk: DeviceHello = { id: 'kiosk-001', kind: 'kiosk' };

  function setup() {
    let t = Date.parse('2026-11-30T01:00:00Z');
    const r = createDeviceRegistry(() => t);
    let changes = 0;
    r.onChange(() => changes++);
    return {
      r,
      at: (ms: number) => (t = Date.parse('2026-11-30T01:00:00Z') + ms),
      rows: () => r.list().devices.map((d) => [d.id, d.online, d.since.slice(11, 19), d.sound ?? '-']),
      changes: () => changes,
    };
  }

  it('one device per id: online while one of its connections is, gone since its last closed, back with a new since', () => {
    const { r, at, rows } = setup();
    r.connected('s1', wall, '10.0.0.5');
    at(60_000);
    r.connected('s2', wall, '10.0.0.5'); // a second tab of the same box
    expect(rows()).toEqual([['wall-0001', true, '01:00:00', 'on']]);
    at(120_000);
    expect(r.disconnected('s1')).toBe(true);
    expect(rows()).toEqual([['wall-0001', true, '01:00:00', 'on']]);
    at(180_000);
    r.disconnected('s2');
    expect(rows()).toEqual([['wall-0001', false, '01:03:00', 'on']]);
    at(240_000);
    r.connected('s3', { ...wall, sound: undefined }, '10.0.0.6'); // a hello without sound keeps the last known
    expect(r.list().devices[0]).toMatchObject({ online: true, since: '2026-11-30T01:04:00.000Z', sound: 'on', address: '10.0.0.6' });
    expect(r.disconnected('not-a-device')).toBe(false);
  });

  it('sound: a change is news, the same state is not, a socket that is no device is ignored', () => {
    const { r, changes } = setup();
    r.connected('s1', wall, '10.0.0.5');
    expect(changes()).toBe(1);
    expect(r.status('s1', { sound: 'blocked' })).toBe(true);
    expect(r.status('s1', { sound: 'blocked' })).toBe(false);
    expect(r.status('s9', { sound: 'on' })).toBe(false);
    expect(r.list().devices[0]!.sound).toBe('blocked');
    expect(changes()).toBe(2);
  });

  it('walls first, window screens by number, then kiosks; only an offline one can be removed', () => {
    const { r, changes } = setup();
    for (const [i, d] of [kiosk, win12, wall, win3].entries()) r.connected(`s${i}`, d, '10.0.0.9');
    expect(r.list().devices.map((d) => d.id)).toEqual(['wall-0001', 'win3-0001', 'win12-001', 'kiosk-001']);
    expect(r.remove('win12-001')).toBe('online');
    r.disconnected('s1');
    const before = changes();
    expect(r.remove('win12-001')).toBe('removed');
    expect(r.remove('win12-001')).toBe('unknown');
    expect(changes()).toBe(before + 1);
    expect(r.list().devices.map((d) => d.id)).toEqual(['wall-0001', 'win3-0001', 'kiosk-001']);
  });

  it('is kept in the store: after a restart every screen is listed offline since it was last seen, until removed', () => {
    const store = createStore(openDatabase(':memory:'));
    seedDemoIfEmpty(store, { now: Date.parse('2026-11-30T01:00:00Z'), bcryptRounds: 4 });
    const hallId = store.halls.hallIds()[0]!;
    let t = Date.parse('2026-11-30T01:00:00Z');
    const first = createDeviceRegistry(() => t, createDeviceRepo(store.db, hallId));
    first.connected('s1', { ...wall, zone: '东区', name: '东门大屏' }, '10.0.0.5');
    first.status('s1', { sound: 'blocked' });
    first.connected('s2', win3, '10.0.0.6');
    t += 60_000;
    first.disconnected('s2');
    t += 60_000; // the server stops with the wall still connected: it was last seen coming online
    const again = createDeviceRegistry(() => t, createDeviceRepo(store.db, hallId));
    expect(again.list().devices.map((d) => [d.id, d.online, d.since.slice(11, 19), d.zone ?? '-', d.name ?? '-', d.sound ?? '-', d.address])).toEqual([
      ['wall-0001', false, '01:00:00', '东区', '东门大屏', 'blocked', '10.0.0.5'],
      ['win3-0001', false, '01:01:00', '-', '-', '-', '10.0.0.6'],
    ]);
    expect(again.remove('win3-0001')).toBe('removed');
    expect(createDeviceRegistry(() => t, createDeviceRepo(store.db, hallId)).list().devices.map((d) => d.id)).toEqual(['wall-0001']);
    store.close();
  });
});

type Client = Socket<ServerToClientEvents, StaffClientEvents>;

describe('设备状态 over the wire', () => {
  let s: TestServer;
  let manager: string;
  const open: Client[] = [];

  beforeEach(async () => {
    s = await startTestServer();
    manager = await login(s.url, 'admin', 'admin');
  });
  afterEach(async () => {
    for (const c of open.splice(0)) c.disconnect();
    await s.close();
  });

  /** A screen connecting as a viewer with `device` in its handshake (or nothing, like a phone). */
  async function screen(device?: unknown): Promise<Client> {
    const c: Client = connect(s.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: device === undefined ? {} : { device } });
    open.push(c);
    await new Promise<Snapshot>((resolve, reject) => {
      c.once('snapshot', resolve);
      c.once('connect_error', reject);
    });
    return c;
  }
  const listed = async (token = manager) => api<DeviceList>(s.url, 'GET', '/api/devices', { token });
  const device = (l: DeviceList, id: string) => l.devices.find((d) => d.id === id);

  it('managers see screens come, go silent and go; phones and bad hellos are no devices', async () => {
    const { socket: console_ } = await connectClient(s.url, manager);
    open.push(console_ as Client);
    const wallCame = nextEvent(console_, 'devices:changed', (l) => device(l, 'wall-east-1')?.online === true);
    const wall = await screen({ id: 'wall-east-1', kind: 'wall', zone: '公积金专区', sound: 'on' });
    await wallCame;
    await screen({ id: 'window-3-box', kind: 'window', windowNo: 3 });
    await screen(); // a phone page
    await screen({ id: 'x', kind: 'toaster' }); // a bad hello: still a viewer, not a device

    const l = (await listed()).body;
    expect(l.devices.map((d) => [d.id, d.kind, d.windowNo, d.zone, d.online])).toEqual([
      ['wall-east-1', 'wall', undefined, '公积金专区', true],
      ['window-3-box', 'window', 3, undefined, true],
    ]);
    expect(device(l, 'wall-east-1')!.address).toMatch(/127\.0\.0\.1/);

    // The wall's browser refuses to play until someone taps it: managers hear of it.
    const silent = nextEvent(console_, 'devices:changed', (x) => device(x, 'wall-east-1')?.sound === 'blocked');
    wall.emit('device:status', { sound: 'blocked' });
    await silent;

    // The wall goes dark: offline, since now (the test clock), still listed.
    const gone = nextEvent(console_, 'devices:changed', (x) => device(x, 'wall-east-1')?.online === false);
    wall.disconnect();
    const after = await gone;
    expect(device(after, 'wall-east-1')!.since).toBe(new Date(s.clock.now()).toISOString());
    expect(device(after, 'window-3-box')!.online).toBe(true);
  });

  it('a 评价器 signed in as the kiosk device is listed by its window; a clerk’s panel is no device', async () => {
    const signedIn = async (token: string, device: unknown) => {
      const c: Client = connect(s.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token, device }, query: { pad: '3' } });
      open.push(c);
      await new Promise<Snapshot>((resolve, reject) => {
        c.once('snapshot', resolve);
        c.once('connect_error', reject);
      });
    };
    await signedIn(await login(s.url, 'kiosk', 'kiosk'), { id: 'pad-3-counter', kind: 'pad', windowNo: 3 });
    await signedIn(await login(s.url, 'c01', '1234'), { id: 'panel-of-c01', kind: 'window', windowNo: 1 });
    await screen({ id: 'window-3-box', kind: 'window', windowNo: 3 });
    const l = (await listed()).body;
    expect(l.devices.map((d) => [d.id, d.kind, d.windowNo, d.online])).toEqual([
      ['window-3-box', 'window', 3, true],
      ['pad-3-counter', 'pad', 3, true],
    ]);
  });

  it('only managers may ask; clerks and viewers get no device pushes', async () => {
    const clerk = await login(s.url, 'c01', '1234');
    expect((await listed(clerk)).status).toBe(403);
    expect((await api(s.url, 'GET', '/api/devices')).status).toBe(401);
    const { socket: panel } = await connectClient(s.url, clerk);
    open.push(panel as Client);
    const viewer = await screen();
    let pushes = 0;
    panel.on('devices:changed', () => pushes++);
    viewer.on('devices:changed', () => pushes++);
    const { socket: console_ } = await connectClient(s.url, manager);
    open.push(console_ as Client);
    const seen = nextEvent(console_, 'devices:changed');
    await screen({ id: 'kiosk-entrance', kind: 'kiosk' });
    expect((await seen).devices.map((d) => d.id)).toEqual(['kiosk-entrance']);
    expect(pushes).toBe(0);
    // The socket command answers the same list.
    const reply: Reply<DeviceList> = await console_.timeout(3000).emitWithAck('devices:list', {});
    expect(reply.ok && reply.data.devices.map((d) => d.id)).toEqual(['kiosk-entrance']);
  });

  it('a wall that went dark is still listed after a restart, until a manager removes it (audited)', async () => {
    const dir = tempDir('devices-');
    const dbPath = `${dir}/hall.db`;
    await s.close();
    s = await startTestServer({ dbPath });
    const wall = await screen({ id: 'wall-hall-main', kind: 'wall' });
    wall.disconnect();
    open.length = 0;
    await s.close();

    s = await startTestServer({ dbPath });
    manager = await login(s.url, 'admin', 'admin');
    expect((await listed()).body.devices.map((d) => [d.id, d.online])).toEqual([['wall-hall-main', false]]);
    const clerk = await login(s.url, 'c01', '1234');
    expect((await api(s.url, 'DELETE', '/api/devices/wall-hall-main', { token: clerk })).status).toBe(403);
    const removed = await api<DeviceList>(s.url, 'DELETE', '/api/devices/wall-hall-main', { token: manager });
    expect(removed.status).toBe(200);
    expect(removed.body.devices).toEqual([]);
    expect((await api(s.url, 'DELETE', '/api/devices/wall-hall-main', { token: manager })).status).toBe(404);
    // An online screen cannot be removed (it would register again at once).
    await screen({ id: 'kiosk-door-01', kind: 'kiosk' });
    expect((await api<{ error: { code: string } }>(s.url, 'DELETE', '/api/devices/kiosk-door-01', { token: manager })).body.error.code).toBe('INVALID_STATE');
    const audit = await api<{ type: string; data: { before?: { id?: string } } }[]>(s.url, 'GET', '/api/admin/audit?limit=5', { token: manager });
    expect(audit.body.find((e) => e.type === 'DeviceRemoved')?.data.before?.id).toBe('wall-hall-main');
  });
});
