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
import { DIST_ROOT, expectAccessible, fileBrowser, openKioskAt, PHONE_SCREEN, shot } from './support';

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
