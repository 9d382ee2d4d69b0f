import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallChange, Snapshot, Ticket, Window } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('public screens carry no personal data', () => {
  it('viewers never receive who is at a window; staff do', async () => {
    const token = await login(s.url, 'c07', '1234');
    const viewer = await connectClient(s.url);
    const staff = await connectClient(s.url, token);
    const viewerChange = nextEvent(viewer.socket, 'hall:changed', (c: HallChange) => c.windows.some((w) => w.no === 5));
    const staffChange = nextEvent(staff.socket, 'hall:changed', (c: HallChange) => c.windows.some((w) => w.no === 5));
    await api(s.url, 'POST', '/api/windows/5/session', { token });

    const staffWindow = (await staffChange).windows.find((w) => w.no === 5);
    expect(staffWindow?.clerk?.username).toBe('c07');
    // How long the clerk has worked without a pause is staff business too.
    expect(staffWindow?.workingSince).toBe(new Date(s.clock.now()).toISOString());
    const seen = await viewerChange;
    expect(seen.windows.find((w) => w.no === 5)?.state).toBe('open');
    expect(JSON.stringify(seen)).not.toMatch(/c07|workingSince/);

    const publicSnap = await api<Snapshot>(s.url, 'GET', '/api/snapshot');
    expect(JSON.stringify(publicSnap.body)).not.toMatch(/"clerk"|窗口人员07|workingSince/);
    const staffSnap = await api<Snapshot>(s.url, 'GET', '/api/snapshot', { token });
    expect(staffSnap.body.windows.find((w) => w.no === 5)?.clerk?.name).toBe('窗口人员07');
    expect(staffSnap.body.windows.find((w) => w.no === 5)?.workingSince).toBe(staffWindow?.workingSince);
    const resync = await new Promise<{ data?: Snapshot }>((resolve) => viewer.socket.emit('snapshot:get', resolve as never));
    expect(JSON.stringify(resync.data)).not.toContain('c07');
    expect((await api(s.url, 'GET', '/api/windows/5')).body).not.toHaveProperty('clerk');
    viewer.socket.close();
    staff.socket.close();
  });

  it('viewers never receive the id of a ticket at a window (the holder\'s key to rating and cancelling)', async () => {
    const token = await login(s.url, 'c08', '1234');
    await api(s.url, 'POST', '/api/windows/6/session', { token });
    const viewer = await connectClient(s.url);
    const staff = await connectClient(s.url, token);
    const issued = await api<Ticket>(s.url, 'POST', '/api/tickets', { body: { queue: 'T' } });
    const viewerChange = nextEvent(viewer.socket, 'hall:changed', (c: HallChange) => c.windows.some((w) => w.no === 6 && w.current !== undefined));
    const staffChange = nextEvent(staff.socket, 'hall:changed', (c: HallChange) => c.windows.some((w) => w.no === 6 && w.current !== undefined));
    const called = await api<Ticket>(s.url, 'POST', '/api/windows/6/next', { token, body: {} });
    expect(called.body.id).toBe(issued.body.id);

    const id = issued.body.id;
    expect((await staffChange).windows.find((w) => w.no === 6)?.current?.id).toBe(id);
    const seen = (await viewerChange).windows.find((w) => w.no === 6);
    expect(seen?.current?.number).toBe(issued.body.number);
    expect(JSON.stringify(seen)).not.toContain(id);
    expect(JSON.stringify((await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body)).not.toContain(id);
    expect(JSON.stringify((await api<Window>(s.url, 'GET', '/api/windows/6')).body)).not.toContain(id);
    expect(JSON.stringify((await api(s.url, 'GET', '/api/windows')).body)).not.toContain(id);
    expect((await api<Snapshot>(s.url, 'GET', '/api/snapshot', { token })).body.windows.find((w) => w.no === 6)?.current?.id).toBe(id);
    viewer.socket.close();
    staff.socket.close();
  });
});
