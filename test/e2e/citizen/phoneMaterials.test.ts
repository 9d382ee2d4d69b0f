/**
 * 等候时核对材料 on the phone page (/t/:ticketId, 375×667): a ticket taken for a matter lists that
 * matter's materials; the citizen ticks what they have, the count of what is still missing follows,
 * the ticks survive a reload (the phone's own storage, nothing sent), 可容缺 materials say so; in
 * large type nothing runs off the screen; axe clean. A ticket without matters shows no list.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../shared/schemas';
import { api, startTestServer, type TestServer } from '../../support/server';
import { DIST_ROOT, ensureDisplayBuilt, expectAccessible, launchChromium, shot, stubDevices } from './support';

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

const issue = async (body: Record<string, unknown>) => (await api<Ticket>(server.url, 'POST', '/api/tickets', { body })).body;
const left = (page: Page) => page.locator('[data-testid=materials-left]').textContent();

async function openPhone(ticketId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/t/${ticketId}`);
  await page.waitForSelector('[data-testid=number]');
  return page;
}

describe('the phone page lists the materials to bring', () => {
  it('ticks what the citizen has, counts what is missing, keeps the ticks over a reload', async () => {
    // A-01 企业设立登记: 公司章程, 股东身份证明, 住所使用证明 (可容缺), 名称自主申报告知书.
    const t = await issue({ queue: 'A', matters: ['A-01'] });
    const page = await openPhone(t.id);
    const card = page.getByTestId('materials');
    await card.waitFor();
    expect(await card.locator('h3').textContent()).toContain('企业设立登记');
    expect(await card.locator('label').count()).toBe(4);
    expect(await left(page)).toBe('还差 4 项');
    expect(await card.locator('label[data-material="住所使用证明"]').textContent()).toContain('可容缺');

    await card.locator('label[data-material="公司章程"]').click();
    await card.locator('label[data-material="股东身份证明"]').click();
    expect(await left(page)).toBe('还差 2 项');
    await expectAccessible(page, 'phone materials');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'phone-materials', true);

    await page.reload();
    await page.getByTestId('materials').waitFor();
    expect(await left(page)).toBe('还差 2 项');
    expect(await page.locator('label[data-material="公司章程"] input').isChecked()).toBe(true);
    await page.locator('label[data-material="住所使用证明"]').click();
    await page.locator('label[data-material="名称自主申报告知书"]').click();
    expect(await left(page)).toBe('✓ 材料已备齐');

    // Large type on a 320 px phone: no text runs off the screen.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.getByTestId('large').click();
    const off = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=materials] *')]
        .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
        .map((el) => el.textContent?.trim() ?? ''),
    );
    expect(off).toEqual([]);
    await shot(page, 'phone-materials-large', true);

    // English.
    await page.getByTestId('lang').click();
    expect(await left(page)).toBe('✓ All documents ready');
    expect(await page.getByTestId('materials').locator('h3').textContent()).toContain('Company registration');
  }, 60_000);

  it('a ticket without matters shows no list, and another ticket has its own ticks', async () => {
    const plain = await issue({ queue: 'A' });
    const page = await openPhone(plain.id);
    await page.waitForTimeout(500);
    expect(await page.getByTestId('materials').count()).toBe(0);

    const first = await issue({ queue: 'A', matters: ['A-01'] });
    const p1 = await openPhone(first.id);
    await p1.getByTestId('materials').waitFor();
    await p1.locator('label[data-material="公司章程"]').click();
    const second = await issue({ queue: 'A', matters: ['A-01'] });
    const p2 = await openPhone(second.id);
    await p2.getByTestId('materials').waitFor();
    expect(await left(p2)).toBe('还差 4 项');
  }, 60_000);
});
