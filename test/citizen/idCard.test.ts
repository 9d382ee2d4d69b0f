/**
 * 实名取号 on a real server: the settings (the demo hall offers it, limit 1, 老年人优先 from 65;
 * bounds refused; audited), a kiosk number with a card (the masked number and age on staff views
 * only), the per-person limit per queue and day (409 naming the numbers held; freed once served),
 * 老年人优先 at the age boundary, a retry that gets its ticket rather than a refusal, bad numbers
 * refused with the reason, `required` (kiosks need a card, the guide desk does not), phones refused,
 * the socket twin, the number never in the database file in clear, and the clean-up that drops a
 * past day's hash and then the rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import type { CitizenSettings, RetentionStatus } from '../../shared/citizen';
import type { ApiError, Reply } from '../../shared/errors';
import type { Snapshot, Ticket, TicketDetail } from '../../shared/schemas';
import { DEFAULT_CITIZEN_SETTINGS } from '../../server/citizen/settings';
import { api, connectClient, login, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';
import { openWindow } from './support';

/** Numbers worked out with the MOD 11-2 weights (see idCardRules.test.ts); today is 2026-11-30. */
const CARD_36 = '320102199001011232'; // born 1990-01-01
const CARD_68 = '410523195803151234'; // 1958-03-15: 老年人优先
const CARD_65_TODAY = '410523196111300010'; // turns 65 today
const CARD_64 = '410523196112010015'; // 65 tomorrow
const CARD_X = '11010519491231002X';

let s: TestServer;
let kiosk = '';
let manager = '';

afterEach(async () => {
  await s?.close();
});

async function start(opts: { dbPath?: string } = {}): Promise<void> {
  s = await startTestServer(opts);
  kiosk = await login(s.url, 'kiosk', 'kiosk');
  manager = await login(s.url, 'admin', 'admin');
}

type Answer<T> = T & { error: ApiError };
/** `token` null: an anonymous caller (the demo hall's kiosk pages, public ticketing). */
const take = (body: Record<string, unknown>, token: string | null = kiosk) =>
  api<Answer<TicketDetail>>(s.url, 'POST', '/api/tickets', { ...(token ? { token } : {}), body: { queue: 'A', ...body } });
const putSettings = (body: Partial<CitizenSettings> | Record<string, unknown>) =>
  api<Answer<CitizenSettings>>(s.url, 'PUT', '/api/citizen/settings', { token: manager, body });

describe('the settings', () => {
  it('a new hall has 实名取号 off; the demo hall offers it (limit 1, 65); bounds are refused; changes are audited', async () => {
    expect(DEFAULT_CITIZEN_SETTINGS).toMatchObject({ idCard: 'off', idDailyLimit: 1, seniorPriorityAge: 0 });
    await start();
    expect((await api<CitizenSettings>(s.url, 'GET', '/api/citizen/settings')).body).toMatchObject({ idCard: 'optional', idDailyLimit: 1, seniorPriorityAge: 65 });
    for (const bad of [{ idCard: 'always' }, { idDailyLimit: 0 }, { idDailyLimit: 6 }, { seniorPriorityAge: 59 }, { seniorPriorityAge: 81 }, { seniorPriorityAge: 1 }, { seniorPriorityAge: 65.5 }]) {
      const r = await putSettings(bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.message).toMatch(new RegExp(`^${Object.keys(bad)[0]}:`));
    }
    for (const age of [0, 60, 80]) expect((await putSettings({ seniorPriorityAge: age })).status).toBe(200);
    expect((await putSettings({ idCard: 'required', idDailyLimit: 3, seniorPriorityAge: 70 })).body).toMatchObject({ idCard: 'required', idDailyLimit: 3, seniorPriorityAge: 70 });
    const audit = await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit?type=CitizenSettingsChanged', { token: manager });
    const last = audit.body.find((e) => e.type === 'CitizenSettingsChanged' && (e.data as { after: CitizenSettings }).after.idCard === 'required');
    expect(last?.data).toMatchObject({ before: { idCard: 'optional', seniorPriorityAge: 80 }, after: { idCard: 'required', idDailyLimit: 3, seniorPriorityAge: 70 } });
  });
});

describe('a number taken with a card', () => {
  it('carries the masked number and age to staff only; the public views never show it', async () => {
    await start();
    const r = await take({ idCard: CARD_36 });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ number: 'A001', priority: 'normal', channel: 'kiosk', realName: { masked: '320***********1232', age: 36, senior: false } });
    const id = r.body.id;

    // The phone page and every public screen: no trace.
    const pub = await api<Ticket>(s.url, 'GET', `/api/tickets/${id}`);
    expect(pub.body).not.toHaveProperty('realName');
    // The clerk at the window: the call's answer and the ticket read again after a reload.
    const clerk = await openWindow(s, 9);
    const called = await api<TicketDetail>(s.url, 'POST', '/api/windows/9/next', { token: clerk, body: {} });
    expect(called.body).toMatchObject({ number: 'A001', realName: { masked: '320***********1232', age: 36 } });
    expect((await api<TicketDetail>(s.url, 'GET', `/api/tickets/${id}`, { token: clerk })).body.realName).toEqual({ masked: '320***********1232', age: 36, senior: false });
    const snap = JSON.stringify((await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body);
    expect(snap).toContain('A001');
    expect(snap).not.toContain('***');
    expect(snap).not.toContain('realName');
  });

  it('one person holds at most idDailyLimit numbers per queue a day; the refusal names them; a served number frees the place', async () => {
    await start();
    const first = await take({ idCard: CARD_X });
    expect(first.status).toBe(201);
    // The same card, read with a small x: the same person.
    const again = await take({ idCard: CARD_X.toLowerCase() });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', reason: 'id_card_daily_limit' });
    expect(again.body.error.message).toMatch(/: A001$/);
    // Another queue, another person: fine.
    expect((await take({ queue: 'B', idCard: CARD_X })).status).toBe(201);
    expect((await take({ idCard: CARD_36 })).status).toBe(201);
    // A number without the card is not counted (the hall offers cards, it does not require them).
    expect((await take({})).status).toBe(201);

    // Limit 2: a second number, then a third refused naming both.
    expect((await putSettings({ idDailyLimit: 2 })).status).toBe(200);
    expect((await take({ idCard: CARD_X })).body.number).toBe('A004');
    const third = await take({ idCard: CARD_X });
    expect(third.status).toBe(409);
    expect(third.body.error.message).toMatch(/: A001, A004$/);

    // A001 is called, then served: once in service it no longer holds a place in the queue.
    const clerk = await openWindow(s, 9);
    expect((await api<TicketDetail>(s.url, 'POST', '/api/windows/9/next', { token: clerk, body: {} })).body.number).toBe('A001');
    expect((await take({ idCard: CARD_X })).status).toBe(409); // called still holds
    expect((await api(s.url, 'POST', '/api/windows/9/start', { token: clerk })).status).toBe(200);
    expect((await take({ idCard: CARD_X })).body.number).toBe('A005');
  });

  it('老年人优先: at or above the hall’s age the ticket is priority without asking; below it, as asked', async () => {
    await start();
    const old = await take({ idCard: CARD_68 });
    expect(old.body).toMatchObject({ priority: 'priority', realName: { age: 68, senior: true } });
    expect((await take({ idCard: CARD_65_TODAY })).body).toMatchObject({ priority: 'priority', realName: { age: 65, senior: true } });
    expect((await take({ idCard: CARD_64 })).body).toMatchObject({ priority: 'normal', realName: { age: 64, senior: false } });
    // Below the age the green channel still works as before.
    expect((await take({ queue: 'B', idCard: CARD_64, priority: 'priority' })).body).toMatchObject({ priority: 'priority', realName: { senior: false } });
    // 0 turns it off.
    expect((await putSettings({ seniorPriorityAge: 0 })).status).toBe(200);
    expect((await take({ queue: 'C', idCard: CARD_68 })).body).toMatchObject({ priority: 'normal', realName: { age: 68, senior: false } });
  });

  it('a retried request (same requestId) gets the same ticket, never a limit refusal', async () => {
    await start();
    const first = await take({ idCard: CARD_36, requestId: 'kiosk-retry-1' });
    expect(first.status).toBe(201);
    const retry = await take({ idCard: CARD_36, requestId: 'kiosk-retry-1' });
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ id: first.body.id, number: first.body.number, realName: first.body.realName });
    // A new request is a second number: refused.
    expect((await take({ idCard: CARD_36, requestId: 'kiosk-retry-2' })).status).toBe(409);
    expect((await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body.queues.find((q) => q.code === 'A')!.waiting).toBe(1);
  });

  it('a number that is not a card is refused with the reason, and nothing is issued', async () => {
    await start();
    for (const [bad, why] of [
      ['32010219900101123', /18 characters/],
      ['320102199001011233', /check digit/],
      ['410523199902290019', /not a real date/],
      ['41052320261201001X', /future/],
      ['00010519491231002X', /area code/],
      ['32010219900101123Y', /17 digits and a digit or X/],
    ] as const) {
      const r = await take({ idCard: bad });
      expect(r.status, bad).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'BAD_REQUEST', reason: 'id_card_invalid' });
      expect(r.body.error.message).toMatch(why);
    }
    expect((await take({ idCard: 'x'.repeat(33) })).status).toBe(400);
    expect((await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body.queues.find((q) => q.code === 'A')!.waiting).toBe(0);
  });

  it('who may send a card: kiosks, the guide desk, managers, and the hall’s anonymous kiosks where ticketing is public — never a phone', async () => {
    await start();
    const guide = await login(s.url, 'guide', '1234');
    expect((await take({ idCard: CARD_36, channel: 'guide' }, guide)).body).toMatchObject({ channel: 'guide', realName: { age: 36 } });
    expect((await take({ queue: 'B', idCard: CARD_36 }, manager)).status).toBe(201);
    // The demo hall's kiosk pages run without signing in (public ticketing).
    expect((await take({ queue: 'C', idCard: CARD_36 }, null)).status).toBe(201);
    const phone = await take({ queue: 'D', channel: 'mobile', idCard: CARD_36 }, null);
    expect(phone.status).toBe(403);
    // Public ticketing off: anonymous callers take nothing, card or not.
    expect((await api(s.url, 'PUT', '/api/admin/settings', { token: manager, body: { publicTicketing: false } })).status).toBe(200);
    expect((await take({ queue: 'E', idCard: CARD_68 }, null)).status).toBe(401);
    // 实名取号 off: a card is refused (a vendor's kiosk must not think it counted).
    expect((await putSettings({ idCard: 'off' })).status).toBe(200);
    const off = await take({ queue: 'E', idCard: CARD_68 });
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe('INVALID_STATE');
    expect((await take({ queue: 'E' })).status).toBe(201);
  });

  it('`required`: a kiosk number needs a card; the guide desk and managers still issue without', async () => {
    await start();
    expect((await putSettings({ idCard: 'required' })).status).toBe(200);
    const none = await take({});
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ code: 'BAD_REQUEST', reason: 'id_card_required' });
    expect((await take({}, null)).body.error.reason).toBe('id_card_required');
    expect((await take({ idCard: CARD_36 })).status).toBe(201);
    const guide = await login(s.url, 'guide', '1234');
    expect((await take({ channel: 'guide' }, guide)).status).toBe(201);
    expect((await take({}, manager)).status).toBe(201);
  });

  it('the socket twin: a kiosk issues with a card over Socket.IO, limited the same', async () => {
    await start();
    const { socket } = await connectClient(s.url, kiosk);
    try {
      const emit = (payload: Record<string, unknown>) =>
        new Promise<Reply<TicketDetail>>((resolve) => socket.emit('ticket:issue', { queue: 'A', ...payload } as never, resolve));
      const ok = await emit({ idCard: CARD_68 });
      expect(ok).toMatchObject({ ok: true, data: { priority: 'priority', realName: { masked: '410***********1234', age: 68, senior: true } } });
      const limited = await emit({ idCard: CARD_68 });
      expect(limited).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'id_card_daily_limit' } });
      expect(await emit({ idCard: '1234' })).toMatchObject({ ok: false, error: { reason: 'id_card_invalid' } });
    } finally {
      socket.close();
    }
  });
});

describe('never in clear, and cleaned up', () => {
  it('the database file holds no card number; the next day the hash goes, after the period the rows', async () => {
    const dir = tempDir('idcard-');
    const dbPath = join(dir, 'hall.db');
    await start({ dbPath });
    const taken = await take({ idCard: CARD_36 });
    expect(taken.status).toBe(201);
    expect((await take({ queue: 'B', idCard: CARD_X })).status).toBe(201);

    // The row is there, keyed by a hash — and the file's bytes (WAL included) hold neither number.
    const row = s.store.db.prepare('SELECT id_hash, masked, birth_year, age FROM ticket_id_cards WHERE ticket_id = ?').get(taken.body.id) as Record<string, unknown>;
    expect(row).toMatchObject({ masked: '320***********1232', birth_year: 1990, age: 36 });
    expect(row.id_hash).toMatch(/^[0-9a-f]{64}$/);
    const bytes = (f: string): string => {
      try {
        return readFileSync(join(dir, f)).toString('latin1');
      } catch {
        return '';
      }
    };
    const file = bytes('hall.db') + bytes('hall.db-wal');
    expect(file).toContain(String(row.id_hash)); // looking at the right bytes
    for (const n of [CARD_36, CARD_X, CARD_36.slice(6, 14), CARD_X.slice(0, 17)]) expect(file).not.toContain(n);

    // The next day: the hashes have done their work (the limit is per day).
    s.clock.set(Date.parse('2026-12-01T01:00:00Z'));
    manager = await login(s.url, 'admin', 'admin');
    const status = async () => (await api<RetentionStatus>(s.url, 'GET', '/api/citizen/retention', { token: manager })).body;
    expect((await status()).pending.idCards).toBe(2);
    const ran = await api<RetentionStatus>(s.url, 'POST', '/api/citizen/retention/run', { token: manager });
    expect(ran.body.lastRun?.counts.idCards).toBe(2);
    expect(s.store.db.prepare('SELECT count(*) AS n FROM ticket_id_cards WHERE id_hash IS NOT NULL').get()).toEqual({ n: 0 });
    // The clerk's line stays with the ticket until the period is over.
    expect((await api<TicketDetail>(s.url, 'GET', `/api/tickets/${taken.body.id}`, { token: manager })).body.realName).toMatchObject({ masked: '320***********1232' });
    expect((await status()).pending.idCards).toBe(0);

    // 180 days later (the demo hall's period): the rows themselves go, audited.
    s.clock.set(Date.parse('2027-06-01T01:00:00Z'));
    manager = await login(s.url, 'admin', 'admin');
    expect((await status()).pending.idCards).toBe(2);
    expect((await api<RetentionStatus>(s.url, 'POST', '/api/citizen/retention/run', { token: manager })).body.lastRun?.counts.idCards).toBe(2);
    expect(s.store.db.prepare('SELECT count(*) AS n FROM ticket_id_cards').get()).toEqual({ n: 0 });
    expect((await api<TicketDetail>(s.url, 'GET', `/api/tickets/${taken.body.id}`, { token: manager })).body).not.toHaveProperty('realName');
    const audit = await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit?type=PersonalDataPurged', { token: manager });
    expect(audit.body.filter((e) => e.type === 'PersonalDataPurged').map((e) => (e.data as { after: { idCards: number } }).after.idCards)).toEqual([2, 2]);
  });
});
