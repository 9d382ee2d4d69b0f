/**
 * The console's 个人信息保护 group (预约与评价 page) in Chromium against a real server: it says
 * from which day names and phones are masked and what is due; a shorter period than the 爽约
 * rule needs is said to be kept longer; 立即清理 asks first, then masks and says what it did.
 * SCREENSHOT_DIR=… saves the group before and after (zh, 1366×768).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RetentionStatus } from '../../../shared/citizen';
import type { Ticket } from '../../../shared/schemas';
import { startTestServer, type TestServer } from '../../support/server';
import { nextPhone } from '../../citizen/support';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, issue, launchChromium, signIn, token } from './support';

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

describe('个人信息保护', () => {
  it('says what is kept and due, keeps what the 爽约 rule needs, and cleans up after a confirmation', async () => {
    let manager = await token(server.url, 'admin', 'admin');
    expect((await apiCall(server.url, 'PUT', '/api/citizen/settings', { smsEnabled: true }, manager)).status).toBe(200);
    const walkIn = await issue(server.url, 'A');
    expect((await apiCall<Ticket>(server.url, 'PUT', `/api/tickets/${walkIn.id}/sms`, { phone: nextPhone() })).status).toBe(200);
    // The next morning the walk-in's phone is past its day.
    server.clock.set(Date.parse('2026-12-01T01:00:00Z'));

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin#citizen`);
    await signIn(page, 'admin', 'admin');
    const group = page.locator('[data-testid=cs-privacy]');
    await expect.poll(() => group.textContent()).toContain('2026-06-04 之前的预约、爽约解除和短信只保留隐去后的姓名和手机号');
    expect(await page.inputValue('#cs-personalDataDays')).toBe('180');
    expect(await page.textContent('[data-testid=cs-retention-due]')).toBe('待清理：散客手机号 1 个');
    expect(await page.locator('[data-testid=cs-retention-longer]').count()).toBe(0);
    await group.scrollIntoViewIfNeeded();
    if (shots) await group.screenshot({ path: `${shots}/admin-privacy-due-zh-1366.png` });

    // Shorter than the 爽约 rule reads (30 + 30 days): kept 60 days, and the page says why.
    await page.fill('#cs-personalDataDays', '30');
    const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/api/citizen/settings'));
    await page.click('[data-testid=cs-save]');
    expect((await put).postDataJSON()).toEqual({ personalDataDays: 30 });
    await expect.poll(() => page.textContent('[data-testid=cs-retention-longer]')).toContain('实际保存 60 天');
    expect(await group.textContent()).toContain('2026-10-02 之前');

    // 立即清理 asks first; cancelling does nothing.
    await page.click('[data-testid=cs-retention-run]');
    await page.waitForSelector('[role=dialog]');
    expect(await page.textContent('[role=dialog]')).toContain('将隐去 散客手机号 1 个 中的姓名和手机号（2026-10-02 之前），隐去后不可恢复');
    expect(await axeProblems(page)).toEqual([]);
    await page.click('[role=dialog] >> text=取消');
    manager = await token(server.url, 'admin', 'admin');
    const before = (await apiCall<RetentionStatus>(server.url, 'GET', '/api/citizen/retention', undefined, manager)).body;
    expect(before.pending.ticketPhones).toBe(1);

    await page.click('[data-testid=cs-retention-run]');
    await page.click('[data-testid=cs-retention-confirm]');
    await page.waitForSelector('[data-testid=cs-retention] [role=status]:text("已清理：散客手机号 1 个")');
    expect(await page.textContent('[data-testid=cs-retention-due]')).toBe('没有超过期限的个人信息。');
    expect(await page.isDisabled('[data-testid=cs-retention-run]')).toBe(true);
    expect(await page.textContent('[data-testid=cs-retention-last]')).toMatch(/^上次清理 12\/01 09:00：散客手机号 1 个$/);
    const after = (await apiCall<RetentionStatus>(server.url, 'GET', '/api/citizen/retention', undefined, manager)).body;
    expect(after.pending.ticketPhones).toBe(0);
    if (shots) await group.screenshot({ path: `${shots}/admin-privacy-done-zh-1366.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
