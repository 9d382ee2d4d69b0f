/**
 * Appointments over the wire: booking with capacity per slot, masking, cancelling, check-in at
 * the kiosk and by the guide (slot ordering, early and late rules, missed), and bad input that
 * changes nothing. A real server with a manual clock (test/support/server.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appointment, CitizenSettings, SlotList } from '../../shared/citizen';
import type { Snapshot, TicketDetail } from '../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { book, bookOk, callNext, checkIn, issue, MIN, nextPhone, openWindow, TODAY, TOMORROW, waitingIn } from './support';

let s: TestServer;
let manager: string;

beforeEach(async () => {
  s = await startTestServer();
  manager = await login(s.url, 'admin', 'admin');
});
afterEach(async () => {
  await s.close();
});

const setSettings = (patch: Partial<CitizenSettings>) => api<CitizenSettings>(s.url, 'PUT', '/api/citizen/settings', { token: manager, body: patch });
const getAppointment = (id: string) => api<Appointment>(s.url, 'GET', `/api/appointments/${id}`);

describe('booking', () => {
  it('books a slot: 201 with an unguessable id, an 8-digit code, and the name and phone masked', async () => {
    const r = await book(s, { name: '张三', phone: '13812345678', matters: ['A-01'] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ date: TODAY, slot: '10:00', queue: 'A', status: 'booked', name: '张*', phone: '138****5678', matters: ['A-01'] });
    expect(r.body.code).toMatch(/^\d{8}$/);
    expect(r.body.id.length).toBeGreaterThanOrEqual(22);
    expect(r.body.slotStart).toBe('2026-11-30T02:00:00.000Z');
    expect(r.body.slotEnd).toBe('2026-11-30T02:30:00.000Z');
    const again = await getAppointment(r.body.id);
    expect(again.body).toMatchObject({ id: r.body.id, name: '张*', phone: '138****5678' });
  });

  it('lists slots with capacity, booked and available places', async () => {
    await bookOk(s, { slot: '10:00' });
    const r = await api<SlotList>(s.url, 'GET', `/api/appointments/slots?date=${TODAY}&queue=A`);
    expect(r.status).toBe(200);
    expect(r.body.open).toBe(true);
    const byName = new Map(r.body.slots.map((x) => [x.slot, x]));
    expect(byName.get('10:00')).toMatchObject({ capacity: 4, booked: 1, available: 3 });
    // The slot starting now cannot be booked any more.
    expect(byName.get('09:00')).toMatchObject({ available: 0 });
    const saturday = await api<SlotList>(s.url, 'GET', '/api/appointments/slots?date=2026-12-05&queue=A');
    expect(saturday.body).toMatchObject({ open: false, slots: [] });
    expect((await api(s.url, 'GET', '/api/appointments/slots?date=2026-12-05&queue=Q')).status).toBe(404);
    expect((await api(s.url, 'GET', '/api/appointments/slots?date=tomorrow&queue=A')).status).toBe(400);
  });

  it('capacity per slot: the booking after the last place is refused (409) and changes nothing', async () => {
    expect((await setSettings({ capacityPerSlot: 2 })).status).toBe(200);
    await bookOk(s, { date: TOMORROW, slot: '14:00' });
    await bookOk(s, { date: TOMORROW, slot: '14:00' });
    const full = await book(s, { date: TOMORROW, slot: '14:00' });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringMatching(/full/) } });
    const slots = await api<SlotList>(s.url, 'GET', `/api/appointments/slots?date=${TOMORROW}&queue=A`);
    expect(slots.body.slots.find((x) => x.slot === '14:00')).toMatchObject({ booked: 2, available: 0 });
    // Other queues and slots keep their own places.
    expect((await book(s, { date: TOMORROW, slot: '14:00', queue: 'E' })).status).toBe(201);
    expect((await book(s, { date: TOMORROW, slot: '14:30' })).status).toBe(201);
  });

  it('a cancelled appointment frees its place', async () => {
    await setSettings({ capacityPerSlot: 1 });
    const a = await bookOk(s, { date: TOMORROW, slot: '09:00' });
    expect((await book(s, { date: TOMORROW, slot: '09:00' })).status).toBe(409);
    const c = await api<Appointment>(s.url, 'POST', `/api/appointments/${a.id}/cancel`);
    expect(c.status).toBe(200);
    expect(c.body.status).toBe('cancelled');
    expect((await book(s, { date: TOMORROW, slot: '09:00' })).status).toBe(201);
  });

  it('one active appointment per phone, day and queue', async () => {
    const phone = nextPhone();
    await bookOk(s, { phone, slot: '10:00' });
    const second = await book(s, { phone, slot: '11:00' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringMatching(/already holds/) } });
    expect((await book(s, { phone, slot: '11:00', queue: 'E' })).status).toBe(201);
  });

  it.each([
    ['a bad phone number', { phone: '12345' }, 400, 'BAD_REQUEST'],
    ['an empty name', { name: '  ' }, 400, 'BAD_REQUEST'],
    ['a date that is not a date', { date: '2026-11-31' }, 400, 'BAD_REQUEST'],
    ['a time that is no slot', { slot: '10:10' }, 400, 'BAD_REQUEST'],
    ['a slot that has begun', { slot: '09:00' }, 400, 'BAD_REQUEST'],
    ['a slot of yesterday', { date: '2026-11-29' }, 400, 'BAD_REQUEST'],
    ['beyond the booking horizon', { date: '2026-12-30' }, 400, 'BAD_REQUEST'],
    ['a Sunday', { date: '2026-12-06' }, 400, 'BAD_REQUEST'],
    ['an unknown queue', { queue: 'Q' }, 404, 'UNKNOWN_QUEUE'],
    ['a queue without appointments', { queue: 'K' }, 400, 'BAD_REQUEST'],
    ['an unknown matter', { matters: ['A-99'] }, 400, 'BAD_REQUEST'],
    ['a matter of another queue', { matters: ['E-01'] }, 400, 'BAD_REQUEST'],
  ])('refuses %s (%i %s) and stores nothing', async (_name, change, status, code) => {
    const r = await book(s, change);
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ error: { code } });
    const list = await api<Appointment[]>(s.url, 'GET', `/api/appointments?date=${TODAY}`, { token: manager });
    expect(list.body).toEqual([]);
  });

  it('cancel: twice is refused, an unknown id is 404', async () => {
    const a = await bookOk(s);
    expect((await api(s.url, 'POST', `/api/appointments/${a.id}/cancel`)).status).toBe(200);
    const twice = await api(s.url, 'POST', `/api/appointments/${a.id}/cancel`);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: { code: 'INVALID_STATE' } });
    expect((await api(s.url, 'POST', '/api/appointments/NoSuchAppointment00/cancel')).status).toBe(404);
    expect((await getAppointment('NoSuchAppointment00')).status).toBe(404);
  });
});

describe('masking', () => {
  it('staff lists are masked; only a manager sees the full name and phone; the public may not list', async () => {
    await bookOk(s, { name: '李小明', phone: '13912345678' });
    const guide = await login(s.url, 'guide', '1234');
    const g = await api<Appointment[]>(s.url, 'GET', `/api/appointments?date=${TODAY}`, { token: guide });
    expect(g.status).toBe(200);
    expect(g.body[0]).toMatchObject({ name: '李**', phone: '139****5678' });
    const m = await api<Appointment[]>(s.url, 'GET', `/api/appointments?date=${TODAY}`, { token: manager });
    expect(m.body[0]).toMatchObject({ name: '李小明', phone: '13912345678' });
    expect((await api(s.url, 'GET', `/api/appointments?date=${TODAY}`)).status).toBe(401);
    const clerk = await login(s.url, 'c01', '1234');
    expect((await api(s.url, 'GET', `/api/appointments?date=${TODAY}`, { token: clerk })).status).toBe(403);
  });

  it('the name and phone never reach the ticket, the snapshot or the socket pushes', async () => {
    const a = await bookOk(s, { name: '王大锤', phone: '13700001111' });
    s.clock.advance(50 * MIN);
    const r = await checkIn(s, a.code);
    expect(r.status).toBe(201);
    expect(r.body.appointment).toMatchObject({ name: '王**', phone: '137****1111' });
    const everything = JSON.stringify([r.body.ticket, (await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body, (await api(s.url, 'GET', `/api/tickets/${r.body.ticket.id}`)).body]);
    for (const secret of ['王大锤', '大锤', '13700001111', '0001111']) expect(everything).not.toContain(secret);
  });
});

describe('check-in', () => {
  it('on time: a ticket of channel appointment that counts as arrived at its slot start', async () => {
    const a = await bookOk(s, { slot: '10:00', matters: ['A-02'] });
    s.clock.advance(40 * MIN); // 09:40: early, within 30 minutes of the slot
    const r = await checkIn(s, a.code);
    expect(r.status).toBe(201);
    expect(r.body.ticket).toMatchObject({ queue: 'A', channel: 'appointment', status: 'waiting', matters: ['A-02'], arrivedAt: '2026-11-30T02:00:00.000Z' });
    expect(r.body.appointment).toMatchObject({ status: 'checked_in', ticketId: r.body.ticket.id, ticketNumber: r.body.ticket.number, late: false });
    expect((await getAppointment(a.id)).body.status).toBe('checked_in');
  });

  it('slot ordering: checked in during its slot, it goes before walk-ins who came after the slot began', async () => {
    const token = await openWindow(s, 9);
    const a = await bookOk(s, { slot: '10:00' });
    s.clock.advance(50 * MIN); // 09:50
    const early = (await issue(s)).body; // arrived before the slot: stays ahead
    s.clock.advance(15 * MIN); // 10:05
    const w1 = (await issue(s)).body;
    s.clock.advance(5 * MIN); // 10:10
    const w2 = (await issue(s)).body;
    s.clock.advance(10 * MIN); // 10:20: within the slot
    const r = await checkIn(s, a.code);
    expect(r.body.ticket.ahead).toBe(1);
    const order: string[] = [];
    for (let i = 0; i < 4; i++) order.push((await callNext(s, 9, token))!.number);
    expect(order).toEqual([early.number, r.body.ticket.number, w1.number, w2.number]);
  });

  it('late (after slot end + grace): an ordinary arrival now, flagged late (walk-in rule)', async () => {
    const a = await bookOk(s, { slot: '10:00' });
    s.clock.advance(60 * MIN); // 10:00
    await issue(s);
    s.clock.advance(46 * MIN); // 10:46: slot ended 10:30, grace 15 minutes
    await issue(s);
    const r = await checkIn(s, a.code);
    expect(r.status).toBe(201);
    expect(r.body.ticket.arrivedAt).toBe(new Date(s.clock.now()).toISOString());
    expect(r.body.ticket.ahead).toBe(2);
    expect(r.body.appointment.late).toBe(true);
  });

  it('early and late rules are configurable: late refused, and then the appointment is missed', async () => {
    expect((await setSettings({ late: 'refuse', graceMinutes: 5, earlyMinutes: 10 })).status).toBe(200);
    const a = await bookOk(s, { slot: '10:00' });
    s.clock.advance(45 * MIN); // 09:45: more than 10 minutes early
    const early = await checkIn(s, a.code);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: { code: 'INVALID_STATE', message: expect.stringMatching(/09:50/) } });
    s.clock.advance(51 * MIN); // 10:36: slot end 10:30 + 5 grace passed
    const late = await checkIn(s, a.code);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'INVALID_STATE', message: expect.stringMatching(/missed/) } });
    expect((await getAppointment(a.id)).body.status).toBe('missed');
    expect(await waitingIn(s, 'A')).toBe(0);
  });

  it('appointments not checked in are marked missed after the deadline', async () => {
    const a = await bookOk(s, { slot: '10:00' });
    const b = await bookOk(s, { slot: '11:00' });
    s.clock.set(Date.parse('2026-11-30T03:30:00Z')); // 11:30: 10:00 slot + 30 + 60 passed at 11:30:00.001
    expect((await getAppointment(a.id)).body.status).toBe('booked');
    s.clock.advance(1);
    expect((await getAppointment(a.id)).body).toMatchObject({ status: 'missed', missedAt: expect.any(String) });
    expect((await getAppointment(b.id)).body.status).toBe('booked');
    const missed = await api<Appointment[]>(s.url, 'GET', `/api/appointments?date=${TODAY}&status=missed`, { token: manager });
    expect(missed.body.map((x) => x.id)).toEqual([a.id]);
    const byQueue = async (q: string) => (await api<Appointment[]>(s.url, 'GET', `/api/appointments?date=${TODAY}&queue=${q}`, { token: manager })).body.map((x) => x.id);
    expect(await byQueue('A')).toEqual([a.id, b.id]);
    expect(await byQueue('E')).toEqual([]);
  });

  it('bad input gets a clear message and changes nothing: unknown code, bad code, double check-in, another day, cancelled', async () => {
    const a = await bookOk(s, { slot: '10:00' });
    const tomorrow = await bookOk(s, { date: TOMORROW, slot: '10:00' });
    const cancelled = await bookOk(s, { slot: '11:00' });
    await api(s.url, 'POST', `/api/appointments/${cancelled.id}/cancel`);
    s.clock.advance(50 * MIN);

    const unknown = await checkIn(s, '00000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'NOT_FOUND', reason: 'unknown_code', message: expect.stringMatching(/code/) } });
    expect((await checkIn(s, '12ab')).status).toBe(400);

    expect((await checkIn(s, a.code)).status).toBe(201);
    const before = await waitingIn(s, 'A');
    const twice = await checkIn(s, a.code);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: { code: 'CONFLICT', reason: 'already_checked_in', message: expect.stringMatching(/already checked in \(ticket A\d+\)/) } });
    expect(await waitingIn(s, 'A')).toBe(before);

    const other = await checkIn(s, tomorrow.code);
    expect(other.body).toMatchObject({ error: { code: 'INVALID_STATE', reason: 'not_today', message: expect.stringMatching(/2026-12-01/) } });
    expect((await getAppointment(tomorrow.id)).body.status).toBe('booked');
    expect((await checkIn(s, cancelled.code)).body).toMatchObject({ error: { code: 'INVALID_STATE', reason: 'cancelled', message: expect.stringMatching(/cancelled/) } });
    expect(await waitingIn(s, 'A')).toBe(before);
  });

  it('by the guide: green channel and a note for the clerk; the kiosk cannot add a note', async () => {
    const guide = await login(s.url, 'guide', '1234');
    const a = await bookOk(s, { slot: '10:00' });
    const b = await bookOk(s, { slot: '10:00' });
    s.clock.advance(45 * MIN);
    const g = await checkIn(s, a.code, { token: guide, priority: 'priority', note: '材料齐全' });
    expect(g.status).toBe(201);
    expect(g.body.ticket).toMatchObject({ priority: 'priority', channel: 'appointment', note: '材料齐全' });
    const kiosk = await login(s.url, 'kiosk', 'kiosk');
    const k = await checkIn(s, b.code, { token: kiosk, note: 'sneaky' });
    expect(k.status).toBe(201);
    expect((k.body.ticket as TicketDetail).note).toBeUndefined();
    const clerk = await openWindow(s, 9);
    const detail = await api<TicketDetail>(s.url, 'GET', `/api/tickets/${g.body.ticket.id}`, { token: clerk });
    expect(detail.body.note).toBe('材料齐全');
  });

  it('by the guide with a materials check of the appointment’s matters; a bad material checks nothing in', async () => {
    const guide = await login(s.url, 'guide', '1234');
    const a = await bookOk(s, { slot: '10:00', matters: ['A-01'] });
    s.clock.advance(45 * MIN);
    const bad = await checkIn(s, a.code, { token: guide, checklist: [{ matter: 'A-01', have: ['户口簿'] }] });
    expect([bad.status, (bad.body as unknown as { error: { code: string } }).error.code]).toEqual([400, 'BAD_REQUEST']);
    expect((await getAppointment(a.id)).body.status).toBe('booked');
    const g = await checkIn(s, a.code, { token: guide, checklist: [{ matter: 'A-01', have: ['公司章程'] }] });
    expect(g.status).toBe(201);
    expect(g.body.ticket.checklist).toEqual([{ matter: 'A-01', have: ['公司章程'] }]);
    // From the kiosk the checklist is dropped, like the note.
    const kiosk = await login(s.url, 'kiosk', 'kiosk');
    const b = await bookOk(s, { slot: '10:00', matters: ['A-01'] });
    const k = await checkIn(s, b.code, { token: kiosk, checklist: [{ matter: 'A-01', have: ['公司章程'] }] });
    expect(k.status).toBe(201);
    expect(k.body.ticket.checklist).toBeUndefined();
  });
});

describe('check-in where public ticketing is off', () => {
  it('needs a kiosk, guide or manager token; the refusal changes nothing', async () => {
    expect((await api(s.url, 'PUT', '/api/admin/settings', { token: manager, body: { publicTicketing: false } })).status).toBe(200);
    const a = await bookOk(s, { slot: '10:00' });
    s.clock.advance(45 * MIN);
    const anon = await checkIn(s, a.code);
    expect(anon.status).toBe(401);
    expect((await getAppointment(a.id)).body.status).toBe('booked');
    const kiosk = await login(s.url, 'kiosk', 'kiosk');
    expect((await checkIn(s, a.code, { token: kiosk })).status).toBe(201);
  });
});

describe('settings', () => {
  it('anyone reads them; only a manager changes them; invalid ones are refused and change nothing', async () => {
    const r = await api<CitizenSettings>(s.url, 'GET', '/api/citizen/settings');
    expect(r.body).toMatchObject({ slotMinutes: 30, earlyMinutes: 30, graceMinutes: 15, late: 'walk_in' });
    const guide = await login(s.url, 'guide', '1234');
    expect((await api(s.url, 'PUT', '/api/citizen/settings', { token: guide, body: { slotMinutes: 15 } })).status).toBe(403);
    expect((await api(s.url, 'PUT', '/api/citizen/settings', { body: { slotMinutes: 15 } })).status).toBe(401);
    const bad = await setSettings({ graceMinutes: 30, missedAfterMinutes: 10 });
    expect(bad.status).toBe(400);
    expect((await setSettings({ sessions: [{ start: '12:00', end: '09:00' }] })).status).toBe(400);
    expect((await api<CitizenSettings>(s.url, 'GET', '/api/citizen/settings')).body.graceMinutes).toBe(15);
    const good = await setSettings({ slotMinutes: 15 });
    expect(good.body.slotMinutes).toBe(15);
    // Audited like every manager action: who, and before → after.
    const audit = await api<{ type: string; actor: { username?: string }; before?: { slotMinutes: number }; after?: { slotMinutes: number } }[]>(
      s.url, 'GET', '/api/admin/audit?limit=5', { token: manager },
    );
    expect(audit.body.find((e) => e.type === 'CitizenSettingsChanged')).toMatchObject({ actor: { username: 'admin' }, before: { slotMinutes: 30 }, after: { slotMinutes: 15 } });
    const slots = await api<SlotList>(s.url, 'GET', `/api/appointments/slots?date=${TOMORROW}&queue=A`);
    expect(slots.body.slots.slice(0, 3).map((x) => x.slot)).toEqual(['09:00', '09:15', '09:30']);
  });
});
