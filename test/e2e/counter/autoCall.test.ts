/**
 * 自动叫号 on the clerk panel in Chromium against a real server: after 办结 a countdown calls the
 * next ticket; the clerk cancels it (Esc, the button, the bound key) or it stops by itself (a
 * dialog, the connection, a 求助); an idle window the hall prompts calls by itself, and only that
 * window; two panels of one window call one ticket between them. The server's clock is manual, the
 * countdown runs on real time: the tests set it to 2 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { LoginResult, Ticket } from '../../../shared/schemas';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, axeProblems, ensureCounterBuilt, issue, launchChromium, mapWindows, openClerkPanel, token, type ClerkPanel } from './support';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureCounterBuilt();
  server = await startTestServer();
  const manager = await token(server.url, 'admin', 'admin');
  // One queue per scene, so that no other open window is prompted for its tickets.
  await mapWindows(server.url, manager, { 9: 'A', 13: 'D', 10: 'B', 11: 'B', 12: 'C', 14: 'E' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ticket = async (id: string): Promise<Ticket> => (await apiCall<Ticket>(server.url, 'GET', `/api/tickets/${id}`)).body;
const status = async (id: string): Promise<string> => (await ticket(id)).status;
const countdown = (page: Page) => page.locator('[data-testid=auto-countdown]');
const currentNumber = (page: Page) => page.locator('[data-testid=current-number]');

/**
 * A clerk's panel at a window. `auto` is saved with the clerk's account before the page loads, as
 * the settings dialog saves it (the first test goes through the dialog itself).
 */
async function openPanel(username: string, window: number, auto?: { afterDone?: boolean; whenPrompted?: boolean }): Promise<ClerkPanel> {
  if (auto) {
    const login = await apiCall<LoginResult>(server.url, 'POST', '/api/auth/login', { username, password: '1234' });
    const autoCall = { afterDone: false, whenPrompted: false, seconds: 2, ...auto };
    const saved = await apiCall(server.url, 'PUT', '/api/me/prefs', { autoCall }, login.body.token);
    if (saved.status !== 200) throw new Error(`prefs of ${username}: ${saved.status}`);
  }
  return openClerkPanel(browser, server.url, username, window);
}

/** Call, start and complete the next ticket with the keys; returns its number. */
async function serveOne(page: Page): Promise<string> {
  await page.keyboard.press('1');
  await page.waitForSelector('[data-action=start]:not([disabled])');
  const number = (await currentNumber(page).textContent()) ?? '';
  await page.keyboard.press('3');
  await page.waitForSelector('[data-testid=current-status]:has-text("正在办理")');
  await page.keyboard.press('4');
  return number;
}

/** Records whether a countdown ever showed on the page from now on (a brief one included). */
async function watchForCountdown(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    const w = window as unknown as { sawCountdown: boolean };
    w.sawCountdown = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=auto-countdown]')) w.sawCountdown = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { sawCountdown: boolean }).sawCountdown);
}

// Each test allows a minute: the full suite shares two cores with other browsers.
describe('自动叫号', () => {
  it('after 办结, counts down and calls the next ticket (set in the settings dialog)', async () => {
    const { page, context, errors } = await openPanel('c01', 9);
    await page.click('[data-testid=open-settings]');
    await page.check('[data-testid=auto-after-done]');
    await page.selectOption('#auto-seconds', '2');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.textContent('[data-testid=idle-hint]')).toContain('自动叫号已开启（办结后）');

    const a1 = await issue(server.url, 'A');
    const a2 = await issue(server.url, 'A');
    const a3 = await issue(server.url, 'A');
    expect(await serveOne(page)).toBe(a1.number);

    // What is about to happen, and why.
    await countdown(page).waitFor();
    expect(await countdown(page).getAttribute('data-reason')).toBe('afterDone');
    expect(await page.textContent('[data-testid=auto-countdown] h2')).toMatch(/^[12] 秒后叫下一位$/);
    expect(await page.textContent('[data-testid=auto-why]')).toBe(`${a1.number} 已办结，本窗口还有 2 人等候`);
    expect(await page.textContent('[data-testid=auto-sub]')).toMatch(/秒后自动叫号/);
    expect(await status(a2.id)).toBe('waiting');

    // Then the call, once: a2 is called (not completed), a3 still waits.
    await expect.poll(() => status(a2.id)).toBe('called');
    await expect.poll(() => currentNumber(page).textContent()).toBe(a2.number);
    await expect.poll(() => page.textContent('[data-testid=notice]')).toContain(`已自动呼叫 ${a2.number}`);
    expect(await countdown(page).count()).toBe(0);
    await page.waitForTimeout(2_500);
    expect(await status(a2.id)).toBe('called');
    expect(await status(a3.id)).toBe('waiting');

    // The setting is remembered for this clerk.
    await page.reload();
    await page.waitForSelector('[data-action=complete]:not([disabled])');
    await page.click('[data-testid=open-settings]');
    await page.waitForSelector('[data-testid=prefs-sync][data-sync=saved]');
    expect(await page.isChecked('[data-testid=auto-after-done]')).toBe(true);
    expect(await page.isChecked('[data-testid=auto-when-prompted]')).toBe(false);
    expect(await page.inputValue('#auto-seconds')).toBe('2');
    await page.keyboard.press('Escape');
    await page.keyboard.press('4'); // done with a2; a3 is counted down to, and called
    await expect.poll(() => status(a3.id)).toBe('called');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('is cancelled by Esc, the button or its key, and stops for a dialog or a lost connection', async () => {
    const { page, context, errors } = await openPanel('c02', 13, { afterDone: true });
    const waiting: Ticket[] = [];
    for (let i = 0; i < 7; i++) waiting.push(await issue(server.url, 'D'));
    let lastServed = '';
    const nextUp = (): Ticket => {
      const t = waiting.find((x) => x.number > lastServed);
      if (!t) throw new Error('no ticket left');
      return t;
    };

    /** Serve one, see the countdown start, do `stop`, and check nobody is called for longer than the countdown. */
    const stopsWith = async (stop: () => Promise<void>, hint?: string): Promise<void> => {
      lastServed = await serveOne(page);
      await countdown(page).waitFor();
      await stop();
      await countdown(page).waitFor({ state: 'detached' });
      if (hint) await expect.poll(() => page.textContent('[data-testid=idle-hint]')).toContain(hint);
      await page.waitForTimeout(2_300);
      expect(await status(nextUp().id)).toBe('waiting');
      expect(await currentNumber(page).count()).toBe(0);
    };

    const countdownSeconds = async (s: string): Promise<void> => {
      await page.click('[data-testid=open-settings]');
      await page.selectOption('#auto-seconds', s);
      await page.keyboard.press('Escape');
    };
    // A long countdown first, to scan the panel with it showing.
    await countdownSeconds('30');
    await stopsWith(async () => {
      expect(await axeProblems(page)).toEqual([]);
      await page.keyboard.press('Escape');
    }, '本次自动叫号已取消，下次办结后会重新倒计时');
    await expect.poll(() => page.textContent('[data-testid=notice]')).toContain('已取消本次自动叫号');
    await countdownSeconds('2');
    await stopsWith(() => page.click('[data-action=cancelAuto]'), '本次自动叫号已取消');
    await stopsWith(() => page.keyboard.press('Backspace'), '本次自动叫号已取消');
    // 暂停 opens its dialog: the clerk is doing something else. Closing it brings nothing back.
    await stopsWith(async () => {
      await page.keyboard.press('8');
      await page.waitForSelector('[data-reason]');
      await countdown(page).waitFor({ state: 'detached' });
      await page.keyboard.press('Escape');
    });
    // The connection drops: nothing is called, then or after it comes back.
    await stopsWith(async () => {
      await context.setOffline(true);
      await page.waitForSelector('[data-testid=conn-banner]');
      await countdown(page).waitFor({ state: 'detached' });
      await context.setOffline(false);
      await page.waitForSelector('[data-testid=conn-banner]', { state: 'detached' });
    });
    // 叫号 during a countdown calls at once, and only once.
    lastServed = await serveOne(page);
    await countdown(page).waitFor();
    await page.keyboard.press('1');
    const called = nextUp();
    await expect.poll(() => status(called.id)).toBe('called');
    await page.waitForTimeout(2_300);
    expect(await status(called.id)).toBe('called');
    expect(await currentNumber(page).textContent()).toBe(called.number);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('an idle window calls by itself when the hall prompts it, and only the prompted window', async () => {
    const first = await openPanel('c03', 10, { whenPrompted: true });
    server.clock.advance(60_000); // window 10 has been idle a minute longer than 11
    const second = await openPanel('c04', 11, { whenPrompted: true });
    const secondSawCountdown = await watchForCountdown(second.page);

    const b1 = await issue(server.url, 'B');
    await countdown(first.page).waitFor();
    expect(await countdown(first.page).getAttribute('data-reason')).toBe('prompted');
    expect(await first.page.textContent('[data-testid=auto-why]')).toBe('大厅请本窗口叫号：「B 工程建设」有 1 人等候');
    await expect.poll(async () => (await ticket(b1.id)).windowNo).toBe(10);
    expect(await status(b1.id)).toBe('called');
    expect(await currentNumber(second.page).count()).toBe(0);
    expect(await secondSawCountdown()).toBe(false);

    // Window 10 is busy now: the next B ticket is window 11's.
    const b2 = await issue(server.url, 'B');
    await countdown(second.page).waitFor();
    await expect.poll(async () => (await ticket(b2.id)).windowNo).toBe(11);
    expect(await status(b1.id)).toBe('called'); // window 10's citizen untouched
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await first.context.close();
    await second.context.close();
  }, 60_000);

  it('two panels of one window, both counting down, call one ticket between them', async () => {
    const a = await openPanel('c05', 12, { whenPrompted: true });
    const b = await openPanel('c05', 12, { whenPrompted: true });
    const c1 = await issue(server.url, 'C');
    const c2 = await issue(server.url, 'C');
    await Promise.all([countdown(a.page).waitFor(), countdown(b.page).waitFor()]);

    await expect.poll(() => status(c1.id)).toBe('called');
    await a.page.waitForTimeout(2_500); // both countdowns have run out by now
    // The first call stands: c1 is called (not completed by a second call), c2 still waits.
    expect(await status(c1.id)).toBe('called');
    expect(await status(c2.id)).toBe('waiting');
    for (const p of [a, b]) {
      await expect.poll(() => currentNumber(p.page).textContent()).toBe(c1.number);
      expect(await p.page.locator('[data-testid=notice].error').count()).toBe(0);
      expect(p.errors).toEqual([]);
    }
    await a.context.close();
    await b.context.close();
  }, 60_000);

  it('waits while the clerk calls for help (求助): the box open, then the call live', async () => {
    const { page, context, errors } = await openPanel('c06', 14, { whenPrompted: true });
    const e1 = await issue(server.url, 'E');
    await countdown(page).waitFor();

    await page.click('[data-testid=assist-open]');
    await countdown(page).waitFor({ state: 'detached' });
    await page.click('[data-kind=equipment]');
    await expect.poll(() => page.textContent('[data-testid=assist-open]')).toContain('求助中');
    await expect.poll(() => page.textContent('[data-testid=idle-hint]')).toContain('求助处理中，暂不自动叫号');
    const sawCountdown = await watchForCountdown(page);
    await page.waitForTimeout(2_300);
    expect(await sawCountdown()).toBe(false);
    expect(await status(e1.id)).toBe('waiting');

    // Withdrawn: the window is still prompted, so it counts down and calls.
    await page.click('[data-testid=assist-open]');
    await page.click('[data-testid=assist-withdraw]');
    await countdown(page).waitFor();
    await expect.poll(() => status(e1.id)).toBe('called');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
