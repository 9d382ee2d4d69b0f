/**
 * 容缺台账 live, over real sockets: each record made, brought or withdrawn reaches a manager's
 * socket (and a clerk's) as `deferral:changed` with the counts after it and no personal data; a
 * hall screen without a token hears nothing. 撤销 by the clerk: their own record on its day, with
 * a reason, audited; another clerk's or a past day's refused with FORBIDDEN and its reason; a
 * manager any time.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import type { Deferral, DeferralChanged } from '../../shared/deferral';
import type { Ticket } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, type ClientSocket, type TestServer } from '../support/server';
import { cancel, closedAfterEach, create, errorOf, servingE02 } from './support';

const after = closedAfterEach();

async function socketOf(t: TestServer, token?: string): Promise<ClientSocket> {
  return after.socket((await connectClient(t.url, token)).socket);
}

const E02 = { matterId: 'E-02', missing: ['异地居住证明'], name: '张三', phone: '13812345678' };

describe('deferral:changed', () => {
  it('reaches staff sockets on create, done and cancel, with the counts and without the citizen; not the walls', async () => {
    const r = await servingE02();
    const s = after.server(r.s);
    const manager = await socketOf(s, r.admin);
    const otherClerk = await socketOf(s, await login(s.url, 'c07', '1234'));
    const wall = await socketOf(s);
    const heardByWall: DeferralChanged[] = [];
    wall.on('deferral:changed', (c) => heardByWall.push(c));

    const made = nextEvent(manager, 'deferral:changed');
    const madeToClerk = nextEvent(otherClerk, 'deferral:changed');
    const rec = (await create(s, r.clerk, { ticketId: r.ticket.id, ...E02 })).body as Deferral;
    expect(await made).toEqual({ id: rec.id, what: 'created', today: '2026-11-30', counts: { pending: 1, overdue: 0 } });
    expect((await madeToClerk).id).toBe(rec.id);

    // A double press makes nothing new: nothing is pushed (the next event is the 已补齐).
    await create(s, r.clerk, { ticketId: r.ticket.id, ...E02 });
    const brought = nextEvent(manager, 'deferral:changed');
    expect((await api(s.url, 'POST', `/api/deferrals/${rec.id}/done`, { token: r.clerk })).status).toBe(200);
    const done = await brought;
    expect(done).toEqual({ id: rec.id, what: 'done', today: '2026-11-30', counts: { pending: 0, overdue: 0 } });
    expect(JSON.stringify(done)).not.toMatch(/张三|13812345678/);

    // Another matter of a second ticket, withdrawn by the manager over the socket.
    await api(s.url, 'POST', '/api/windows/3/complete', { token: r.clerk });
    const t2 = (await api<Ticket>(s.url, 'POST', '/api/tickets', { token: r.admin, body: { queue: 'E', matters: ['E-02'] } })).body;
    await api(s.url, 'POST', '/api/windows/3/next', { token: r.clerk });
    const second = (await create(s, r.clerk, { ticketId: t2.id, ...E02 })).body as Deferral;
    const withdrawn = nextEvent(manager, 'deferral:changed', (c) => c.what === 'cancelled');
    const ack = await manager.emitWithAck('deferral:cancel', { id: second.id, reason: '群众放弃办理' });
    expect(ack.ok).toBe(true);
    expect(await withdrawn).toMatchObject({ id: second.id, counts: { pending: 0, overdue: 0 } });
    // The wall had every chance to hear them.
    await new Promise((res) => setTimeout(res, 50));
    expect(heardByWall).toEqual([]);
  });
});

describe('撤销 by the clerk', () => {
  it('their own record on its day with a reason (audited, pushed); not another clerk, not the next day; a manager any time', async () => {
    const r = await servingE02();
    const s = after.server(r.s);
    const first = (await create(s, r.clerk, { ticketId: r.ticket.id, ...E02 })).body as Deferral;

    const other = await login(s.url, 'c07', '1234');
    const notOwn = await cancel(s, other, first.id, '选错事项');
    expect([notOwn.status, errorOf(notOwn).code, errorOf(notOwn).reason]).toEqual([403, 'FORBIDDEN', 'deferral_not_own']);
    expect((await api(s.url, 'POST', `/api/deferrals/${first.id}/cancel`, { token: r.clerk, body: { reason: '  ' } })).status).toBe(400);

    // Over the clerk's own socket, as the panel sends it.
    const panel = await socketOf(s, r.clerk);
    const pushed = nextEvent(panel, 'deferral:changed', (c) => c.what === 'cancelled');
    const own = await panel.emitWithAck('deferral:cancel', { id: first.id, reason: '材料在包里找到了' });
    expect(own.ok && own.data).toMatchObject({ id: first.id, status: 'cancelled', state: 'cancelled', cancelReason: '材料在包里找到了' });
    expect((await pushed).id).toBe(first.id);

    // A second one, kept over night: the next day only a manager withdraws it.
    await api(s.url, 'POST', '/api/windows/3/complete', { token: r.clerk });
    const t2 = (await api<Ticket>(s.url, 'POST', '/api/tickets', { token: r.admin, body: { queue: 'E', matters: ['E-02'] } })).body;
    await api(s.url, 'POST', '/api/windows/3/next', { token: r.clerk });
    const second = (await create(s, r.clerk, { ticketId: t2.id, ...E02 })).body as Deferral;
    s.clock.set(Date.parse('2026-12-01T01:30:00Z'));
    const clerkNextDay = await login(s.url, 'c03', '1234');
    const late = await cancel(s, clerkNextDay, second.id, '选错事项');
    expect([late.status, errorOf(late).code, errorOf(late).reason]).toEqual([403, 'FORBIDDEN', 'deferral_day_over']);
    const manager = await login(s.url, 'admin', 'admin');
    expect((await cancel(s, manager, second.id, '窗口登记错误')).body).toMatchObject({ status: 'cancelled', cancelReason: '窗口登记错误' });

    const audit = (await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit?limit=100', { token: manager })).body.filter((e) => e.type === 'DeferralCancelled');
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).toContain('材料在包里找到了');
    expect(JSON.stringify(audit)).not.toContain('13812345678');
  });
});
