/**
 * 评价器 in Chromium against a real server, on a 1280×800 tablet: signs in once with the kiosk
 * device account (kept over a reload), shows the window, the clerk serving and the number; when
 * the clerk finishes a ticket it asks for the rating — a low one with its reasons, a high one in
 * one tap — thanks, and the rating is stored against that ticket and window. zh and en, axe-clean;
 * screenshots in /tmp/e2e-citizen/pad-*.png.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffAccount } from '../../../shared/admin';
import type { Rating } from '../../../shared/ratings';
import type { TicketDetail } from '../../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { breaksInsidePhrases, DIST_ROOT, expectAccessible, fileBrowser, shot } from './support';

const browser = fileBrowser();
let server: TestServer;
let clerk = '';
let manager = '';

beforeEach(async () => {
  server = await startTestServer({ distDir: DIST_ROOT });
  clerk = await login(server.url, 'c03', '1234');
  manager = await login(server.url, 'admin', 'admin');
});
afterEach(async () => {
  await server?.close();
});

/** Buttons and words off the screen or out of their boxes (the pad does not scroll for anyone). */
const outOfPlace = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.pad h2, .pad p, .pad button, .pad .phrase')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return el.scrollWidth > el.clientWidth + 1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1;
      })
      .map((el) => el.textContent?.trim() ?? ''),
  );
const at3 = (path: string) => api<TicketDetail>(server.url, 'POST', `/api/windows/3/${path}`, { token: clerk });

async function serveOne(): Promise<TicketDetail> {
  const t = await api<TicketDetail>(server.url, 'POST', '/api/tickets', { body: { queue: 'T' } });
  expect(t.status).toBe(201);
  expect((await at3('next')).body.id).toBe(t.body.id);
  expect((await at3('start')).status).toBe(200);
  return t.body;
}

async function openPad(): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/display/rate/3`);
  return page;
}

describe('评价器', () => {
  it('signs in once, shows who serves, and takes a low rating with reasons and a high one in a tap', async () => {
    const page = await openPad();
    await page.getByTestId('pad-signin').waitFor();
    await expectAccessible(page, 'pad sign-in');
    await shot(page, 'pad-1-signin');
    await page.fill('[data-testid=pad-username]', 'kiosk');
    await page.fill('[data-testid=pad-password]', 'kiosk');
    await page.click('[data-testid=pad-signin-submit]');
    await page.locator('.pad[data-status="live"] [data-testid=pad-idle]').waitFor();
    expect(await page.textContent('[data-testid=pad-window]')).toBe('3号窗口');

    expect((await api(server.url, 'POST', '/api/windows/3/session', { token: clerk })).status).toBe(200);
    const first = await serveOne();
    await expect.poll(() => page.textContent('[data-testid=pad-serving]')).toBe(`正在办理：${first.number}`);
    expect(await page.textContent('[data-testid=pad-clerk]')).toMatch(/为您服务\s*窗口人员03\s*工号 c03/);
    // 光荣榜: an honoured clerk's title beside the 工号, as soon as it is set.
    const c03 = (await api<StaffAccount[]>(server.url, 'GET', '/api/admin/staff', { token: manager })).body.find((a) => a.username === 'c03')!;
    expect((await api(server.url, 'PUT', '/api/admin/settings', { token: manager, body: { honors: [{ clerkId: c03.id, title: '岗位标兵' }] } })).status).toBe(200);
    await expect.poll(() => page.textContent('[data-testid=pad-clerk-honor]')).toBe('★ 岗位标兵');
    await expectAccessible(page, 'pad idle');
    await shot(page, 'pad-2-idle');
    // A 12-character title on a small 800×480 pad goes under the name: the window's name and the
    // clerk's stay on one line each (they were squeezed into a column, a character per line).
    await page.setViewportSize({ width: 800, height: 480 });
    expect((await api(server.url, 'PUT', '/api/admin/settings', { token: manager, body: { honors: [{ clerkId: c03.id, title: '十一月份优质服务之星标兵' }] } })).status).toBe(200);
    await expect.poll(() => page.textContent('[data-testid=pad-clerk-honor]')).toBe('★ 十一月份优质服务之星标兵');
    const oneLine = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().height < 1.6 * parseFloat(getComputedStyle(el).lineHeight || '0') || el.getBoundingClientRect().height < 1.6 * 1.2 * parseFloat(getComputedStyle(el).fontSize));
    expect(await oneLine('[data-testid=pad-window]')).toBe(true);
    expect(await oneLine('[data-testid=pad-clerk] strong')).toBe(true);
    // Still on the small pad, the words break between phrases (请对本次服务进行评 / 价, 非常不满 / 意 and
    // 告知不清楚、材料要 / 求不明确 broke before), and every step fits the screen.
    expect(await breaksInsidePhrases(page, '[data-testid=pad-idle] p')).toEqual([]);
    await shot(page, 'pad-2-idle-800');

    expect((await at3('complete')).status).toBe(200);
    await page.getByTestId('pad-rate').waitFor();
    expect(await page.textContent('#pad-rate-h')).toBe(`请为 ${first.number} 号的本次服务评价`);
    expect(await breaksInsidePhrases(page, '#pad-rate-h, .level')).toEqual([]);
    expect(await outOfPlace(page)).toEqual([]);
    await expectAccessible(page, 'pad rate');
    await shot(page, 'pad-3-rate-800');
    await page.click('[data-score="2"]');
    await page.getByTestId('pad-reasons').waitFor();
    expect(await page.isDisabled('[data-testid=pad-submit]')).toBe(true);
    await page.click('[data-reason="slow"]');
    await page.click('[data-reason="unclear_guidance"]');
    expect(await breaksInsidePhrases(page, '#pad-reasons-h, .chip')).toEqual([]);
    expect(await outOfPlace(page)).toEqual([]);
    await expectAccessible(page, 'pad reasons');
    await shot(page, 'pad-4-reasons-800');
    await page.click('[data-testid=pad-submit]');
    await expect.poll(() => page.textContent('[data-testid=pad-thanks]')).toContain('感谢您的评价！');
    await shot(page, 'pad-5-thanks');
    await page.setViewportSize({ width: 1280, height: 800 });
    const low = await api<Rating>(server.url, 'GET', `/api/tickets/${first.id}/rating`, { token: manager });
    expect(low.body).toMatchObject({ score: 2, reasons: ['slow', 'unclear_guidance'], windowNo: 3, channel: 'pad' });

    // Signed in still after a reload (a power cut); the next citizen rates in English in one tap.
    await page.reload();
    await page.locator('.pad[data-status="live"] [data-testid=pad-idle]').waitFor();
    await page.click('[data-testid=pad-lang]');
    const second = await serveOne();
    expect((await at3('complete')).status).toBe(200);
    await page.getByTestId('pad-rate').waitFor();
    expect(await page.textContent('#pad-rate-h')).toBe(`Please rate the service for number ${second.number}`);
    await shot(page, 'pad-6-rate-en');
    // English on the small pad: Very dissatisfied ran off the screen, and the reasons pushed
    // Send rating below its edge.
    await page.setViewportSize({ width: 800, height: 480 });
    expect(await outOfPlace(page)).toEqual([]);
    await page.click('[data-score="1"]');
    await page.getByTestId('pad-reasons').waitFor();
    expect(await outOfPlace(page)).toEqual([]);
    await shot(page, 'pad-7-reasons-en-800');
    await page.click('[data-testid=pad-back]');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.click('[data-score="5"]');
    await expect.poll(() => page.textContent('[data-testid=pad-thanks]')).toContain('Thank you for your rating!');
    expect((await api<Rating>(server.url, 'GET', `/api/tickets/${second.id}/rating`, { token: manager })).body).toMatchObject({ score: 5, windowNo: 3 });
    await page.context().close();
  });

  it('a clerk’s account is not a pad; a rating already given on the phone is thanked', async () => {
    const page = await openPad();
    await page.fill('[data-testid=pad-username]', 'c05');
    await page.fill('[data-testid=pad-password]', '1234');
    await page.click('[data-testid=pad-signin-submit]');
    await expect.poll(() => page.locator('[data-testid=pad-signin] [role=alert]').textContent()).toBe('请使用取号机设备账号或管理员账号。');
    await page.fill('[data-testid=pad-username]', 'kiosk');
    await page.fill('[data-testid=pad-password]', 'kiosk');
    await page.click('[data-testid=pad-signin-submit]');
    await page.locator('.pad[data-status="live"] [data-testid=pad-idle]').waitFor();

    expect((await api(server.url, 'POST', '/api/windows/3/session', { token: clerk })).status).toBe(200);
    const t = await serveOne();
    expect((await at3('complete')).status).toBe(200);
    await page.getByTestId('pad-rate').waitFor();
    // Quicker on the phone page.
    expect((await api(server.url, 'POST', `/api/tickets/${t.id}/rating`, { body: { score: 4 } })).status).toBe(201);
    await page.click('[data-score="5"]');
    await expect.poll(() => page.textContent('[data-testid=pad-thanks]')).toContain('本次服务已评价，感谢您！');
    expect((await api<Rating>(server.url, 'GET', `/api/tickets/${t.id}/rating`, { token: manager })).body.score).toBe(4);
    await page.context().close();
  });
});
