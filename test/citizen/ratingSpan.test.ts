/**
 * GET /api/ratings over a span of days (the console's 评价 page): the ratings of the days asked,
 * what was served then (per queue, window and clerk: the rated share), and refused spans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingList } from '../../shared/ratings';
import type { Ticket, User } from '../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { callNext, complete, issue, MIN, openWindow, TODAY, TOMORROW } from './support';

let s: TestServer;
let manager: string;
const ids: Record<string, string> = {};

/** A ticket of queue `queue` served to the end at window `no`. */
async function serve(no: number, token: string, queue = 'A'): Promise<Ticket> {
  const t = (await issue(s, queue)).body;
  const called = await callNext(s, no, token);
  expect(called?.id).toBe(t.id);
  s.clock.advance(3 * MIN);
  return complete(s, no, token);
}
const rate = async (t: Ticket, body: unknown): Promise<void> => {
  const r = await api(s.url, 'POST', `/api/tickets/${t.id}/rating`, { body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
};
const list = (query: string) => api<RatingList>(s.url, 'GET', `/api/ratings${query}`, { token: manager });

beforeAll(async () => {
  s = await startTestServer();
  // Day 1: window 9 (c05) serves three A tickets, two of them rated; window 10 (c06) serves a B, unrated.
  const c05 = await openWindow(s, 9, 'c05');
  const c06 = await openWindow(s, 10, 'c06');
  const [a1, a2] = [await serve(9, c05), await serve(9, c05)];
  await serve(9, c05);
  await serve(10, c06, 'B');
  await rate(a1, { score: 5 });
  await rate(a2, { score: 1, reasons: ['attitude', 'other'], comment: '态度生硬' });
  ids.c05 = (await api<User>(s.url, 'GET', '/api/me', { token: c05 })).body.id;
  // Day 2: window 9 again, one ticket, rated 4.
  s.clock.advance(24 * 60 * MIN);
  const c05again = await openWindow(s, 9, 'c05');
  await rate(await serve(9, c05again), { score: 4 });
  manager = await login(s.url, 'admin', 'admin'); // a token lasts a working day
});
afterAll(async () => {
  await s.close();
});

describe('GET /api/ratings with a span', () => {
  it('without a date: today only, with today’s served count', async () => {
    const r = await list('');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ date: TOMORROW, from: TOMORROW, to: TOMORROW, count: 1, byScore: { '4': 1 } });
    expect(r.body.served).toEqual({ total: 1, byQueue: { A: 1 }, byWindow: { '9': 1 }, byClerk: { [ids.c05!]: 1 } });
  });

  it('one past day: its ratings and what was served that day, per queue, window and clerk', async () => {
    const r = await list(`?date=${TODAY}`);
    expect(r.body).toMatchObject({ from: TODAY, to: TODAY, count: 2, satisfaction: 0.5 });
    expect(r.body.served.total).toBe(4);
    expect(r.body.served.byQueue).toEqual({ A: 3, B: 1 });
    expect(r.body.served.byWindow).toEqual({ '9': 3, '10': 1 });
    expect(r.body.served.byClerk[ids.c05!]).toBe(3);
    expect(r.body.ratings.map((x) => x.score)).toEqual([5, 1]);
    expect(r.body.ratings[1]).toMatchObject({ reasons: ['attitude', 'other'], comment: '态度生硬', windowNo: 9, clerkId: ids.c05 });
  });

  it('from–to covers both days, oldest first', async () => {
    const r = await list(`?from=${TODAY}&to=${TOMORROW}`);
    expect(r.body).toMatchObject({ date: TODAY, from: TODAY, to: TOMORROW, count: 3, byScore: { '1': 1, '4': 1, '5': 1 } });
    expect(r.body.satisfaction).toBeCloseTo(2 / 3);
    expect(r.body.served.total).toBe(5);
    expect(r.body.ratings.map((x) => x.serviceDay)).toEqual([TODAY, TODAY, TOMORROW]);
    // A span that holds no rating answers zeros, not an error.
    const empty = await list('?from=2026-10-01&to=2026-10-31');
    expect(empty.body).toMatchObject({ count: 0, satisfaction: null, served: { total: 0 } });
  });

  it('refuses spans it cannot answer, with 400', async () => {
    for (const q of [
      `?from=${TODAY}`, // to missing
      `?to=${TODAY}`,
      `?from=${TOMORROW}&to=${TODAY}`, // backwards
      '?from=2026-10-01&to=2026-11-01', // 32 days
      `?date=${TODAY}&from=${TODAY}&to=${TODAY}`,
      '?date=2026-13-01',
      `?from=${TODAY}&from=${TOMORROW}&to=${TOMORROW}`, // repeated parameter
    ]) {
      const r = await list(q);
      expect(r.status, q).toBe(400);
      expect(r.body, q).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    }
    expect((await api(s.url, 'GET', `/api/ratings?from=${TODAY}&to=${TOMORROW}`)).status).toBe(401);
  });
});
