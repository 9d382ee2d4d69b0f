/**
 * 刷身份证签到 on a real server: an appointment checked in with the citizen's card makes a
 * real-name ticket (the masked number on the kiosk's answer and the staff views, 老年人优先 by age,
 * the card recorded), a bad number is refused with the reason and checks nothing in, the daily
 * limit counts the check-in's ticket but never refuses it, and at `required` a kiosk's check-in
 * needs the card while the guide desk's does not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appointment, CheckInResult, CitizenSettings } from '../../shared/citizen';
import type { ApiError } from '../../shared/errors';
import type { Ticket, TicketDetail } from '../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { bookOk, MIN, openWindow } from './support';

/** Numbers worked out with the MOD 11-2 weights (see idCardRules.test.ts); today is 2026-11-30. */
const CARD_36 = '320102199001011232';
const CARD_68 = '410523195803151234';

type Answer<T> = T & { error: ApiError };

let s: TestServer;
let manager = '';

beforeEach(async () => {
  s = await startTestServer();
  manager = await login(s.url, 'admin', 'admin');
  // The 10:00 slot's check-in opens at 09:30: the clock starts at 09:00.
  s.clock.advance(45 * MIN);
});
afterEach(async () => {
  await s.close();
});

/** `token` null: the demo hall's anonymous kiosk pages (public ticketing). */
const checkInWith = (code: string, body: Record<string, unknown> = {}, token: string | null = null) =>
  api<Answer<CheckInResult>>(s.url, 'POST', '/api/appointments/check-in', { ...(token ? { token } : {}), body: { code, ...body } });
const take = (body: Record<string, unknown>) => api<Answer<TicketDetail>>(s.url, 'POST', '/api/tickets', { body: { queue: 'A', ...body } });
const putSettings = (body: Partial<CitizenSettings>) => api<CitizenSettings>(s.url, 'PUT', '/api/citizen/settings', { token: manager, body });
const statusOf = async (a: Appointment) => (await api<Appointment>(s.url, 'GET', `/api/appointments/${a.id}`)).body.status;

describe('刷身份证签到', () => {
  it('the ticket is real-name: the masked number on the kiosk’s answer and to staff, 老年人优先 by age, never on public views', async () => {
    const a = await bookOk(s, { matters: ['A-01'] });
    const r = await checkInWith(a.code, { idCard: CARD_68 });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.ticket).toMatchObject({ channel: 'appointment', priority: 'priority', realName: { masked: '410***********1234', age: 68, senior: true } });
    expect(r.body.appointment).toMatchObject({ status: 'checked_in', ticketNumber: r.body.ticket.number });
    const id = r.body.ticket.id;
    // The kiosk's answer is still the plain view beside the card's line: no guide fields.
    expect(r.body.ticket).not.toHaveProperty('note');

    // The phone page: no trace. The clerk: the line under the ticket.
    expect((await api<Ticket>(s.url, 'GET', `/api/tickets/${id}`)).body).not.toHaveProperty('realName');
    const clerk = await openWindow(s, 9);
    expect((await api<TicketDetail>(s.url, 'GET', `/api/tickets/${id}`, { token: clerk })).body.realName).toEqual({ masked: '410***********1234', age: 68, senior: true });
    // Recorded like an issued number's card (the clean-up and the figures find it).
    expect(s.store.db.prepare('SELECT masked, birth_year, senior FROM ticket_id_cards WHERE ticket_id = ?').get(id)).toEqual({ masked: '410***********1234', birth_year: 1958, senior: 1 });

    // Below the age the green channel decides, as without a card.
    const b = await bookOk(s);
    expect((await checkInWith(b.code, { idCard: CARD_36 })).body.ticket).toMatchObject({ priority: 'normal', realName: { age: 36, senior: false } });
    const c = await bookOk(s);
    expect((await checkInWith(c.code, { idCard: CARD_36, priority: 'priority' })).body.ticket).toMatchObject({ priority: 'priority', realName: { senior: false } });
    // Without a card (the hall offers cards, it does not require them): as before, not real-name.
    const d = await bookOk(s);
    const plain = await checkInWith(d.code);
    expect(plain.status).toBe(201);
    expect(plain.body.ticket).not.toHaveProperty('realName');
  });

  it('a number that is not a card is refused with the closed code and checks nothing in; the code still works', async () => {
    const a = await bookOk(s);
    for (const bad of ['320102199001011233', '1234', '41052320261201001X']) {
      const r = await checkInWith(a.code, { idCard: bad });
      expect(r.status, bad).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'BAD_REQUEST', reason: 'id_card_invalid' });
    }
    expect((await checkInWith(a.code, { idCard: 'x'.repeat(33) })).status).toBe(400);
    expect(await statusOf(a)).toBe('booked');
    expect(s.store.db.prepare('SELECT count(*) AS n FROM ticket_id_cards').get()).toEqual({ n: 0 });
    expect((await checkInWith(a.code, { idCard: CARD_36 })).status).toBe(201);
  });

  it('the daily limit counts the check-in’s ticket but never refuses it', async () => {
    // A kiosk number with the card first (limit 1), then the appointment's check-in: still checked in.
    expect((await take({ idCard: CARD_36 })).body.number).toBe('A001');
    const a = await bookOk(s);
    const r = await checkInWith(a.code, { idCard: CARD_36 });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.ticket.number).toBe('A002');
    // …and the card now holds both: the next kiosk number of A is refused naming them.
    const again = await take({ idCard: CARD_36 });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ reason: 'id_card_daily_limit' });
    expect(again.body.error.message).toMatch(/: A001, A002$/);

    // The other way round: checked in first, the kiosk's number after it is refused.
    const b = await bookOk(s, { queue: 'B' });
    expect((await checkInWith(b.code, { idCard: CARD_68 })).body.ticket.number).toBe('B001');
    const after = await take({ queue: 'B', idCard: CARD_68 });
    expect(after.status).toBe(409);
    expect(after.body.error.message).toMatch(/: B001$/);
  });

  it('`required`: a kiosk’s check-in needs the card (nothing is checked in without it); the guide desk checks in without', async () => {
    expect((await putSettings({ idCard: 'required' })).status).toBe(200);
    const a = await bookOk(s);
    const kiosk = await login(s.url, 'kiosk', 'kiosk');
    for (const token of [null, kiosk]) {
      const none = await checkInWith(a.code, {}, token);
      expect(none.status).toBe(400);
      expect(none.body.error).toMatchObject({ code: 'BAD_REQUEST', reason: 'id_card_required' });
    }
    expect(await statusOf(a)).toBe('booked');
    expect((await checkInWith(a.code, { idCard: CARD_36 }, kiosk)).body.ticket).toMatchObject({ realName: { age: 36 } });

    const guide = await login(s.url, 'guide', '1234');
    const b = await bookOk(s);
    expect((await checkInWith(b.code, {}, guide)).status).toBe(201);
    // A card the desk read: real-name on the staff answer.
    const c = await bookOk(s);
    expect((await checkInWith(c.code, { idCard: CARD_68, note: '材料齐全' }, guide)).body.ticket).toMatchObject({ note: '材料齐全', priority: 'priority', realName: { senior: true } });
  });

  it('`off`: a card is refused (nothing counted), a check-in without one goes on as before', async () => {
    expect((await putSettings({ idCard: 'off' })).status).toBe(200);
    const a = await bookOk(s);
    const r = await checkInWith(a.code, { idCard: CARD_36 });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('INVALID_STATE');
    expect(await statusOf(a)).toBe('booked');
    expect((await checkInWith(a.code)).status).toBe(201);
  });
});
