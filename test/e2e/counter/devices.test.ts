/**
 * 设备状态 end to end, all in Chromium (without the kiosk box's autoplay flag, as a TV set up by
 * hand would be): a zone wall and a window screen open and register themselves; the wall cannot
 * play sound until someone taps it, and the manager's live board says so; a tap on 启用声音
 * clears it; the 设备状态 page lists both; the window screen is switched off and shows as offline
 * on the page and on the board, then removed from the list (it left the hall). Screenshots:
 * devices-board.png, devices-page.png in $SCREENSHOT_DIR.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';
import { ensureDisplayBuilt } from '../display/support';
import { collectErrors, ensureCounterBuilt, launchChromium, signIn } from './support';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/screens';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureCounterBuilt();
  await ensureDisplayBuilt();
  server = await startTestServer();
  browser = await launchChromium({ autoplay: false });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('设备状态', () => {
  it('a silent wall and a dark window screen reach the manager; a tap on the wall clears its alert', async () => {
    const wall = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await wall.goto(`${server.url}/display?zone=${encodeURIComponent('公积金专区')}&name=${encodeURIComponent('东门大屏')}`);
    await wall.getByTestId('enable-sound').waitFor();
    const screenContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const screen = await screenContext.newPage();
    await screen.goto(`${server.url}/display/window/3`);
    await screen.locator('#app > *').first().waitFor();
    // A 评价器 on window 5's counter (its sign-in form up: it says who it is all the same).
    const pad = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await pad.goto(`${server.url}/display/rate/5`);
    await pad.getByTestId('pad-signin').waitFor();

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin`);
    await signIn(page, 'admin', 'admin');
    const alerts = page.getByTestId('device-alerts');
    await expect.poll(() => alerts.textContent()).toContain('叫号大屏（东门大屏）没有声音');
    await page.screenshot({ path: join(SHOTS, 'devices-board.png') });

    // Someone taps 启用声音 on the wall: the alert goes by itself.
    await wall.getByTestId('enable-sound').click();
    await expect.poll(() => alerts.count()).toBe(0);

    await page.click('[data-nav=devices]');
    await page.getByTestId('devices-page').waitFor();
    expect(await page.textContent('h1')).toBe('设备状态');
    await expect.poll(() => page.locator('[data-kind=pad] tbody tr').first().textContent()).toContain('5号窗口');
    const wallRow = page.locator('[data-kind=wall] tbody tr');
    expect(await wallRow.count()).toBe(1);
    expect(await wallRow.locator('.name').textContent()).toMatch(/东门大屏\s*公积金专区/);
    expect(await wallRow.locator('[data-col=sound]').textContent()).toBe('正常');
    const screenRow = page.locator('[data-kind=window] tbody tr');
    expect(await screenRow.textContent()).toContain('3号窗口');
    expect(await screenRow.textContent()).toContain('在线');

    // The window screen is switched off: offline here and on the board, no reload needed.
    await screenContext.close();
    await expect.poll(() => screenRow.textContent(), { timeout: 15_000 }).toContain('离线');
    expect(await page.locator('[data-kind=window] h2 .chip').textContent()).toBe('在线 0/1');
    await page.screenshot({ path: join(SHOTS, 'devices-page.png') });
    await page.click('[data-nav=board]');
    await expect.poll(() => alerts.textContent()).toContain('窗口屏（3号窗口）离线');

    // It left the hall for good: 移除 (only offline screens have the button), after a confirmation.
    await page.click('[data-nav=devices]');
    expect(await page.locator('[data-kind=wall] [data-testid=device-remove]').count()).toBe(0);
    await screenRow.locator('[data-testid=device-remove]').click();
    expect(await page.locator('[role=dialog]').textContent()).toContain('窗口屏 · 3号窗口');
    await page.click('[data-testid=device-remove-confirm]');
    await expect.poll(() => page.locator('[data-kind=window]').count()).toBe(0);
    await page.click('[data-nav=board]');
    await expect.poll(() => alerts.count()).toBe(0);

    // English: the page's own words have no Chinese left (the zone's name is the hall's data).
    await page.click('[data-nav=devices]');
    await page.selectOption('[data-testid=lang]', 'en');
    await expect.poll(() => page.textContent('h1')).toBe('Devices');
    const words = await page.locator('.devices-page h2, .devices-page thead, .devices-page .help, [data-kind=window] tbody').allTextContents();
    expect(words.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
    expect(errors).toEqual([]);
    await wall.close();
    await context.close();
  }, 90_000);
});
