/**
 * The phone page (/t/:ticketId) on a 375×667 screen against a real server: waiting with people
 * ahead counting down as the server pushes, the call alert (sound and vibration), then the 好差评
 * rating with reasons required for the lowest levels, once. Large type is remembered; axe-core
 * scans every state; the page shows this ticket only.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Rating } from '../../../shared/ratings';
import type { Ticket } from '../../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { breaksInsidePhrases, DIST_ROOT, devices, ensureDisplayBuilt, expectAccessible, launchChromium, rootFontPx, shot, stubDevices } from './support';

let browser: Browser;
let server: TestServer;
let context: BrowserContext;

beforeAll(async () => {
  await ensureDisplayBuilt();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  server = await startTestServer({ distDir: DIST_ROOT });
  context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await stubDevices(context);
});
afterEach(async () => {
  await context?.close();
  await server?.close();
});

const issue = async (queue = 'A') => (await api<Ticket>(server.url, 'POST', '/api/tickets', { body: { queue } })).body;
const text = async (page: Page, testId: string) => (await page.locator(`[data-testid="${testId}"]`).textContent()) ?? '';
/** Text that runs out of its box or off the screen (a phrase too wide for its line, a word too long). */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.page p, .page h1, .page h2, .page legend, .page label, .page button, .page .phrase')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth + 1)
      .map((el) => el.textContent?.trim() ?? ''),
  );

/** WCAG contrast of two computed colours (rgb()/rgba() strings, alpha ignored). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

async function openPhone(ticketId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/t/${ticketId}`);
  await page.locator('.page[data-status="live"] [data-testid="number"]').waitFor({ timeout: 10_000 });
  return page;
}

describe('phone page', () => {
  it('goes from waiting to called to rated as the server pushes', async () => {
    await issue();
    await issue();
    const mine = await issue();
    const page = await openPhone(mine.id);
    expect(await text(page, 'number')).toBe('A003');
    expect(await text(page, 'ahead')).toBe('前面还有 2 人');
    // The range the server sent, in whole minutes (low end down, high end up), not one number.
    const [lo, hi] = mine.etaRangeSeconds!;
    expect(await text(page, 'eta')).toBe(`预计等候约 ${Math.max(1, Math.floor(lo / 60))}\u2060–\u2060${Math.ceil(hi / 60)} 分钟`);
    // This ticket only: no other citizen's number anywhere on the page.
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toMatch(/A001|A002/);
    await expectAccessible(page, 'waiting');
    await shot(page, 'phone-1-waiting');

    const clerk = await login(server.url, 'c01', '1234');
    await api(server.url, 'POST', '/api/windows/9/session', { token: clerk });
    const next = () => api<Ticket>(server.url, 'POST', '/api/windows/9/next', { token: clerk, body: {} });
    await next();
    await expect.poll(() => text(page, 'ahead')).toBe('前面还有 1 人');
    await page.click('[data-testid="enable-sound"]');
    await next();
    await expect.poll(() => text(page, 'ahead')).toBe('前面没有人等候');
    expect(await devices(page)).toMatchObject({ vibrations: 0, tones: 0 });

    await next();
    await page.locator('[data-testid="called-alert"]').waitFor();
    expect(await text(page, 'called-window')).toBe('请到 9 号窗口');
    await expect.poll(async () => (await devices(page)).vibrations).toBe(1);
    expect((await devices(page)).tones).toBeGreaterThanOrEqual(6);
    await expectAccessible(page, 'called');
    await shot(page, 'phone-2-called');

    // A recall rings again, even after the citizen dismissed the first alert.
    await page.click('[data-testid="dismiss"]');
    await api(server.url, 'POST', '/api/windows/9/recall', { token: clerk });
    await page.locator('[data-testid="called-alert"]').waitFor();
    await expect.poll(async () => (await devices(page)).vibrations).toBe(2);

    await api(server.url, 'POST', '/api/windows/9/start', { token: clerk });
    await expect.poll(() => text(page, 'state')).toContain('正在 9 号窗口办理');
    expect(await page.locator('[data-testid="called-alert"]').count()).toBe(0);

    await api(server.url, 'POST', '/api/windows/9/complete', { token: clerk });
    await page.locator('[data-testid="rating-form"]').waitFor();
    await expectAccessible(page, 'rating form');
    await shot(page, 'phone-3-rating', true);

    // 不满意 needs a reason: refused on the phone, nothing stored.
    await page.click('[data-score="2"]');
    await page.locator('[data-testid="reasons"]').waitFor();
    await page.click('[data-testid="rate"]');
    expect(await text(page, 'rating-error')).toBe('请至少选择一项不满意的原因。');
    expect((await api(server.url, 'GET', `/api/tickets/${mine.id}/rating`)).status).toBe(204);
    await expectAccessible(page, 'rating form with reasons and an error');
    await shot(page, 'phone-4-rating-reasons', true);

    await page.click('[data-reason="slow"]');
    await page.fill('[data-testid="comment"]', '等了很久');
    await page.click('[data-testid="rate"]');
    await page.locator('[data-testid="thanks"]').waitFor();
    expect(await text(page, 'your-rating')).toBe('您的评价：不满意');
    await shot(page, 'phone-5-rated');
    const stored = await api<Rating>(server.url, 'GET', `/api/tickets/${mine.id}/rating`);
    expect(stored.body).toMatchObject({ score: 2, reasons: ['slow'], comment: '等了很久', windowNo: 9 });

    // Once per ticket: the page opened again shows the rating, not a second form.
    await page.reload();
    await page.locator('[data-testid="thanks"]').waitFor();
    expect(await page.locator('[data-testid="rating-form"]').count()).toBe(0);
  }, 60_000);

  it('says "almost your turn" once, when three people are ahead, then rings at the call', async () => {
    for (let i = 0; i < 4; i++) await issue('B');
    const mine = await issue('B');
    const page = await openPhone(mine.id);
    expect(await text(page, 'ahead')).toBe('前面还有 4 人');
    await page.click('[data-testid="enable-sound"]');
    const clerk = await login(server.url, 'c03', '1234');
    await api(server.url, 'POST', '/api/windows/12/session', { token: clerk });
    const next = () => api<Ticket>(server.url, 'POST', '/api/windows/12/next', { token: clerk, body: {} });

    await next();
    await page.locator('[data-testid="near"]').waitFor();
    expect(await text(page, 'near')).toContain('快到您了');
    expect(await text(page, 'near')).toContain('前面还有 3 人');
    await expect.poll(async () => (await devices(page)).vibrations).toBe(1);
    expect(await page.title()).toBe('【快到您了】B005 · 前面 3 人'); // seen in the tab switcher
    await expectAccessible(page, 'almost your turn');
    await shot(page, 'phone-9-near');

    await next(); // nearer still: the banner follows the count, nothing rings again
    await expect.poll(() => text(page, 'near')).toContain('前面还有 2 人');
    expect((await devices(page)).vibrations).toBe(1);
    await page.getByRole('button', { name: '我知道了' }).click();
    expect(await page.locator('[data-testid="near"]').count()).toBe(0);

    for (let i = 0; i < 3; i++) await next();
    await page.locator('[data-testid="called-alert"]').waitFor();
    await expect.poll(async () => (await devices(page)).vibrations).toBe(2);
    expect(await page.title()).toBe('【轮到您了】B005 请到 12 号窗口');
  });

  it('large type: one tap, at least 1.5×, high contrast, remembered on the phone', async () => {
    const t = await issue();
    const page = await openPhone(t.id);
    const normal = await rootFontPx(page);
    await page.click('[data-testid="large"]');
    expect(await rootFontPx(page)).toBeGreaterThanOrEqual(normal * 1.5);
    await page.reload();
    await page.locator('[data-testid="number"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('large'))).toBe(true);
    expect(await rootFontPx(page)).toBeGreaterThanOrEqual(normal * 1.5);
    expect(await page.getAttribute('[data-testid="large"]', 'aria-pressed')).toBe('true');
    await expectAccessible(page, 'waiting, large');
    // The sound button once on (aria-pressed): dark on yellow, not white on yellow.
    await page.click('[data-testid="enable-sound"]');
    await expect.poll(() => page.getAttribute('[data-testid="enable-sound"]', 'aria-pressed')).toBe('true');
    await expectAccessible(page, 'waiting, large, sound on');
    await shot(page, 'phone-6-large-waiting');

    const clerk = await login(server.url, 'c01', '1234');
    await api(server.url, 'POST', '/api/windows/9/session', { token: clerk });
    await api(server.url, 'POST', '/api/windows/9/next', { token: clerk, body: {} });
    await page.locator('[data-testid="called-alert"]').waitFor();
    await expectAccessible(page, 'called, large');
    await shot(page, 'phone-7-large-called');
    // In English the alert says "counter 9" once, not again as "Window 9" (the window's name is only its number).
    await page.click('[data-testid="lang"]');
    await expect.poll(() => text(page, 'called-window')).toBe('Please go to counter 9');
    expect(await text(page, 'called-alert')).not.toContain('Window 9');
    await page.click('[data-testid="lang"]');
    await api(server.url, 'POST', '/api/windows/9/complete', { token: clerk });
    await page.locator('[data-testid="rating-form"]').waitFor();
    await page.click('[data-score="1"]');
    // The unchosen levels' circles and the reasons' boxes stand out from the black card (3:1 for UI
    // parts): the browser's own dark radio, drawn by the browser, was grey on black (about 1.5:1).
    const edges = await page.locator('[data-testid="rating-form"] input:not(:checked)').evaluateAll((els) =>
      els.map((el) => ({ drawn: getComputedStyle(el).appearance, edge: getComputedStyle(el).borderTopColor, back: getComputedStyle(el.closest('.card')!).backgroundColor })),
    );
    expect(edges.length).toBeGreaterThan(8);
    for (const e of edges) {
      expect(e.drawn).toBe('none');
      expect(contrast(e.edge, e.back)).toBeGreaterThanOrEqual(3);
    }
    await expectAccessible(page, 'rating, large');
    await shot(page, 'phone-8-large-rating', true);

    await page.click('[data-testid="lang"]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('legend').first().textContent()).toBe('How was our service?');
  }, 60_000);

  it('large type on a 320 px phone: the number stays inside its card, no line breaks inside a phrase or runs out of its box, zh and en', async () => {
    // 公共服务(水电气暖讯): the demo hall's longest queue name, a manager's free text.
    const t = await issue('G');
    const page = await openPhone(t.id);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.click('[data-testid="large"]');
    const fits = () =>
      page.locator('[data-testid="number"]').evaluate((el) => {
        const card = el.closest('.card')!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        return { left: text.left >= card.left, right: text.right <= card.right };
      });
    expect(await fits()).toEqual({ left: true, right: true });
    // One line each: before, 我的排号 lost 号 to a second line and 示范县政务服务中心 broke mid-word.
    const height = (sel: string) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).fontSize));
    expect(await height('.title')).toBeLessThan(1.8);
    expect(await height('.hall')).toBeLessThan(1.8);
    // The sound button's words on one line too (声音提醒已 / 开启 before the cards' frame was narrowed).
    const textLines = (sel: string) =>
      page.locator(sel).evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return range.getBoundingClientRect().height / parseFloat(getComputedStyle(el).fontSize);
      });
    await page.click('[data-testid="enable-sound"]');
    await expect.poll(() => page.getAttribute('[data-testid="enable-sound"]', 'aria-pressed')).toBe('true');
    expect(await textLines('[data-testid="enable-sound"]')).toBeLessThan(1.8);
    // The queue's name keeps one line, a little smaller (公共服务(水电气 / 暖讯) before); every line of
    // the page breaks between phrases (叫号时本页会响铃并振 / 动 before).
    expect(await textLines('.queue')).toBeLessThan(1.8);
    expect(await breaksInsidePhrases(page, '.page p, .page h1, .page h2, .page button')).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    await shot(page, 'phone-9-large-320');

    // Called at window 25: the alert breaks between phrases, never inside 轮到您了 or 25 号窗口.
    const clerk = await login(server.url, 'c25', '1234');
    await api(server.url, 'POST', '/api/windows/25/session', { token: clerk });
    await api(server.url, 'POST', '/api/windows/25/next', { token: clerk, body: {} });
    await page.locator('[data-testid="called-alert"]').waitFor();
    expect(await text(page, 'called-window')).toBe('请到 25 号窗口');
    expect(await text(page, 'called-number')).toBe(`${t.number} 号，轮到您了`);
    const pieces = () =>
      page.locator('[data-testid="called-alert"] .phrase').evaluateAll((els) =>
        els.map((el) => {
          const box = el.closest('[data-testid="called-alert"]')!.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(el);
          const r = range.getBoundingClientRect();
          return { text: el.textContent, lines: range.getClientRects().length, inside: r.left >= box.left && r.right <= box.right };
        }),
      );
    expect((await pieces()).map((p) => p.text)).toEqual([`${t.number} 号，`, '轮到您了', '请到', '25 号窗口']);
    expect((await pieces()).every((p) => p.lines === 1 && p.inside)).toBe(true);
    await shot(page, 'phone-10-large-320-called');
    // In English the number stays with its word and the line is sized to hold it: "counter / 22"
    // broke apart, and at 2.6rem "counter 22" was wider than the alert.
    await page.click('[data-testid="lang"]');
    await expect.poll(() => text(page, 'called-window')).toBe('Please go to counter 25');
    expect((await pieces()).map((p) => p.text)).toEqual([`Number ${t.number},`, 'it', 'is', 'your', 'turn', 'Please', 'go', 'to', 'counter 25']);
    expect((await pieces()).every((p) => p.lines === 1 && p.inside)).toBe(true);
    expect(await overflowing(page)).toEqual([]);
    await shot(page, 'phone-11-large-320-called-en');

    // 好差评 with the reasons open, both languages: every level, reason and title whole (请对本次服务进行评 / 价,
    // 告知不清楚、材料要求不明 / 确 and 其他（请在意 / 见中说明） before).
    await api(server.url, 'POST', '/api/windows/25/complete', { token: clerk });
    await page.locator('[data-testid="rating-form"]').waitFor();
    await page.click('[data-score="1"]');
    await page.locator('[data-testid="reasons"]').waitFor();
    const form = '[data-testid="rating-form"] legend, [data-testid="rating-form"] label, .page .card p';
    expect(await breaksInsidePhrases(page, form)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    await page.click('[data-testid="lang"]');
    await expect.poll(() => page.locator('legend').first().textContent()).toBe('请评价本次服务（好差评）');
    expect(await breaksInsidePhrases(page, form)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    await shot(page, 'phone-12-large-320-rating', true);
  });

  it('a ticket moved to another queue (转办) says from which, while it waits again, zh and en', async () => {
    const mine = await issue('T');
    const page = await openPhone(mine.id);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.locator('[data-testid="transferred"]').count()).toBe(0);
    const clerk = await login(server.url, 'c03', '1234');
    await api(server.url, 'POST', '/api/windows/3/session', { token: clerk });
    await api(server.url, 'POST', '/api/windows/3/next', { token: clerk, body: {} });
    await page.locator('[data-testid="called-alert"]').waitFor();
    expect(await page.locator('[data-testid="transferred"]').count()).toBe(0);
    await api(server.url, 'POST', '/api/windows/3/transfer', { token: clerk, body: { queue: 'F' } });
    await expect.poll(() => text(page, 'transferred')).toBe('您的业务已由「税务」转至「不动产登记」，按原取号时间继续排队');
    expect(await page.locator('.queue').textContent()).toBe('不动产登记');
    expect(await text(page, 'number')).toBe(mine.number);
    expect(await breaksInsidePhrases(page, '.page p')).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    await expectAccessible(page, 'transferred');
    await shot(page, 'phone-13-transferred-360');
    await page.click('[data-testid="lang"]');
    await expect.poll(() => text(page, 'transferred')).toBe('Your service has been moved from "Taxation" to "Real estate registration". You keep your place: the queue still goes by the time you took your number.');
    expect(await overflowing(page)).toEqual([]);
    await shot(page, 'phone-14-transferred-360-en');
    // Called at the new queue's window: the note has done its work.
    const other = await login(server.url, 'c23', '1234');
    await api(server.url, 'POST', '/api/windows/23/session', { token: other });
    await api(server.url, 'POST', '/api/windows/23/next', { token: other, body: {} });
    await page.locator('[data-testid="called-alert"]').waitFor();
    expect(await page.locator('[data-testid="transferred"]').count()).toBe(0);
  });

  it('the header on a 360 px phone: the hall\'s name in one line under the title, zh and en', async () => {
    const t = await issue('T');
    const page = await openPhone(t.id);
    await page.setViewportSize({ width: 360, height: 740 });
    const lines = (sel: string) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
    expect(await page.locator('.hall').textContent()).toBe('示范县政务服务中心');
    expect(await lines('.hall')).toBeLessThan(1.5);
    await page.click('[data-testid="lang"]');
    await expect.poll(() => page.locator('.hall').textContent()).toBe('Demo County Government Service Centre');
    // Beside the buttons it took three lines (Demo County / Government / Service Centre).
    expect(await lines('.hall')).toBeLessThan(1.5);
    expect(await page.locator('.hall').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(13);
    expect(await overflowing(page)).toEqual([]);
    await shot(page, 'phone-15-header-360-en');
  });

  it('an unknown ticket id says so', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/t/NoSuchTicketId0000000`);
    await page.locator('[data-testid="unknown"]').waitFor({ timeout: 10_000 });
    expect(await text(page, 'unknown')).toContain('未找到该排号');
    await expectAccessible(page, 'unknown ticket');
  });
});
