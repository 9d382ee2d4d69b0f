/**
 * What the look-and-fix pass found on the clerk panel at the sizes it runs at, each checked where
 * it went wrong: a guide-desk ticket with three matters (one with a long name and six materials)
 * on a 1366×768 screen, in Chinese and English; and the console's 窗口与队列 in English, where
 * queue names and "Nobody here" were cut short.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, ensureCounterBuilt, launchChromium, mapWindows, openClerkPanel, signIn, token } from './support';

let server: TestServer;
let browser: Browser;
let manager: string;

beforeAll(async () => {
  await ensureCounterBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  manager = await token(server.url, 'admin', 'admin');
  await mapWindows(server.url, manager, { 10: 'A' });
  const long = {
    id: 'A-03',
    queue: 'A',
    name: '企业注销登记（含清税证明、社保注销、银行账户撤销一并办理）',
    nameEn: 'Company deregistration together with tax clearance, social insurance closure and bank account closure',
    materials: ['注销登记申请书', '清税证明', '清算报告', '全体投资人承诺书（简易注销适用，需全体投资人签字）', '营业执照正副本原件', '法定代表人身份证明'],
    timeLimitMinutes: 15,
  };
  expect((await apiCall(server.url, 'PUT', '/api/admin/matters/A-03', long, manager)).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('clerk panel at 1366×768', () => {
  it('a long matter list scrolls inside the ticket: the action buttons stay on screen, a time limit keeps one line (zh, en); transfer names keep two lines (en)', async () => {
    const { page, context, errors } = await openClerkPanel(browser, server.url, 'c02', 10);
    const body = { queue: 'A', channel: 'guide', matters: ['A-01', 'A-02', 'A-03'], note: '名称已预核准；股东会决议明天补交。' };
    const mine = await apiCall<{ number: string }>(server.url, 'POST', '/api/tickets', body, manager);
    await page.keyboard.press('1');
    await page.locator('[data-testid=current-number]', { hasText: mine.body.number }).waitFor();
    await page.locator('.materials .matter').nth(2).waitFor();
    for (const lang of ['zh', 'en']) {
      await page.selectOption('[data-testid=lang]', lang);
      const fit = await page.evaluate(() => {
        const pad = [...document.querySelectorAll('[data-action]')].map((el) => el.getBoundingClientRect().bottom);
        const limits = [...document.querySelectorAll('.materials .name .small')].map((el) => el.getClientRects().length);
        return { padBottom: Math.max(...pad), pageHeight: document.documentElement.scrollHeight, limits };
      });
      // The second row of buttons went below the fold (to 777 px), and the page scrolled.
      expect(fit.padBottom, lang).toBeLessThanOrEqual(768);
      expect(fit.pageHeight, lang).toBeLessThanOrEqual(768);
      // "Limit 15 / min" broke over two lines after the long English name.
      expect(fit.limits, lang).toEqual([1, 1, 1]);
    }
    // The transfer dialog in English: each queue name in at most two lines (three beside the waiting count).
    await page.click('[data-action=transfer]');
    await page.locator('.queues .q').first().waitFor();
    const lines = await page.locator('.queues .q .name').evaluateAll((els) =>
      els.map((el) => [el.textContent ?? '', Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))] as const),
    );
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter(([, n]) => n > 2)).toEqual([]);
    await page.keyboard.press('Escape');
    // The last material is reached by scrolling the list.
    const last = page.locator('.materials .item').last();
    await last.scrollIntoViewIfNeeded();
    expect(await last.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('窗口与队列 at 1366×768 in English', () => {
  it('queue names and a window card\'s "Nobody here" read whole (nothing cut with an ellipsis)', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin`);
    await signIn(page, 'admin', 'admin');
    await page.selectOption('[data-testid=lang]', 'en');
    await page.goto(`${server.url}/admin#mapping`);
    await page.locator('[data-window] .clerk').first().waitFor();
    await expect.poll(() => page.locator('[data-palette="B"] .name').textContent()).toBe('Construction projects');
    // Cut text is wider inside than its box ("Construction pr…", "Nobody h…").
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-palette] .name, [data-window] .clerk')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        .map((el) => el.textContent),
    );
    expect(cut).toEqual([]);
    await context.close();
  });
});
