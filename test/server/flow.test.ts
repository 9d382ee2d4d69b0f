import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call, HallChange, Ticket, TicketDetail, Window } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
let clerk: string;
beforeAll(async () => {
  s = await startTestServer();
  clerk = await login(s.url, 'c01', '1234');
});
afterAll(() => s.close());

describe('the whole flow: issue → next → call → start → complete', () => {
  it('a viewer sees every step with seq rising by one, and the call audio plays', async () => {
    const viewer = await connectClient(s.url);
    const changes: HallChange[] = [];
    viewer.socket.on('hall:changed', (c) => changes.push(c));
    const seq0 = viewer.snapshot.seq;
    expect(viewer.snapshot.windows).toHaveLength(28);
    expect(viewer.snapshot.queues.map((q) => q.code)).toContain('F');
    expect(viewer.snapshot.windows.find((w) => w.no === 1)).toMatchObject({ zone: '公积金专区', zoneEn: 'Housing Provident Fund' });

    const session = await api<Window>(s.url, 'POST', '/api/windows/22/session', { token: clerk });
    expect(session.status).toBe(200);
    expect(session.body.state).toBe('open');

    const issued = await api<Ticket>(s.url, 'POST', '/api/tickets', { body: { queue: 'F', matters: ['F-01'] } });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ number: 'F001', status: 'waiting', queue: 'F', ahead: 0, matters: ['F-01'] });

    const callPromise = nextEvent(viewer.socket, 'call');
    s.clock.advance(60_000);
    const called = await api<TicketDetail>(s.url, 'POST', '/api/windows/22/next', { token: clerk });
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ id: issued.body.id, status: 'called', windowNo: 22 });
    const call: Call = await callPromise;
    expect(call).toMatchObject({ number: 'F001', windowNo: 22, windowName: '22号窗口', queue: 'F', recall: false });

    const audio = await fetch(s.url + call.audioUrl);
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toContain('audio/wav');
    const bytes = Buffer.from(await audio.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString('ascii')).toBe('WAVE');

    s.clock.advance(30_000);
    const started = await api<TicketDetail>(s.url, 'POST', '/api/windows/22/start', { token: clerk });
    expect(started.body.status).toBe('serving');
    s.clock.advance(5 * 60_000);
    const completed = await api<TicketDetail>(s.url, 'POST', '/api/windows/22/complete', { token: clerk });
    expect(completed.body).toMatchObject({ status: 'done', windowNo: 22 });

    const fetched = await api<Ticket>(s.url, 'GET', `/api/tickets/${issued.body.id}`);
    expect(fetched.body.status).toBe('done');

    // sign-in, issue, call, start, complete: five changes, consecutive seqs.
    await expect.poll(() => changes.length).toBeGreaterThanOrEqual(5);
    expect(changes.map((c) => c.seq)).toEqual([seq0 + 1, seq0 + 2, seq0 + 3, seq0 + 4, seq0 + 5]);
    expect(call.seq).toBe(seq0 + 3);
    const last = changes.at(-1)!;
    expect(last.windows.find((w) => w.no === 22)?.state).toBe('open');
    viewer.socket.close();
  });

  it('next answers 204 when nothing waits for the window', async () => {
    const t = await login(s.url, 'c02', '1234');
    await api(s.url, 'POST', '/api/windows/1/session', { token: t });
    const r = await api(s.url, 'POST', '/api/windows/1/next', { token: t });
    expect(r.status).toBe(204);
  });

  it('staff commands over Socket.IO share the service and acknowledge with the reply shape', async () => {
    const token = await login(s.url, 'c03', '1234');
    const staff = await connectClient(s.url, token);
    const ack = <T>(event: string, payload: unknown) =>
      new Promise<{ ok: boolean; data?: T; error?: { code: string } }>((resolve) => {
        (staff.socket.emit as (e: string, p: unknown, cb: (r: never) => void) => void)(event, payload, resolve);
      });
    expect((await ack<Window>('window:signIn', { windowNo: 7 })).data?.state).toBe('open');
    await api(s.url, 'POST', '/api/tickets', { body: { queue: 'R' } });
    const n = await ack<TicketDetail>('window:next', { windowNo: 7, requestId: 'sock-1' });
    expect(n).toMatchObject({ ok: true, data: { number: 'R001', status: 'called' } });
    const again = await ack<TicketDetail>('window:next', { windowNo: 7, requestId: 'sock-1' });
    expect(again).toEqual(n);
    const rec = await ack<TicketDetail>('window:recall', { windowNo: 7 });
    expect(rec.data?.recalls).toBe(1);
    expect(await ack('window:pause', { windowNo: 7, reason: 'lunch' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await ack<Window>('window:pause', { windowNo: 7, reason: 'break' })).data?.state).toBe('paused');
    staff.socket.close();
  });

  it('a recall is announced again with recall: true', async () => {
    const token = await login(s.url, 'c04', '1234');
    await api(s.url, 'POST', '/api/windows/3/session', { token });
    await api(s.url, 'POST', '/api/tickets', { body: { queue: 'T' } });
    await api(s.url, 'POST', '/api/windows/3/next', { token });
    const viewer = await connectClient(s.url);
    const p = nextEvent(viewer.socket, 'call');
    await api(s.url, 'POST', '/api/windows/3/recall', { token });
    expect(await p).toMatchObject({ number: 'T001', windowNo: 3, recall: true });
    const snap = await api<{ recentCalls: Call[] }>(s.url, 'GET', '/api/snapshot');
    expect(snap.body.recentCalls[0]).toMatchObject({ number: 'T001', recall: true });
    viewer.socket.close();
  });

  it('a phone page watching its ticket is told when people ahead move and when it is called', async () => {
    const token = await login(s.url, 'c05', '1234');
    await api(s.url, 'POST', '/api/windows/25/session', { token });
    const first = await api<Ticket>(s.url, 'POST', '/api/tickets', { body: { queue: 'G' } });
    const mine = await api<Ticket>(s.url, 'POST', '/api/tickets', { body: { queue: 'G' } });
    expect(mine.body.ahead).toBe(1);
    const phone = await connectClient(s.url);
    const watched = await new Promise<{ ok: boolean; data?: Ticket }>((resolve) => phone.socket.emit('ticket:watch', { ticketId: mine.body.id }, resolve as never));
    expect(watched.data?.ahead).toBe(1);
    const moved = nextEvent(phone.socket, 'ticket:updated', (t) => t.id === mine.body.id && t.ahead === 0);
    const seqBefore = (await api<{ seq: number }>(s.url, 'GET', '/api/snapshot')).body.seq;
    await api(s.url, 'POST', '/api/windows/25/next', { token });
    // Every push carries the hall's seq: here the seq of the call of the ticket ahead.
    expect(await moved).toMatchObject({ status: 'waiting', seq: seqBefore + 1 });
    const calledMine = nextEvent(phone.socket, 'ticket:updated', (t) => t.status === 'called');
    await api(s.url, 'POST', '/api/windows/25/next', { token });
    expect(await calledMine).toMatchObject({ id: mine.body.id, windowNo: 25, seq: seqBefore + 2 });
    expect(first.body.id).not.toBe(mine.body.id);
    phone.socket.close();
  });
});
