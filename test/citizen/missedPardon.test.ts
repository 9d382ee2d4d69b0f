/**
 * 解除限制 over the wire: a manager pardons one blocked phone with a reason; it books again and
 * leaves the blocked list; the misses before the pardon no longer count but later ones do; the
 * pardon is audited; guides, clerks and anonymous callers are refused; a bad body or a phone that
 * is not blocked changes nothing. A real server with a manual clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appointment, BlockedPhone, MissedPardon } from '../../shared/citizen';
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

async function moveTo(date: string): Promise<void> {
  s.clock.set(Date.parse(`${date}T01:00:00Z`));
  manager = await login(s.url, 'admin', 'admin');
}

/** Three misses (Mon–Wed at 10:00), then Thursday 09:00: the phone is blocked until 2027-01-01. */
async function missThree(phone: string): Promise<void> {
  await bookOk(s, { phone, date: TODAY, name: '李四' });
  await bookOk(s, { phone, date: '2026-12-01', name: '李四' });
  await bookOk(s, { phone, date: '2026-12-02', name: '李四' });
  await moveTo('2026-12-03');
}

const pardon = (body: unknown, token: string | undefined = manager) =>
  api<MissedPardon & { error?: ApiError }>(s.url, 'POST', '/api/appointments/pardons', { ...(token ? { token } : {}), body });
const blocked = async () => (await api<BlockedPhone[]>(s.url, 'GET', '/api/appointments/blocked', { token: manager })).body;

describe('解除限制: a manager pardons one blocked phone', () => {
  it('lifts the block: the phone books again and leaves the list; another blocked phone stays blocked', async () => {
    const phone = nextPhone();
    const other = nextPhone();
    await bookOk(s, { phone: other, date: TODAY, slot: '11:00' });
    await bookOk(s, { phone: other, date: '2026-12-01', slot: '11:00' });
    await bookOk(s, { phone: other, date: '2026-12-02', slot: '11:00' });
    await missThree(phone);
    expect((await blocked()).map((b) => b.phone).sort()).toEqual([phone, other].sort());
    expect((await book(s, { phone, date: '2026-12-04' })).status).toBe(409);

    const r = await pardon({ phone, reason: '  住院，有医院证明  ' });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      phone,
      reason: '住院，有医院证明',
      at: new Date(s.clock.now()).toISOString(),
      by: expect.any(String),
      lifted: { phone, name: '李四', count: 3, from: '2026-11-30', last: '2026-12-02', until: '2027-01-01' },
    });

    expect((await blocked()).map((b) => b.phone)).toEqual([other]);
    const again = await book(s, { phone, date: '2026-12-04' });
    expect(again.status).toBe(201);
    expect((await book(s, { phone: other, date: '2026-12-04' })).status).toBe(409);
    // The pardoned misses stay missed: the record is not rewritten, only the block is lifted.
    const listed = await api<Appointment[]>(s.url, 'GET', '/api/appointments?date=2026-12-02', { token: manager });
    expect(listed.body.find((a) => a.phone === phone)?.status).toBe('missed');
  });

  it('later misses count again: three new ones block the phone anew; one or two do not', async () => {
    const phone = nextPhone();
    await missThree(phone);
    expect((await pardon({ phone, reason: '系统故障导致未能签到' })).status).toBe(201);

    // Thu, Fri, Mon missed after the pardon: two are not enough (with the three old ones they would be).
    await bookOk(s, { phone, date: '2026-12-03' });
    await bookOk(s, { phone, date: '2026-12-04' });
    await moveTo('2026-12-07');
    expect(await blocked()).toEqual([]);
    await bookOk(s, { phone, date: '2026-12-07' });
    await moveTo('2026-12-08');
    const r = await book(s, { phone, date: '2026-12-09' });
    expect(r.status).toBe(409);
    expect((r.body as unknown as { error: ApiError }).error.message).toMatch(/missed 3 appointments between 2026-12-03 and 2026-12-07/);
    expect((await blocked()).map((b) => [b.phone, b.from, b.until])).toEqual([[phone, '2026-12-03', '2027-01-06']]);
  });

  it('an appointment overdue but not yet marked when the pardon comes is forgiven with the rest', async () => {
    const phone = nextPhone();
    await bookOk(s, { phone, date: TODAY });
    await bookOk(s, { phone, date: '2026-12-01' });
    await bookOk(s, { phone, date: '2026-12-02' });
    // Wednesday 12:00: the 10:00 slot's check-in window closed at 11:30; nothing has marked it yet.
    s.clock.set(Date.parse('2026-12-02T04:00:00Z'));
    manager = await login(s.url, 'admin', 'admin');
    expect((await pardon({ phone, reason: '家人生病' })).status).toBe(201);
    expect((await book(s, { phone, date: '2026-12-03' })).status).toBe(201);
  });

  it('is audited: who, the block lifted and the reason — the number and name masked (the log is kept for ever)', async () => {
    const phone = nextPhone();
    await missThree(phone);
    await pardon({ phone, reason: '大厅叫号系统故障' });
    const audit = await api<{ type: string; actor: { username?: string }; before?: unknown; after?: unknown }[]>(s.url, 'GET', '/api/admin/audit?limit=5', { token: manager });
    const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
    const entry = audit.body.find((e) => e.type === 'MissedBlockPardoned');
    expect(entry).toMatchObject({
      actor: { username: 'admin' },
      before: { phone: masked, name: '李*', count: 3, until: '2027-01-01' },
      after: { phone: masked, reason: '大厅叫号系统故障' },
    });
    expect(JSON.stringify(entry)).not.toContain(phone);
  });

  it('refuses staff who are not managers, anonymous callers, a bad body and a phone that is not blocked; nothing changes', async () => {
    const phone = nextPhone();
    await missThree(phone);
    const guide = await login(s.url, 'guide', '1234');
    const clerk = await login(s.url, 'c01', '1234');
    expect((await pardon({ phone, reason: '想再约' }, guide)).status).toBe(403);
    expect((await pardon({ phone, reason: '想再约' }, clerk)).status).toBe(403);
    expect((await api(s.url, 'POST', '/api/appointments/pardons', { body: { phone, reason: '想再约' } })).status).toBe(401);

    for (const [bad, field] of [
      [{ phone }, 'reason'],
      [{ phone, reason: '   ' }, 'reason'],
      [{ phone, reason: '很'.repeat(201) }, 'reason'],
      [{ phone: '12345', reason: '原因' }, 'phone'],
      [{ reason: '原因' }, 'phone'],
    ] as const) {
      const r = await pardon(bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error?.message).toMatch(new RegExp(`^${field}: `));
    }
    const notBlocked = await pardon({ phone: nextPhone(), reason: '原因' });
    expect(notBlocked.status).toBe(409);
    expect(notBlocked.body.error).toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(/not blocked/) });

    expect((await blocked()).map((b) => b.phone)).toEqual([phone]);
    const audit = await api<{ type: string }[]>(s.url, 'GET', '/api/admin/audit?limit=20', { token: manager });
    expect(audit.body.filter((e) => e.type === 'MissedBlockPardoned')).toEqual([]);
    // Pardoned once, the phone is no longer blocked: a second pardon is refused.
    expect((await pardon({ phone, reason: '原因' })).status).toBe(201);
    expect((await pardon({ phone, reason: '原因' })).status).toBe(409);
  });
});
