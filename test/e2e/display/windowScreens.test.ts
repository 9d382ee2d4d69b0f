/**
 * Screenshots of the screens above the windows (calling, serving, paused, closed; a 16:9 monitor,
 * a wide strip, an 800×480 panel; the clerk and a 光荣榜 title shown), with the hall full, saved to
 * /tmp/screens/ to be looked at. Each checks that no text is cut off.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StaffAccount } from '../../../shared/admin';
import { api, login } from '../../support/server';
import { FullHall, OUT, shoot } from './screens-support';
import { drawn, FIND_CUT_OFF_TEXT } from './support';

const hall = new FullHall();

describe('window screens are legible and nothing is cut off', () => {
  it('window screens: calling, serving, paused, closed; on a 16:9 monitor and a wide strip', async () => {
    const cases: Array<[string, string, number, number]> = [
      ['window-calling', '/display/window/1', 1920, 1080],
      ['window-serving', '/display/window/3', 1366, 768],
      ['window-paused', '/display/window/8', 1920, 1080],
      ['window-strip', '/display/window/14', 1920, 540],
    ];
    for (const [name, path, w, h] of cases) expect(await shoot(hall.browser, name, hall.server.url + path, w, h), name).toEqual([]);
    expect(await shoot(hall.browser, 'window-closed', `${hall.fixtureSite.url}/display/window/30?fixture=2`, 1280, 720)).toEqual([]);
  });

  it('window screen in English at 800×480: the zone name stays clear of the clock beside "Counter 10"', async () => {
    const page: Page = await hall.browser.newPage({ viewport: { width: 800, height: 480 } });
    await page.goto(`${hall.server.url}/display/window/10?lang=en`);
    await page.getByTestId('window-label').waitFor();
    await drawn(page); // fonts
    const right = (sel: string) => page.locator(sel).evaluate((el) => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect().right; });
    const left = (sel: string) => page.locator(sel).evaluate((el) => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect().left; });
    expect(await page.textContent('.top .name')).toBe('Business Services');
    expect(await right('.top .name')).toBeLessThanOrEqual(await left('.top .time'));
    await page.screenshot({ path: `${OUT}/window-en-800.png` });
    await page.close();
  });

  it('window screen with the clerk shown and a 12-character 光荣榜 title: the title keeps one line, every queue served shows (800×480, English, 1280×720)', async () => {
    const manager = await login(hall.server.url, 'admin', 'admin');
    const c14 = (await api<StaffAccount[]>(hall.server.url, 'GET', '/api/admin/staff', { token: manager })).body.find((a) => a.username === 'c14')!;
    const settings = (body: object) => api(hall.server.url, 'PUT', '/api/admin/settings', { token: manager, body });
    expect((await settings({ windowShowsClerk: true, honors: [{ clerkId: c14.id, title: '十一月岗位标兵服务先锋' }] })).status).toBe(200);
    try {
      for (const [name, query, width, height] of [
        ['window-honor-800', '', 800, 480],
        ['window-honor-en-800', '?lang=en', 800, 480],
        ['window-honor-en-1280', '?lang=en', 1280, 720],
      ] as const) {
        const page: Page = await hall.browser.newPage({ viewport: { width, height } });
        await page.goto(`${hall.server.url}/display/window/14${query}`);
        await expect.poll(() => page.getByTestId('window-clerk-honor').textContent()).toBe('★ 十一月岗位标兵服务先锋');
        await drawn(page); // fonts
        // The manager's words are not cut where we guess (十一月岗位 / 标兵服务先锋 before): one line, still large enough to read.
        const chip = await page.getByTestId('window-clerk-honor').evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return { lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, px: parseFloat(getComputedStyle(el).fontSize) };
        });
        expect(chip.lines, name).toBe(1);
        expect(chip.px, name).toBeGreaterThanOrEqual(height * 0.034);
        // Counter 14 serves seven queues: in English the last two were hidden below two lines.
        expect(await page.locator('[data-testid=window-queues] .item').count()).toBe(7);
        expect(await page.evaluate(FIND_CUT_OFF_TEXT), name).toEqual([]);
        await page.screenshot({ path: `${OUT}/${name}.png` });
        await page.close();
      }
    } finally {
      await settings({ windowShowsClerk: false, honors: [] });
    }
  });
});
