/**
 * The live board says how long each clerk has worked without a pause (连续 h:mm), amber from two
 * hours — the seed asks centres to give staff after long concentrated work a break (调休). Real
 * server with a manual clock: the console follows the server's time from its pushes.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, collectErrors, ensureCounterBuilt, issue, launchChromium, signIn, token } from './support';

const SCREENS = process.env.SCREENS_DIR ?? '/tmp/screens';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  await ensureCounterBuilt();
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('continuous work on the live board', () => {
  it('counts from sign-in, marks two hours, and starts again after a pause', async () => {
    const clerk = await token(server.url, 'c09', '1234');
    expect((await apiCall(server.url, 'POST', '/api/windows/9/session', undefined, clerk)).status).toBe(200);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin#board`);
    await signIn(page, 'admin', 'admin');
    const worked = page.locator('[data-window="9"] [data-testid=board-worked]');
    await expect.poll(() => worked.textContent()).toContain('连续 0:00');
    expect(await page.locator('[data-testid=board-worked]').count()).toBe(1);

    // Two hours and five minutes on; a change carries the server's time to the console.
    server.clock.advance(125 * 60_000);
    await issue(server.url, 'A');
    await expect.poll(() => worked.textContent()).toContain('连续 2:05');
    expect(await worked.getAttribute('class')).toContain('long');
    await page.screenshot({ path: `${SCREENS}/board-worked-long.png` });

    // A pause ends it; resuming starts it from zero.
    expect((await apiCall(server.url, 'POST', '/api/windows/9/pause', { reason: 'break' }, clerk)).status).toBe(200);
    await expect.poll(() => worked.count()).toBe(0);
    server.clock.advance(15 * 60_000);
    expect((await apiCall(server.url, 'POST', '/api/windows/9/resume', undefined, clerk)).status).toBe(200);
    await expect.poll(() => worked.textContent()).toContain('连续 0:00');
    expect(await worked.getAttribute('class')).not.toContain('long');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
