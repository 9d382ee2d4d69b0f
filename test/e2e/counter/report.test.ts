/**
 * 打印报告 in Chromium against a real server: clerks serve and citizens rate the real way, one
 * 差评 is followed up; on 统计 the manager opens the report of today and sees the day's waiting
 * figures beside its ratings, per queue and per person, and each 差评 with 已整改 / 待整改. In print
 * the console is gone and the sheet fits one A4 page. English has no Chinese words of ours left.
 * Screenshots: $SCREENSHOT_DIR (default /tmp/screens) report-screen.png, report-print.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../shared/schemas';
import { startTestServer, type TestServer } from '../../support/server';
import { seedRatings } from './ratingsSeed';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from './support';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/screens';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureCounterBuilt();
  server = await startTestServer();
  const manager = await token(server.url, 'admin', 'admin');
  // Window 9 (c05, A): 非常满意, 满意, 非常不满意 (attitude, comment). Window 10 (c06, B): 不满意 (slow).
  const served: Ticket[] = await seedRatings(
    server.url,
    manager,
    [
      { window: 9, clerk: 'c05', queue: 'A', ratings: [{ score: 5 }, { score: 4 }, { score: 1, reasons: ['attitude'], comment: '窗口人员态度生硬' }] },
      { window: 10, clerk: 'c06', queue: 'B', ratings: [{ score: 2, reasons: ['slow'] }] },
    ],
    (ms) => server.clock.advance(ms),
  );
  const a003 = served.find((t) => t.number === 'A003')!;
  const handled = await apiCall(server.url, 'PUT', `/api/ratings/${a003.id}/follow-up`, { note: '已电话回访致歉' }, manager);
  expect(handled.status).toBe(200);
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('打印报告', () => {
  it('puts the day’s waiting figures and ratings on one A4 sheet, prints only the sheet', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 1250 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin#stats`);
    await signIn(page, 'admin', 'admin');
    await page.waitForSelector('[data-testid=stats-heads]');
    await page.click('[data-testid=report-open]');
    const sheet = page.locator('[data-testid=report-sheet]');
    await sheet.waitFor();

    expect(await sheet.locator('h1').textContent()).toContain('日报');
    expect(await sheet.locator('.period').textContent()).toBe('2026-11-30');
    expect(await page.textContent('[data-testid=report-satisfied]')).toBe('50.0%');
    expect(await page.textContent('[data-testid=report-complaint-count]')).toBe('2');
    expect(await page.textContent('[data-testid=report-figures]')).toContain('已整改 1 条，整改率 50.0%');

    // Queues with tickets only, in the hall's order; people by how many they served.
    expect(await sheet.locator('[data-testid=report-queues] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-queue')))).toEqual(['A', 'B']);
    const a = (await sheet.locator('[data-queue=A]').textContent()) ?? '';
    expect(a).toContain('企业开办');
    expect(a).toContain('66.7%'); // 2 of A's 3 ratings satisfied
    expect(await sheet.locator('[data-testid=report-clerks] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-clerk')))).toEqual(['c05', 'c06']);

    // 差评, oldest first: A003 followed up, B001 still open.
    const complaints = sheet.locator('[data-testid=report-complaints] tbody tr');
    expect(await complaints.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')))).toEqual(['A003', 'B001']);
    const first = (await complaints.nth(0).textContent()) ?? '';
    expect(first).toContain('服务态度不好；窗口人员态度生硬');
    expect(first).toContain('已电话回访致歉');
    expect(first).toContain('9号');
    expect(await complaints.nth(1).textContent()).toContain('待整改');
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'report-screen.png') });

    // In print: the console and the toolbar are gone, the sheet is all there is, on one A4 page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.shell').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=report-print]').isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'report-print.png'), fullPage: true });
    const pdf = (await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)?.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });

    // English: the sheet in English words (names from the hall's data aside); Escape closes it.
    await page.selectOption('[data-testid=lang]', 'en');
    await expect.poll(() => sheet.locator('h1').textContent()).toContain('daily report');
    const words = await sheet.locator('h2, thead, dt, .remark, .report-foot, td.open').allTextContents();
    expect(words.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
    await page.selectOption('[data-testid=lang]', 'zh');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=report]').count()).toBe(0);

    // A 时间段 (Tuesday to Monday): 工作报告 with 每日情况 second — the day with tickets listed, six quiet days counted.
    await page.click('[data-testid=stats-range]');
    await page.fill('[data-testid=stats-range-from]', '2026-11-24');
    await page.fill('[data-testid=stats-range-to]', '2026-11-30');
    await page.dispatchEvent('[data-testid=stats-range-to]', 'change');
    await expect.poll(() => page.locator('[data-testid=stats-days]').count()).toBe(1);
    await page.click('[data-testid=report-open]');
    await sheet.waitFor();
    expect(await sheet.locator('h1').textContent()).toContain('工作报告');
    expect(await sheet.locator('.period').textContent()).toBe('2026-11-24 至 2026-11-30（共 7 天）');
    expect(await sheet.locator('h2').allTextContents()).toEqual(['一、总体情况', '二、每日情况', '三、各业务等候情况', '四、窗口人员服务情况', '五、差评及整改']);
    expect(await sheet.locator('[data-testid=report-days] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-day')))).toEqual(['2026-11-30']);
    expect(await page.textContent('[data-testid=report-quiet-days]')).toContain('另有 6 天');
    await page.screenshot({ path: join(SHOTS, 'report-range.png') });
    await page.click('[data-testid=report-close]');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
