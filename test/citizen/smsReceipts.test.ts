/**
 * 短信回执 over the wire: a real server with a manual clock and a local HTTP gateway; the platform
 * posts receipts by the webhook's ids with its key. Delivered and undelivered (with why) show in
 * the manager's list and counts; an undelivered one may be sent again; a delivered receipt for a
 * message still being retried ends the retries (no second text); ids of another hall, malformed
 * ones and messages never sent come back as unknown; without the key the route is off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SmsList, SmsMessage, SmsReceiptsResult } from '../../shared/notify';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { startGateway, type Gateway } from './smsGateway';
import { bookOk, MIN, nextPhone, TOMORROW } from './support';

const KEY = 'receipt-key-0123456789abcdef';
let s: TestServer | undefined;
let gw: Gateway | undefined;
let manager = '';

afterEach(async () => {
  await s?.close();
  await gw?.close();
  s = undefined;
  gw = undefined;
});

/** `receiptKey` null: SMS_RECEIPT_KEY unset. */
async function start(receiptKey: string | null = KEY): Promise<TestServer> {
  gw = await startGateway();
  s = await startTestServer({ sms: { url: gw.url, timeoutMs: 2_000, maxAttempts: 3, ...(receiptKey !== null ? { receiptKey } : {}) } });
  manager = await login(s.url, 'admin', 'admin');
  expect((await api(s.url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: true } })).status).toBe(200);
  return s;
}

const list = async (): Promise<SmsList> => (await api<SmsList>(s!.url, 'GET', '/api/sms', { token: manager })).body;
const byId = async (id: number): Promise<SmsMessage> => (await list()).messages.find((m) => m.id === id)!;
const receipts = (body: unknown, key: string | null = KEY) =>
  api<SmsReceiptsResult>(s!.url, 'POST', '/api/sms/receipts', { body, ...(key !== null ? { headers: { 'X-Receipt-Key': key } } : {}) });
/** Books an appointment (its 预约成功 text), delivers it; the webhook's id and the outbox id. */
async function sentOne(): Promise<{ wireId: string; id: number }> {
  await bookOk(s!, { phone: nextPhone(), date: TOMORROW, slot: '09:30', queue: 'A' });
  await s!.app.sms.tick();
  const wireId = gw!.requests.at(-1)!.body.id;
  return { wireId, id: Number(wireId.split(':').at(-1)) };
}

describe('短信回执', () => {
  it('delivered and undelivered show in the list and counts; an undelivered one may be sent again', async () => {
    await start();
    expect((await list()).gateway.receipts).toBe(true);
    const a = await sentOne();
    const b = await sentOne();
    const r = await receipts({ receipts: [{ id: a.wireId, delivered: true }, { id: b.wireId, delivered: false, error: 'MK:0001 用户关机' }] });
    expect(r).toEqual({ status: 200, body: { applied: 2, unknown: [] } });
    const now = new Date(s!.clock.now()).toISOString();
    expect(await byId(a.id)).toMatchObject({ status: 'sent', delivery: 'delivered', deliveryAt: now });
    expect(await byId(b.id)).toMatchObject({ status: 'sent', delivery: 'undelivered', deliveryAt: now, deliveryError: 'MK:0001 用户关机' });
    expect((await list()).counts).toEqual({ pending: 0, sent: 2, failed: 0, undelivered: 1 });

    // A later "undelivered" does not undo a delivered one (a platform's intermediate report).
    await receipts({ receipts: [{ id: a.wireId, delivered: false, error: 'late' }] });
    expect((await byId(a.id)).delivery).toBe('delivered');

    // 重发 of the undelivered one: sent again, its receipt cleared until the next comes.
    s!.clock.advance(MIN);
    const again = await api<SmsMessage>(s!.url, 'POST', `/api/sms/${b.id}/retry`, { token: manager });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'pending', attempts: 0 });
    expect(again.body.delivery).toBeUndefined();
    await s!.app.sms.tick();
    expect(gw!.requests.filter((q) => q.body.id === b.wireId)).toHaveLength(2);
    expect(await byId(b.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await byId(b.id)).deliveryError).toBeUndefined();
    // A delivered one is not sent again.
    expect((await api(s!.url, 'POST', `/api/sms/${a.id}/retry`, { token: manager })).status).toBe(409);
  });

  it('a delivered receipt for a message still being retried ends its retries: no second text', async () => {
    await start();
    gw!.answers.push({ status: 500 });
    await bookOk(s!, { phone: nextPhone(), date: TOMORROW, slot: '09:30', queue: 'A' });
    await s!.app.sms.tick();
    const wireId = gw!.requests[0]!.body.id;
    const id = Number(wireId.split(':').at(-1));
    expect(await byId(id)).toMatchObject({ status: 'pending', attempts: 1 });
    // The platform did take that attempt (its answer was lost) and the phone got it.
    expect((await receipts({ receipts: [{ id: wireId, delivered: true }] })).body).toEqual({ applied: 1, unknown: [] });
    expect(await byId(id)).toMatchObject({ status: 'sent', delivery: 'delivered' });
    s!.clock.advance(10 * MIN);
    await s!.app.sms.tick();
    expect(gw!.requests).toHaveLength(1);
  });

  it('unknown ids (another hall, malformed, none such) come back as such; a bad body is refused', async () => {
    await start();
    const a = await sentOne();
    const hall = a.wireId.slice(0, a.wireId.lastIndexOf(':'));
    // (A message never tried takes no receipt either: smsRules.test.ts, the sender.)
    const ids = [`other-hall:${a.id}`, 'garbage', `${hall}:0`, `${hall}:1.5`, `${hall}:999999`];
    const r = await receipts({ receipts: [...ids.map((id) => ({ id, delivered: true })), { id: a.wireId, delivered: true }] });
    expect(r.body).toEqual({ applied: 1, unknown: ids });
    expect((await receipts({ receipts: [] })).status).toBe(400);
    expect((await receipts({ receipts: [{ id: a.wireId, delivered: 'yes' }] })).status).toBe(400);
    expect((await receipts({ receipts: Array.from({ length: 501 }, () => ({ id: a.wireId, delivered: true })) })).status).toBe(400);
  });

  it('needs the key; without SMS_RECEIPT_KEY the route is off', async () => {
    await start();
    const a = await sentOne();
    expect((await receipts({ receipts: [{ id: a.wireId, delivered: true }] }, null)).status).toBe(401);
    expect((await receipts({ receipts: [{ id: a.wireId, delivered: true }] }, `${KEY}x`)).status).toBe(401);
    expect((await byId(a.id)).delivery).toBeUndefined();
    await s!.close();
    await gw!.close();

    await start(null);
    expect((await list()).gateway.receipts).toBe(false);
    const b = await sentOne();
    expect((await receipts({ receipts: [{ id: b.wireId, delivered: true }] })).status).toBe(404);
  });
});
