/**
 * 取号时间 on the console's 大厅设置 page in Chromium against a real server: none at first (any
 * time, the stop rule greyed out); two spans added, a bad one said next to its row and nothing
 * sent; saved with the stop rule, kept over a reload, and in the snapshot kiosks read.
 * SCREENSHOT_DIR=… saves the page (zh, 1366×768).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { HallSettings } from '../../../shared/admin';
import type { Snapshot, Ticket } from '../../../shared/schemas';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from './support';

let server: TestServer;
let browser: Browser;
const shots = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  await ensureCounterBuilt();
  server = await startTestServer();
  browser = await launchChromium();
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('取号时间 on the 大厅设置 page', () => {
  it('adds spans, refuses a bad one next to its row, saves them with the stop rule, and keeps them', async () => {
    const manager = await token(server.url, 'admin', 'admin');
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin#hall`);
    await signIn(page, 'admin', 'admin');
    const field = page.getByTestId('ticket-hours');
    await expect.poll(() => field.textContent()).toContain('不限时间（全天可取号）');
    expect(await page.isDisabled('[data-testid=hours-stop]')).toBe(true);

    await page.click('[data-testid=hours-add]');
    await page.click('[data-testid=hours-add]');
    expect(await page.inputValue('[aria-label="第 1 段开始"]')).toBe('08:30');
    expect(await page.inputValue('[aria-label="第 2 段开始"]')).toBe('12:00');
    // A second span that starts before the first ends: said next to it, nothing sent.
    await page.fill('[aria-label="第 2 段开始"]', '11:00');
    await page.fill('[aria-label="第 2 段结束"]', '1700');
    await page.click('[data-testid=hall-save]');
    await expect.poll(() => field.locator('[role=alert]').textContent()).toBe('须晚于上一段的结束时间');
    expect(await page.inputValue('[aria-label="第 2 段结束"]')).toBe('17:00'); // tidied
    expect((await apiCall<HallSettings>(server.url, 'GET', '/api/admin/settings', undefined, manager)).body.ticketHours).toEqual([]);
    expect(await axeProblems(page)).toEqual([]);

    await page.fill('[aria-label="第 2 段开始"]', '13:30');
    await page.check('[data-testid=hours-stop]');
    await page.click('[data-testid=hall-save]');
    await page.waitForSelector('text=大厅设置已保存');
    const saved = (await apiCall<HallSettings>(server.url, 'GET', '/api/admin/settings', undefined, manager)).body;
    expect(saved).toMatchObject({ ticketHours: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:00' }], stopWhenUnfinishable: true });
    expect((await apiCall<Snapshot>(server.url, 'GET', '/api/snapshot')).body.hall.ticketHours).toEqual(saved.ticketHours);
    if (shots) await page.screenshot({ path: `${shots}/admin-hall-hours-zh-1366.png`, fullPage: true });
    // The 扫码取号 poster opens from here, with the hall's QR code.
    const [poster] = await Promise.all([context.waitForEvent('page'), page.click('[data-testid=hall-poster]')]);
    await poster.waitForLoadState();
    expect(await poster.textContent('h1')).toBe('手机扫码取号');
    expect(await poster.locator('.qr svg').count()).toBe(1);
    if (shots) await poster.screenshot({ path: `${shots}/mobile-poster.png`, fullPage: true });
    await poster.close();

    await page.reload();
    await page.waitForSelector('[aria-label="第 2 段结束"]');
    expect(await page.inputValue('[aria-label="第 2 段结束"]')).toBe('17:00');
    expect(await page.isChecked('[data-testid=hours-stop]')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the live board says which services stopped taking kiosk numbers, and why', async () => {
    // The first test saved 08:30–12:00, 13:30–17:00 with the stop rule. At 16:30 nobody serves F.
    server.clock.set(Date.parse('2026-11-30T16:30:00+08:00'));
    const guide = await token(server.url, 'guide', '1234');
    const stopped = async () => (await apiCall<Snapshot>(server.url, 'GET', '/api/snapshot')).body.queues.find((q) => q.code === 'F')?.stopped === true;
    for (let i = 0; i < 40 && !(await stopped()); i++) {
      expect((await apiCall<Ticket>(server.url, 'POST', '/api/tickets', { queue: 'F', channel: 'guide' }, guide)).status).toBe(201);
    }
    expect(await stopped()).toBe(true);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin#board`);
    await signIn(page, 'admin', 'admin');
    await expect.poll(() => page.getByTestId('board-stopped').textContent()).toContain('F 不动产登记 今日已停止自助取号');
    expect(await page.locator('[data-queue="F"] [data-testid=queue-stopped]').textContent()).toBe('停止取号');
    expect(await page.locator('[data-testid=queue-stopped]').count()).toBe(1);
    expect(await axeProblems(page)).toEqual([]);
    if (shots) await page.screenshot({ path: `${shots}/admin-board-stopped-zh-1366.png` });
    await context.close();
  });
});
