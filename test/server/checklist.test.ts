/**
 * The guide desk's materials check over the wire: issued with the ticket by a guide, read by the
 * clerk who calls it (REST and Socket.IO), never seen by viewers, refused when it names a material
 * the catalogue does not list, kept on transfer and across a restart.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Call, HallChange, Snapshot, Ticket, TicketDetail } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';

const CHECK = [{ matter: 'A-01', have: ['公司章程', '股东身份证明', '住所使用证明'] }];

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

type ErrorBody = { error: { code: string; message: string } };

describe('guide checklist', () => {
  it('round trip: guide issues → the clerk has it on call, in GET and ticket:get; viewers never see it', async () => {
    s = await startTestServer();
    const guide = await login(s.url, 'guide', '1234');
    const clerk = await login(s.url, 'c02', '1234');
    await api(s.url, 'POST', '/api/windows/10/session', { token: clerk });
    const viewer = await connectClient(s.url);
    const staff = await connectClient(s.url, clerk);

    const issued = await api<TicketDetail>(s.url, 'POST', '/api/tickets', {
      token: guide,
      body: { queue: 'A', matters: ['A-01'], note: '名称已预核准', checklist: CHECK },
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ channel: 'guide', note: '名称已预核准', checklist: CHECK });

    const viewerChange = nextEvent(viewer.socket, 'hall:changed', (c: HallChange) => c.windows.some((w) => w.current?.number === issued.body.number));
    const viewerCall = nextEvent(viewer.socket, 'call', (c: Call) => c.number === issued.body.number);
    const called = await api<TicketDetail>(s.url, 'POST', '/api/windows/10/next', { token: clerk, body: {} });
    expect(called.body).toMatchObject({ id: issued.body.id, note: '名称已预核准', checklist: CHECK });

    const viaRest = await api<TicketDetail>(s.url, 'GET', `/api/tickets/${issued.body.id}`, { token: clerk });
    expect(viaRest.body.checklist).toEqual(CHECK);
    const viaSocket = await new Promise<{ ok: boolean; data?: TicketDetail }>((r) => staff.socket.emit('ticket:get', { ticketId: issued.body.id }, r as never));
    expect(viaSocket.data?.checklist).toEqual(CHECK);

    // The public: phone page, snapshot, hall:changed and call carry neither checklist nor note.
    const phone = await api<Ticket>(s.url, 'GET', `/api/tickets/${issued.body.id}`);
    expect(phone.body).not.toHaveProperty('checklist');
    expect(phone.body).not.toHaveProperty('note');
    const seen = JSON.stringify([await viewerChange, await viewerCall, (await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body]);
    expect(seen).toContain(issued.body.number);
    expect(seen).not.toMatch(/checklist|公司章程|名称已预核准/);
    const resync = await new Promise<{ data?: Snapshot }>((r) => viewer.socket.emit('snapshot:get', r as never));
    expect(JSON.stringify(resync.data)).not.toMatch(/checklist|公司章程/);
    // Staff's own window view is the public Ticket too: the detail is asked for.
    const staffSnap = await api<Snapshot>(s.url, 'GET', '/api/snapshot', { token: clerk });
    expect(staffSnap.body.windows.find((w) => w.no === 10)?.current).not.toHaveProperty('checklist');
    viewer.socket.close();
    staff.socket.close();
  });

  it('over Socket.IO too (ticket:issue)', async () => {
    s = await startTestServer();
    const guide = await login(s.url, 'guide', '1234');
    const sock = await connectClient(s.url, guide);
    const r = await new Promise<{ ok: boolean; data?: TicketDetail; error?: { code: string } }>((done) =>
      sock.socket.emit('ticket:issue', { queue: 'A', matters: ['A-01', 'A-02'], checklist: [{ matter: 'A-02', have: ['营业执照正副本'] }] }, done as never),
    );
    expect(r.ok).toBe(true);
    expect(r.data?.checklist).toEqual([{ matter: 'A-02', have: ['营业执照正副本'] }]);
    sock.socket.close();
  });

  it('refuses what the catalogue does not list, and issues nothing', async () => {
    s = await startTestServer();
    const guide = await login(s.url, 'guide', '1234');
    const waiting = async () => (await api<Snapshot>(s!.url, 'GET', '/api/snapshot')).body.queues.find((q) => q.code === 'A')!.waiting;
    const before = await waiting();
    const bad: { name: string; checklist: unknown; matters?: string[]; code: string; message?: RegExp }[] = [
      { name: 'a material of no matter', checklist: [{ matter: 'A-01', have: ['公司章程', '户口簿'] }], code: 'BAD_REQUEST', message: /户口簿/ },
      { name: 'a material of another matter', checklist: [{ matter: 'A-01', have: ['营业执照正副本'] }], code: 'BAD_REQUEST' },
      { name: 'a matter not on the ticket', checklist: [{ matter: 'A-02', have: [] }], code: 'BAD_REQUEST', message: /not a matter of the ticket/ },
      { name: 'wrong shape', checklist: { 'A-01': ['公司章程'] }, code: 'BAD_REQUEST' },
      { name: 'too many materials', checklist: [{ matter: 'A-01', have: Array.from({ length: 31 }, (_, i) => `材料${i}`) }], code: 'BAD_REQUEST' },
      { name: 'too many matters', checklist: Array.from({ length: 21 }, () => ({ matter: 'A-01', have: [] })), code: 'BAD_REQUEST' },
    ];
    for (const b of bad) {
      const r = await api<ErrorBody>(s.url, 'POST', '/api/tickets', { token: guide, body: { queue: 'A', matters: b.matters ?? ['A-01'], checklist: b.checklist } });
      expect([b.name, r.status, r.body.error.code]).toEqual([b.name, 400, b.code]);
      if (b.message) expect(r.body.error.message).toMatch(b.message);
    }
    expect(await waiting()).toBe(before);
    // From a kiosk (no guide), the checklist is ignored like the note: the ticket is issued without it.
    const anon = await api<TicketDetail>(s.url, 'POST', '/api/tickets', { body: { queue: 'A', matters: ['A-01'], checklist: CHECK } });
    expect(anon.status).toBe(201);
    expect(anon.body).not.toHaveProperty('checklist');
  });

  it('is kept on transfer and survives a restart', async () => {
    const dbPath = join(tempDir('checklist-'), 'hall.db');
    s = await startTestServer({ dbPath });
    const guide = await login(s.url, 'guide', '1234');
    const clerk = await login(s.url, 'c02', '1234');
    await api(s.url, 'POST', '/api/windows/10/session', { token: clerk });
    const issued = await api<TicketDetail>(s.url, 'POST', '/api/tickets', { token: guide, body: { queue: 'A', matters: ['A-01'], checklist: CHECK } });
    await api(s.url, 'POST', '/api/windows/10/next', { token: clerk, body: {} });
    const moved = await api<TicketDetail>(s.url, 'POST', '/api/windows/10/transfer', { token: clerk, body: { queue: 'B' } });
    expect(moved.body).toMatchObject({ queue: 'B', status: 'waiting', checklist: CHECK });
    await s.close();

    s = await startTestServer({ dbPath });
    const again = await login(s.url, 'c03', '1234');
    await api(s.url, 'POST', '/api/windows/12/session', { token: again });
    const called = await api<TicketDetail>(s.url, 'POST', '/api/windows/12/next', { token: again, body: {} });
    expect(called.body).toMatchObject({ id: issued.body.id, queue: 'B', checklist: CHECK });
  });
});
