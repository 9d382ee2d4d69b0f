/** 好差评 over the wire: once per served ticket, reasons for the lowest two levels, bad input changes nothing. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rating, RatingList } from '../../shared/ratings';
import type { Ticket } from '../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { callNext, complete, issue, MIN, openWindow } from './support';

let s: TestServer;
let clerk: string;

beforeEach(async () => {
  s = await startTestServer();
  clerk = await openWindow(s, 9, 'c05');
});
afterEach(async () => {
  await s.close();
});

/** A ticket of queue A served to the end at window 9. */
async function served(): Promise<Ticket> {
  const t = (await issue(s)).body;
  await callNext(s, 9, clerk);
  s.clock.advance(5 * MIN);
  const done = await complete(s, 9, clerk);
  expect(done).toMatchObject({ id: t.id, status: 'done' });
  return done;
}

const rate = (id: string, body: unknown) => api<Rating>(s.url, 'POST', `/api/tickets/${id}/rating`, { body });
const ratingOf = (id: string) => api<Rating | null>(s.url, 'GET', `/api/tickets/${id}/rating`);

describe('rating a served ticket', () => {
  it('stores one rating with its level; reading it back; 204 before', async () => {
    const t = await served();
    expect((await ratingOf(t.id)).status).toBe(204);
    const r = await rate(t.id, { score: 5, comment: '  很快  ' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ ticketId: t.id, number: t.number, queue: 'A', windowNo: 9, score: 5, level: 'very_satisfied', reasons: [], comment: '很快', serviceDay: '2026-11-30' });
    expect((await ratingOf(t.id)).body).toEqual(r.body);
  });

  it('once per ticket: a second rating is refused (409) and the first stays', async () => {
    const t = await served();
    await rate(t.id, { score: 4 });
    const again = await rate(t.id, { score: 1, reasons: ['attitude'] });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringMatching(/already/) } });
    expect((await ratingOf(t.id)).body).toMatchObject({ score: 4, level: 'satisfied' });
  });

  it('the lowest two levels need reasons; the others take none; "other" needs a comment', async () => {
    const t = await served();
    const cases: [unknown, number][] = [
      [{ score: 2 }, 400],
      [{ score: 1, reasons: [] }, 400],
      [{ score: 4, reasons: ['slow'] }, 400],
      [{ score: 1, reasons: ['other'] }, 400],
      [{ score: 1, reasons: ['rude'] }, 400],
      [{ score: 0 }, 400],
      [{ score: 6 }, 400],
      [{ score: 4.5 }, 400],
      [{ score: '5' }, 400],
      [{ score: 3, comment: 'x'.repeat(501) }, 400],
      [[5], 400],
    ];
    for (const [body, status] of cases) {
      const r = await rate(t.id, body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    }
    expect((await ratingOf(t.id)).status).toBe(204);
    const ok = await rate(t.id, { score: 1, reasons: ['slow', 'other'], comment: '等了一个小时' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ level: 'very_dissatisfied', reasons: ['slow', 'other'] });
  });

  it('not before the service is done, not after the rating period, not an unknown ticket', async () => {
    const waiting = (await issue(s)).body;
    const r = await rate(waiting.id, { score: 5 });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: { code: 'INVALID_STATE' } });
    const called = await callNext(s, 9, clerk);
    expect((await rate(called!.id, { score: 5 })).status).toBe(409);
    const t = await complete(s, 9, clerk);
    s.clock.advance(72 * 60 * MIN + 1);
    const late = await rate(t.id, { score: 5 });
    expect(late.body).toMatchObject({ error: { code: 'INVALID_STATE', message: expect.stringMatching(/period/) } });
    expect((await rate('NoSuchTicket000000000', { score: 5 })).body).toMatchObject({ error: { code: 'UNKNOWN_TICKET' } });
    expect((await rate('short', { score: 5 })).status).toBe(404);
    expect((await ratingOf('NoSuchTicket000000000')).status).toBe(404);
  });

  it('a manager lists the day with counts, the satisfaction share and who served; others may not', async () => {
    const a = await served();
    const b = await served();
    await rate(a.id, { score: 5 });
    await rate(b.id, { score: 2, reasons: ['slow'] });
    const manager = await login(s.url, 'admin', 'admin');
    const r = await api<RatingList>(s.url, 'GET', '/api/ratings?date=2026-11-30', { token: manager });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ date: '2026-11-30', count: 2, satisfaction: 0.5, byScore: { '5': 1, '2': 1, '1': 0 } });
    expect(r.body.ratings[0]!.clerkId).toBeTruthy();
    expect((await api(s.url, 'GET', '/api/ratings', { token: clerk })).status).toBe(403);
    expect((await api(s.url, 'GET', '/api/ratings')).status).toBe(401);
  });
});
