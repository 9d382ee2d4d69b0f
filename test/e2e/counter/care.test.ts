/**
 * 关怀提醒 in Chromium: after a clerk's 现场秩序求助 and a 差评 of their service, the live board shows
 * them under 关怀提醒 (name, window, what happened); 已关心 with a line moves them under "已关心 1 人",
 * the mark is on the server, and the list is gone from the board of a calm hall. Screenshot zh and en.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CareDay } from '../../../shared/care';
import type { TicketDetail } from '../../../shared/schemas';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from './support';

let server: TestServer;
let browser: Browser;
let manager: string;

beforeAll(async () => {
  await ensureCounterBuilt();
  server = await startTestServer();
  manager = await token(server.url, 'admin', 'admin');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('关怀提醒 on the live board', () => {
  it('lists the clerk after a hard moment, and 已关心 settles them', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin`);
    await signIn(page, 'admin', 'admin');
    await page.waitForSelector('[data-nav=board][aria-current=page]');
    // A calm hall: nothing to show.
    await page.waitForTimeout(500);
    expect(await page.getByTestId('care-alerts').count()).toBe(0);

    const clerk = await token(server.url, 'c09', '1234');
    await apiCall(server.url, 'POST', '/api/windows/9/session', undefined, clerk);
    expect((await apiCall(server.url, 'POST', '/api/windows/9/assist', { kind: 'conduct' }, clerk)).status).toBe(201);
    const t = await apiCall<TicketDetail>(server.url, 'POST', '/api/tickets', { queue: 'A' });
    await apiCall(server.url, 'POST', '/api/windows/9/next', {}, clerk);
    await apiCall(server.url, 'POST', '/api/windows/9/complete', undefined, clerk);
    expect((await apiCall(server.url, 'POST', `/api/tickets/${t.body.id}/rating`, { score: 1, reasons: ['attitude'] })).status).toBe(201);

    const row = page.locator('[data-testid=care-alerts] li.item[data-clerk=c09]');
    await expect.poll(() => row.count()).toBe(1);
    // The 求助 and the 差评 reach the board one after the other (the row shows with the first).
    await expect.poll(() => row.textContent()).toContain('差评 1 条');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('9号窗口');
    expect(text).toContain('现场秩序求助 1 次');
    expect(text).toContain('差评 1 条');
    expect(await axeProblems(page)).toEqual([]);
    await page.getByTestId('care-alerts').screenshot({ path: '/tmp/care-board-zh.png' });

    await row.getByTestId('care-mark').click();
    await page.getByTestId('care-note').fill('已谈心，安排替岗休息 15 分钟');
    await page.getByTestId('care-confirm').click();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByTestId('care-settled').click();
    expect(await page.locator('.settled li[data-clerk=c09]').textContent()).toContain('已谈心，安排替岗休息 15 分钟');
    const day = await apiCall<CareDay>(server.url, 'GET', '/api/admin/care', undefined, manager);
    expect(day.body.items[0]).toMatchObject({ settled: true, cared: { note: '已谈心，安排替岗休息 15 分钟' } });
    await page.getByTestId('care-alerts').screenshot({ path: '/tmp/care-board-settled.png' });

    // English, for a look.
    await page.selectOption('select', 'en').catch(() => undefined);
    await page.getByTestId('care-alerts').screenshot({ path: '/tmp/care-board-en.png' });
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
