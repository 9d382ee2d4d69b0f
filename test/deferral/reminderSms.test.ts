/**
 * 补齐提醒 over the wire: a real server on the test clock, a local HTTP gateway, a database file
 * (restarted). The record with a phone gets its text on the working day before the deadline
 * from 09:00 (not at night), once, shown on the 台账 and pushed to staff; a restart writes none
 * twice; the day after the deadline, still open, the overdue text; never a third. No gateway or
 * SMS off: nothing is written and the record is not marked. A brought record's text still
 * waiting (the gateway failing) is dropped, not sent late.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Deferral, DeferralList } from '../../shared/deferral';
import type { SmsList, SmsMessage } from '../../shared/notify';
import { SMS_CANCELLED } from '../../shared/notify';
import { DEFERRAL_CHECK_MS } from '../../server/notify/deferral-sms';
import { startGateway, type Gateway } from '../citizen/smsGateway';
import { api, connectClient, login, nextEvent, startTestServer, type ClientSocket, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';
import { create, servingE02 } from './support';

let s: TestServer | undefined;
let gw: Gateway | undefined;
const sockets: ClientSocket[] = [];
afterEach(async () => {
  for (const x of sockets.splice(0)) x.disconnect();
  await s?.close();
  await gw?.close();
  s = undefined;
  gw = undefined;
});

/** 09:00 on a day in Shanghai, plus minutes. */
const local = (day: string, hhmm: string): number => Date.parse(`${day}T${hhmm}:00+08:00`);
const smsOn = async (t: TestServer, on = true) => {
  const manager = await login(t.url, 'admin', 'admin');
  expect((await api(t.url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: on } })).status).toBe(200);
};
/** The app's timer work at a moment (the reminder check runs every few minutes: each call here is far enough apart). */
async function tickAt(t: TestServer, at: number): Promise<void> {
  t.clock.set(at);
  await t.app.sms.tick();
}
const texts = async (t: TestServer): Promise<SmsMessage[]> =>
  (await api<SmsList>(t.url, 'GET', '/api/sms', { token: await login(t.url, 'admin', 'admin') })).body.messages.filter((m) => m.kind === 'deferral');
const ledger = async (t: TestServer): Promise<Deferral[]> => (await api<DeferralList>(t.url, 'GET', '/api/deferrals', { token: await login(t.url, 'admin', 'admin') })).body.items;

describe('补齐提醒 by text', () => {
  it('the working day before from 09:00, once, on the 台账 and pushed; a restart sends none twice; then the overdue one; never a third', async () => {
    gw = await startGateway();
    const dbPath = join(tempDir('deferral-sms-'), 'hall.db');
    const sms = { url: gw.url, timeoutMs: 2_000, maxAttempts: 3 };
    const r = await servingE02({ dbPath, sms });
    s = r.s;
    await smsOn(s);
    // Monday 11-30 with 3 days: by Thursday 12-03.
    const rec = (await create(s, r.clerk, { ticketId: r.ticket.id, matterId: 'E-02', missing: ['异地居住证明'], days: 3, name: '张三', phone: '13812345678' })).body as Deferral;
    expect(rec.deadline).toBe('2026-12-03');

    await tickAt(s, local('2026-11-30', '15:00'));
    await tickAt(s, local('2026-12-01', '10:00'));
    await tickAt(s, local('2026-12-02', '08:50'));
    expect(await texts(s)).toEqual([]);

    const manager = (await connectClient(s.url, await login(s.url, 'admin', 'admin'))).socket;
    sockets.push(manager);
    const pushed = nextEvent(manager, 'deferral:changed', (c) => c.what === 'reminded');
    await tickAt(s, local('2026-12-02', '09:00'));
    expect(await pushed).toMatchObject({ id: rec.id, what: 'reminded', counts: { pending: 1, overdue: 0 } });
    await s.app.sms.tick(); // delivery finished
    expect(gw.requests.map((q) => [q.body.phone, q.body.text])).toEqual([
      ['13812345678', '【示范县政务服务中心】您于11月30日容缺受理的「医保异地就医备案」尚缺：异地居住证明，请于12月3日前携带告知承诺书到任一综合窗口补齐，逾期将按规定终止办理。'],
    ]);
    const [sent] = await texts(s);
    expect(sent).toMatchObject({ kind: 'deferral', ref: `deferral:${rec.id}/before`, status: 'sent', phone: '138****5678', expiresAt: new Date(local('2026-12-02', '18:00')).toISOString() });
    expect((await ledger(s))[0]!.reminders).toEqual([{ step: 'before', at: new Date(local('2026-12-02', '09:00')).toISOString(), sms: 'sent' }]);

    // Asked again later that day: nothing more.
    await tickAt(s, local('2026-12-02', '09:00') + DEFERRAL_CHECK_MS);
    await tickAt(s, local('2026-12-03', '11:00'));
    expect(await texts(s)).toHaveLength(1);

    // A restart on the deadline day writes nothing again.
    await s.close();
    s = await startTestServer({ dbPath, sms, now: local('2026-12-03', '12:00') });
    await tickAt(s, local('2026-12-03', '12:00'));
    expect(await texts(s)).toHaveLength(1);

    // Friday 12-04, still open: the overdue text from 09:00 — the only one more, ever.
    await tickAt(s, local('2026-12-04', '08:50'));
    expect(await texts(s)).toHaveLength(1);
    await tickAt(s, local('2026-12-04', '09:00'));
    await s.app.sms.tick();
    expect(gw.requests).toHaveLength(2);
    expect(gw.requests[1]!.body.text).toContain('补齐期限12月3日已过');
    for (const day of ['2026-12-05', '2026-12-07', '2026-12-08']) await tickAt(s, local(day, '10:00'));
    expect((await texts(s)).map((m) => m.ref).sort()).toEqual([`deferral:${rec.id}/before`, `deferral:${rec.id}/overdue`]);
    expect((await ledger(s))[0]!.reminders?.map((x) => x.step)).toEqual(['before', 'overdue']);
  });

  it('without a gateway, or with SMS off, nothing is written and the record stays unmarked', async () => {
    const r = await servingE02();
    s = r.s;
    await smsOn(s);
    await create(s, r.clerk, { ticketId: r.ticket.id, matterId: 'E-02', missing: ['异地居住证明'], days: 3, phone: '13812345678' });
    await tickAt(s, local('2026-12-02', '10:00'));
    expect(await texts(s)).toEqual([]);
    expect((await ledger(s))[0]!.reminders).toBeUndefined();
  });

  it('SMS off at the hall: nothing, though a gateway is there', async () => {
    gw = await startGateway();
    const r = await servingE02({ sms: { url: gw.url, timeoutMs: 2_000, maxAttempts: 3 } });
    s = r.s;
    await smsOn(s, false);
    await create(s, r.clerk, { ticketId: r.ticket.id, matterId: 'E-02', missing: ['异地居住证明'], days: 3, phone: '13812345678' });
    await tickAt(s, local('2026-12-02', '10:00'));
    expect(await texts(s)).toEqual([]);
    expect(gw.requests).toEqual([]);
  });

  it('a text the gateway keeps failing is dropped once the materials are brought', async () => {
    gw = await startGateway({ status: 503 });
    const r = await servingE02({ sms: { url: gw.url, timeoutMs: 2_000, maxAttempts: 5 } });
    s = r.s;
    await smsOn(s);
    const rec = (await create(s, r.clerk, { ticketId: r.ticket.id, matterId: 'E-02', missing: ['异地居住证明'], days: 3, phone: '13812345678' })).body as Deferral;
    await tickAt(s, local('2026-12-02', '10:00'));
    await s.app.sms.tick();
    expect(await texts(s)).toMatchObject([{ status: 'pending', attempts: 1 }]);
    const clerk = await login(s.url, 'c05', '1234');
    expect((await api(s.url, 'POST', `/api/deferrals/${rec.id}/done`, { token: clerk })).status).toBe(200);
    expect(await texts(s)).toMatchObject([{ status: 'failed', lastError: SMS_CANCELLED }]);
    expect((await ledger(s))[0]!.reminders).toEqual([{ step: 'before', at: new Date(local('2026-12-02', '10:00')).toISOString(), sms: 'failed' }]);
  });
});
