/** The 请叫号 prompt on the clerk's panel: lights up when someone waits for this window, goes out on the call. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../../support/server';
import { collectErrors, ensureCounterBuilt, issue, launchChromium, signIn } from './support';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureCounterBuilt();
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('请叫号 prompt', () => {
  it('shows on 叫号 when a ticket arrives for an idle window and clears once called', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = collectErrors(page);
    await page.goto(`${server.url}/counter`);
    await signIn(page, 'c11', '1234');
    await page.click('[data-window="5"]');
    await page.waitForSelector('[data-action=next]');
    expect(await page.locator('[data-testid=call-prompt]').count()).toBe(0);

    await issue(server.url, 'T');
    await page.waitForSelector('[data-action=next].prompted [data-testid=call-prompt]');
    expect(await page.textContent('[data-testid=call-prompt]')).toBe('有群众等候');

    await page.keyboard.press('1');
    await page.waitForSelector('[data-testid=call-prompt]', { state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
