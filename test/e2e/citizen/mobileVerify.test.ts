/**
 * 扫码取号需验证手机号 in Chromium at 390×844 against a real server and a local SMS gateway: the
 * phone's confirm step asks for the mobile number and the texted code (获取验证码 counts down),
 * says why a wrong code or a phone at its limit is refused (naming the number it holds), in
 * Chinese and English, issues with the right code, opens the ticket's page with the phone already
 * on it for 快到您了, and still lists the number when the phone comes back. Every screen passes axe.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../../shared/schemas';
import { startGateway, type Gateway } from '../../citizen/smsGateway';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { DIST_ROOT, expectAccessible, fileBrowser, openKioskAt, PHONE_SCREEN, shot } from './support';

const browser = fileBrowser();
let server: TestServer;
let gw: Gateway;
let context: BrowserContext;

beforeEach(async () => {
  gw = await startGateway();
  server = await startTestServer({ distDir: DIST_ROOT, sms: { url: gw.url, timeoutMs: 2_000, maxAttempts: 3 } });
  const manager = await login(server.url, 'admin', 'admin');
  const r = await api(server.url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: true, mobileVerify: true } });
  expect(r.status).toBe(200);
  context = await browser().newContext(PHONE_SCREEN);
});
afterEach(async () => {
  await context?.close();
  await server?.close();
  await gw?.close();
});

const PHONE = '13912345678';

/** The last code the gateway was given for PHONE. */
async function lastCode(count: number): Promise<string> {
  await expect.poll(() => gw.requests.filter((r) => r.body.kind === 'verify').length).toBe(count);
  return /验证码 (\d{6})/.exec(gw.requests.at(-1)!.body.text)![1]!;
}

async function toConfirm(page: Page): Promise<void> {
  await page.click('[data-category="民生服务"]');
  await page.click('[data-queue="E"]');
  await page.locator('[data-matter]').first().click();
}

describe('扫码取号 with a verified phone', () => {
  it('asks for the phone and its code, refuses a wrong code and a second number, issues with the right one', async () => {
    const page = await openKioskAt(context, server.url, '/m');
    await toConfirm(page);
    const take = page.getByTestId('take');
    await expect.poll(() => page.getByTestId('phone-verify').isVisible()).toBe(true);
    expect(await take.isDisabled()).toBe(true);
    await expectAccessible(page, 'phone verify');
    await shot(page, 'mobile-verify-1-empty', true);
    // Large type (适老化): the box, and the 返回/首页 bar, fit the phone's width.
    await page.getByTestId('large').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'phone verify, large type');
    await page.getByTestId('phone-verify').scrollIntoViewIfNeeded();
    await shot(page, 'mobile-verify-1-large');
    await page.getByTestId('large').click();

    // A short number is caught before anything is sent.
    await page.getByTestId('verify-phone').fill('1391234');
    await page.getByTestId('get-code').click();
    await expect.poll(() => page.getByTestId('verify-error').textContent()).toBe('请输入 11 位手机号码（1 开头）');
    expect(gw.requests).toHaveLength(0);

    await page.getByTestId('verify-phone').fill(PHONE);
    await page.getByTestId('get-code').click();
    await expect.poll(() => page.getByTestId('code-sent').textContent()).toBe('验证码已发送到 139****5678，5 分钟内有效');
    await expect.poll(() => page.getByTestId('get-code').textContent()).toMatch(/^\s*(5\d|60) 秒后重发\s*$/);
    expect(await page.getByTestId('get-code').isDisabled()).toBe(true);
    const code = await lastCode(1);

    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await page.getByTestId('verify-code').fill(wrong);
    expect(await take.isDisabled()).toBe(false);
    await take.click();
    await expect.poll(() => page.getByTestId('error').textContent()).toBe('验证码错误或已过期，请重新输入或重新获取验证码');
    await expectAccessible(page, 'phone verify, wrong code');
    await shot(page, 'mobile-verify-2-wrong', true);

    await page.getByTestId('verify-code').fill(code);
    await take.click();
    await page.waitForURL(/\/t\//);
    const id = decodeURIComponent(page.url().split('/t/')[1]!);
    const manager = await login(server.url, 'admin', 'admin');
    const ticket = (await api<TicketDetail>(server.url, 'GET', `/api/tickets/${id}`, { token: manager })).body;
    expect(ticket).toMatchObject({ queue: 'E', channel: 'mobile', status: 'waiting' });
    // The phone page shows the number it will text, without asking for it again.
    await expect.poll(() => page.textContent('body')).toContain('139****5678');
    await shot(page, 'mobile-verify-3-ticket', true);

    // Back on /m: the number is listed; a second number of E for this phone is refused, naming the first.
    await page.goto(`${server.url}/m`);
    await expect.poll(() => page.getByTestId('my-tickets').textContent()).toContain(ticket.number);
    server.clock.advance(61_000);
    await toConfirm(page);
    await page.getByTestId('verify-phone').fill(PHONE);
    await page.getByTestId('get-code').click();
    await page.getByTestId('verify-code').fill(await lastCode(2));
    await take.click();
    await expect.poll(() => page.getByTestId('error').textContent()).toBe(`该手机号今天已取过此业务的号 ${ticket.number}，请按该号等候办理`);
    await shot(page, 'mobile-verify-4-limit', true);
    // As the phone shows it (the full-page shots draw the sticky 返回/首页 bar over the button).
    await take.scrollIntoViewIfNeeded();
    await shot(page, 'mobile-verify-4-limit-screen');

    // In English too.
    await page.getByTestId('lang').click();
    await take.click();
    await expect.poll(() => page.getByTestId('error').textContent()).toBe(`This number already took ${ticket.number} for this service today: please wait for that ticket`);
    expect(await page.getByTestId('phone-verify').locator('h3').textContent()).toBe('Confirm your mobile number');
    await expectAccessible(page, 'phone verify, limit, English');
    await shot(page, 'mobile-verify-5-limit-en', true);
  }, 60_000);

  it('says 发送太频繁 when the server holds the phone back, and counts down what it says', async () => {
    const page = await openKioskAt(context, server.url, '/m');
    // Another page of the same phone asked a moment ago.
    expect((await api(server.url, 'POST', '/api/mobile/code', { body: { phone: PHONE } })).status).toBe(200);
    server.clock.advance(20_000);
    await toConfirm(page);
    await page.getByTestId('verify-phone').fill(PHONE);
    await page.getByTestId('get-code').click();
    await expect.poll(() => page.getByTestId('verify-error').textContent()).toBe('发送太频繁，请 40 秒后再试');
    await expect.poll(() => page.getByTestId('get-code').textContent()).toMatch(/^\s*[34]\d 秒后重发\s*$/);
    await shot(page, 'mobile-verify-6-too-often', true);
  });
});
