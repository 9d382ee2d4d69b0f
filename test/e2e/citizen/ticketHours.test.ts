/**
 * 取号时间 and 停止取号 on the kiosk in Chromium against a real server: the start screen says the
 * hours; outside them it says so and when numbers are issued again (appointment check-in stays
 * open), on server time; a service that has stopped for the day is greyed out with why, and a
 * number that the server refuses says why. Every screen passes axe.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { DIST_ROOT, expectAccessible, fileBrowser, openGuideDesk, openKioskAt, shot, stubDevices } from './support';

const browser = fileBrowser();
let server: TestServer;
let context: BrowserContext;
const at = (hhmm: string) => Date.parse(`2026-11-30T${hhmm}:00+08:00`);

beforeEach(async () => {
  server = await startTestServer({ distDir: DIST_ROOT });
  context = await browser().newContext({ viewport: { width: 1080, height: 1920 } });
  await stubDevices(context);
  const manager = await login(server.url, 'admin', 'admin');
  const hours = [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '17:00' },
  ];
  expect((await api(server.url, 'PUT', '/api/admin/settings', { token: manager, body: { ticketHours: hours, stopWhenUnfinishable: true } })).status).toBe(200);
});
afterEach(async () => {
  await context?.close();
  await server?.close();
});

const openKiosk = (): Promise<Page> => openKioskAt(context, server.url);

/** Moves the server's clock and makes a change, so the kiosk hears the new server time. */
async function moveTo(hhmm: string): Promise<string> {
  server.clock.set(at(hhmm));
  const guide = await login(server.url, 'guide', '1234');
  expect((await api(server.url, 'POST', '/api/tickets', { token: guide, body: { queue: 'K', channel: 'guide' } })).status).toBe(201);
  return guide;
}

/**
 * In the day's last span: F (不动产) has nobody serving it, so a few guide tickets make a newcomer's
 * wait run past 17:00 and F stops taking kiosk numbers.
 */
async function stopF(guide: string): Promise<void> {
  const stopped = async () => (await api<Snapshot>(server.url, 'GET', '/api/snapshot')).body.queues.find((q) => q.code === 'F')?.stopped === true;
  for (let i = 0; i < 40 && !(await stopped()); i++) {
    expect((await api(server.url, 'POST', '/api/tickets', { token: guide, body: { queue: 'F', channel: 'guide' } })).status).toBe(201);
  }
  expect(await stopped()).toBe(true);
}

describe('取号时间 on the kiosk', () => {
  it('says the hours; outside them says when numbers start again, and check-in stays open', async () => {
    const page = await openKiosk();
    expect(await page.getByTestId('kiosk-hours').textContent()).toBe('取号时间 08:30–12:00  13:30–17:00');
    expect(await page.getByTestId('kiosk-closed').count()).toBe(0);
    expect(await page.isEnabled('[data-category="企业服务"]')).toBe(true);

    await moveTo('12:10');
    await expect.poll(() => page.getByTestId('kiosk-closed').textContent()).toContain('现在不是取号时间');
    expect(await page.getByTestId('kiosk-closed').textContent()).toContain('13:30 起取号。有预约的可以签到。');
    expect(await page.isDisabled('[data-category="企业服务"]')).toBe(true);
    expect(await page.isEnabled('[data-testid=go-checkin]')).toBe(true);
    await expectAccessible(page, 'start, closed');
    await shot(page, 'kiosk-closed');

    await moveTo('13:30');
    await expect.poll(() => page.getByTestId('kiosk-closed').count()).toBe(0);
    expect(await page.isEnabled('[data-category="企业服务"]')).toBe(true);
    await moveTo('17:30');
    await expect.poll(() => page.getByTestId('kiosk-closed').textContent()).toContain('明天 08:30 起取号');
  });

  it('greys out a service that stopped for today, and says why when the server refuses a number', async () => {
    const guide = await moveTo('16:30');
    const page = await openKiosk();
    await stopF(guide);
    await page.click('[data-category="民生服务"]');
    await expect.poll(() => page.locator('[data-queue="F"] [data-testid=queue-stopped]').textContent()).toBe('今日已停止取号');
    expect(await page.isDisabled('[data-queue="F"]')).toBe(true);
    expect(await page.isEnabled('[data-queue="E"]')).toBe(true);
    await expectAccessible(page, 'queues, one stopped');
    await shot(page, 'kiosk-queue-stopped');

    // A number refused by the server (the hours ended while the citizen was choosing) says why.
    await page.click('[data-queue="E"]');
    server.clock.set(at('17:00'));
    await page.locator('[data-matter]').first().click();
    await page.click('[data-testid=take]');
    await expect.poll(() => page.getByTestId('error').textContent()).toBe('现在不是取号时间（取号时间 08:30–12:00  13:30–17:00），请到导办台咨询。');
  });
});

describe('取号时间 and 停止取号 at the guide desk (guides are not bound, but see them)', () => {
  it('says kiosks are not issuing outside the hours and marks a stopped queue, and still issues both', async () => {
    const guide = await moveTo('12:10');
    const page = await openGuideDesk(context, server.url);
    await expect.poll(() => page.getByTestId('guide-kiosks-closed').textContent()).toBe('现在不是取号时间，自助机 13:30 起恢复取号（取号时间 08:30–12:00  13:30–17:00）；导办台仍可出号。');
    await page.check('[data-matter="A-01"]');
    expect(await page.isEnabled('[data-testid="guide-issue"]')).toBe(true);
    await expectAccessible(page, 'guide desk, outside the hours');
    await shot(page, 'guide-kiosks-closed', true);
    await page.click('[data-testid="guide-issue"]');
    await page.locator('[data-testid="ticket"]').waitFor();
    await page.click('[data-testid="done"]');

    await moveTo('13:30');
    await expect.poll(() => page.getByTestId('guide-kiosks-closed').count()).toBe(0);
    await moveTo('16:30');
    await stopF(guide);
    await expect.poll(() => page.locator('[data-testid="guide-queue-stopped"]').allTextContents()).toEqual(['已停止自助取号']);
    expect(await page.locator('[data-testid="guide-queue-stopped"]').locator('xpath=..').textContent()).toContain('F · 不动产登记');
    await page.selectOption('[data-testid="guide-queue"]', 'F');
    expect(await page.getByTestId('guide-queue-stopped-note').textContent()).toContain('导办台仍可出号');
    expect(await page.isEnabled('[data-testid="guide-issue"]')).toBe(true);
    await expectAccessible(page, 'guide desk, a stopped queue');
    await shot(page, 'guide-queue-stopped', true);
    await page.click('[data-testid="guide-issue"]');
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await page.locator('[data-testid="ticket-number"]').textContent()).toMatch(/^F\d{3}$/);
  }, 60_000);
});
