/**
 * The wall display in Chromium against a real server: a call made through the REST API shows
 * up large and is announced (its audioUrl is fetched and played), a recall is announced again,
 * a lost change (forced gap) is repaired by a snapshot, and nothing personal is ever shown.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot, Ticket } from '../../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { ensureDisplayBuilt, launchChromium } from './support';

/** Generous waits: the test machine may be busy (vitest's default is one second). */
const patient = { timeout: 10_000, interval: 100 };

const SCREENS = process.env.SCREENS_DIR ?? '/tmp/screens';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureDisplayBuilt();
  server = await startTestServer();
  browser = await launchChromium({ autoplay: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(no: number, user: string): Promise<string> {
  const token = await login(server.url, user, '1234');
  const r = await api(server.url, 'POST', `/api/windows/${no}/session`, { token });
  expect(r.status).toBe(200);
  return token;
}

async function issue(queue: string): Promise<Ticket> {
  const r = await api<Ticket>(server.url, 'POST', '/api/tickets', { body: { queue } });
  expect(r.status).toBe(201);
  return r.body;
}

async function callNext(no: number, token: string): Promise<Ticket> {
  const r = await api<Ticket>(server.url, 'POST', `/api/windows/${no}/next`, { token, body: {} });
  expect(r.status).toBe(200);
  return r.body;
}

async function openWall(path = '/display'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(server.url + path);
  await page.locator('.wall[data-status="live"]').waitFor({ timeout: 10_000 });
  return page;
}

const text = async (page: Page, selector: string): Promise<string> => (await page.locator(selector).first().textContent()) ?? '';
const waitingOf = (page: Page, queue: string): Promise<string> => text(page, `[data-queue="${queue}"] [data-testid="queue-waiting"]`);

describe('wall display', () => {
  it('shows a call pushed by the server large, fetches its announcement and plays it; a recall is spoken again', async () => {
    const page = await openWall();
    const audio: Array<{ url: string; status: number; type: string }> = [];
    page.on('response', (res) => {
      if (res.url().includes('/api/audio/call/')) audio.push({ url: res.url(), status: res.status(), type: res.headers()['content-type'] ?? '' });
    });
    expect(await text(page, '[data-testid="hall-name"]')).toContain('政务服务中心');

    const token = await signIn(1, 'c01');
    const issued = await issue('J');
    const called = await callNext(1, token);
    expect(called.number).toBe(issued.number);

    await expect.poll(() => text(page, '[data-testid="hero-number"]'), patient).toBe(called.number);
    expect(await text(page, '[data-testid="hero"]')).toContain('请到 1号窗口');
    expect(await page.locator('[data-testid="hero-call"]').getAttribute('class')).toContain('blink');
    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: `${SCREENS}/wall-new-call-blinking.png` });
    expect(await text(page, '[data-window="1"]')).toContain(called.number);

    // Its audioUrl (from the call event) is requested and answered with a WAV, then played.
    const snapshot = (await api<Snapshot>(server.url, 'GET', '/api/snapshot')).body;
    const audioUrl = snapshot.recentCalls.find((c) => c.number === called.number)!.audioUrl;
    await expect.poll(() => audio.find((a) => a.url === server.url + audioUrl), patient).toMatchObject({ type: 'audio/wav' });
    await expect.poll(() => page.locator('.wall').getAttribute('data-speaking'), patient).toBe(`${called.number}@1`);
    const firstStarted = Date.now();
    expect(await page.locator('.wall').getAttribute('data-announced')).toBe('1');

    // Numbers only: the clerk's name never reaches the screen (staff see it; the wall is never sent it).
    const staffView = (await api<Snapshot>(server.url, 'GET', '/api/snapshot', { token })).body;
    const clerk = staffView.windows.find((w) => w.no === 1)!.clerk!;
    expect(await text(page, 'body')).not.toContain(clerk.name);

    // A recall is announced again, after the first announcement has played to its end (the
    // clip is about 11 s: chime + sentence twice), never overlapping it.
    const recall = await api<Ticket>(server.url, 'POST', '/api/windows/1/recall', { token });
    expect(recall.status).toBe(200);
    await expect.poll(() => text(page, '[data-testid="hero"]'), patient).toContain('重呼');
    await expect
      .poll(() => page.locator('.wall').getAttribute('data-announced'), { timeout: 30_000, interval: 100 })
      .toBe('2');
    expect(Date.now() - firstStarted).toBeGreaterThan(5_000); // overlapping would start at once
    expect(await page.locator('.wall').getAttribute('data-speaking')).toBe(`${called.number}@1`);
    await page.close();
  }, 60_000);

  it('repairs a lost change with a snapshot (forced gap)', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // Sit between the page and the server's WebSocket to drop one hall:changed on demand.
    let dropNextChange = false;
    let dropped = 0;
    let snapshotRequests = 0;
    let upgraded = false;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const srv = ws.connectToServer();
      ws.onMessage((m) => {
        if (m === '5') upgraded = true;
        if (typeof m === 'string' && m.includes('"snapshot:get"')) snapshotRequests++;
        srv.send(m);
      });
      srv.onMessage((m) => {
        if (dropNextChange && typeof m === 'string' && m.startsWith('42["hall:changed"')) {
          dropNextChange = false;
          dropped++;
          return;
        }
        ws.send(m);
      });
    });
    await page.goto(server.url + '/display?sound=off');
    await page.locator('.wall[data-status="live"]').waitFor();
    await expect.poll(() => upgraded, patient).toBe(true);
    const before = snapshotRequests;

    const tBefore = Number(await waitingOf(page, 'T'));
    const rBefore = Number(await waitingOf(page, 'R'));
    dropNextChange = true;
    await issue('T'); // this change never reaches the page
    await expect.poll(() => dropped, patient).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(Number(await waitingOf(page, 'T'))).toBe(tBefore); // the page missed it

    await issue('R'); // seq jumps by two: a gap
    await expect.poll(() => snapshotRequests, patient).toBeGreaterThan(before);
    await expect.poll(() => waitingOf(page, 'T'), patient).toBe(String(tBefore + 1));
    expect(await waitingOf(page, 'R')).toBe(String(rBefore + 1));
    expect(await page.locator('.wall').getAttribute('data-status')).toBe('live');
    await page.close();
  });

  it('a zone display shows only its zone and a window screen follows its window', async () => {
    const zone = await openWall(`/display?sound=off&zone=${encodeURIComponent('税务专区')}`);
    const screen = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await screen.goto(`${server.url}/display/window/3`);
    await expect.poll(() => text(screen, '[data-testid="window-state"]'), patient).toContain('未开放');
    expect(await text(screen, '[data-testid="window-label"]')).toBe('3号窗口');
    expect(await text(screen, '[data-testid="window-queues"]')).toContain('T 税务');

    const token = await signIn(3, 'c03');
    await expect.poll(() => text(screen, '[data-testid="window-state"]'), patient).toContain('空闲');
    await issue('T');
    const called = await callNext(3, token);
    await expect.poll(() => text(screen, '[data-testid="window-number"]'), patient).toBe(called.number);
    await expect.poll(() => text(zone, '[data-testid="hero-number"]'), patient).toBe(called.number);
    expect(await zone.locator('[data-testid="queue-row"]').count()).toBe(1);
    expect(await zone.locator('[data-testid="window-cell"]').count()).toBe(1);

    // A call in another zone is neither shown nor spoken there.
    const other = await signIn(9, 'c09');
    await issue('A');
    const elsewhere = await callNext(9, other);
    await new Promise((r) => setTimeout(r, 500));
    expect(await text(zone, 'body')).not.toContain(elsewhere.number);

    expect((await api(server.url, 'POST', '/api/windows/3/pause', { token, body: { reason: 'break' } })).status).toBe(200);
    await expect.poll(() => text(screen, '[data-testid="window-state"]'), patient).toContain('暂停服务');
    expect(await text(screen, '[data-testid="window-state"]')).toContain('休息中');
    expect(await text(screen, '[data-testid="window-state"]')).toContain('On break'); // not "休息中 · Paused"
    await expect.poll(() => text(zone, '[data-window="3"]'), patient).toContain('暂停服务');
    // An English zone wall names its zone in English (it showed the 税务专区 of its address).
    const english = await openWall(`/display?sound=off&lang=en&zone=${encodeURIComponent('税务专区')}`);
    await expect.poll(() => text(english, '[data-testid="hall-name"]'), patient).toContain('Taxation');
    expect((await text(english, 'header')) + (await text(english, 'main'))).not.toMatch(/[\u4e00-\u9fff]/); // the notices are the hall's own words
    await english.close();
    await zone.close();
    await screen.close();
  });

  it('shows the letter on the tickets: a queue numbering with another prefix shows that prefix', async () => {
    const wall = await openWall('/display?sound=off');
    const screen = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await screen.goto(`${server.url}/display/window/23`);
    await expect.poll(() => text(screen, '[data-testid="window-queues"]'), patient).toContain('F 不动产登记');
    expect(await text(wall, '[data-queue="F"] .code')).toBe('F');

    const manager = await login(server.url, 'admin', 'admin');
    expect((await api(server.url, 'PUT', '/api/admin/queues/F', { token: manager, body: { prefix: 'X' } })).status).toBe(200);
    await expect.poll(() => text(wall, '[data-queue="F"] .code'), patient).toBe('X');
    await expect.poll(() => text(screen, '[data-testid="window-queues"]'), patient).toContain('X 不动产登记');
    expect((await issue('F')).number).toMatch(/^X\d{3}$/);
    // Back to the code, for the other tests of this file.
    expect((await api(server.url, 'PUT', '/api/admin/queues/F', { token: manager, body: { prefix: 'F' } })).status).toBe(200);
    await expect.poll(() => text(wall, '[data-queue="F"] .code'), patient).toBe('F');
    await wall.close();
    await screen.close();
  });
});
