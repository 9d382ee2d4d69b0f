/**
 * 爽约 over the wire: three missed appointments of one phone block its booking (the platform's
 * and staff's alike) with reason `missed_limit` and the date it ends; other phones book; the
 * block ends; the three settings are validated and audited. A real server with a manual clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appointment, BlockedPhone, CitizenSettings } from '../../shared/citizen';
import type { ApiError } from '../../shared/errors';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { book, bookOk, nextPhone, TODAY } from './support';

let s: TestServer;
let manager: string;

beforeEach(async () => {
  s = await startTestServer();
  manager = await login(s.url, 'admin', 'admin');
});
afterEach(async () => {
  await s.close();
});

const setSettings = (patch: Record<string, unknown>) => api<CitizenSettings & { error?: ApiError }>(s.url, 'PUT', '/api/citizen/settings', { token: manager, body: patch });
/** Moves the clock to 09:00 Shanghai of that date; signs the manager in again (tokens expire). */
async function moveTo(date: string): Promise<void> {
  s.clock.set(Date.parse(`${date}T01:00:00Z`));
  manager = await login(s.url, 'admin', 'admin');
}

/** Books `phone` on Mon 11-30, Tue 12-01 and Wed 12-02 at 10:00, then lets the clock reach Thursday 09:00. */
async function missThree(phone: string): Promise<Appointment[]> {
  const booked = [await bookOk(s, { phone, date: TODAY }), await bookOk(s, { phone, date: '2026-12-01' }), await bookOk(s, { phone, date: '2026-12-02' })];
  await moveTo('2026-12-03');
  return booked;
}

describe('爽约: missed appointments block booking', () => {
  it('the fourth booking after three misses is refused with missed_limit and the date; other phones book; the block ends', async () => {
    const phone = nextPhone();
    const missed = await missThree(phone);

    // Nothing has read the appointments since: the booking itself marks them missed before counting.
    const refused = await book(s, { phone, date: '2026-12-04' });
    expect(refused.status).toBe(409);
    const error = (refused.body as unknown as { error: ApiError }).error;
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'missed_limit' });
    // Last miss 12-02 + 30 days.
    expect(error.message).toMatch(/missed 3 appointments between 2026-11-30 and 2026-12-02/);
    expect(error.message).toMatch(/blocked until 2027-01-01 .*again from 2027-01-02/);
    for (const a of missed) {
      expect((await api<Appointment>(s.url, 'GET', `/api/appointments/${a.id}`)).body.status).toBe('missed');
    }

    // Staff booking on the citizen's behalf are held to the same rule.
    const byManager = await book(s, { phone, date: '2026-12-04' }, manager);
    expect(byManager.status).toBe(409);
    expect((byManager.body as unknown as { error: ApiError }).error.reason).toBe('missed_limit');
    const guide = await login(s.url, 'guide', '1234');
    expect((await book(s, { phone, date: '2026-12-04' }, guide)).status).toBe(409);

    // Another phone books the same slot; the refusals took no place.
    expect((await book(s, { date: '2026-12-04' })).status).toBe(201);
    const listed = await api<Appointment[]>(s.url, 'GET', '/api/appointments?date=2026-12-04', { token: manager });
    expect(listed.body.map((a) => a.phone)).not.toContain(phone);

    // The block's last day (Fri 2027-01-01): still refused; the next Monday's booking on Sat 01-02 works.
    await moveTo('2027-01-01');
    expect((await book(s, { phone, date: '2027-01-04' })).status).toBe(409);
    await moveTo('2027-01-02');
    const again = await book(s, { phone, date: '2027-01-04' });
    expect(again.status).toBe(201);
    expect(again.body.status).toBe('booked');
  });

  it('managers see the blocked numbers in full, with the dates; nobody else does', async () => {
    const blockedPhone = nextPhone();
    await missThree(blockedPhone);
    const twoMisses = nextPhone();
    // Two misses of another phone (booked after the clock moved: Thu and Fri), then Monday.
    await bookOk(s, { phone: twoMisses, date: '2026-12-03' });
    await bookOk(s, { phone: twoMisses, date: '2026-12-04' });
    await moveTo('2026-12-07');

    const list = await api<BlockedPhone[]>(s.url, 'GET', '/api/appointments/blocked', { token: manager });
    expect(list.status).toBe(200);
    expect(list.body).toEqual([{ phone: blockedPhone, name: expect.any(String), count: 3, from: '2026-11-30', last: '2026-12-02', until: '2027-01-01' }]);
    expect(list.body[0]!.phone).not.toContain('*'); // in full: the centre calls the citizen
    const guide = await login(s.url, 'guide', '1234');
    expect((await api(s.url, 'GET', '/api/appointments/blocked', { token: guide })).status).toBe(403);
    expect((await api(s.url, 'GET', '/api/appointments/blocked')).status).toBe(401);

    await moveTo('2027-01-02'); // the block is over
    expect((await api<BlockedPhone[]>(s.url, 'GET', '/api/appointments/blocked', { token: manager })).body).toEqual([]);
  });

  it('two misses, or cancelled appointments, do not block', async () => {
    const phone = nextPhone();
    await bookOk(s, { phone, date: TODAY });
    await bookOk(s, { phone, date: '2026-12-01' });
    const third = await bookOk(s, { phone, date: '2026-12-02' });
    expect((await api(s.url, 'POST', `/api/appointments/${third.id}/cancel`)).status).toBe(200);
    await moveTo('2026-12-03');
    expect((await book(s, { phone, date: '2026-12-04' })).status).toBe(201);
  });

  it('limit 0 turns the rule off; a limit of 2 blocks after two', async () => {
    const phone = nextPhone();
    await missThree(phone);
    expect((await setSettings({ missedLimit: 0 })).status).toBe(200);
    expect((await book(s, { phone, date: '2026-12-04' })).status).toBe(201);

    const other = nextPhone();
    await moveTo('2026-12-07');
    await bookOk(s, { phone: other, date: '2026-12-07', slot: '10:00' });
    await bookOk(s, { phone: other, date: '2026-12-08' });
    await moveTo('2026-12-09');
    expect((await setSettings({ missedLimit: 2, missedBlockDays: 7 })).status).toBe(200);
    const r = await book(s, { phone: other, date: '2026-12-10' });
    expect(r.status).toBe(409);
    expect((r.body as unknown as { error: ApiError }).error.message).toMatch(/blocked until 2026-12-15/);
  });

  it('the three settings: defaults, bounds refused with a message and nothing changed, the change audited', async () => {
    const r = await api<CitizenSettings>(s.url, 'GET', '/api/citizen/settings');
    expect(r.body).toMatchObject({ missedLimit: 3, missedWindowDays: 30, missedBlockDays: 30 });
    for (const bad of [{ missedLimit: -1 }, { missedLimit: 21 }, { missedLimit: 1.5 }, { missedWindowDays: 0 }, { missedWindowDays: 366 }, { missedBlockDays: 0 }, { missedBlockDays: '30' }]) {
      const res = await setSettings(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error?.message).toMatch(/^missed(Limit|WindowDays|BlockDays): /);
    }
    expect((await api<CitizenSettings>(s.url, 'GET', '/api/citizen/settings')).body).toMatchObject({ missedLimit: 3, missedWindowDays: 30, missedBlockDays: 30 });
    const guide = await login(s.url, 'guide', '1234');
    expect((await api(s.url, 'PUT', '/api/citizen/settings', { token: guide, body: { missedLimit: 5 } })).status).toBe(403);

    const good = await setSettings({ missedLimit: 5, missedWindowDays: 60, missedBlockDays: 14 });
    expect(good.body).toMatchObject({ missedLimit: 5, missedWindowDays: 60, missedBlockDays: 14 });
    const audit = await api<{ type: string; actor: { username?: string }; before?: Partial<CitizenSettings>; after?: Partial<CitizenSettings> }[]>(
      s.url, 'GET', '/api/admin/audit?limit=5', { token: manager },
    );
    expect(audit.body.find((e) => e.type === 'CitizenSettingsChanged')).toMatchObject({
      actor: { username: 'admin' },
      before: { missedLimit: 3, missedWindowDays: 30, missedBlockDays: 30 },
      after: { missedLimit: 5, missedWindowDays: 60, missedBlockDays: 14 },
    });
  });
});
