/**
 * 光荣榜 end to end: a manager puts a clerk on the roll on the 公告 page (a row with no title is
 * said under it and nothing is sent), saves, and an open wall's notice line reads it at once;
 * the clerk's own panel shows the title; 历届光荣榜 under it shows the new stint at once, and
 * removing the row the same day takes it off the wall and (a correction) out of the record.
 * Then a record over two years: by year, one person's alone, CSV; the clerk's 我的荣誉 in the
 * settings box. Screenshots: honors-panel.png, honors-wall.png, honors-clerk.png,
 * honors-history(-en).png, honors-mine(-en).png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffAccount } from '../../../shared/admin';
import { api, startTestServer, type TestServer } from '../../support/server';
import { ensureDisplayBuilt } from '../display/support';
import { apiCall, collectErrors, ensureCounterBuilt, launchChromium, openClerkPanel, signIn, token } from './support';

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
    // 历届光荣榜 reads the record again as the roll changes.
    const history = page.getByTestId('honors-history');
    await expect.poll(() => history.locator('[data-stint]').allTextContents()).toEqual(['11月服务之星窗口人员05（c05）2026-11-30 至今']);
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
    // On and off the same day: a correction, not an honour.
    await history.getByTestId('honors-history-empty').waitFor();
    expect(errors).toEqual([]);
    await wall.close();
    await page.close();
  }, 60_000);

  it('历届光荣榜 over two years: by year, one person alone, CSV; the clerk reads their own in 设置', async () => {
    const DAY = 86_400_000;
    const manager = await token(server.url, 'admin', 'admin');
    const staff = (await api<StaffAccount[]>(server.url, 'GET', '/api/admin/staff', { token: manager })).body;
    const id = (u: string) => staff.find((a) => a.username === u)!.id;
    /** A save on the day the clock shows, by a manager signed in then. */
    const save = async (...rows: [string, string][]) => {
      const m = await token(server.url, 'admin', 'admin');
      const r = await apiCall(server.url, 'PUT', '/api/admin/settings', { honors: rows.map(([u, title]) => ({ clerkId: id(u), title })) }, m);
      expect(r.status).toBe(200);
    };
    await save(['c03', '11月服务之星'], ['c08', '岗位标兵']); // 2026-11-30
    server.clock.advance(31 * DAY); // 2026-12-31
    await save(['c05', '12月服务之星'], ['c08', '岗位标兵']);
    server.clock.advance(31 * DAY); // 2027-01-31
    await save(['c05', '1月服务之星'], ['c08', '岗位标兵'], ['c11', '服务先锋']);

    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin#notices`);
    await signIn(page, 'admin', 'admin');
    const history = page.getByTestId('honors-history');
    const rows = (year: string) => history.locator(`[data-year="${year}"] [data-stint]`).allTextContents();
    await expect.poll(() => rows('2027')).toEqual(['1月服务之星窗口人员05（c05）2027-01-31 至今', '服务先锋窗口人员11（c11）2027-01-31 至今']);
    expect(await rows('2026')).toEqual([
      '12月服务之星窗口人员05（c05）2026-12-31 至 2027-01-31',
      '11月服务之星窗口人员03（c03）2026-11-30 至 2026-12-31',
      '岗位标兵窗口人员08（c08）2026-11-30 至今',
    ]);
    await history.scrollIntoViewIfNeeded();
    await history.screenshot({ path: `${SHOTS}/honors-history.png` });

    await page.selectOption('[data-testid=honors-history-person]', id('c05'));
    expect(await history.locator('[data-stint]').count()).toBe(2);
    const download = page.waitForEvent('download');
    await page.getByTestId('honors-history-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('历届光荣榜-窗口人员05-2027-01-31.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.split('\r\n').slice(0, 3)).toEqual(['\uFEFF年度,称号,姓名,工号,上榜日期,下榜日期', '2027,1月服务之星,窗口人员05,c05,2027-01-31,至今', '2026,12月服务之星,窗口人员05,c05,2026-12-31,2027-01-31']);

    await page.selectOption('[data-testid=honors-history-person]', '');
    await page.selectOption('[data-testid=lang]', 'en');
    await history.getByText('Past honour rolls').waitFor();
    await history.screenshot({ path: `${SHOTS}/honors-history-en.png` });
    expect(errors).toEqual([]);
    await page.close();

    const clerk = await openClerkPanel(browser, server.url, 'c05', 9);
    await clerk.page.getByTestId('open-settings').click();
    const mine = clerk.page.getByTestId('my-honors');
    await expect.poll(() => mine.textContent()).toBe('★ 我的荣誉：2027年1月服务之星、2026年12月服务之星');
    await clerk.page.screenshot({ path: `${SHOTS}/honors-mine.png` });
    await clerk.page.keyboard.press('Escape');
    await clerk.page.selectOption('[data-testid=lang]', 'en');
    await clerk.page.getByTestId('open-settings').click();
    await expect.poll(() => mine.textContent()).toBe('★ My honours: 1月服务之星 (2027), 12月服务之星 (2026)');
    await clerk.page.screenshot({ path: `${SHOTS}/honors-mine-en.png` });
    await clerk.page.keyboard.press('Escape');
    await clerk.page.selectOption('[data-testid=lang]', 'zh');
    expect(clerk.errors).toEqual([]);
    await clerk.context.close();

    // Someone never honoured sees no line at all.
    const other = await openClerkPanel(browser, server.url, 'c20', 10);
    await other.page.getByTestId('open-settings').click();
    await other.page.getByTestId('prefs-sync').waitFor();
    expect(await other.page.getByTestId('my-honors').count()).toBe(0);
    await other.context.close();
  }, 90_000);
});
