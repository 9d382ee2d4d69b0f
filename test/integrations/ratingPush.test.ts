/**
 * 好差评推送 over the wire: a real server with a manual clock, and a local HTTP server as the
 * province's 好差评 platform. A rating arrives with its payload and headers; a platform that is
 * down gets every report later, in order, on the backoff; a 400 is refused for good and 重推 sends
 * it again (audited); a 整改 is pushed, a changed one again (also while the old one is under
 * way), a reopened one too; no citizen's phone or name ever leaves; without a platform reports
 * wait (未配置) and go after a restart with one; a rating is never stored without its report.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Rating } from '../../shared/ratings';
import type { RatingPushPayload, RatingPushRating, RatingPushRow, RatingPushState } from '../../shared/ratingPush';
import type { Ticket } from '../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';
import { startGateway, type Gateway } from '../citizen/smsGateway';
import { bookOk, callNext, checkIn, complete, MIN, nextPhone, openWindow, TODAY } from '../citizen/support';

let s: TestServer | undefined;
let gw: Gateway<RatingPushPayload> | undefined;
let manager = '';
let clerk = '';

afterEach(async () => {
  await s?.close();
  await gw?.close();
  s = undefined;
  gw = undefined;
});

const server = (): TestServer => s!;
const platform = (): Gateway<RatingPushPayload> => gw!;

/** A server pushing to `url` (default: a fresh local platform; `null`: none configured), clerk c05 at window 9. */
async function start(opts: { url?: string | null; dbPath?: string; now?: number } = {}): Promise<void> {
  if (opts.url === undefined) gw ??= await startGateway<RatingPushPayload>();
  const url = opts.url === undefined ? platform().url : opts.url;
  s = await startTestServer({
    ...(opts.dbPath ? { dbPath: opts.dbPath } : {}),
    ...(opts.now !== undefined ? { now: opts.now } : {}),
    ...(url ? { ratingPush: { url, token: 'push-secret', timeoutMs: 2_000 } } : {}),
  });
  manager = await login(s.url, 'admin', 'admin');
  clerk = await openWindow(s, 9, 'c05');
}

/** A walk-in ticket of queue A with two matters, served to the end at window 9. */
async function served(): Promise<Ticket> {
  const t = await api<Ticket>(server().url, 'POST', '/api/tickets', { body: { queue: 'A', matters: ['A-01', 'A-02'] } });
  expect(t.status).toBe(201);
  await callNext(server(), 9, clerk);
  server().clock.advance(MIN);
  const done = await complete(server(), 9, clerk);
  expect(done).toMatchObject({ id: t.body.id, status: 'done' });
  return done;
}

const rate = async (id: string, body: unknown = { score: 5 }): Promise<Rating> => {
  const r = await api<Rating>(server().url, 'POST', `/api/tickets/${id}/rating`, { body });
  expect(r.status).toBe(201);
  return r.body;
};
const state = async (): Promise<RatingPushState> => {
  const r = await api<RatingPushState>(server().url, 'GET', '/api/ratings/push', { token: manager });
  expect(r.status).toBe(200);
  return r.body;
};
/** Runs the timer's push work now and waits for it (and for a pass a rating kicked). */
const tick = () => server().app.ratingPush.tick();
const advance = (ms: number) => server().clock.advance(ms);
const sentTickets = () => platform().requests.map((r) => `${r.body.kind}:${r.body.ticket.id}`);

describe('a rating', () => {
  it('arrives at the platform with its payload and headers; the state says sent', async () => {
    await start();
    const t = await served();
    const r = await rate(t.id, { score: 2, reasons: ['slow'], comment: '  等太久  ' });
    await tick();
    expect(platform().requests).toHaveLength(1);
    const req = platform().requests[0]!;
    const hall = server().app.service.state();
    const c05 = server().store.users.byUsername('c05')!;
    expect(req.body).toEqual({
      kind: 'rating',
      id: `${hall.id}:rating:${t.id}`,
      hall: { id: hall.id, name: '示范县政务服务中心' },
      ticket: { id: t.id, number: t.number, serviceDay: TODAY, channel: t.channel, issuedAt: t.issuedAt, calledAt: t.calledAt, startedAt: t.startedAt, finishedAt: t.finishedAt },
      queue: { code: 'A', name: '企业开办' },
      matters: [
        { id: 'A-01', name: '企业设立登记' },
        { id: 'A-02', name: '企业变更登记' },
      ],
      windowNo: 9,
      clerk: { staffId: c05.id, name: '窗口人员05' },
      rating: { score: 2, label: '不满意', level: 'dissatisfied', reasons: [{ code: 'slow', label: '办理效率低、等候太久' }], comment: '等太久', ratedAt: r.ratedAt, channel: 'qr_code' },
    } satisfies RatingPushRating);
    expect(req.headers['idempotency-key']).toBe(`${hall.id}:rating:${t.id}`);
    expect(req.headers.authorization).toBe('Bearer push-secret');
    expect(req.headers['content-type']).toBe('application/json');

    const st = await state();
    expect(st.platform).toEqual({ configured: true, target: platform().url });
    expect(JSON.stringify(st)).not.toContain('push-secret');
    expect(st.counts).toEqual({ pending: 0, sent: 1, failed: 0 });
    expect(st.oldestPendingAt).toBeUndefined();
    expect(st.lastError).toBeUndefined();
    expect(st.rows).toEqual([
      { id: expect.any(Number), kind: 'rating', ticketId: t.id, number: t.number, status: 'sent', attempts: 1, createdAt: r.ratedAt, sentAt: r.ratedAt },
    ] satisfies RatingPushRow[]);
    // Once: later ticks send nothing more; a second rating of the ticket is refused and queues nothing.
    advance(60 * MIN);
    expect((await api(server().url, 'POST', `/api/tickets/${t.id}/rating`, { body: { score: 4 } })).status).toBe(409);
    await tick();
    expect(platform().requests).toHaveLength(1);
  });

  it('is pushed at once after it is stored (kicked), not only on the timer', async () => {
    await start();
    const t = await served();
    await rate(t.id);
    await expect.poll(() => platform().requests.length).toBe(1);
    expect(platform().requests[0]!.body.ticket.id).toBe(t.id);
  });

  it('is never stored without its report: when the report cannot be written, the rating is not stored either', async () => {
    await start();
    const t = await served();
    server().store.db.exec('ALTER TABLE rating_push_outbox RENAME TO gone');
    const r = await api(server().url, 'POST', `/api/tickets/${t.id}/rating`, { body: { score: 5 } });
    expect(r.status).toBe(500);
    expect((await api(server().url, 'GET', `/api/tickets/${t.id}/rating`)).status).toBe(204);
    server().store.db.exec('ALTER TABLE gone RENAME TO rating_push_outbox');
    await rate(t.id);
    await tick();
    expect(sentTickets()).toEqual([`rating:${t.id}`]);
  });

  it('managers only', async () => {
    await start();
    expect((await api(server().url, 'GET', '/api/ratings/push')).status).toBe(401);
    expect((await api(server().url, 'GET', '/api/ratings/push', { token: clerk })).status).toBe(403);
    expect((await api(server().url, 'POST', '/api/ratings/push/1/retry', { token: clerk })).status).toBe(403);
  });
});

describe('a platform that is down', () => {
  it('gets every report later, in order, on the backoff of the test clock', async () => {
    // A port with nothing listening: connection refused until the platform comes back there.
    const probe = await startGateway<RatingPushPayload>();
    const port = probe.port;
    await probe.close();
    await start({ url: `http://127.0.0.1:${port}/hcp` });
    const a = await served();
    const b = await served();
    const c = await served();
    await rate(a.id, { score: 1, reasons: ['attitude'] });
    await tick();
    await rate(b.id);
    await rate(c.id, { score: 4 });
    await tick();

    let st = await state();
    expect(st.counts).toEqual({ pending: 3, sent: 0, failed: 0 });
    expect(st.lastError).toMatchObject({ number: a.number, error: expect.stringContaining('cannot reach') });
    expect(st.oldestPendingAt).toBe(new Date(server().clock.now()).toISOString());
    // Only the oldest was tried: the ones behind it wait their turn, untried.
    const byTicket = new Map(st.rows.map((r) => [r.ticketId, r]));
    expect(byTicket.get(a.id)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(server().clock.now() + 30_000).toISOString() });
    expect(byTicket.get(b.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(byTicket.get(c.id)).toMatchObject({ status: 'pending', attempts: 0 });

    // 30 s later, still down: the second attempt, the next a minute after that.
    advance(30_000);
    await tick();
    st = await state();
    expect(st.rows.find((r) => r.ticketId === a.id)).toMatchObject({ attempts: 2, nextAttemptAt: new Date(server().clock.now() + 60_000).toISOString() });

    // Back up (on the same port). Not before its time …
    gw = await startGateway<RatingPushPayload>(undefined, port);
    advance(59_999);
    await tick();
    expect(platform().requests).toHaveLength(0);
    // … then all three, in the order they were rated.
    advance(1);
    await tick();
    expect(sentTickets()).toEqual([`rating:${a.id}`, `rating:${b.id}`, `rating:${c.id}`]);
    st = await state();
    expect(st.counts).toEqual({ pending: 0, sent: 3, failed: 0 });
    expect(st.lastError).toBeUndefined();
    expect(st.rows.find((r) => r.ticketId === a.id)).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('a platform that answers 503 is tried again for ever (past any SMS limit), 30 min apart at most', async () => {
    await start();
    platform().otherwise = { status: 503, body: 'maintenance' };
    const t = await served();
    await rate(t.id);
    await tick();
    for (let i = 0; i < 11; i++) {
      advance(30 * MIN);
      await tick();
    }
    expect(platform().requests).toHaveLength(12);
    let st = await state();
    expect(st.rows[0]).toMatchObject({ status: 'pending', attempts: 12, lastError: 'HTTP 503: maintenance' });
    expect(st.lastError).toEqual({ id: st.rows[0]!.id, number: t.number, error: 'HTTP 503: maintenance' });
    platform().otherwise = { status: 200 };
    advance(30 * MIN);
    await tick();
    st = await state();
    expect(st.rows[0]).toMatchObject({ status: 'sent', attempts: 13 });
    // Every attempt carried the same key: the platform can drop a repeat.
    expect(new Set(platform().requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });
});

describe('a report the platform chokes on', () => {
  it('holds the others up only until it is stuck (five failures); then they go past it, and it is still tried', async () => {
    await start();
    const a = await served();
    const b = await served();
    const c = await served();
    // Up, but a 500 for this one ticket's report every time (a platform bug on its data).
    platform().answerFor = (body) => (body.ticket.id === a.id ? { status: 500, body: 'NullPointerException' } : undefined);
    await rate(a.id);
    await tick();
    await rate(b.id);
    await tick();
    const delivered = () => platform().requests.filter((r) => r.body.ticket.id !== a.id).map((r) => r.body.ticket.id);
    // Attempts 2 to 4 on the backoff (30 s, 1, 2 min): b waits behind it, untried.
    for (const ms of [30_000, MIN, 2 * MIN]) {
      advance(ms);
      await tick();
    }
    expect(delivered()).toEqual([]);
    let st = await state();
    expect(st.rows.find((r) => r.ticketId === a.id)).toMatchObject({ status: 'pending', attempts: 4 });
    // The fifth failure makes it stuck: the same pass goes on to b, which goes through.
    advance(4 * MIN);
    await tick();
    expect(delivered()).toEqual([b.id]);
    // A new rating goes at once, past it.
    await rate(c.id);
    await tick();
    expect(delivered()).toEqual([b.id, c.id]);
    st = await state();
    expect(st.counts).toEqual({ pending: 1, sent: 2, failed: 0 });
    expect(st.lastError).toMatchObject({ number: a.number, error: 'HTTP 500: NullPointerException' });
    // Still tried on its backoff (8 min after the fifth); once the platform takes it, it is sent.
    platform().answerFor = undefined;
    advance(8 * MIN);
    await tick();
    st = await state();
    expect(st.counts).toEqual({ pending: 0, sent: 3, failed: 0 });
    expect(st.rows.find((r) => r.ticketId === a.id)).toMatchObject({ status: 'sent', attempts: 6 });
  });
});

describe('a refusal for good', () => {
  it('a 400 is failed at once with its error, the next report goes on; 重推 sends it again (audited)', async () => {
    await start();
    platform().answers.push({ status: 400, body: '{"error":"evaluation rejected"}' });
    const a = await served();
    const b = await served();
    await rate(a.id);
    await tick();
    await rate(b.id);
    await tick();
    expect(sentTickets()).toEqual([`rating:${a.id}`, `rating:${b.id}`]);
    let st = await state();
    expect(st.counts).toEqual({ pending: 0, sent: 1, failed: 1 });
    const failed = st.rows.find((r) => r.ticketId === a.id)!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 400: {"error":"evaluation rejected"}' });
    expect(st.lastError).toEqual({ id: failed.id, number: a.number, error: 'HTTP 400: {"error":"evaluation rejected"}' });

    // 重推: pending again from its first attempt, then sent.
    const again = await api<RatingPushRow>(server().url, 'POST', `/api/ratings/push/${failed.id}/retry`, { token: manager });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: failed.id, status: 'pending', attempts: 0 });
    expect(again.body.lastError).toBeUndefined();
    await tick();
    expect(sentTickets()).toEqual([`rating:${a.id}`, `rating:${b.id}`, `rating:${a.id}`]);
    expect(platform().requests[2]!.body).toEqual(platform().requests[0]!.body);
    st = await state();
    expect(st.counts).toEqual({ pending: 0, sent: 2, failed: 0 });

    // Only a failed one; an unknown id is 404.
    expect((await api(server().url, 'POST', `/api/ratings/push/${failed.id}/retry`, { token: manager })).status).toBe(409);
    expect((await api(server().url, 'POST', '/api/ratings/push/999999/retry', { token: manager })).status).toBe(404);
    expect((await api(server().url, 'POST', '/api/ratings/push/abc/retry', { token: manager })).status).toBe(404);
    const audit = await api<{ type: string; before?: unknown; after?: unknown }[]>(server().url, 'GET', '/api/admin/audit?limit=5', { token: manager });
    expect(audit.body.filter((e) => e.type === 'RatingPushRetried')).toEqual([
      expect.objectContaining({
        before: { id: failed.id, kind: 'rating', ticketId: a.id, number: a.number, status: 'failed', attempts: 1, lastError: 'HTTP 400: {"error":"evaluation rejected"}' },
        after: { id: failed.id, kind: 'rating', ticketId: a.id, number: a.number, status: 'pending', attempts: 0, lastError: null },
      }),
    ]);
  });
});

describe('整改 (a 差评’s follow-up)', () => {
  const put = (id: string, note: string) => api(server().url, 'PUT', `/api/ratings/${id}/follow-up`, { token: manager, body: { note } });

  it('is pushed after its rating; a changed note goes again with the same key; a reopened one too', async () => {
    await start();
    const t = await served();
    const r = await rate(t.id, { score: 1, reasons: ['attitude'] });
    await tick();
    advance(60 * MIN);
    expect((await put(t.id, '已电话回访，当事窗口人员已批评教育')).status).toBe(200);
    await tick();
    const admin = server().store.users.byUsername('admin')!;
    const hallId = server().app.service.hallId;
    expect(platform().requests[1]!.body).toEqual({
      kind: 'follow_up',
      id: `${hallId}:follow_up:${t.id}`,
      hall: { id: hallId, name: '示范县政务服务中心' },
      ticket: { id: t.id, number: t.number, serviceDay: TODAY },
      rating: { score: 1, label: '非常不满意', level: 'very_dissatisfied', ratedAt: r.ratedAt },
      followUp: { status: 'handled', note: '已电话回访，当事窗口人员已批评教育', by: { staffId: admin.id, name: '管理员' }, at: new Date(server().clock.now()).toISOString() },
    });
    expect(platform().requests[1]!.headers['idempotency-key']).toBe(`${hallId}:follow_up:${t.id}`);

    advance(MIN);
    await put(t.id, '已回访两次，群众表示满意');
    await tick();
    advance(MIN);
    expect((await api(server().url, 'DELETE', `/api/ratings/${t.id}/follow-up`, { token: manager })).status).toBe(200);
    await tick();
    const followUps = platform().requests.slice(1).map((q) => (q.body.kind === 'follow_up' ? q.body.followUp : null));
    expect(followUps).toEqual([
      expect.objectContaining({ status: 'handled', note: '已电话回访，当事窗口人员已批评教育' }),
      expect.objectContaining({ status: 'handled', note: '已回访两次，群众表示满意' }),
      { status: 'reopened', by: { staffId: admin.id, name: '管理员' }, at: new Date(server().clock.now()).toISOString() },
    ]);
    expect(new Set(platform().requests.slice(1).map((q) => q.headers['idempotency-key'])).size).toBe(1);
    // One row per kind and ticket: the 整改's was queued again in place.
    const st = await state();
    expect(st.rows.map((x) => [x.kind, x.status])).toEqual([
      ['follow_up', 'sent'],
      ['rating', 'sent'],
    ]);
  });

  it('a note changed while the old one is under way is sent again, as it is now', async () => {
    await start();
    const t = await served();
    await rate(t.id, { score: 2, reasons: ['process'] });
    await tick();
    // The platform takes its time with the first note.
    platform().answers.push({ status: 200, delayMs: 300 });
    await put(t.id, '第一次记录');
    await expect.poll(() => platform().requests.length).toBe(2);
    await put(t.id, '更正后的记录');
    await tick();
    await expect.poll(() => platform().requests.length).toBe(3);
    await tick();
    const notes = platform().requests.map((q) => (q.body.kind === 'follow_up' ? q.body.followUp.note : q.body.kind));
    expect(notes).toEqual(['rating', '第一次记录', '更正后的记录']);
    const st = await state();
    expect(st.counts).toEqual({ pending: 0, sent: 2, failed: 0 });
  });
});

describe('personal data', () => {
  it('no report holds the citizen’s phone or name (an appointment’s ticket, rated with a comment, followed up)', async () => {
    await start();
    const phone = nextPhone();
    const a = await bookOk(server(), { phone, name: '欧阳娜娜', date: TODAY, slot: '09:30', queue: 'A', matters: ['A-01'] });
    const ci = await checkIn(server(), a.code, { token: manager });
    expect(ci.status).toBe(201);
    await callNext(server(), 9, clerk);
    const t = await complete(server(), 9, clerk);
    expect(t.channel).toBe('appointment');
    await rate(t.id, { score: 1, reasons: ['other'], comment: '材料说明不清' });
    await tick();
    await put(t.id, '已回访');
    await tick();
    expect(platform().requests).toHaveLength(2);
    for (const q of platform().requests) {
      const raw = JSON.stringify(q);
      expect(raw).not.toContain(phone);
      expect(raw).not.toContain(phone.slice(-4));
      expect(raw).not.toContain('欧阳');
      expect(raw).not.toContain('娜娜');
      expect(raw).not.toContain(a.code);
      expect(raw).not.toMatch(/phone|"name":"欧/i);
    }
  });

  function put(id: string, note: string) {
    return api(server().url, 'PUT', `/api/ratings/${id}/follow-up`, { token: manager, body: { note } });
  }
});

describe('without a platform', () => {
  it('reports wait as 未配置 (nothing sent); after a restart with a platform they go, oldest first', async () => {
    const dbPath = join(tempDir('rating-push-'), 'hall.db');
    await start({ url: null, dbPath });
    const a = await served();
    const b = await served();
    await rate(a.id);
    await rate(b.id, { score: 3 });
    await tick();
    const st = await state();
    expect(st.platform).toEqual({ configured: false });
    expect(st.counts).toEqual({ pending: 2, sent: 0, failed: 0 });
    expect(st.rows.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
    const now = server().clock.now();
    await server().close();
    s = undefined;

    gw = await startGateway<RatingPushPayload>();
    await start({ dbPath, now: now + MIN });
    await expect.poll(() => platform().requests.length).toBe(2);
    expect(sentTickets()).toEqual([`rating:${a.id}`, `rating:${b.id}`]);
  });
});
