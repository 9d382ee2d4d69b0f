/** Ratings live beside the hall state: staff consoles are told when one arrives or is followed up; viewers are not. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingsChanged } from '../../shared/events';
import type { Ticket } from '../../shared/schemas';
import { api, connectClient, login, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('ratings:changed', () => {
  it('reaches staff when a citizen rates and when a manager follows a 差评 up; never viewers', async () => {
    const clerk = await login(s.url, 'c09', '1234');
    const admin = await login(s.url, 'admin', 'admin');
    await api(s.url, 'POST', '/api/windows/9/session', { token: clerk });
    const issued = await api<Ticket>(s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
    await api(s.url, 'POST', '/api/windows/9/next', { token: clerk, body: {} });
    await api(s.url, 'POST', '/api/windows/9/complete', { token: clerk });

    const staff = await connectClient(s.url, admin);
    const viewer = await connectClient(s.url);
    const seenByStaff: RatingsChanged[] = [];
    let seenByViewer = 0;
    staff.socket.on('ratings:changed', (r) => seenByStaff.push(r));
    viewer.socket.on('ratings:changed', () => seenByViewer++);

    const rated = await api(s.url, 'POST', `/api/tickets/${issued.body.id}/rating`, { body: { score: 1, reasons: ['attitude'] } });
    expect(rated.status).toBe(201);
    await expect.poll(() => seenByStaff.length).toBe(1);
    expect(seenByStaff[0]).toEqual({ serviceDay: '2026-11-30', number: issued.body.number, score: 1 });

    const followed = await api(s.url, 'PUT', `/api/ratings/${issued.body.id}/follow-up`, { token: admin, body: { note: '已电话回访' } });
    expect(followed.status).toBe(200);
    await expect.poll(() => seenByStaff.length).toBe(2);

    // A refused rating tells nobody.
    expect((await api(s.url, 'POST', `/api/tickets/${issued.body.id}/rating`, { body: { score: 5 } })).status).toBe(409);
    await new Promise((r) => setTimeout(r, 200));
    expect(seenByStaff).toHaveLength(2);
    expect(seenByViewer).toBe(0);
    staff.socket.close();
    viewer.socket.close();
  });
});
