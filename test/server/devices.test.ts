/**
 * 设备状态: the registry's rules as a table (one device per id however many tabs, online while one
 * connection is, gone since its last one closed, forgotten a day later, sound changes, order),
 * then over the wire: a wall and a window screen say who they are in the handshake, managers see
 * them come and go and hear of a wall whose sound is blocked; phones and bad hellos are not
 * devices and still get their snapshot; clerks may not ask.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceHello, DeviceList } from '../../shared/devices';
import type { Reply } from '../../shared/errors';
import type { ServerToClientEvents, StaffClientEvents } from '../../shared/events';
import type { Snapshot } from '../../shared/schemas';
import { createDeviceRegistry, FORGET_OFFLINE_MS } from '../../server/devices/registry';
import { api, connectClient, login, nextEvent, startTestServer, type TestServer } from '../support/server';

describe('the device registry', () => {
  const wall: DeviceHello = { id: 'wall-0001', kind: 'wall', sound: 'on' };
  const win3: DeviceHello = { id: 'win3-0001', kind: 'window', windowNo: 3 };
  const win12: DeviceHello = { id: 'win12-001', kind: 'window', windowNo: 12 };
  const kiosk: DeviceHello = { id: 'kiosk-001', kind: 'kiosk' };

  function setup() {
    let t = Date.parse('2026-11-30T01:00:00Z');
    const r = createDeviceRegistry(() => t);
    return { r, at: (ms: number) => (t = Date.parse('2026-11-30T01:00:00Z') + ms), rows: () => r.list().devices.map((d) => [d.id, d.online, d.since.slice(11, 19), d.sound ?? '-']) };
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
    const { r } = setup();
    r.connected('s1', wall, '10.0.0.5');
    expect(r.status('s1', { sound: 'blocked' })).toBe(true);
    expect(r.status('s1', { sound: 'blocked' })).toBe(false);
    expect(r.status('s9', { sound: 'on' })).toBe(false);
    expect(r.list().devices[0]!.sound).toBe('blocked');
  });

  it('walls first, window screens by number, then kiosks; offline ones forgotten a day after they left', () => {
    const { r, at } = setup();
    for (const [i, d] of [kiosk, win12, wall, win3].entries()) r.connected(`s${i}`, d, '10.0.0.9');
    expect(r.list().devices.map((d) => d.id)).toEqual(['wall-0001', 'win3-0001', 'win12-001', 'kiosk-001']);
    r.disconnected('s1'); // window 12 leaves at 01:00
    at(FORGET_OFFLINE_MS);
    expect(r.list().devices.map((d) => d.id)).toContain('win12-001');
    at(FORGET_OFFLINE_MS + 1);
    expect(r.list().devices.map((d) => d.id)).toEqual(['wall-0001', 'win3-0001', 'kiosk-001']);
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
});
