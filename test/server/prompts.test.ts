import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallPrompts } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('请叫号 prompts to staff', () => {
  it('a ticket arrives: the window idle longest among those whose queue it is gets the prompt; viewers get none', async () => {
    const a = await login(s.url, 'c01', '1234');
    const b = await login(s.url, 'c02', '1234');
    await api(s.url, 'POST', '/api/windows/4/session', { token: a }); // T, idle since now
    s.clock.advance(60_000);
    await api(s.url, 'POST', '/api/windows/3/session', { token: b }); // T, idle a minute less
    const staff = await connectClient(s.url, b);
    const viewer = await connectClient(s.url);
    let viewerGotPrompts = false;
    viewer.socket.on('hall:prompts', () => {
      viewerGotPrompts = true;
    });

    const prompted = nextEvent(staff.socket, 'hall:prompts', (p: CallPrompts) => p.prompts.length > 0);
    await api(s.url, 'POST', '/api/tickets', { body: { queue: 'T' } });
    expect((await prompted).prompts).toEqual([{ windowNo: 4, queue: 'T' }]);

    const cleared = nextEvent(staff.socket, 'hall:prompts', (p: CallPrompts) => p.prompts.length === 0);
    await api(s.url, 'POST', '/api/windows/4/next', { token: a });
    expect((await cleared).prompts).toEqual([]);
    expect(viewerGotPrompts).toBe(false);
    staff.socket.close();
    viewer.socket.close();
  });
});
