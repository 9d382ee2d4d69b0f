/**
 * 场内扫码取号 in Chromium against a real server: with `mobileOnSite` on, the kiosk's start screen
 * shows the QR of the minute; a phone that comes by it (/m?c=…) takes a number (the code leaves the
 * address bar but is kept), a phone that comes by the poster (/m) is told to scan a kiosk's screen
 * and cannot start, and a photo of the code used an hour later is refused with its own words.
 * Screens pass axe; screenshots in /tmp/e2e-citizen/onsite-*.png.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OnsiteCode } from '../../../shared/mobile';
import type { TicketDetail } from '../../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { DIST_ROOT, expectAccessible, fileBrowser, openKioskAt, PHONE_SCREEN, shot } from './support';

const browser = fileBrowser();
let server: TestServer;
let manager = '';
let phone: BrowserContext;

beforeEach(async () => {
  server = await startTestServer({ distDir: DIST_ROOT });
  manager = await login(server.url, 'admin', 'admin');
  expect((await api(server.url, 'PUT', '/api/citizen/settings', { token: manager, body: { mobileOnSite: true } })).status).toBe(200);
  phone = await browser().newContext(PHONE_SCREEN);
});
afterEach(async () => {
  await phone?.close();
  await server?.close();
});

const currentCode = async (): Promise<OnsiteCode> => (await api<OnsiteCode>(server.url, 'GET', '/api/mobile/onsite-code', { token: manager })).body;

async function chooseOnPhone(page: Page): Promise<void> {
  await page.click('[data-category="民生服务"]');
  await page.click('[data-queue="E"]');
  await page.locator('[data-matter]').first().click();
  await page.click('[data-testid=take]');
}

describe('场内扫码取号', () => {
  it('the kiosk shows the QR of the minute, and a phone that scanned it takes a number', async () => {
    const kiosk = await browser().newContext({ viewport: { width: 1080, height: 1920 } });
    try {
      const k = await openKioskAt(kiosk, server.url, '/kiosk?print=0');
      const panel = k.getByTestId('onsite-qr');
      await panel.waitFor();
      const { code } = await currentCode();
      expect(await panel.getAttribute('data-code')).toBe(code);
      expect(await panel.locator('svg[role=img]').getAttribute('aria-label')).toBe('手机扫码取号二维码');
      expect(await panel.textContent()).toContain('不用在取号机前排队');
      await expectAccessible(k, 'kiosk start with the QR');
      await shot(k, 'onsite-1-kiosk');
    } finally {
      await kiosk.close();
    }

    const { code } = await currentCode();
    const page = await openKioskAt(phone, server.url, `/m?c=${code}`);
    expect(page.url()).not.toContain('c=');
    expect(await page.getByTestId('onsite-missing').count()).toBe(0);
    // A reload keeps the code (the tab remembers it).
    await page.reload();
    await page.locator('.kiosk[data-status="live"] [data-category]').first().waitFor();
    await chooseOnPhone(page);
    await page.waitForURL(/\/t\//);
    const id = decodeURIComponent(page.url().split('/t/')[1]!);
    const ticket = (await api<TicketDetail>(server.url, 'GET', `/api/tickets/${id}`, { token: manager })).body;
    expect(ticket).toMatchObject({ queue: 'E', channel: 'mobile', status: 'waiting' });
  });

  it('a phone that came by the poster is told to scan a kiosk’s screen', async () => {
    const page = await openKioskAt(phone, server.url, '/m');
    await expect.poll(() => page.getByTestId('onsite-missing').textContent()).toBe('本大厅手机取号需在大厅内扫码：请扫描大厅取号机屏幕上的二维码。');
    expect(await page.locator('[data-category]').first().isDisabled()).toBe(true);
    await expectAccessible(page, 'phone without a code');
    await shot(page, 'onsite-2-phone-missing', true);
  });

  it('a photo of the code used an hour later is refused, in its own words', async () => {
    const { code } = await currentCode();
    const page = await openKioskAt(phone, server.url, `/m?c=${code}`);
    server.clock.advance(60 * 60_000);
    await chooseOnPhone(page);
    await expect.poll(() => page.getByTestId('error').textContent()).toBe('二维码已过期，请重新扫描大厅取号机屏幕上的二维码后再取号。');
    expect(page.url()).toContain('/kiosk?mode=mobile');
    await shot(page, 'onsite-3-phone-expired', true);
  });
});
