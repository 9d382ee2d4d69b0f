/**
 * 容缺受理 in Chromium against a real server: the clerk ticks what the citizen brought; with a
 * key material missing the panel says why there is no 容缺受理, with only 可容缺 ones missing it
 * offers it; the box checks the phone and shows the deadline; confirming prints the 告知承诺书
 * (window.print is counted). Screenshots (dialog, sheet on screen and as printed) go to SCREENS_DIR.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeferralList } from '../../../shared/deferral';
import type { Ticket } from '../../../shared/schemas';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, ensureCounterBuilt, launchChromium, mapWindows, openClerkPanel, token } from './support';

const SCREENS = process.env.SCREENS_DIR ?? '/tmp/screens';

let server: TestServer;
let browser: Browser;
let manager: string;

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  await ensureCounterBuilt();
  server = await startTestServer();
  manager = await token(server.url, 'admin', 'admin');
  await mapWindows(server.url, manager, { 3: 'E' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A material's tick of the ticket's one matter. */
const material = (page: Page, name: string) => page.locator(`[data-material="${name}"]`);

describe('容缺受理', () => {
  it('ticks, offers 容缺受理 only without a key material missing, prints the 告知承诺书', async () => {
    const ticket = (await apiCall<Ticket>(server.url, 'POST', '/api/tickets', { queue: 'E', matters: ['E-02'] }, manager)).body;
    const { page, context, errors } = await openClerkPanel(browser, server.url, 'c03', 3, async (c) => {
      // Count the prints instead of opening the browser's print dialog.
      await c.addInitScript(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => {
          (window as unknown as { printed: number }).printed += 1;
        };
      });
    });
    await page.click('[data-action=next]');
    await expect.poll(() => page.textContent('[data-testid=current-number]')).toBe(ticket.number);

    // 身份证 brought; 医保卡 (key) and 异地居住证明 (可容缺) missing: no offer, the reason instead.
    await material(page, '身份证').click();
    await expect.poll(() => page.textContent('[data-testid=deferral-required]')).toContain('缺少必要材料 医保卡，不能容缺');
    expect(await page.locator('[data-testid=deferral-offer]').count()).toBe(0);
    expect(await page.textContent('[data-material="异地居住证明"]')).toContain('可容缺');

    // 医保卡 too: only the 可容缺 one is missing.
    await material(page, '医保卡').click();
    await page.click('[data-testid=deferral-offer]');
    await page.waitForSelector('[data-testid=deferral-form]');
    expect(await page.textContent('[data-testid=deferral-missing]')).toBe('异地居住证明');
    expect(await page.inputValue('#deferral-days')).toBe('5');
    expect(await page.textContent('[data-testid=deferral-until]')).toBe('2026年12月5日前补齐');
    await page.fill('#deferral-days', '7');
    await expect.poll(() => page.textContent('[data-testid=deferral-until]')).toBe('2026年12月7日前补齐');
    await page.fill('#deferral-days', '31');
    await page.click('[data-testid=deferral-confirm]');
    expect(await page.textContent('.field.days .field-error')).toContain('1 到 30');
    await page.fill('#deferral-days', '5');
    await page.fill('#deferral-name', '张三');
    await page.fill('#deferral-phone', '1381234');
    await page.click('[data-testid=deferral-confirm]');
    await page.waitForSelector('text=请填写 11 位手机号');
    await page.fill('#deferral-phone', '13812345678');
    await page.screenshot({ path: `${SCREENS}/clerk-deferral-dialog-zh-1366.png` });
    expect((await apiCall<DeferralList>(server.url, 'GET', '/api/deferrals', undefined, manager)).body.items).toEqual([]);

    // Confirm (Enter in a field): recorded, and the 告知承诺书 shows and prints once.
    await page.press('#deferral-phone', 'Enter');
    await page.waitForSelector('[data-testid=deferral-sheet]');
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const sheet = (await page.textContent('[data-testid=deferral-sheet]')) ?? '';
    for (const want of ['容缺受理告知承诺书', '示范县政务服务中心', '3号窗口', '2026年11月30日', ticket.number, '医保异地就医备案', '张三', '13812345678', '异地居住证明']) {
      expect(sheet).toContain(want);
    }
    expect(await page.textContent('[data-testid=deferral-promise]')).toBe('申请人承诺于 2026年12月5日 前补齐上述材料，逾期未补齐的，按规定不予办理/终止办理。');
    await page.screenshot({ path: `${SCREENS}/clerk-deferral-sheet-zh-1366.png` });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SCREENS}/clerk-deferral-sheet-print.png`, fullPage: true });
    expect(await page.locator('.panel-page').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.click('[data-testid=deferral-print]');
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(2);
    await page.click('[data-testid=deferral-sheet-close]');
    await expect.poll(() => page.textContent('[data-testid=deferral-accepted]')).toContain('已容缺受理 · 2026年12月5日前补齐');
    await page.screenshot({ path: `${SCREENS}/clerk-deferral-accepted-zh-1366.png` });

    const listed = (await apiCall<DeferralList>(server.url, 'GET', '/api/deferrals', undefined, manager)).body;
    expect(listed.items.map((d) => [d.ticketNumber, d.missing, d.deadline, d.name, d.phone, d.status])).toEqual([
      [ticket.number, ['异地居住证明'], '2026-12-05', '张三', '13812345678', 'pending'],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

