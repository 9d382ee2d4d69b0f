/**
 * Without the kiosk flag (--autoplay-policy=no-user-gesture-required) Chromium refuses to play
 * before a click: the wall shows its one-click "启用声音" overlay, holds the announcement, and
 * plays it after the click.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Ticket } from '../../../shared/schemas';
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
  browser = await launchChromium({ autoplay: false });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('asks for one click before it may speak, then speaks what it held', async () => {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const audio: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/api/audio/call/')) audio.push(req.url());
  });
  await page.goto(`${server.url}/display`);
  const overlay = page.getByTestId('enable-sound');
  await overlay.waitFor();
  expect(await overlay.textContent()).toContain('启用声音');
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/wall-sound-overlay.png` });

  const token = await login(server.url, 'c07', '1234');
  await api(server.url, 'POST', '/api/windows/7/session', { token });
  await api(server.url, 'POST', '/api/tickets', { body: { queue: 'R' } });
  const called = (await api<Ticket>(server.url, 'POST', '/api/windows/7/next', { token, body: {} })).body;
  // The call is on screen behind the overlay, but nothing is played yet.
  await expect.poll(async () => page.getByTestId('hero-number').textContent(), patient).toBe(called.number);
  expect(await page.locator('.wall').getAttribute('data-announced')).toBe('0');

  await overlay.click();
  await expect.poll(() => overlay.count(), patient).toBe(0);
  await expect.poll(() => page.locator('.wall').getAttribute('data-speaking'), patient).toBe(`${called.number}@7`);
  // The wall says it is speaking as it starts; the clip's request may leave a moment later.
  await expect.poll(() => audio.some((u) => u.includes(`/${called.number}/7.wav`)), patient).toBe(true);
  await page.close();
});
