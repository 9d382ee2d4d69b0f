/**
 * 转办交接 in Chromium: the clerk at window 10 ticks two materials, transfers the citizen with a
 * 转办说明 (typed letters go into the note, not to the queue picker), and the clerk at window 12
 * who calls the ticket sees where it came from, the note, and the two materials already ticked
 * and tagged 10号窗口已核 — the citizen is not asked for them again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Ticket } from '../../../shared/schemas';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, collectErrors, ensureCounterBuilt, launchChromium, mapWindows, signIn, token } from './support';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureCounterBuilt();
  server = await startTestServer();
  const manager = await token(server.url, 'admin', 'admin');
  await mapWindows(server.url, manager, { 10: 'A', 12: 'B' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPanel(username: string, window: number): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = collectErrors(page);
  await page.goto(`${server.url}/counter`);
  await signIn(page, username, '1234');
  await page.click(`[data-window="${window}"]`);
  await page.waitForSelector('[data-action=next]:not([disabled])');
  return { page, context, errors };
}

const NOTE = '营业执照已核验 ok, still to do: shareholder change';

describe('转办交接 on the clerk panel', () => {
  it('what window 10 checked and wrote reaches window 12 with the call', async () => {
    const issued = await apiCall<Ticket>(server.url, 'POST', '/api/tickets', { queue: 'A', matters: ['A-01'] });
    expect(issued.status).toBe(201);

    const first = await openPanel('c02', 10);
    await first.page.click('[data-action=next]');
    await first.page.waitForSelector(`[data-testid=current-number]:has-text("${issued.body.number}")`);
    await first.page.click('label[data-material="公司章程"]');
    await first.page.click('label[data-material="股东身份证明"]');
    await first.page.click('[data-action=transfer]');
    await first.page.waitForSelector('[data-testid=transfer-handed]:has-text("2")');
    await first.page.click('label[data-queue=B]');
    // Letters typed in the note are the note's: they must not pick queue A… or S.
    await first.page.fill('[data-testid=transfer-note]', '');
    await first.page.type('[data-testid=transfer-note]', NOTE);
    expect(await first.page.isChecked('label[data-queue=B] input')).toBe(true);
    await first.page.screenshot({ path: '/tmp/handover-transfer-dialog.png' });
    await first.page.keyboard.press('Enter');
    await expect
      .poll(async () => (await apiCall<Ticket>(server.url, 'GET', `/api/tickets/${issued.body.id}`)).body.queue)
      .toBe('B');

    const second = await openPanel('c03', 12);
    await second.page.click('[data-action=next]');
    await second.page.waitForSelector(`[data-testid=current-number]:has-text("${issued.body.number}")`);
    const box = second.page.locator('[data-testid=current-handover]');
    await expect.poll(() => box.textContent()).toContain('10');
    expect(await second.page.textContent('[data-testid=current-handover-note]')).toBe(NOTE);
    expect(await second.page.isChecked('label[data-material="公司章程"] input')).toBe(true);
    expect(await second.page.isChecked('label[data-material="股东身份证明"] input')).toBe(true);
    expect(await second.page.isChecked('label[data-material="住所使用证明"] input')).toBe(false);
    expect(await second.page.textContent('label[data-material="公司章程"]')).toContain('10号窗口已核');
    expect(await second.page.textContent('[data-testid=guide-count]')).toContain('10号窗口已核 2/');
    await second.page.screenshot({ path: '/tmp/handover-next-window.png' });

    expect([...first.errors, ...second.errors]).toEqual([]);
    await first.context.close();
    await second.context.close();
  }, 90_000);
});
