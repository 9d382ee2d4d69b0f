/**
 * 光荣榜 end to end: a manager puts a clerk on the roll on the 公告 page (a row with no title is
 * said under it and nothing is sent), saves, and an open wall's notice line reads it at once;
 * the clerk's own panel shows the title; removing the row takes it off. Screenshots:
 * honors-panel.png, honors-wall.png, honors-clerk.png.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffAccount } from '../../../shared/admin';
import { api, startTestServer, type TestServer } from '../../support/server';
import { ensureDisplayBuilt } from '../display/support';
import { collectErrors, ensureCounterBuilt, launchChromium, openClerkPanel, signIn, token } from './support';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/screens';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureCounterBuilt();
  await ensureDisplayBuilt();
  server = await startTestServer();
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('光荣榜', () => {
  it('set on the 公告 page, read on the wall at once, taken off again', async () => {
    const manager = await token(server.url, 'admin', 'admin');
    const staff = (await api<StaffAccount[]>(server.url, 'GET', '/api/admin/staff', { token: manager })).body;
    const c05 = staff.find((a) => a.username === 'c05')!;

    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${server.url}/display`);
    const ticker = wall.getByTestId('notice');
    await ticker.waitFor();
    expect(await ticker.textContent()).not.toContain('光荣榜');

    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin#notices`);
    await signIn(page, 'admin', 'admin');
    const panel = page.getByTestId('honors-panel');
    await panel.getByText('光荣榜暂无人员。').waitFor();
    // Last month had no tickets in the test hall: nobody is put forward.
    await panel.getByText('上月没有达到条件的人员。').waitFor();

    await page.getByTestId('honor-add').click();
    await page.selectOption('[data-honor-person="0"]', c05.id);
    await page.getByTestId('honors-save').click();
    await panel.getByText('请填写称号').waitFor();
    await page.fill('[data-honor-title="0"]', '11月服务之星');
    await page.getByTestId('honors-save').click();
    await panel.getByText('已保存，大屏已更新').waitFor();
    await page.screenshot({ path: `${SHOTS}/honors-panel.png`, fullPage: true });

    await expect.poll(() => ticker.textContent()).toContain('★ 光荣榜 Honour roll　11月服务之星：窗口人员05');
    // For the picture: sound on (the overlay away) and the line held still at its end, where the roll is.
    await wall.mouse.click(960, 540);
    await wall.locator('.track').evaluate((el) => {
      const track = el as HTMLElement;
      track.style.animation = 'none';
      track.style.paddingLeft = '0';
      const view = track.parentElement!.getBoundingClientRect().width;
      track.style.transform = `translateX(${Math.min(0, view - track.scrollWidth - 40)}px)`;
    });
    await wall.screenshot({ path: `${SHOTS}/honors-wall.png` });

    // The clerk sees it at their own panel too.
    const clerk = await openClerkPanel(browser, server.url, 'c05', 9);
    expect(await clerk.page.getByTestId('clerk-honor').textContent()).toBe('★ 11月服务之星');
    await clerk.page.screenshot({ path: `${SHOTS}/honors-clerk.png` });
    expect(clerk.errors).toEqual([]);
    await clerk.context.close();

    await page.click('[data-honor-person="0"] ~ button[aria-label="删除"]');
    await page.getByTestId('honors-save').click();
    await expect.poll(() => ticker.textContent()).not.toContain('光荣榜');
    expect(errors).toEqual([]);
  }, 60_000);
});
