/**
 * 取号机呼叫 on the manager console in Chromium against a real server: a kiosk calls (REST, as an
 * outside kiosk would), the alert shows on the console at once with the kiosk's name and rings
 * (the title is flagged), 我去处理 then 已处理 end it, and the 统计 page's day lists the call with its
 * time to answer and the median. Screenshots (alert and day, zh and en) go to SCREENS_DIR.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskHelpMine } from '../../../shared/kioskHelp';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from './support';

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

describe('console: 取号机呼叫', () => {
  it('a kiosk calls, the console shows it live, 我去处理 and 已处理 end it; the 统计 day lists it with the time to answer', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin#stats`);
    await signIn(page, 'admin', 'admin');
    await page.getByTestId('stats-kiosk-help').waitFor();
    await expect.poll(() => page.getByTestId('stats-kiosk-help-none').textContent()).toBe('这一天没有取号机呼叫。');
    await page.waitForTimeout(300); // the /kiosk-help namespace connects beside the console's socket

    const kiosk = await token(server.url, 'kiosk', 'kiosk');
    const r = await apiCall<KioskHelpMine>(server.url, 'POST', '/api/kiosk-help', { kioskId: 'vendor-kiosk-0001', name: '东门取号机' }, kiosk);
    expect(r.status).toBe(201);

    const alert = page.getByTestId('kiosk-help-alerts');
    await expect.poll(() => alert.textContent()).toContain('东门取号机');
    expect(await alert.textContent()).toContain('取号机呼叫（1）');
    expect(await page.title()).toMatch(/^【取号机呼叫】/);
    await page.screenshot({ path: `${SCREENS}/kiosk-help-console-1-alert-zh.png` });

    server.clock.advance(95_000);
    await page.getByTestId('kiosk-help-take').click();
    await expect.poll(() => alert.textContent()).toContain('正在处理');
    expect(await page.title()).not.toMatch(/取号机呼叫/);
    // The kiosk hears that someone is coming.
    const mine = await apiCall<KioskHelpMine>(server.url, 'GET', '/api/kiosk-help/mine?kioskId=vendor-kiosk-0001', undefined, kiosk);
    expect(mine.body.status).toBe('acknowledged');

    await page.getByTestId('kiosk-help-resolve').click();
    await expect.poll(() => alert.count()).toBe(0);

    // The day's record, read again on a fresh visit to the page (a reload: hopping #board → #stats
    // once missed the row in a loaded full run).
    await page.reload();
    await page.getByTestId('stats-kiosk-help').waitFor();
    const list = page.getByTestId('stats-kiosk-help-list');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    const row = list.locator('tbody tr').first();
    expect(await row.textContent()).toContain('东门取号机');
    expect(await row.textContent()).toContain('已处理');
    expect(await row.locator('[data-col="answer"]').textContent()).toBe('01:35');
    expect(await page.getByTestId('stats-kiosk-help').locator('[data-figure="median"] .value').textContent()).toBe('01:35');
    await page.getByTestId('stats-kiosk-help').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/kiosk-help-console-2-day-zh.png` });

    await page.getByTestId('lang').selectOption('en');
    await expect.poll(() => page.getByTestId('stats-kiosk-help').locator('h2').textContent()).toBe('Kiosk calls');
    expect(await row.textContent()).toContain('Done');
    await page.screenshot({ path: `${SCREENS}/kiosk-help-console-3-day-en.png` });

    // A second call while the console is in English.
    await apiCall(server.url, 'POST', '/api/kiosk-help', { kioskId: 'vendor-kiosk-0002' }, kiosk);
    await expect.poll(() => alert.textContent()).toContain('Kiosks calling (1)');
    expect(await alert.textContent()).toContain('Kiosk …0002');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENS}/kiosk-help-console-4-alert-en.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
