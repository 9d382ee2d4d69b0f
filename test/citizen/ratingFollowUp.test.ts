/**
 * The follow-up (整改) of a 差评: the rules as tables (which ratings take one, what a note may
 * be, the 整改率), then over the wire with a real server and a database file — a citizen rates
 * 1★ with reasons, a manager records what was done, the list and the audit log show it, a clerk
 * and a 4★ rating are refused, and a restart keeps it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import { FollowUpBody, type RatingList, type RatingRecord } from '../../shared/ratings';
import type { Ticket } from '../../shared/schemas';
import { checkFollowUp, followUpFigures } from '../../server/citizen/rules';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';
import { callNext, complete, issue, MIN, openWindow, TODAY } from './support';

describe('follow-up rules', () => {
  it.each([
    [1, 'ok'],
    [2, 'ok'],
    [3, 'INVALID_STATE'],
    [4, 'INVALID_STATE'],
    [5, 'INVALID_STATE'],
  ])('a %i★ rating → %s', (score, expected) => {
    const r = checkFollowUp(score);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });

  const notes: [string, unknown, string | null][] = [
    ['a note', '已电话联系群众，解释材料要求并致歉', '已电话联系群众，解释材料要求并致歉'],
    ['spaces around', '  已回访  ', '已回访'],
    ['one character', '好', '好'],
    ['500 characters', '整'.repeat(500), '整'.repeat(500)],
    ['501 characters', '整'.repeat(501), null],
    ['501 with spaces trimmed to 500', ` ${'整'.repeat(500)} `, '整'.repeat(500)],
    ['empty', '', null],
    ['only spaces', '   ', null],
    ['a number', 5, null],
    ['missing', undefined, null],
  ];
  it.each(notes)('note: %s', (_name, note, expected) => {
    const r = FollowUpBody.safeParse(note === undefined ? {} : { note });
    expect(r.success ? r.data.note : null).toBe(expected);
  });

  const figures: [string, { score: number; handled: boolean }[], { complaints: number; handled: number; rate: number | null }][] = [
    ['no ratings', [], { complaints: 0, handled: 0, rate: null }],
    ['only good ones', [{ score: 5, handled: false }, { score: 3, handled: false }], { complaints: 0, handled: 0, rate: null }],
    ['one open 差评', [{ score: 1, handled: false }, { score: 4, handled: false }], { complaints: 1, handled: 0, rate: 0 }],
    [
      'one of two handled',
      [
        { score: 1, handled: true },
        { score: 2, handled: false },
        { score: 5, handled: false },
      ],
      { complaints: 2, handled: 1, rate: 0.5 },
    ],
    ['all handled', [{ score: 2, handled: true }], { complaints: 1, handled: 1, rate: 1 }],
  ];
  it.each(figures)('整改率: %s', (_name, ratings, expected) => expect(followUpFigures(ratings)).toEqual(expected));
});

interface ErrorBody {
  error: { code: string; message: string };
}

/** A ticket of queue A served to the end at window 9 by `clerk`, then rated as given. */
async function servedAndRated(s: TestServer, clerk: string, rating: unknown): Promise<Ticket> {
  const t = (await issue(s)).body;
  await callNext(s, 9, clerk);
  s.clock.advance(5 * MIN);
  const done = await complete(s, 9, clerk);
  const r = await api(s.url, 'POST', `/api/tickets/${t.id}/rating`, { body: rating });
  expect(r.status).toBe(201);
  return done;
}

const followUp = (s: TestServer, id: string, token: string | undefined, body: unknown) =>
  api<RatingRecord & ErrorBody>(s.url, 'PUT', `/api/ratings/${id}/follow-up`, { ...(token ? { token } : {}), body });
const list = (s: TestServer, token: string) => api<RatingList>(s.url, 'GET', `/api/ratings?date=${TODAY}`, { token });

describe('following up a 差评 over the wire', () => {
  it('a manager records what was done; refusals change nothing; audited; kept over a restart', async () => {
    const dbPath = join(tempDir('followup-'), 'hall.db');
    const first = await startTestServer({ dbPath });
    const clerk = await openWindow(first, 9, 'c05');
    const admin = await login(first.url, 'admin', 'admin');
    const bad = await servedAndRated(first, clerk, { score: 1, reasons: ['attitude', 'other'], comment: '态度生硬' });
    const open = await servedAndRated(first, clerk, { score: 2, reasons: ['slow'] });
    const good = await servedAndRated(first, clerk, { score: 4 });

    // Before: both 差评 open, the good one has no follow-up at all; 整改率 0.
    const before = await list(first, admin);
    expect(before.body.followUp).toEqual({ complaints: 2, handled: 0, rate: 0 });
    expect(before.body.ratings.find((r) => r.ticketId === bad.id)?.followUp).toEqual({ status: 'open' });
    expect(before.body.ratings.find((r) => r.ticketId === good.id)).not.toHaveProperty('followUp');

    // Refusals: a clerk (403), no token (401), a 4★ rating (409), a bad note (400), no rating (404).
    const refusals: [string, string | undefined, string, unknown, number, string][] = [
      ['a clerk', clerk, bad.id, { note: '已回访' }, 403, 'FORBIDDEN'],
      ['no token', undefined, bad.id, { note: '已回访' }, 401, 'UNAUTHORIZED'],
      ['a 4★ rating', admin, good.id, { note: '已回访' }, 409, 'INVALID_STATE'],
      ['an empty note', admin, bad.id, { note: '  ' }, 400, 'BAD_REQUEST'],
      ['a long note', admin, bad.id, { note: 'x'.repeat(501) }, 400, 'BAD_REQUEST'],
      ['no note', admin, bad.id, {}, 400, 'BAD_REQUEST'],
      ['an unknown ticket', admin, 'NoSuchTicket000000000', { note: '已回访' }, 404, 'NOT_FOUND'],
      ['a malformed id', admin, 'x', { note: '已回访' }, 404, 'NOT_FOUND'],
    ];
    for (const [name, token, id, body, status, code] of refusals) {
      const r = await followUp(first, id, token, body);
      expect([name, r.status, r.body.error?.code]).toEqual([name, status, code]);
    }
    expect((await list(first, admin)).body.followUp).toEqual({ complaints: 2, handled: 0, rate: 0 });

    // Recorded: handled, with the note trimmed, who and when.
    first.clock.advance(30 * MIN);
    const ok = await followUp(first, bad.id, admin, { note: '  已电话回访群众并致歉，对窗口人员进行批评教育  ' });
    expect(ok.status).toBe(200);
    expect(ok.body.followUp).toMatchObject({
      status: 'handled',
      note: '已电话回访群众并致歉，对窗口人员进行批评教育',
      byName: expect.any(String),
      at: new Date(first.clock.now()).toISOString(),
    });
    const after = await list(first, admin);
    expect(after.body.followUp).toEqual({ complaints: 2, handled: 1, rate: 0.5 });
    expect(after.body.ratings.find((r) => r.ticketId === bad.id)?.followUp).toEqual(ok.body.followUp);
    expect(after.body.ratings.find((r) => r.ticketId === open.id)?.followUp).toEqual({ status: 'open' });
    // The citizen's own view of the rating carries no follow-up.
    expect((await api(first.url, 'GET', `/api/tickets/${bad.id}/rating`)).body).not.toHaveProperty('followUp');

    // Corrected: the note replaces the old one; the audit log has both changes, before → after.
    const fixed = await followUp(first, bad.id, admin, { note: '已回访，群众表示理解' });
    expect(fixed.body.followUp?.note).toBe('已回访，群众表示理解');
    const audit = await api<AuditEntry[]>(first.url, 'GET', '/api/admin/audit?limit=50', { token: admin });
    const entries = audit.body.filter((e) => e.type === 'RatingFollowedUp');
    expect(entries).toHaveLength(2);
    expect(entries[1]?.data).toMatchObject({ before: { number: bad.number, status: 'open' }, after: { number: bad.number, status: 'handled' } });
    expect(entries[0]?.data).toMatchObject({ before: { note: '已电话回访群众并致歉，对窗口人员进行批评教育' }, after: { note: '已回访，群众表示理解' } });
    expect(entries[0]?.actor.username).toBe('admin');

    // Reopened and recorded again: the reopening is audited too; reopening an open one changes nothing.
    const reopened = await api<RatingRecord>(first.url, 'DELETE', `/api/ratings/${open.id}/follow-up`, { token: admin });
    expect([reopened.status, reopened.body.followUp]).toEqual([200, { status: 'open' }]);
    await followUp(first, open.id, admin, { note: '已核实：当日系统故障' });
    expect((await api(first.url, 'DELETE', `/api/ratings/${open.id}/follow-up`, { token: clerk })).status).toBe(403);
    expect((await api(first.url, 'DELETE', `/api/ratings/${open.id}/follow-up`, { token: admin })).status).toBe(200);
    const reopenAudit = await api<AuditEntry[]>(first.url, 'GET', '/api/admin/audit?limit=50', { token: admin });
    expect(reopenAudit.body.filter((e) => e.type === 'RatingFollowUpReopened')).toHaveLength(1);
    await first.close();

    const second = await startTestServer({ dbPath });
    const admin2 = await login(second.url, 'admin', 'admin');
    const kept = await list(second, admin2);
    expect(kept.body.followUp).toEqual({ complaints: 2, handled: 1, rate: 0.5 });
    expect(kept.body.ratings.find((r) => r.ticketId === bad.id)?.followUp).toMatchObject({ status: 'handled', note: '已回访，群众表示理解' });
    await second.close();
  }, 30_000);
});
