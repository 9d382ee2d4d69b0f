/** Shortcuts for the citizen-side server tests: book, check in, serve a ticket to the end. */
import type { Appointment, CheckInResult } from '../../shared/citizen';
import type { GuideChecklist, Snapshot, Ticket } from '../../shared/schemas';
import { api, login, type TestServer } from '../support/server';

export const MIN = 60_000;
/** Test clock start: Monday 2026-11-30 09:00 Shanghai (= TEST_START). */
export const TODAY = '2026-11-30';
export const TOMORROW = '2026-12-01';

export interface Booking {
  date?: string;
  slot?: string;
  queue?: string;
  matters?: string[];
  name?: string;
  phone?: string;
}

let phoneSeq = 0;
/** A fresh valid mobile number per call, so bookings never clash by accident. */
export const nextPhone = (): string => `139${String(10_000_000 + ++phoneSeq).slice(-8)}`;

export function book(s: TestServer, b: Booking = {}, token?: string) {
  return api<Appointment>(s.url, 'POST', '/api/appointments', {
    ...(token ? { token } : {}),
    body: { date: TODAY, slot: '10:00', queue: 'A', name: '张三', phone: nextPhone(), ...b },
  });
}

export async function bookOk(s: TestServer, b: Booking = {}): Promise<Appointment> {
  const r = await book(s, b);
  if (r.status !== 201) throw new Error(`booking failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export function checkIn(
  s: TestServer,
  code: string,
  opts: { token?: string; priority?: 'normal' | 'priority'; note?: string; checklist?: GuideChecklist } = {},
) {
  const { token, ...rest } = opts;
  return api<CheckInResult>(s.url, 'POST', '/api/appointments/check-in', { ...(token ? { token } : {}), body: { code, ...rest } });
}

export function issue(s: TestServer, queue = 'A') {
  return api<Ticket>(s.url, 'POST', '/api/tickets', { body: { queue } });
}

export async function waitingIn(s: TestServer, queue: string): Promise<number> {
  const snap = await api<Snapshot>(s.url, 'GET', '/api/snapshot');
  return snap.body.queues.find((q) => q.code === queue)?.waiting ?? -1;
}

/** Signs clerk `user` in at window `no` and returns the token. */
export async function openWindow(s: TestServer, no: number, user = 'c01'): Promise<string> {
  const token = await login(s.url, user, '1234');
  const r = await api(s.url, 'POST', `/api/windows/${no}/session`, { token });
  if (r.status !== 200) throw new Error(`sign-in at ${no} failed: ${r.status}`);
  return token;
}

export async function callNext(s: TestServer, no: number, token: string): Promise<Ticket | null> {
  const r = await api<Ticket>(s.url, 'POST', `/api/windows/${no}/next`, { token, body: {} });
  return r.status === 204 ? null : r.body;
}

export async function complete(s: TestServer, no: number, token: string): Promise<Ticket> {
  const r = await api<Ticket>(s.url, 'POST', `/api/windows/${no}/complete`, { token });
  if (r.status !== 200) throw new Error(`complete failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
