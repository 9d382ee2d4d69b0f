/**
 * 扫码取号需验证手机号 in the manager console (预约与评价, its own group) in Chromium against a real
 * server: with SMS off the group says phones cannot get their code and the server's refusal is
 * shown; with SMS on the switch and the limit are saved and kept over a reload, and the group says
 * when no SMS platform is connected; 场内扫码取号 is its own switch, without SMS. Screenshots go to
 * /tmp/e2e-counter/mobile-verify-*.png.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

async function open(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/admin#citizen`);
  await signIn(page, 'admin', 'admin');
  await page.waitForSelector('[data-testid=mobile-verify]');
  return { page, errors };
}

describe('手机取号验证 settings', () => {
  it('with SMS off: says phones cannot get the code, and the refusal is shown; nothing is saved', async () => {
    const { page, errors } = await open();
    expect(await page.isChecked('[data-testid=mv-on]')).toBe(false);
    expect(await page.inputValue('[data-testid=mv-limit]')).toBe('1');
    expect(await page.locator('[data-testid=mv-warning]').count()).toBe(0);
    await page.check('[data-testid=mv-on]');
    await expect.poll(() => page.textContent('[data-testid=mv-warning]')).toBe('短信提醒未开启：手机收不到验证码。请先在上方开启短信提醒并保存，再开启本项。');
    await page.click('[data-testid=mv-save]');
    await expect.poll(() => page.textContent('[data-testid=mv-error]')).toBe('短信提醒未开启：手机收不到验证码。请先在上方开启短信提醒并保存，再开启本项。');
    expect((await settings()).mobileVerify).toBe(false);
    await page.locator('[data-testid=mobile-verify]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/mobile-verify-sms-off.png` });
    expect(await axeProblems(page)).toEqual([]);
    // The browser logs the refused PUT itself; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  });

  it('with SMS on: saves the switch and the limit, keeps them over a reload; a bad limit is caught; says no platform is connected', async () => {
    expect((await apiCall(server.url, 'PUT', '/api/citizen/settings', { smsEnabled: true }, manager)).status).toBe(200);
    const { page, errors } = await open();
    await page.check('[data-testid=mv-on]');
    await page.fill('[data-testid=mv-limit]', '6');
    await expect.poll(() => page.locator('[data-testid=mobile-verify] .field-error').textContent()).toBe('请填 1 到 5 之间的整数');
    expect(await page.isDisabled('[data-testid=mv-save]')).toBe(true);
    await page.fill('[data-testid=mv-limit]', '2');
    await page.click('[data-testid=mv-save]');
    await expect.poll(async () => (await settings()).mobileDailyLimit).toBe(2);
    expect((await settings()).mobileVerify).toBe(true);
    // The test server has no SMS platform: codes could not go out.
    expect(await page.textContent('[data-testid=mv-warning]')).toBe('短信平台未接入：验证码发不出去，群众手机上会提示“手机取号暂不可用”。');
    await page.locator('[data-testid=mobile-verify]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/mobile-verify-saved.png` });

    await page.reload();
    await page.waitForSelector('[data-testid=mobile-verify]');
    expect(await page.isChecked('[data-testid=mv-on]')).toBe(true);
    expect(await page.inputValue('[data-testid=mv-limit]')).toBe('2');
    expect(await axeProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('场内扫码取号: needs no SMS; saved, kept over a reload, and the kiosks then serve the QR', async () => {
    const { page, errors } = await open();
    expect(await page.isChecked('[data-testid=mv-onsite]')).toBe(false);
    expect((await apiCall(server.url, 'GET', '/api/mobile/onsite-code', undefined, manager)).status).toBe(409);
    await page.check('[data-testid=mv-onsite]');
    await page.click('[data-testid=mv-save]');
    await expect.poll(async () => (await settings()).mobileOnSite).toBe(true);
    expect((await settings()).mobileVerify).toBe(false);
    expect((await apiCall(server.url, 'GET', '/api/mobile/onsite-code', undefined, manager)).status).toBe(200);
    await page.locator('[data-testid=mobile-verify]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/mobile-verify-onsite.png` });
    await page.reload();
    await page.waitForSelector('[data-testid=mobile-verify]');
    expect(await page.isChecked('[data-testid=mv-onsite]')).toBe(true);
    expect(await axeProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
