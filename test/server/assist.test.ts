/**
 * 求助 over the wire: a clerk signed in at a window calls the duty manager (REST and socket),
 * staff are told with `assist:changed` and viewers never are; a manager answers and settles;
 * the clerk withdraws; each step is audited; a live request survives a restart.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import type { AssistDay, AssistRequest } from '../../shared/assist';
import type { Reply } from '../../shared/errors';
import type { TicketDetail } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, startTestServer, type ClientSocket, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';

type ErrorBody = { error: { code: string; message: string } };

let s: TestServer | undefined;
const sockets: ClientSocket[] = [];
afterEach(async () => {
  for (const x of sockets.splice(0)) x.disconnect();
  await s?.close();
  s = undefined;
});

async function hallWithClerk(dbPath?: string) {
  s = await startTestServer(dbPath ? { dbPath } : {});
  const admin = await login(s.url, 'admin', 'admin');
  const clerk = await login(s.url, 'c09', '1234');
  expect((await api(s.url, 'POST', '/api/windows/9/session', { token: clerk })).status).toBe(200);
  return { s, admin, clerk };
}

const raise = (t: TestServer, token: string, body: unknown, no = 9) => api<AssistRequest | ErrorBody>(t.url, 'POST', `/api/windows/${no}/assist`, { token, body });
const step = (t: TestServer, token: string, id: string, what: 'acknowledge' | 'resolve' | 'cancel', body: unknown = {}) =>
  api<AssistRequest | ErrorBody>(t.url, 'POST', `/api/assist/${id}/${what}`, { token, body });
const code = (r: { body: unknown }) => (r.body as ErrorBody).error.code;

describe('求助 (assist)', () => {
  it('a clerk asks, the manager sees it live, takes it and settles it; viewers hear nothing; all audited', async () => {
    const { s, admin, clerk } = await hallWithClerk();
    await api(s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
    const called = await api<TicketDetail>(s.url, 'POST', '/api/windows/9/next', { token: clerk });
    expect(called.body.number).toBe('A001');

    const manager = await connectClient(s.url, admin);
    const wall = await connectClient(s.url);
    const clerkSocket = await connectClient(s.url, clerk);
    sockets.push(manager.socket, wall.socket, clerkSocket.socket);
    let wallHeard = 0;
    wall.socket.on('assist:changed', () => {
      wallHeard++;
    });

    const seen = nextEvent(manager.socket, 'assist:changed');
    const r = await raise(s, clerk, { kind: 'conduct', note: '  群众情绪激动  ' });
    expect(r.status).toBe(201);
    const asked = r.body as AssistRequest;
    expect(asked).toMatchObject({
      windowNo: 9,
      windowName: '9号窗口',
      kind: 'conduct',
      note: '群众情绪激动',
      ticketNumber: 'A001',
      status: 'open',
      raisedAt: '2026-11-30T01:00:00.000Z',
      serviceDay: '2026-11-30',
      outcome: '',
    });
    expect(asked.clerk.id).not.toBe(asked.clerk.name);
    expect(await seen).toEqual(asked);

    // Pressing again (a double tap, or nobody has come yet) answers the live request.
    const again = await raise(s, clerk, { kind: 'equipment' });
    expect((again.body as AssistRequest).id).toBe(asked.id);
    expect((again.body as AssistRequest).kind).toBe('conduct');

    s.clock.advance(45_000);
    const clerkTold = nextEvent(clerkSocket.socket, 'assist:changed', (x) => x.status === 'acknowledged');
    const taken = await step(s, admin, asked.id, 'acknowledge');
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ status: 'acknowledged', acknowledgedAt: '2026-11-30T01:00:45.000Z' });
    expect((await clerkTold).acknowledgedBy?.name).toBe((taken.body as AssistRequest).acknowledgedBy?.name);

    // Once answered, the clerk settles rather than withdraws.
    expect(code(await step(s, clerk, asked.id, 'cancel'))).toBe('INVALID_STATE');
    s.clock.advance(120_000);
    const done = await step(s, admin, asked.id, 'resolve', { outcome: '已安抚，群众接受补齐材料后再来' });
    expect(done.body).toMatchObject({ status: 'resolved', outcome: '已安抚，群众接受补齐材料后再来', closedAt: '2026-11-30T01:02:45.000Z' });
    expect(code(await step(s, admin, asked.id, 'resolve'))).toBe('INVALID_STATE');

    const day = await api<AssistDay>(s.url, 'GET', '/api/assist', { token: admin });
    expect(day.body.requests.map((x) => [x.id, x.status])).toEqual([[asked.id, 'resolved']]);
    expect(day.body.medianAnswerSeconds).toBe(45);

    const audit = await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit', { token: admin });
    const types = audit.body.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['AssistRaised', 'AssistAcknowledged', 'AssistResolved']));
    expect(wallHeard).toBe(0);
    // Not hall state: the hall's seq did not move.
    const snap = await api<{ seq: number }>(s.url, 'GET', '/api/snapshot');
    expect(snap.body.seq).toBe(wall.snapshot.seq);
  });

  it('works over the socket too, and the clerk withdraws an open request', async () => {
    const { s, clerk } = await hallWithClerk();
    const c = await connectClient(s.url, clerk);
    sockets.push(c.socket);
    const asked = await new Promise<Reply<AssistRequest>>((resolve) => c.socket.emit('assist:raise', { windowNo: 9, kind: 'equipment' }, resolve));
    expect(asked.ok && asked.data).toMatchObject({ status: 'open', kind: 'equipment', note: '' });
    expect(asked.ok && 'ticketNumber' in asked.data).toBe(false);
    if (!asked.ok) return;
    const gone = await new Promise<Reply<AssistRequest>>((resolve) => c.socket.emit('assist:cancel', { id: asked.data.id }, resolve));
    expect(gone.ok && gone.data.status).toBe('cancelled');
    // Withdrawn: the next press is a new request.
    const fresh = await raise(s, clerk, { kind: 'question' });
    expect((fresh.body as AssistRequest).id).not.toBe(asked.data.id);
  });

  it('refuses whoever is not the clerk at that window, clerks answering, bad kinds, anonymous callers', async () => {
    const { s, admin, clerk } = await hallWithClerk();
    const other = await login(s.url, 'c10', '1234');
    expect(code(await raise(s, other, { kind: 'question' }))).toBe('NOT_SIGNED_IN');
    expect(code(await raise(s, admin, { kind: 'question' }))).toBe('NOT_SIGNED_IN');
    expect(code(await raise(s, clerk, { kind: 'question' }, 10))).toBe('NOT_SIGNED_IN');
    expect(code(await raise(s, clerk, { kind: 'question' }, 99))).toBe('UNKNOWN_WINDOW');
    expect((await raise(s, clerk, { kind: 'angry' })).status).toBe(400);
    expect((await raise(s, clerk, { kind: 'other', note: 'x'.repeat(201) })).status).toBe(400);
    expect((await api(s.url, 'POST', '/api/windows/9/assist', { body: { kind: 'question' } })).status).toBe(401);

    const asked = (await raise(s, clerk, { kind: 'question', note: '跨省通办材料不确定' })).body as AssistRequest;
    expect(code(await step(s, clerk, asked.id, 'acknowledge'))).toBe('FORBIDDEN');
    expect(code(await step(s, other, asked.id, 'resolve'))).toBe('FORBIDDEN');
    expect(code(await step(s, other, asked.id, 'cancel'))).toBe('FORBIDDEN');
    expect(code(await step(s, admin, 'no-such-id', 'acknowledge'))).toBe('NOT_FOUND');
    // A clerk lists only their own asks; a manager every window's.
    expect((await api<AssistDay>(s.url, 'GET', '/api/assist', { token: other })).body.requests).toEqual([]);
    expect((await api<AssistDay>(s.url, 'GET', '/api/assist', { token: clerk })).body.requests.map((x) => x.id)).toEqual([asked.id]);
    expect((await api<AssistDay>(s.url, 'GET', '/api/assist', { token: admin })).body.requests.map((x) => x.id)).toEqual([asked.id]);
    expect((await api(s.url, 'GET', '/api/assist?date=30-11-2026', { token: admin })).status).toBe(400);
  });

  it('a live request survives a restart and is still listed the next day until settled', async () => {
    const dbPath = join(tempDir('assist-'), 'hall.db');
    const first = await hallWithClerk(dbPath);
    const asked = (await raise(first.s, first.clerk, { kind: 'equipment', note: '打印机卡纸' })).body as AssistRequest;
    await first.s.close();

    s = await startTestServer({ dbPath, now: Date.parse('2026-12-01T01:00:00Z') });
    const admin = await login(s.url, 'admin', 'admin');
    // The new day begins with the hall's first command of it (or the server's 30 s tick).
    await api(s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
    const today = await api<AssistDay>(s.url, 'GET', '/api/assist', { token: admin });
    expect(today.body.serviceDay).toBe('2026-12-01');
    expect(today.body.requests.map((x) => [x.id, x.status, x.serviceDay])).toEqual([[asked.id, 'open', '2026-11-30']]);
    expect((await step(s, admin, asked.id, 'resolve')).body).toMatchObject({ status: 'resolved' });
    expect((await api<AssistDay>(s.url, 'GET', '/api/assist', { token: admin })).body.requests).toEqual([]);
    const past = await api<AssistDay>(s.url, 'GET', '/api/assist?date=2026-11-30', { token: admin });
    expect(past.body.requests.map((x) => x.status)).toEqual(['resolved']);
  });
});
