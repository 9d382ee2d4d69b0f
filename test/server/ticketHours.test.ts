/**
 * 取号时间 and 停止取号 over the wire: a real server with a manual clock. A manager sets the hours
 * (checked like every setting, audited); the snapshot says them; kiosk and phone tickets outside
 * them are refused with reason `outside_hours`, guide tickets are not; a queue past what can be
 * served today is `stopped` in the snapshot and refused with `queue_stopped`, and pushed when it
 * flips, also by time passing alone (the server's minute check), logged for the console.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HallSettings } from '../../shared/admin';
import type { ApiError } from '../../shared/errors';
import type { Snapshot, Ticket } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
let manager: string;
/** 2026-11-30 local time in Shanghai → epoch ms (the test clock starts there at 09:00). */
const at = (hhmm: string) => Date.parse(`2026-11-30T${hhmm}:00+08:00`);
const HOURS = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:00' },
];

beforeEach(async () => {
  s = await startTestServer();
  manager = await login(s.url, 'admin', 'admin');
});
afterEach(async () => {
  await s.close();
});

const settings = (body: unknown) => api<HallSettings & { error?: ApiError }>(s.url, 'PUT', '/api/admin/settings', { token: manager, body });
const take = (queue = 'A', token?: string, body: Record<string, unknown> = {}) =>
  api<Ticket & { error?: ApiError }>(s.url, 'POST', '/api/tickets', { ...(token ? { token } : {}), body: { queue, ...body } });
const snapshot = async () => (await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body;

describe('取号时间', () => {
  it('is set by a manager, shown in the snapshot, and binds kiosks and phones but not the guide desk', async () => {
    expect((await settings({ ticketHours: HOURS })).status).toBe(200);
    expect((await snapshot()).hall.ticketHours).toEqual(HOURS);
    expect((await take()).status).toBe(201); // 09:00

    s.clock.set(at('12:30'));
    manager = await login(s.url, 'admin', 'admin');
    const refused = await take();
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({ code: 'INVALID_STATE', reason: 'outside_hours', message: 'tickets are taken 08:30–12:00, 13:30–17:00' });
    const guide = await login(s.url, 'guide', '1234');
    expect((await take('A', guide, { channel: 'guide' })).status).toBe(201);
    expect((await take('A', manager)).status).toBe(201);

    s.clock.set(at('13:30'));
    expect((await take()).status).toBe(201);
  });

  it('refuses spans out of order, overlapping or too many, and changes nothing', async () => {
    for (const bad of [[{ start: '13:30', end: '17:00' }, { start: '08:30', end: '12:00' }], [{ start: '08:30', end: '12:00' }, { start: '11:00', end: '17:00' }], [{ start: '12:00', end: '08:00' }], [{ start: '8:30', end: '12:00' }]]) {
      expect((await settings({ ticketHours: bad })).status).toBe(400);
    }
    expect((await snapshot()).hall.ticketHours).toEqual([]);
  });

  it('is audited as a settings change', async () => {
    await settings({ ticketHours: HOURS, stopWhenUnfinishable: true });
    const audit = await api<{ type: string; data: { before?: HallSettings; settings?: HallSettings } }[]>(s.url, 'GET', '/api/admin/audit?limit=5', { token: manager });
    const e = audit.body.find((x) => x.type === 'SettingsChanged');
    expect(e?.data.settings).toMatchObject({ ticketHours: HOURS, stopWhenUnfinishable: true });
    expect(e?.data.before).toMatchObject({ ticketHours: [], stopWhenUnfinishable: false });
  });
});

describe('停止取号', () => {
  it('a queue whose newcomer could not be called before 17:00 is stopped in the snapshot and refused at the kiosk', async () => {
    await settings({ ticketHours: HOURS, stopWhenUnfinishable: true });
    s.clock.set(at('16:30'));
    manager = await login(s.url, 'admin', 'admin');
    // Nobody serves F (不动产) now: with people waiting, a new one would wait past 17:00.
    const guide = await login(s.url, 'guide', '1234');
    const waitingF = async () => (await snapshot()).queues.find((q) => q.code === 'F')!;
    let n = 0;
    while (!(await waitingF()).stopped && n < 40) {
      expect((await take('F', guide, { channel: 'guide' })).status).toBe(201);
      n++;
    }
    expect((await waitingF()).stopped).toBe(true);
    const refused = await take('F');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'INVALID_STATE', reason: 'queue_stopped' });
    // Other queues still take numbers; the guide desk still may.
    expect((await take('A')).status).toBe(201);
    expect((await take('F', guide, { channel: 'guide' })).status).toBe(201);
    // The rule off: F takes numbers again.
    await settings({ stopWhenUnfinishable: false });
    expect((await take('F')).status).toBe(201);
  });

  it('is pushed when it flips for a reason outside the queue itself: the rule switched, windows opened for it', async () => {
    await settings({ ticketHours: HOURS, stopWhenUnfinishable: true });
    s.clock.set(at('16:30'));
    manager = await login(s.url, 'admin', 'admin');
    const guide = await login(s.url, 'guide', '1234');
    const fOf = async () => (await snapshot()).queues.find((q) => q.code === 'F')!;
    for (let n = 0; n < 40 && !(await fOf()).stopped; n++) expect((await take('F', guide, { channel: 'guide' })).status).toBe(201);
    const { socket } = await connectClient(s.url);
    const pushedF = (stopped: boolean) =>
      nextEvent(socket, 'hall:changed', (c) => c.queues.some((q) => q.code === 'F' && (q.stopped === true) === stopped));
    try {
      // The rule off, then on again: no ticket of F moved, yet each flip reaches the screens.
      const off = pushedF(false);
      await settings({ stopWhenUnfinishable: false });
      await off;
      const on = pushedF(true);
      await settings({ stopWhenUnfinishable: true });
      await on;

      // Three windows on F: a newcomer's estimate falls below the half hour left, and F reopens.
      for (const no of [1, 2, 3]) {
        expect((await api(s.url, 'PUT', `/api/windows/${no}/mapping`, { token: manager, body: [{ queue: 'F', role: 'primary' }] })).status).toBe(200);
      }
      const reopens = pushedF(false);
      for (const [no, clerk] of [[1, 'c01'], [2, 'c02'], [3, 'c03']] as const) {
        const token = await login(s.url, clerk, '1234');
        expect((await api(s.url, 'POST', `/api/windows/${no}/session`, { token })).status).toBe(200);
      }
      await reopens;
      expect(await fOf()).not.toHaveProperty('stopped');
      expect((await take('F')).status).toBe(201);
    } finally {
      socket.disconnect();
    }
  });

  it('is pushed when time alone stops a queue, once, and logged; the end of the day takes the mark back', async () => {
    await settings({ ticketHours: HOURS, stopWhenUnfinishable: true });
    s.clock.set(at('14:00'));
    manager = await login(s.url, 'admin', 'admin');
    const guide = await login(s.url, 'guide', '1234');
    for (let n = 0; n < 6; n++) expect((await take('F', guide, { channel: 'guide' })).status).toBe(201);
    expect((await snapshot()).queues.find((q) => q.code === 'F')).not.toHaveProperty('stopped');
    const { socket } = await connectClient(s.url);
    try {
      // 16:59: the same six people now wait past 17:00. Nothing happens in the hall; the tick tells.
      s.clock.set(at('16:59'));
      const seq = (await snapshot()).seq;
      const stopped = nextEvent(socket, 'hall:changed', (c) => c.queues.some((q) => q.code === 'F' && q.stopped === true));
      s.app.service.tick();
      const change = await stopped;
      expect(change.seq).toBe(seq + 1);
      // A second tick has nothing new to say.
      s.app.service.tick();
      expect((await snapshot()).seq).toBe(seq + 1);
      const audit = await api<{ type: string; data: { stopped?: string[]; reopened?: string[] } }[]>(s.url, 'GET', '/api/admin/audit?limit=5', { token: manager });
      expect(audit.body.filter((x) => x.type === 'TicketingChanged').map((x) => x.data)).toEqual([expect.objectContaining({ stopped: expect.arrayContaining(['F']), reopened: [] })]);

      // 17:01: tickets are over for the day (取号时间 says so); the queue is no longer marked stopped.
      s.clock.set(at('17:01'));
      const cleared = nextEvent(socket, 'hall:changed', (c) => c.queues.some((q) => q.code === 'F' && q.stopped === undefined));
      s.app.service.tick();
      expect((await cleared).seq).toBe(seq + 2);
    } finally {
      socket.disconnect();
    }
  });
});
