import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket, TicketDetail, Window } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, startTestServer, type ClientSocket, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('many windows pressing next at once', () => {
  it('never calls one ticket to two windows (REST and Socket.IO mixed)', async () => {
    // Windows 14–16 (C primary, A/B/D overflow) and 9–11 (A primary), 17–18 (D primary).
    const windows = [9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
    const tokens = await Promise.all(windows.map((_, i) => login(s.url, `c${String(i + 10).padStart(2, '0')}`, '1234')));
    await Promise.all(windows.map((w, i) => api(s.url, 'POST', `/api/windows/${w}/session`, { token: tokens[i] })));
    const queues = ['A', 'B', 'C', 'D'];
    for (let i = 0; i < 60; i++) await api(s.url, 'POST', '/api/tickets', { body: { queue: queues[i % 4] } });

    const sockets: ClientSocket[] = [];
    for (let i = 0; i < windows.length; i += 2) sockets[i] = (await connectClient(s.url, tokens[i])).socket;
    const press = (i: number, round: number): Promise<TicketDetail | null> => {
      const windowNo = windows[i]!;
      const requestId = `w${windowNo}-r${round}`;
      const socket = sockets[i];
      if (socket) {
        return new Promise((resolve, reject) =>
          socket.emit('window:next', { windowNo, requestId }, (r) => (r.ok ? resolve(r.data) : reject(new Error(r.error.code)))),
        );
      }
      return api<TicketDetail | null>(s.url, 'POST', `/api/windows/${windowNo}/next`, { token: tokens[i], body: { requestId } }).then((r) => r.body);
    };

    const called: string[] = [];
    for (let round = 0; round < 8; round++) {
      const results = await Promise.all(windows.map((_, i) => press(i, round)));
      for (const t of results) if (t) called.push(t.number);
    }
    expect(called.length).toBe(60);
    expect(new Set(called).size).toBe(60);
    // The database agrees: each ticket was called exactly once.
    const rows = s.store.db.prepare("SELECT data FROM events WHERE type = 'TicketCalled'").all() as { data: string }[];
    const ids = rows.map((r) => (JSON.parse(r.data) as { ticketId: string }).ticketId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const so of sockets) so?.close();
  });
});

describe('repeated request ids', () => {
  it('the same requestId gives the same answer and changes nothing', async () => {
    const token = await login(s.url, 'c01', '1234');
    await api(s.url, 'POST', '/api/windows/19/session', { token });
    await api(s.url, 'POST', '/api/tickets', { body: { queue: 'E' } });
    await api(s.url, 'POST', '/api/tickets', { body: { queue: 'E' } });
    const first = await api<TicketDetail>(s.url, 'POST', '/api/windows/19/next', { token, body: { requestId: 'press-1' } });
    const seq = (await api<{ seq: number }>(s.url, 'GET', '/api/snapshot')).body.seq;
    const again = await Promise.all([1, 2, 3].map(() => api<TicketDetail>(s.url, 'POST', '/api/windows/19/next', { token, body: { requestId: 'press-1' } })));
    for (const r of again) expect(r.body).toEqual(first.body);
    expect((await api<{ seq: number }>(s.url, 'GET', '/api/snapshot')).body.seq).toBe(seq);
    // A new request id does move on.
    const second = await api<TicketDetail>(s.url, 'POST', '/api/windows/19/next', { token, body: { requestId: 'press-2' } });
    expect(second.body.number).toBe('E002');
  });

  it('an empty answer (204) is remembered too: a retry does not call a ticket issued since', async () => {
    const token = await login(s.url, 'c02', '1234');
    await api(s.url, 'POST', '/api/windows/27/session', { token });
    expect((await api(s.url, 'POST', '/api/windows/27/next', { token, body: { requestId: 'empty-1' } })).status).toBe(204);
    await api(s.url, 'POST', '/api/tickets', { body: { queue: 'Y' } });
    expect((await api(s.url, 'POST', '/api/windows/27/next', { token, body: { requestId: 'empty-1' } })).status).toBe(204);
    expect((await api<TicketDetail>(s.url, 'POST', '/api/windows/27/next', { token, body: { requestId: 'empty-2' } })).body.number).toBe('Y001');
  });
});

describe('transfer and live mapping', () => {
  it('a transferred ticket keeps its arrival time and goes before later tickets of the new queue', async () => {
    const a = await login(s.url, 'c03', '1234');
    const b = await login(s.url, 'c04', '1234');
    await api(s.url, 'POST', '/api/windows/20/session', { token: a }); // E
    await api(s.url, 'POST', '/api/windows/23/session', { token: b }); // F
    // Drain what waits in E and F from earlier tests.
    while ((await api(s.url, 'POST', '/api/windows/20/next', { token: a })).status === 200);
    const early = await api<Ticket>(s.url, 'POST', '/api/tickets', { body: { queue: 'E' } });
    s.clock.advance(2 * 60_000);
    const later = await api<Ticket>(s.url, 'POST', '/api/tickets', { body: { queue: 'F' } });
    expect((await api<TicketDetail>(s.url, 'POST', '/api/windows/20/next', { token: a })).body.id).toBe(early.body.id);
    // The citizen's phone page watches the ticket: the push after the transfer names the old queue.
    const phone = await connectClient(s.url);
    await new Promise((resolve) => phone.socket.emit('ticket:watch', { ticketId: early.body.id }, resolve));
    const pushed = nextEvent(phone.socket, 'ticket:updated', (t) => t.id === early.body.id && t.status === 'waiting');
    const moved = await api<TicketDetail>(s.url, 'POST', '/api/windows/20/transfer', { token: a, body: { queue: 'F' } });
    expect(moved.body).toMatchObject({ status: 'waiting', queue: 'F', arrivedAt: early.body.arrivedAt, number: early.body.number, transferredFrom: 'E' });
    expect(await pushed).toMatchObject({ queue: 'F', transferredFrom: 'E' });
    phone.socket.close();
    // The citizen's own view (GET by id, no token) carries it too; a ticket never moved has none.
    expect((await api<Ticket>(s.url, 'GET', `/api/tickets/${early.body.id}`)).body.transferredFrom).toBe('E');
    const ahead = await api<Ticket>(s.url, 'GET', `/api/tickets/${later.body.id}`);
    expect(ahead.body.ahead).toBe(1);
    expect(ahead.body).not.toHaveProperty('transferredFrom');
    const next = await api<TicketDetail>(s.url, 'POST', '/api/windows/23/next', { token: b });
    expect(next.body.id).toBe(early.body.id);
  });

  it('a manager re-points a window; its next call follows the new mapping at once', async () => {
    const manager = await login(s.url, 'admin', 'admin');
    const clerk = await login(s.url, 'c05', '1234');
    await api(s.url, 'POST', '/api/windows/26/session', { token: clerk }); // H + L
    const k = await api<Ticket>(s.url, 'POST', '/api/tickets', { body: { queue: 'K' } });
    const viewer = await connectClient(s.url);
    const changed = new Promise<Window | undefined>((resolve) =>
      viewer.socket.on('hall:changed', (c) => {
        const w = c.windows.find((x) => x.no === 26);
        if (w?.mapping.some((m) => m.queue === 'K')) resolve(w);
      }),
    );
    const r = await api<Window>(s.url, 'PUT', '/api/windows/26/mapping', { token: manager, body: [{ queue: 'K', role: 'primary' }, { queue: 'L', role: 'overflow' }] });
    expect(r.status).toBe(200);
    expect(r.body.mapping).toEqual([{ queue: 'K', role: 'primary' }, { queue: 'L', role: 'overflow' }]);
    expect((await changed)?.mapping[0]).toEqual({ queue: 'K', role: 'primary' });
    const next = await api<TicketDetail>(s.url, 'POST', '/api/windows/26/next', { token: clerk });
    expect(next.body.id).toBe(k.body.id);
    // Clerks may not re-point windows.
    expect((await api(s.url, 'PUT', '/api/windows/26/mapping', { token: clerk, body: [] })).status).toBe(403);
    viewer.socket.close();
  });
});
