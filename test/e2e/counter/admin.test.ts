/**
 * The manager console in Chromium against a real server: the live board follows the hall; a
 * mapping change (from the list and by dragging) reaches the clerk's panel at once and the
 * clerk's next call follows it; a manager signs a clerk out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Ticket, Window } from '../../../shared/schemas';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, collectErrors, ensureCounterBuilt, issue, launchChromium, signIn, snapshotOf } from './support';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureCounterBuilt();
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function windowNo(no: number): Promise<Window> {
  const w = (await snapshotOf(server.url)).windows.find((x) => x.no === no);
  if (!w) throw new Error(`no window ${no}`);
  return w;
}
const ticket = async (id: string): Promise<Ticket> => (await apiCall<Ticket>(server.url, 'GET', `/api/tickets/${id}`)).body;

async function open(path: string, username: string, password: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}${path}`);
  await signIn(page, username, password);
  return { page, errors };
}

describe('manager console', () => {
  it('refuses a clerk account, with the reason on the form', async () => {
    const { page } = await open('/admin', 'c09', '1234');
    await page.waitForSelector('.form-error');
    expect(await page.textContent('.form-error')).toContain('此账号不能登录这里');
    await page.fill('#login-user', '');
    await page.click('[data-testid=login-submit]');
    expect(await page.textContent('#login-user-error')).toContain('请输入工号');
    await page.context().close();
  });

  it('changes a window’s mapping live; the clerk’s next call follows it', async () => {
    const { page: clerk, errors: clerkErrors } = await open('/counter', 'c05', '1234');
    await clerk.click('[data-window="10"]');
    await clerk.waitForSelector('[data-action=next]:not([disabled])');
    const a = await issue(server.url, 'A');
    const f = await issue(server.url, 'F');

    const { page: admin, errors } = await open('/admin', 'admin', 'admin');
    await admin.waitForSelector('[data-testid=hall-board] [data-window="10"]');
    // The board shows the clerk at window 10, live.
    await expect.poll(() => admin.textContent('[data-testid=hall-board] [data-window="10"]')).toContain('窗口人员05');

    await admin.click('[data-nav=mapping]');
    const card = admin.locator('[data-testid=mapping-page] [data-window="10"]');
    // Bad input first: adding without choosing a queue is explained next to the field.
    await card.locator('[data-testid=add-submit]').click();
    await expect.poll(() => card.locator('.field-error').textContent()).toContain('请先选择队列');
    await card.locator('[data-testid=add-queue]').selectOption('F');
    await card.locator('[data-testid=add-role]').selectOption('primary');
    await card.locator('[data-testid=add-submit]').click();
    await card.locator('[data-remove=A]').click();
    await expect.poll(async () => (await windowNo(10)).mapping).toEqual([{ queue: 'F', role: 'primary' }]);

    // Every screen at once: the clerk's queue list shows F now, and the next call comes from F.
    await clerk.waitForSelector('[data-testid=my-queues] [data-queue=F]');
    expect(await clerk.locator('[data-testid=my-queues] [data-queue=A]').count()).toBe(0);
    await clerk.click('[data-action=next]');
    await expect.poll(() => clerk.textContent('[data-testid=current-number]')).toBe(f.number);
    expect((await ticket(a.id)).status).toBe('waiting');

    // Dragging a queue from the palette onto the window, as overflow.
    await admin.dragAndDrop('[data-palette=A]', '[data-testid=mapping-page] [data-window="10"]');
    await card.locator('[data-drop-role=overflow]').click();
    await expect.poll(async () => (await windowNo(10)).mapping).toEqual([
      { queue: 'F', role: 'primary' },
      { queue: 'A', role: 'overflow' },
    ]);
    // Reorder with the arrows, and flip a role.
    await card.locator('[data-entry=A] [aria-label=上移]').click();
    await expect.poll(async () => (await windowNo(10)).mapping.map((m) => m.queue)).toEqual(['A', 'F']);
    await card.locator('[data-role-of=A]').click();
    await expect.poll(async () => (await windowNo(10)).mapping[0]?.role).toBe('primary');

    // The live board follows the clerk's call.
    await admin.click('[data-nav=board]');
    await expect.poll(() => admin.textContent('[data-testid=hall-board] [data-window="10"]')).toContain(f.number);

    // Signing the clerk out closes the window; the clerk's panel goes back to choosing a window.
    await admin.click('[data-nav=mapping]');
    await card.locator('[data-testid=sign-clerk-out]').click();
    await admin.click('[data-testid=sign-clerk-out-confirm]');
    await expect.poll(async () => (await windowNo(10)).state).toBe('closed');
    await clerk.waitForSelector('[data-window="10"]:has-text("可选")');
    expect(errors).toEqual([]);
    expect(clerkErrors).toEqual([]);
  });
});
