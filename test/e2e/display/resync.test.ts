/**
 * A wall display must come back by itself: after losing its connection, and after the server
 * restarts — also when the restarted server counts seq from the start again. A TCP proxy sits
 * between Chromium and the server so the test can cut the line and swap the server behind it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot, Ticket } from '../../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { ensureDisplayBuilt, launchChromium, tcpProxy } from './support';

/** Generous waits: the test machine may be busy (vitest's default is one second). */
// Generous: CI machines have two cores and the browser, the server and vitest share them.
const patient = { timeout: 20_000, interval: 100 };

let browser: Browser;
/** Run after each test, newest first; `servers` after everything that talks to them, `files` at the very end. */
const cleanups: Array<() => Promise<void> | void> = [];
const servers: TestServer[] = [];
const files: string[] = [];

beforeAll(async () => {
  await ensureDisplayBuilt();
  browser = await launchChromium();
});

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  for (const s of servers.splice(0)) await s.close();
  for (const f of files.splice(0)) rmSync(f, { recursive: true, force: true });
});

afterAll(async () => {
  await browser?.close();
});

async function serverCall(server: TestServer, no: number, user: string, queue: string): Promise<Ticket> {
  const token = await login(server.url, user, '1234');
  await api(server.url, 'POST', `/api/windows/${no}/session`, { token });
  expect((await api(server.url, 'POST', '/api/tickets', { body: { queue } })).status).toBe(201);
  const r = await api<Ticket>(server.url, 'POST', `/api/windows/${no}/next`, { token, body: {} });
  expect(r.status).toBe(200);
  return r.body;
}

/**
 * The server process goes away: every connection through the proxy dies with it (as when a
 * process exits), then the server closes. Cutting first also keeps a keep-alive connection of
 * the page from holding the old server's close() open.
 */
async function stopBehind(proxy: Awaited<ReturnType<typeof tcpProxy>>, server: TestServer): Promise<void> {
  proxy.target(null);
  proxy.cutAll();
  await server.close();
}

function closeLast(server: TestServer): void {
  servers.push(server);
}

const status = (page: Page): Promise<string | null> => page.locator('.wall').getAttribute('data-status');
const hero = async (page: Page): Promise<string> => (await page.getByTestId('hero').textContent()) ?? '';
const slow = { timeout: 30_000, interval: 200 };

async function wallThrough(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  cleanups.push(() => page.close());
  await page.goto(`${url}/display?sound=off`);
  await expect.poll(() => status(page), patient).toBe('live');
  return page;
}

describe('wall display reconnects and resyncs', () => {
  it('shows what happened while it was offline as soon as it is back', async () => {
    const server = await startTestServer();
    closeLast(server);
    const proxy = await tcpProxy(server.port);
    cleanups.push(() => proxy.close());
    const page = await wallThrough(proxy.url);

    proxy.target(null); // the network is down
    proxy.cutAll();
    await expect.poll(() => status(page), patient).toBe('offline');
    expect(await page.getByTestId('connection-problem').textContent()).toContain('连接中断');

    const missed = await serverCall(server, 12, 'c12', 'B');
    await new Promise((r) => setTimeout(r, 300));
    expect(await hero(page)).not.toContain(missed.number);

    proxy.target(server.port); // and back
    await expect.poll(() => status(page), slow).toBe('live');
    await expect.poll(() => hero(page), patient).toContain(missed.number);
    expect(await page.locator('[data-window="12"]').textContent()).toContain(missed.number);
    expect(await page.getByTestId('connection-problem').count()).toBe(0);
  }, 90_000);

  it('survives a server restart on the same database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'display-restart-'));
    files.push(dir);
    const dbPath = join(dir, 'hall.db');
    const first = await startTestServer({ dbPath });
    const proxy = await tcpProxy(first.port);
    cleanups.push(() => proxy.close());
    const before = await serverCall(first, 19, 'c19', 'E');
    const page = await wallThrough(proxy.url);
    expect(await hero(page)).toContain(before.number);

    await stopBehind(proxy, first);
    await expect.poll(() => status(page), slow).toBe('offline');
    const second = await startTestServer({ dbPath });
    closeLast(second);
    proxy.target(second.port);
    await expect.poll(() => status(page), slow).toBe('live');
    expect(await hero(page)).toContain(before.number);

    const after = await serverCall(second, 20, 'c20', 'E');
    await expect.poll(() => hero(page), patient).toContain(after.number);
  }, 90_000);

  it('follows a fresh server whose seq starts again from the beginning', async () => {
    const first = await startTestServer();
    const proxy = await tcpProxy(first.port);
    cleanups.push(() => proxy.close());
    for (let i = 0; i < 3; i++) await serverCall(first, 22, 'c22', 'F');
    const oldSeq = (await api<Snapshot>(first.url, 'GET', '/api/snapshot')).body.seq;
    const page = await wallThrough(proxy.url);
    await stopBehind(proxy, first);
    await expect.poll(() => status(page), slow).toBe('offline');

    const fresh = await startTestServer();
    closeLast(fresh);
    const freshSeq = (await api<Snapshot>(fresh.url, 'GET', '/api/snapshot')).body.seq;
    expect(freshSeq).toBeLessThan(oldSeq);
    proxy.target(fresh.port);
    await expect.poll(() => status(page), slow).toBe('live');
    await expect.poll(() => hero(page), slow).toContain('暂无叫号'); // the old server's calls are gone

    // Its first changes carry seqs the display has seen before: they must not be dropped.
    const call = await serverCall(fresh, 23, 'c23', 'F');
    await expect.poll(() => hero(page), patient).toContain(call.number);
    expect(await page.locator('[data-window="23"]').textContent()).toContain(call.number);
  }, 90_000);

  it('notices a line that went silent without closing (heartbeat), and comes back', async () => {
    const server = await startTestServer();
    closeLast(server);
    const proxy = await tcpProxy(server.port);
    cleanups.push(() => proxy.close());
    const page = await wallThrough(proxy.url);

    const cutAt = Date.now();
    proxy.silence(true); // no FIN, no RST: only the missing pings tell
    await expect.poll(() => status(page), slow).toBe('offline');
    // The server pings every 10 s and gives 5 s more (app.ts): well inside half a minute.
    expect(Date.now() - cutAt).toBeLessThan(25_000);

    const missed = await serverCall(server, 12, 'c12', 'B');
    proxy.silence(false);
    proxy.cutAll(); // the dead connections are gone for good; new ones go through
    await expect.poll(() => status(page), slow).toBe('live');
    await expect.poll(() => hero(page), patient).toContain(missed.number);
  }, 90_000);
});
