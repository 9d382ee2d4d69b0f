/**
 * 容缺受理 over the wire: the clerk serving a ticket accepts a matter with 可容缺 materials missing
 * (REST and socket), a double press gets the first record, another clerk is refused, a key
 * material missing is refused with its reason, the 台账 lists and counts (逾期 at a later day),
 * 已补齐 and 撤销 are audited with the citizen's data masked, and the 个人信息保存期限 clean-up masks
 * the applicant's name and phone.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import type { RetentionStatus } from '../../shared/citizen';
import type { Deferral } from '../../shared/deferral';
import type { Ticket } from '../../shared/schemas';
import { api, connectClient, login } from '../support/server';
import { closedAfterEach, create, errorOf, list, servingE02 as serving, type Body } from './support';

const after = closedAfterEach();

/** The shared start, closed after each test. */
async function servingE02() {
  const r = await serving();
  after.server(r.s);
  return r;
}

describe('容缺受理 (deferral)', () => {
  it('records what is missing with its deadline; a double press and a second panel get the same record', async () => {
    const { s, clerk, ticket } = await servingE02();
    const r = await create(s, clerk, { ticketId: ticket.id, matterId: 'E-02', missing: ['异地居住证明'], days: 7, name: ' 张三 ', phone: '13812345678' });
    expect(r.status).toBe(201);
    const rec = r.body as Deferral;
    expect(rec).toMatchObject({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      matterId: 'E-02',
      matterName: '医保异地就医备案',
      missing: ['异地居住证明'],
      serviceDay: '2026-11-30',
      days: 7,
      deadline: '2026-12-07',
      name: '张三',
      phone: '13812345678',
      windowNo: 3,
      createdAt: '2026-11-30T01:00:00.000Z',
      status: 'pending',
      state: 'pending',
      overdueDays: 0,
    });
    expect(rec.clerk.id).not.toBe(rec.clerk.name);

    // The same press again (REST), then over the clerk's socket: the first record, nothing new.
    const again = await create(s, clerk, { ticketId: ticket.id, matterId: 'E-02', missing: ['异地居住证明'] });
    expect((again.body as Deferral).id).toBe(rec.id);
    const panel = await connectClient(s.url, clerk);
    after.socket(panel.socket);
    const viaSocket = await panel.socket.emitWithAck('deferral:create', { ticketId: ticket.id, matterId: 'E-02', missing: ['异地居住证明'] });
    expect(viaSocket.ok && viaSocket.data.id).toBe(rec.id);
    expect((await list(s, clerk)).items.map((d) => d.id)).toEqual([rec.id]);
  });

  it('refuses another clerk, a guide, a key material missing, a matter not of the ticket and bad input', async () => {
    const { s, clerk, ticket } = await servingE02();
    const other = await login(s.url, 'c04', '1234');
    const guide = await login(s.url, 'guide', '1234');
    const body = { ticketId: ticket.id, matterId: 'E-02', missing: ['异地居住证明'] };
    const wrong = await create(s, other, body);
    expect([wrong.status, errorOf(wrong).code]).toEqual([403, 'FORBIDDEN']);
    expect((await create(s, guide, body)).status).toBe(403);
    expect((await create(s, '', body)).status).toBe(401);

    const key = await create(s, clerk, { ...body, missing: ['身份证', '异地居住证明'] });
    expect(key.status).toBe(409);
    expect(errorOf(key)).toEqual({ code: 'INVALID_STATE', message: '缺少必要材料 身份证，不能容缺', reason: 'not_deferrable' });
    expect((await create(s, clerk, { ...body, matterId: 'E-01' })).status).toBe(400);
    expect((await create(s, clerk, { ...body, missing: ['户口簿'] })).status).toBe(400);
    expect((await create(s, clerk, { ...body, days: 31 })).status).toBe(400);
    expect((await create(s, clerk, { ...body, phone: '12345' })).status).toBe(400);
    expect((await create(s, clerk, { ...body, ticketId: 'nope' })).status).toBe(404);
    expect((await list(s, clerk)).items).toEqual([]);
  });

  it('lists newest first with counts, turns 逾期 after the deadline, is marked 已补齐 by any clerk and withdrawn by a manager, all audited with the name and phone masked', async () => {
    const { s, clerk, ticket } = await servingE02();
    const first = (await create(s, clerk, { ticketId: ticket.id, matterId: 'E-02', missing: ['异地居住证明'], days: 1, name: '张三', phone: '13812345678' })).body as Deferral;
    // A second citizen, a day later, with 5 days.
    expect((await api(s.url, 'POST', '/api/windows/3/complete', { token: clerk })).status).toBe(200);
    s.clock.set(Date.parse('2026-12-01T02:00:00Z'));
    // Sessions end with their day: fresh tokens.
    const admin2 = await login(s.url, 'admin', 'admin');
    const ticket2 = (await api<Ticket>(s.url, 'POST', '/api/tickets', { token: admin2, body: { queue: 'E', matters: ['E-02'] } })).body;
    const clerkAgain = await login(s.url, 'c03', '1234');
    // A new day closes the windows: the clerk signs in again.
    await api(s.url, 'POST', '/api/windows/3/session', { token: clerkAgain });
    expect((await api<Ticket>(s.url, 'POST', '/api/windows/3/next', { token: clerkAgain })).body.id).toBe(ticket2.id);
    const second = (await create(s, clerkAgain, { ticketId: ticket2.id, matterId: 'E-02', missing: ['异地居住证明'] })).body as Deferral;
    expect(second.deadline).toBe('2026-12-06');

    s.clock.set(Date.parse('2026-12-03T02:00:00Z'));
    const manager = await login(s.url, 'admin', 'admin');
    const all = await list(s, manager);
    expect(all.today).toBe('2026-12-03');
    expect(all.items.map((d) => [d.id, d.state, d.overdueDays])).toEqual([
      [second.id, 'pending', 0],
      [first.id, 'overdue', 2],
    ]);
    expect(all.counts).toEqual({ pending: 2, overdue: 1 });
    expect((await list(s, manager, '?filter=overdue')).items.map((d) => d.id)).toEqual([first.id]);
    expect((await list(s, manager, '?q=13812')).items.map((d) => d.id)).toEqual([first.id]);
    // Numbers start again each day: both are E001.
    expect(ticket2.number).toBe(ticket.number);
    expect((await list(s, manager, `?q=${ticket2.number}`)).items.map((d) => d.id)).toEqual([second.id, first.id]);

    // The citizen comes back to another window: any clerk marks it brought; twice changes nothing.
    const other = await login(s.url, 'c07', '1234');
    const done = await api<Body<Deferral>>(s.url, 'POST', `/api/deferrals/${first.id}/done`, { token: other });
    expect(done.body).toMatchObject({ status: 'done', state: 'done', overdueDays: 0, closedAt: '2026-12-03T02:00:00.000Z' });
    expect((done.body as Deferral).closedBy?.id).toBeTruthy();
    expect((await api<Deferral>(s.url, 'POST', `/api/deferrals/${first.id}/done`, { token: other })).body.closedAt).toBe('2026-12-03T02:00:00.000Z');
    // Withdrawing: managers only, with a reason; a withdrawn one cannot be brought.
    expect((await api(s.url, 'POST', `/api/deferrals/${second.id}/cancel`, { token: other, body: { reason: '放弃' } })).status).toBe(403);
    expect((await api(s.url, 'POST', `/api/deferrals/${second.id}/cancel`, { token: manager, body: { reason: ' ' } })).status).toBe(400);
    const gone = await api<Deferral>(s.url, 'POST', `/api/deferrals/${second.id}/cancel`, { token: manager, body: { reason: '群众放弃办理' } });
    expect(gone.body).toMatchObject({ status: 'cancelled', cancelReason: '群众放弃办理' });
    expect((await api(s.url, 'POST', `/api/deferrals/${second.id}/done`, { token: other })).status).toBe(409);
    expect((await api(s.url, 'POST', `/api/deferrals/${first.id}/cancel`, { token: manager, body: { reason: 'x' } })).status).toBe(409);
    expect((await api(s.url, 'POST', '/api/deferrals/nope/done', { token: other })).status).toBe(404);
    expect((await list(s, manager)).counts).toEqual({ pending: 0, overdue: 0 });
    expect((await list(s, manager, '?filter=done')).items.map((d) => d.id)).toEqual([first.id]);

    const audit = (await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit?limit=200', { token: manager })).body.filter((e) => e.type.startsWith('Deferral'));
    expect(audit.map((e) => e.type).sort()).toEqual(['DeferralAccepted', 'DeferralAccepted', 'DeferralCancelled', 'DeferralDone']);
    const text = JSON.stringify(audit);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('张三');
    expect(text).toContain('138****5678');
  });

  it('the 个人信息保存期限 clean-up masks the applicant once the record is older than the cut-off', async () => {
    const { s, clerk, ticket } = await servingE02();
    const rec = (await create(s, clerk, { ticketId: ticket.id, matterId: 'E-02', missing: ['异地居住证明'], name: '欧阳娜娜', phone: '13812345678' })).body as Deferral;
    s.clock.set(Date.parse('2027-05-01T01:00:00Z'));
    let manager = await login(s.url, 'admin', 'admin');
    const early = (await api<RetentionStatus>(s.url, 'POST', '/api/citizen/retention/run', { token: manager })).body;
    expect(early.lastRun?.counts.deferrals).toBe(0);
    expect((await list(s, manager)).items[0]).toMatchObject({ name: '欧阳娜娜', phone: '13812345678' });

    s.clock.set(Date.parse('2027-06-01T01:00:00Z'));
    manager = await login(s.url, 'admin', 'admin');
    expect((await api<RetentionStatus>(s.url, 'GET', '/api/citizen/retention', { token: manager })).body.pending.deferrals).toBe(1);
    const ran = (await api<RetentionStatus>(s.url, 'POST', '/api/citizen/retention/run', { token: manager })).body;
    expect(ran.lastRun?.counts.deferrals).toBe(1);
    expect(ran.pending.deferrals).toBe(0);
    const after = (await list(s, manager)).items[0];
    expect(after).toMatchObject({ id: rec.id, name: '欧***', phone: '138****5678', ticketNumber: ticket.number, state: 'overdue' });
    // A second run finds nothing more.
    expect((await api<RetentionStatus>(s.url, 'POST', '/api/citizen/retention/run', { token: manager })).body.lastRun?.counts.deferrals).toBe(0);
  });
});
