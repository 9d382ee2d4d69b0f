/**
 * The 好差评 page in Chromium against a real server: ratings made through the API (clerks serve,
 * citizens rate) show as headline figures, per window worst first, and every 差评 with its
 * reasons in words; a new rating shows by itself (and the refresh button works); English has no Chinese left. A
 * manager follows a 差评 up (登记整改) and sees 已整改 and the 整改率 at once, and the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from './support';
import { seedRatings } from './ratingsSeed';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureCounterBuilt();
  server = await startTestServer();
  const manager = await token(server.url, 'admin', 'admin');
  // Window 9 (c05, queue A): 非常满意, 满意, 非常不满意 (attitude + other, comment), one unrated.
  // Window 10 (c06, queue B): 不满意 (slow). 5 served, 4 rated: 满意率 50 %, average 3.00, 参评率 80 %.
  await seedRatings(
    server.url,
    manager,
    [
      {
        window: 9,
        clerk: 'c05',
        queue: 'A',
        ratings: [{ score: 5 }, { score: 4 }, { score: 1, reasons: ['attitude', 'other'], comment: '窗口人员态度生硬，没有解释' }, null],
      },
      { window: 10, clerk: 'c06', queue: 'B', ratings: [{ score: 2, reasons: ['slow'] }] },
    ],
    (ms) => server.clock.advance(ms),
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const stat = (page: Page, name: string) => page.locator(`[data-stat=${name}] .value`).textContent();

describe('好差评 page', () => {
  it('shows today’s figures, worst first, and each 差评 with its reasons; a new rating shows by itself', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin`);
    await signIn(page, 'admin', 'admin');
    await page.click('[data-nav=ratings]');
    await page.waitForSelector('[data-testid=ratings-page]');
    expect(await page.textContent('h1')).toBe('好差评');

    await expect.poll(() => stat(page, 'count')).toBe('4');
    expect(await stat(page, 'satisfied')).toBe('50.0%');
    expect(await stat(page, 'average')).toBe('3.00');
    expect(await stat(page, 'rated')).toBe('80.0%');
    expect(await page.textContent('[data-stat=rated] .help')).toContain('办结 5 件');
    // 评价渠道: the seeded ratings came from phones.
    expect(await page.textContent('[data-testid=rating-channels]')).toBe('评价器 0 · 扫码 4');
    await page.locator('.stats').screenshot({ path: '/tmp/e2e-counter/ratings-headline.png' });
    expect(await page.textContent('[data-testid=ratings-span]')).toBe('2026-11-30');

    // 差评: newest first (window 10's, rated last), reasons in words, the comment, who served.
    const rows = page.locator('[data-testid=complaints] tbody tr');
    expect(await rows.count()).toBe(2);
    const first = (await rows.nth(0).textContent()) ?? '';
    expect(first).toContain('B001');
    expect(first).toContain('办理效率低、等候太久');
    expect(first).toContain('不满意');
    const second = (await rows.nth(1).textContent()) ?? '';
    expect(second).toContain('A003');
    expect(second).toContain('服务态度不好、其他');
    expect(second).toContain('窗口人员态度生硬，没有解释');
    expect(second).toContain('非常不满意');
    expect(second).toContain('9号窗口');
    await expect.poll(() => rows.nth(1).textContent()).toContain('窗口人员05');
    expect(second).not.toMatch(/attitude|other/);

    // Per window, worst first: window 10 (one rating, a 差评) above window 9 (one in three).
    const windows = page.locator('[data-testid=by-window] tbody tr');
    expect(await windows.nth(0).getAttribute('data-key')).toBe('10');
    expect(await windows.nth(0).locator('[data-col=complaints]').textContent()).toContain('100%');
    expect(await windows.nth(1).locator('[data-col=complaints]').textContent()).toContain('33%');
    // Sorted by count instead: window 9 first.
    await page.click('[data-testid=by-window] [data-sort=count]');
    expect(await windows.nth(0).getAttribute('data-key')).toBe('9');
    expect(await axeProblems(page)).toEqual([]);

    // A new rating arrives: the page shows it by itself (ratings:changed), no button, no minute.
    const manager = await token(server.url, 'admin', 'admin');
    const [extra] = await seedRatings(server.url, manager, [{ window: 11, clerk: 'c07', queue: 'C', ratings: [{ score: 5 }] }], (ms) => server.clock.advance(ms));
    expect(extra).toBeTruthy();
    await expect.poll(() => stat(page, 'count')).toBe('5');
    expect(await stat(page, 'satisfied')).toBe('60.0%');
    await page.click('[data-testid=ratings-refresh]'); // the button still works
    await expect.poll(() => stat(page, 'count')).toBe('5');

    // The last 7 days hold the same ratings (all today); a day without any shows zeros.
    await page.click('[data-span=week]');
    await expect.poll(() => page.textContent('[data-testid=ratings-span]')).toBe('2026-11-24 至 2026-11-30');
    expect(await stat(page, 'count')).toBe('5');
    await page.fill('[data-testid=ratings-day]', '2026-11-29');
    await page.dispatchEvent('[data-testid=ratings-day]', 'change');
    await expect.poll(() => page.textContent('[data-testid=ratings-span]')).toBe('2026-11-29');
    await expect.poll(() => stat(page, 'count')).toBe('0');
    expect(await page.textContent('[data-testid=complaints]')).toContain('该时段没有差评');

    // English: the same page, no Chinese words of ours left (names from the hall's data aside).
    await page.click('[data-span=today]');
    await expect.poll(() => stat(page, 'count')).toBe('5');
    await page.selectOption('[data-testid=lang]', 'en');
    await expect.poll(() => page.textContent('h1')).toBe('Ratings');
    const en = (await rows.nth(1).textContent()) ?? '';
    expect(en).toContain('Unfriendly service; Other');
    expect(en).toContain('Very dissatisfied');
    const chrome = await page.locator('.period-bar, .stats, .dist, thead, h2, h3').allTextContents();
    expect(chrome.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
    await page.selectOption('[data-testid=lang]', 'zh');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('follows a 差评 up: the field says what is missing, the row turns 已整改 at once, 整改率, the filter, the audit log', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin`);
    await signIn(page, 'admin', 'admin');
    await page.click('[data-nav=ratings]');
    const row = (number: string) => page.locator(`[data-testid=complaints] tbody tr[data-ticket=${number}]`);
    await row('A003').waitFor();
    expect(await stat(page, 'follow-up')).toBe('0.0%');
    expect(await page.textContent('[data-stat=follow-up] .help')).toBe('差评 2 条，已整改 0 条');
    expect(await row('A003').locator('td.follow-up').textContent()).toContain('待整改');

    // The dialog: the case, then a blank note is refused next to the field, nothing is sent.
    await row('A003').locator('[data-testid=follow-up-record]').click();
    const dialog = page.locator('[role=dialog]');
    expect(await dialog.textContent()).toContain('登记整改：A003');
    expect(await dialog.textContent()).toContain('窗口人员态度生硬，没有解释');
    await page.click('[data-testid=follow-up-save]');
    expect(await dialog.locator('#follow-up-note-error').textContent()).toBe('必填');
    expect(await page.getAttribute('[data-testid=follow-up-note]', 'aria-invalid')).toBe('true');
    expect(await axeProblems(page)).toEqual([]);
    await page.fill('[data-testid=follow-up-note]', '已电话回访群众并致歉，对窗口人员批评教育');
    expect(await dialog.locator('#follow-up-note-error').count()).toBe(0);
    await page.click('[data-testid=follow-up-save]');
    await dialog.waitFor({ state: 'detached' });

    // At once, without a refresh: 已整改 with the note and who; 整改率 50 %.
    const cell = row('A003').locator('td.follow-up');
    expect(await cell.getAttribute('data-follow-up')).toBe('handled');
    const done = (await cell.textContent()) ?? '';
    expect(done).toContain('已整改');
    expect(done).toContain('已电话回访群众并致歉，对窗口人员批评教育');
    expect(done).toContain('管理员');
    expect(await stat(page, 'follow-up')).toBe('50.0%');
    expect(await page.textContent('[data-testid=follow-up-saved]')).toBe('A003 已登记整改');
    // The server has it too: a refresh keeps it.
    await page.click('[data-testid=ratings-refresh]');
    await expect.poll(() => page.textContent('[data-testid=ratings-span]')).toBe('2026-11-30');
    await expect.poll(() => cell.getAttribute('data-follow-up')).toBe('handled');

    // Only the open ones: B001 stays, A003 goes.
    await page.check('[data-testid=only-open]');
    const rows = page.locator('[data-testid=complaints] tbody tr[data-ticket]');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-ticket')).toBe('B001');
    await page.uncheck('[data-testid=only-open]');
    await expect.poll(() => rows.count()).toBe(2);

    // The audit page names it, in Chinese and in English.
    await page.click('[data-nav=audit]');
    const log = page.locator('[data-testid=audit-page] tbody');
    await expect.poll(() => log.textContent()).toContain('登记差评整改：A003（已电话回访群众并致歉，对窗口人员批评教育）');
    await page.selectOption('[data-testid=lang]', 'en');
    await expect.poll(() => log.textContent()).toContain('Complaint A003 followed up');
    await page.selectOption('[data-testid=lang]', 'zh');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('is for managers only: the API refuses a clerk', async () => {
    const clerk = await token(server.url, 'c01', '1234');
    expect((await apiCall(server.url, 'GET', '/api/ratings', undefined, clerk)).status).toBe(403);
    const list = await apiCall<{ ratings: { ticketId: string; score: number }[] }>(server.url, 'GET', '/api/ratings', undefined, await token(server.url, 'admin', 'admin'));
    const bad = list.body.ratings.find((r) => r.score <= 2);
    expect((await apiCall(server.url, 'PUT', `/api/ratings/${bad?.ticketId}/follow-up`, { note: '已处理' }, clerk)).status).toBe(403);
  });
});
