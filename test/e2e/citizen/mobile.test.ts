/**
 * 扫码取号 in Chromium on a phone-sized screen against a real server: /m opens the kiosk's steps in
 * phone mode (no appointment check-in, nothing printed, nothing reset), the number taken opens its
 * own phone page and is issued on channel `mobile`; back on /m the phone lists today's number; a
 * hall without public ticketing says phones cannot take numbers. Every screen passes axe.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { breaksInsidePhrases, DIST_ROOT, expectAccessible, fileBrowser, openKioskAt, PHONE_SCREEN, shot } from './support';

const browser = fileBrowser();
let server: TestServer;
let context: BrowserContext;

beforeEach(async () => {
  server = await startTestServer({ distDir: DIST_ROOT });
  context = await browser().newContext(PHONE_SCREEN);
});
afterEach(async () => {
  await context?.close();
  await server?.close();
});

const openPhone = (): Promise<Page> => openKioskAt(context, server.url, '/m');

describe('扫码取号', () => {
  it('takes a number on the phone, opens its page, and lists it when the phone comes back', async () => {
    const page = await openPhone();
    expect(page.url()).toContain('/kiosk?mode=mobile');
    expect(await page.textContent('h1')).toBe('手机取号');
    expect(await page.getByTestId('go-checkin').count()).toBe(0);
    await expectAccessible(page, 'phone start');
    await shot(page, 'mobile-1-start', true);

    await page.click('[data-category="民生服务"]');
    await page.click('[data-queue="E"]');
    await page.locator('[data-matter]').first().click();
    await shot(page, 'mobile-2-confirm', true);
    await page.click('[data-testid=take]');
    await page.waitForURL(/\/t\//);
    const id = decodeURIComponent(page.url().split('/t/')[1]!);
    const manager = await login(server.url, 'admin', 'admin');
    const ticket = (await api<TicketDetail>(server.url, 'GET', `/api/tickets/${id}`, { token: manager })).body;
    expect(ticket).toMatchObject({ queue: 'E', channel: 'mobile', status: 'waiting' });
    await expect.poll(() => page.textContent('body')).toContain(ticket.number);

    await page.goto(`${server.url}/m`);
    const mine = page.getByTestId('my-tickets');
    await expect.poll(() => mine.textContent()).toContain(`${ticket.number} 查看排队进度`);
    expect(await mine.locator('a').getAttribute('href')).toBe(`/t/${encodeURIComponent(id)}`);
    await expectAccessible(page, 'phone start with its number');
    await shot(page, 'mobile-3-back', true);
  });

  it('large type on a 320 px phone: the page is no wider than the screen and its words break between phrases', async () => {
    const page = await openPhone();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.click('[data-testid="large"]');
    // Before: the areas (18rem each) made the page 439 px wide, zoomed out, and the title stood
    // beside the buttons as a column of single characters (手 / 机 / 取 / 号).
    const fits = async (step: string) => {
      // A phone shows a page wider than itself zoomed out: its layout width grows past the screen's.
      expect(await page.evaluate(() => Math.max(innerWidth, document.documentElement.scrollWidth)), step).toBe(320);
      expect(await breaksInsidePhrases(page, '.kiosk .phrases'), step).toEqual([]);
    };
    await fits('start');
    expect(await page.locator('h1').evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).fontSize))).toBeLessThan(1.8);
    await page.click('[data-category="民生服务"]');
    await page.locator('[data-queue="G"]').waitFor();
    await fits('services'); // 公共服务(水电气暖讯) and 跨省通办/全豫通办 beside 等候 0 人
    await shot(page, 'mobile-4-large-320-services', true);
    await page.click('[data-queue="G"]');
    await page.locator('[data-matter]').first().click();
    await page.locator('[data-testid=take]').waitFor();
    await fits('confirm');
    await shot(page, 'mobile-5-large-320-confirm', true);
  });

  it('says so when the hall does not issue numbers to phones', async () => {
    const manager = await login(server.url, 'admin', 'admin');
    expect((await api(server.url, 'PUT', '/api/admin/settings', { token: manager, body: { publicTicketing: false } })).status).toBe(200);
    const page = await openPhone();
    await page.click('[data-category="民生服务"]');
    await page.click('[data-queue="E"]');
    await page.locator('[data-matter]').first().click();
    await page.click('[data-testid=take]');
    await expect.poll(() => page.getByTestId('error').textContent()).toBe('本大厅暂未开放手机取号，请到大厅的取号机取号。');
    expect(page.url()).toContain('/kiosk?mode=mobile');
  });
});
