/**
 * 刷身份证取号 in the manager console (预约与评价, its own group) in Chromium against a real server:
 * the demo hall's values shown, a bad limit or age caught before saving, the three saved together
 * and kept over a reload, and the change named in 操作日志. Screenshot: /tmp/e2e-counter/id-card-*.png.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/admin';
import type { CitizenSettings } from '../../../shared/citizen';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from './support';

const SHOTS = '/tmp/e2e-counter';
let browser: Browser;
let server: TestServer;
let manager = '';

beforeAll(async () => {
  await ensureCounterBuilt();
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  server = await startTestServer();
  manager = await token(server.url, 'admin', 'admin');
});
afterEach(async () => {
  await server?.close();
});

const settings = async (): Promise<CitizenSettings> => (await apiCall<CitizenSettings>(server.url, 'GET', '/api/citizen/settings', undefined, manager)).body;

describe('刷身份证取号 settings', () => {
  it('shows the hall’s values, catches a bad limit or age, saves the three together, keeps them over a reload, and logs the change', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin#citizen`);
    await signIn(page, 'admin', 'admin');
    await page.waitForSelector('[data-testid=id-card-settings]');
    expect(await page.isChecked('[data-testid=idc-mode-optional]')).toBe(true);
    expect(await page.inputValue('[data-testid=idc-limit]')).toBe('1');
    expect(await page.inputValue('[data-testid=idc-age]')).toBe('65');

    await page.fill('[data-testid=idc-age]', '59');
    await expect.poll(() => page.locator('[data-testid=id-card-settings] .field-error').textContent()).toBe('请填 0，或 60 到 80 之间的整数');
    expect(await page.isDisabled('[data-testid=idc-save]')).toBe(true);
    await page.fill('[data-testid=idc-age]', '70');
    await page.fill('[data-testid=idc-limit]', '0');
    await expect.poll(() => page.locator('[data-testid=id-card-settings] .field-error').textContent()).toBe('请填 1 到 5 之间的整数');
    await page.fill('[data-testid=idc-limit]', '2');
    await page.check('[data-testid=idc-mode-required]');
    await page.click('[data-testid=idc-save]');
    await expect.poll(async () => (await settings()).idCard).toBe('required');
    expect(await settings()).toMatchObject({ idDailyLimit: 2, seniorPriorityAge: 70 });
    await page.locator('[data-testid=id-card-settings]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/id-card-saved.png` });

    await page.reload();
    await page.waitForSelector('[data-testid=id-card-settings]');
    expect(await page.isChecked('[data-testid=idc-mode-required]')).toBe(true);
    expect(await page.inputValue('[data-testid=idc-age]')).toBe('70');
    expect(await axeProblems(page)).toEqual([]);

    // 操作日志 names what changed in the console's words.
    const audit = (await apiCall<AuditEntry[]>(server.url, 'GET', '/api/admin/audit?type=CitizenSettingsChanged', undefined, manager)).body;
    expect(audit.some((e) => e.type === 'CitizenSettingsChanged')).toBe(true);
    await page.goto(`${server.url}/admin#audit`);
    await expect.poll(() => page.locator('body').textContent(), { timeout: 10_000 }).toContain('修改预约与评价设置：取号机刷身份证、每人每个业务每天最多取号、老年人优先年龄');
    expect(errors).toEqual([]);
    await context.close();
  });
});
