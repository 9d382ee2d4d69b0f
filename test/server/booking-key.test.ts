import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ bookingKey: 'province-platform-secret' });
});
afterAll(() => s.close());

const booking = (phone: string) => ({ date: '2026-11-30', slot: '10:00', queue: 'A', name: '张三', phone });

describe('appointment booking behind a platform key (HALL_BOOKING_KEY)', () => {
  it('refuses anonymous and wrong-key bookings, accepts the platform key and staff', async () => {
    const anonymous = await api<{ error: { code: string } }>(s.url, 'POST', '/api/appointments', { body: booking('13800000001') });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    const wrong = await api(s.url, 'POST', '/api/appointments', { body: booking('13800000002'), headers: { 'x-booking-key': 'guess' } });
    expect(wrong.status).toBe(401);
    const platform = await api(s.url, 'POST', '/api/appointments', { body: booking('13800000003'), headers: { 'x-booking-key': 'province-platform-secret' } });
    expect(platform.status).toBe(201);
    const guide = await login(s.url, 'guide', '1234');
    expect((await api(s.url, 'POST', '/api/appointments', { token: guide, body: booking('13800000004') })).status).toBe(201);
  });
});
