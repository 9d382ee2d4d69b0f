/**
 * 评价器 on a real server with real sockets: a window's pad (signed in as the kiosk device, or a
 * manager, with `pad=<no>`) is told each ticket finished at its window — id, number, the clerk —
 * and rates it like the phone page; no other socket hears it (an anonymous one, a clerk's, the pad
 * of another window), and a ticket that ended otherwise (过号, 转办) asks for nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RatingPrompt } from '../../shared/ratings';
import type { TicketDetail } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, startTestServer, type ClientSocket, type TestServer } from '../support/server';

let s: TestServer;
const sockets: ClientSocket[] = [];
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(async () => {
  for (const x of sockets.splice(0)) x.disconnect();
  await s.close();
});

async function socket(token?: string, query?: Record<string, string>): Promise<ClientSocket> {
  const { socket: c } = await connectClient(s.url, token, query);
  sockets.push(c);
  return c;
}

/** Everything `rating:prompt` a socket hears. */
function heard(c: ClientSocket): RatingPrompt[] {
  const got: RatingPrompt[] = [];
  c.on('rating:prompt', (p) => got.push(p));
  return got;
}

async function clerkAt(windowNo: number, username: string): Promise<ClientSocket> {
  const c = await socket(await login(s.url, username, '1234'));
  const r = await c.emitWithAck('window:signIn', { windowNo });
  expect(r.ok).toBe(true);
  return c;
}

describe('评价器', () => {
  it('the pad of the window hears each ticket finished there, with the clerk, and rates it', async () => {
    const pad = await socket(await login(s.url, 'kiosk', 'kiosk'), { pad: '3' });
    const managerPad = await socket(await login(s.url, 'admin', 'admin'), { pad: '3' });
    const others = [await socket(undefined, { pad: '3' }), await socket(await login(s.url, 'c09', '1234'), { pad: '3' }), await socket(await login(s.url, 'kiosk', 'kiosk'), { pad: '4' })];
    const otherHeard = others.map(heard);
    const managerHeard = heard(managerPad);
    const clerk = await clerkAt(3, 'c03');
    const issued = await api<TicketDetail>(s.url, 'POST', '/api/tickets', { body: { queue: 'T' } });
    expect(issued.status).toBe(201);
    expect((await clerk.emitWithAck('window:next', { windowNo: 3 })).ok).toBe(true);
    expect((await clerk.emitWithAck('window:start', { windowNo: 3 })).ok).toBe(true);
    const prompt = nextEvent(pad, 'rating:prompt');
    expect((await clerk.emitWithAck('window:complete', { windowNo: 3 })).ok).toBe(true);
    const p = await prompt;
    expect(p).toMatchObject({ ticketId: issued.body.id, number: issued.body.number, windowNo: 3, clerk: { username: 'c03' } });
    expect(p.clerk?.name).toBeTruthy();
    expect(Date.parse(p.at)).toBe(s.clock.now());

    const rated = await api<{ score: number; windowNo: number }>(s.url, 'POST', `/api/tickets/${p.ticketId}/rating`, { body: { score: 5, via: 'pad' } });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ score: 5, windowNo: 3, channel: 'pad' });
    await expect.poll(() => managerHeard.length).toBe(1);
    expect(otherHeard.map((h) => h.length)).toEqual([0, 0, 0]);
  });

  it('asks for nothing when a ticket ends otherwise: 过号 or 转办', async () => {
    const pad = await socket(await login(s.url, 'kiosk', 'kiosk'), { pad: '3' });
    const got = heard(pad);
    const clerk = await clerkAt(3, 'c03');
    for (let i = 0; i < 2; i++) expect((await api(s.url, 'POST', '/api/tickets', { body: { queue: 'T' } })).status).toBe(201);
    await clerk.emitWithAck('window:next', { windowNo: 3 });
    expect((await clerk.emitWithAck('window:noShow', { windowNo: 3 })).ok).toBe(true);
    await clerk.emitWithAck('window:next', { windowNo: 3 });
    expect((await clerk.emitWithAck('window:transfer', { windowNo: 3, queue: 'J' })).ok).toBe(true);
    // A change that surely reached the pad after both: the clerk pauses.
    const changed = nextEvent(pad, 'hall:changed', (c) => c.windows.some((w) => w.no === 3 && w.state === 'paused'));
    await clerk.emitWithAck('window:pause', { windowNo: 3, reason: 'break' });
    await changed;
    expect(got).toEqual([]);
  });

  it('counts each 评价渠道: the pad’s, and the phone page’s (a rating that names none)', async () => {
    const clerk = await clerkAt(3, 'c03');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await api<TicketDetail>(s.url, 'POST', '/api/tickets', { body: { queue: 'T' } })).body.id);
      await clerk.emitWithAck('window:next', { windowNo: 3 });
      expect((await clerk.emitWithAck('window:complete', { windowNo: 3 })).ok).toBe(true);
    }
    expect((await api(s.url, 'POST', `/api/tickets/${ids[0]}/rating`, { body: { score: 5, via: 'pad' } })).status).toBe(201);
    expect((await api(s.url, 'POST', `/api/tickets/${ids[1]}/rating`, { body: { score: 4, via: 'pad' } })).status).toBe(201);
    const phone = await api<{ channel: string }>(s.url, 'POST', `/api/tickets/${ids[2]}/rating`, { body: { score: 3 } });
    expect(phone.body.channel).toBe('phone');
    expect((await api(s.url, 'POST', `/api/tickets/${ids[2]}/rating`, { body: { score: 3, via: 'sms' } })).status).toBe(400);
    const manager = await login(s.url, 'admin', 'admin');
    const list = await api<{ byChannel: Record<string, number>; ratings: { channel: string }[] }>(s.url, 'GET', '/api/ratings?date=2026-11-30', { token: manager });
    expect(list.body.byChannel).toEqual({ phone: 1, pad: 2 });
    expect(list.body.ratings.map((r) => r.channel)).toEqual(['pad', 'pad', 'phone']);
  });
});
