/**
 * The clerk panel in Chromium against a real server: sign in, pick a window, then call,
 * recall, start, complete and transfer with the mouse and with the keyboard (as a calling
 * keypad types keys); a double press calls one ticket; a mistaken no-show is undone; bad
 * input is explained next to the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Ticket, Window } from '../../../shared/schemas';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, issue, launchChromium, signIn, snapshotOf, token, mapWindows } from './support';

let server: TestServer;
let browser: Browser;
let managerToken: string;

beforeAll(async () => {
  await ensureCounterBuilt();
  server = await startTestServer();
  managerToken = await token(server.url, 'admin', 'admin');
  await mapWindows(server.url, managerToken, { 9: 'A', 10: 'A', 11: 'A', 12: 'B' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function windowNo(no: number): Promise<Window> {
  const w = (await snapshotOf(server.url, managerToken)).windows.find((x) => x.no === no);
  if (!w) throw new Error(`no window ${no}`);
  return w;
}

async function ticket(id: string): Promise<Ticket> {
  return (await apiCall<Ticket>(server.url, 'GET', `/api/tickets/${id}`)).body;
}

async function openPanel(username: string, window: number): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  // Fail at the step that hangs, well inside the test's own timeout.
  page.setDefaultTimeout(8_000);
  const errors = collectErrors(page);
  await page.goto(`${server.url}/counter`);
  await signIn(page, username, '1234');
  await page.click(`[data-window="${window}"]`);
  await page.waitForSelector('[data-action=next]:not([disabled])');
  return { page, context, errors };
}

const currentNumber = (page: Page) => page.locator('[data-testid=current-number]');

// Each test allows a minute: the full suite shares two cores with other browsers.
describe('clerk panel', () => {
  it('signs in at a window, which opens; serves a ticket with the mouse', async () => {
    const { page, context, errors } = await openPanel('c01', 9);
    expect((await windowNo(9)).state).toBe('open');
    expect((await windowNo(9)).clerk?.username).toBe('c01');
    // Nobody waits yet: the longest wait is a dash, not a clock standing at 00:00.
    expect(await page.textContent('[data-testid=my-queues] [data-queue=A] .wait .num')).toBe('—');
    // Nothing waits for an A window yet: calling says so calmly.
    const a1 = await issue(server.url, 'A');
    const a2 = await issue(server.url, 'A');

    await page.click('[data-action=next]');
    await expect.poll(() => currentNumber(page).textContent()).toBe(a1.number);
    expect((await ticket(a1.id)).status).toBe('called');
    // While a ticket is only called, 叫号 is disabled: a second press cannot call another.
    expect(await page.isDisabled('[data-action=next]')).toBe(true);
    expect(await axeProblems(page)).toEqual([]);

    await page.click('[data-action=recall]');
    await expect.poll(async () => (await ticket(a1.id)).recalls).toBe(1);

    await page.click('[data-action=start]');
    await expect.poll(async () => (await ticket(a1.id)).status).toBe('serving');
    await page.waitForSelector('[data-testid=current-status]:has-text("正在办理")');

    await page.click('[data-action=complete]');
    await expect.poll(async () => (await ticket(a1.id)).status).toBe('done');
    await expect.poll(() => page.textContent('[data-testid=served-count]')).toBe('1');
    await expect.poll(() => currentNumber(page).count()).toBe(0);

    // Transfer: the next ticket goes to queue C keeping its arrival time.
    await page.click('[data-action=next]');
    await expect.poll(() => currentNumber(page).textContent()).toBe(a2.number);
    await page.click('[data-action=transfer]');
    await page.click('[data-testid=transfer-confirm]');
    await page.waitForSelector('#transfer-error:has-text("请选择")'); // said next to the field
    await page.click('label[data-queue=C]');
    await page.click('[data-testid=transfer-confirm]');
    await expect.poll(async () => (await ticket(a2.id)).queue).toBe('C');
    const moved = await ticket(a2.id);
    expect(moved.status).toBe('waiting');
    expect(moved.arrivedAt).toBe(a2.arrivedAt);
    await expect.poll(() => currentNumber(page).count()).toBe(0);

    // Pause with a reason, then resume.
    await page.click('[data-action=pause]');
    await page.click('[data-reason=meeting]');
    await expect.poll(async () => (await windowNo(9)).pauseReason).toBe('meeting');
    // The page learns of the pause over its socket, a moment after the server has it.
    await expect.poll(() => page.isDisabled('[data-action=next]')).toBe(true);
    await page.click('[data-action=resume]');
    await expect.poll(async () => (await windowNo(9)).state).toBe('open');

    // Signing out closes the window.
    await page.click('[data-testid=sign-out]');
    await page.click('[data-testid=sign-out-confirm]');
    await page.waitForSelector('#login-user');
    expect((await windowNo(9)).state).toBe('closed');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('does the same with the keyboard, and a double press calls one ticket', async () => {
    const { page, context, errors } = await openPanel('c02', 10);
    const b1 = await issue(server.url, 'A');
    const b2 = await issue(server.url, 'A');
    const b3 = await issue(server.url, 'A');

    // Double press of 叫号 (keypad bounce): exactly one ticket is called.
    await page.keyboard.press('1');
    await page.keyboard.press('1');
    await expect.poll(() => currentNumber(page).textContent()).toBe(b1.number);
    await page.waitForTimeout(300);
    expect((await ticket(b2.id)).status).toBe('waiting');
    expect((await windowNo(10)).current?.id).toBe(b1.id);

    await page.keyboard.press('2'); // 重呼
    await expect.poll(async () => (await ticket(b1.id)).recalls).toBe(1);
    // 开始办理 from the numeric keypad, then 办结 typed at once: the second waits for the first.
    await page.keyboard.press('Numpad3');
    await page.keyboard.press('4');
    await expect.poll(async () => (await ticket(b1.id)).status).toBe('done');
    expect((await ticket(b1.id)).startedAt).toBeDefined();

    await page.keyboard.press('1');
    await expect.poll(() => currentNumber(page).textContent()).toBe(b2.number);
    await page.keyboard.press('6'); // 转移: letter picks the queue, Enter confirms
    await page.waitForSelector('[data-testid=transfer-confirm]');
    await page.keyboard.press('KeyD');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await ticket(b2.id)).queue).toBe('D');

    // A mistaken 过号 is undone: reinstated and called straight back here.
    await page.keyboard.press('1');
    await expect.poll(() => currentNumber(page).textContent()).toBe(b3.number);
    await page.keyboard.press('5');
    await expect.poll(async () => (await ticket(b3.id)).status).toBe('no_show');
    await page.waitForSelector('[data-testid=undo-offer]');
    await page.keyboard.press('0');
    await expect.poll(async () => (await ticket(b3.id)).status).toBe('called');
    await expect.poll(() => currentNumber(page).textContent()).toBe(b3.number);
    await page.keyboard.press('4');
    await expect.poll(async () => (await ticket(b3.id)).status).toBe('done');

    // 特呼 with bad input, then an unknown number, then a good one.
    const b4 = await issue(server.url, 'A');
    await page.keyboard.press('7');
    await page.waitForSelector('#call-number');
    await page.keyboard.type('AB');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('[data-testid=call-error]')).toContain('号码格式不对');
    await page.fill('#call-number', 'A999');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('[data-testid=call-error]')).toContain('今天没有这个号');
    await page.fill('#call-number', String(Number(b4.number.slice(1)))); // digits only: the window's letter is added
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await ticket(b4.id)).status).toBe('called');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('lets the clerk rebind a key (a keypad that types F-keys)', async () => {
    const { page, context } = await openPanel('c03', 11);
    await page.click('[data-testid=open-settings]');
    await page.click('[data-key-for=next]');
    await page.keyboard.press('F2');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.textContent('[data-action=next] kbd')).toBe('F2');
    const t = await issue(server.url, 'A');
    await page.keyboard.press('F2');
    await expect.poll(async () => (await ticket(t.id)).status).toBe('called');
    // The choice stays on this PC after a reload, and the panel finds its window again.
    await page.reload();
    await expect.poll(() => page.textContent('[data-action=next] kbd')).toBe('F2');
    await expect.poll(() => currentNumber(page).textContent()).toBe(t.number);
    await context.close();
  }, 60_000);

  it('shows a banner when the connection drops, refuses presses meanwhile, and resyncs', async () => {
    const { page, context, errors } = await openPanel('c04', 12);
    const waiting = () => page.textContent('[data-queue=B] .n');
    expect(await waiting()).toBe('0');

    await context.setOffline(true);
    await page.waitForSelector('[data-testid=conn-banner]');
    expect(await page.textContent('[data-testid=conn-banner]')).toContain('连接已断开');
    expect(await page.isDisabled('[data-action=next]')).toBe(true);
    await page.keyboard.press('1'); // a press while offline sends nothing
    const t = await issue(server.url, 'B'); // the hall moves on meanwhile

    await context.setOffline(false);
    await page.waitForSelector('[data-testid=conn-banner]', { state: 'detached' });
    await page.waitForSelector('[data-testid=conn-restored]');
    await expect.poll(waiting).toBe('1'); // resynced from a fresh snapshot
    expect((await ticket(t.id)).status).toBe('waiting');
    await page.click('[data-action=next]');
    await expect.poll(() => currentNumber(page).textContent()).toBe(t.number);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
