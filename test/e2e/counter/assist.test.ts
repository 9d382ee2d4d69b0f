/**
 * 求助 in Chromium against a real server: a clerk at window 9 calls the duty manager (a kind, a
 * line; a digit typed in the note never calls a citizen); the console, on another page, shows it
 * at once with the ticket at the window and flags its tab; 我来处理 tells the clerk who is coming;
 * 已解决 with what was done clears both screens. Screenshots of both, zh and en.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistDay } from '../../../shared/assist';
import type { Window } from '../../../shared/schemas';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, issue, launchChromium, signIn, token } from './support';

const SCREENS = process.env.SCREENS_DIR ?? '/tmp/screens';
let server: TestServer;
let browser: Browser;
let manager: string;

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  await ensureCounterBuilt();
  server = await startTestServer();
  manager = await token(server.url, 'admin', 'admin');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, user: string, password: string): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const errors = collectErrors(page);
  await page.goto(server.url + path);
  await signIn(page, user, password);
  return { page, context, errors };
}

const windowNine = async () => (await apiCall<Window>(server.url, 'GET', '/api/snapshot', undefined, manager)).body as unknown as { windows: Window[] };

describe('求助 (a clerk calls the duty manager)', () => {
  it('reaches the console at once, tells the clerk who is coming, and ends on both screens', async () => {
    const clerk = await open('/counter', 'c09', '1234');
    await clerk.page.click('[data-window="9"]');
    await clerk.page.waitForSelector('[data-action=next]:not([disabled])');
    await issue(server.url, 'A');
    await clerk.page.click('[data-action=next]');
    await expect.poll(() => clerk.page.getByTestId('current-number').textContent()).toContain('A001');

    const console_ = await open('/admin#stats', 'admin', 'admin');
    await console_.page.waitForSelector('[data-nav=stats][aria-current=page]');
    const baseTitle = await console_.page.title();
    expect(await console_.page.getByTestId('assist-alerts').count()).toBe(0);

    // The box holds the panel's keys: a "1" typed in the note must not call the next citizen.
    await issue(server.url, 'A');
    await clerk.page.getByTestId('assist-open').click();
    await clerk.page.getByTestId('assist-note').fill('');
    await clerk.page.getByTestId('assist-note').type('群众要求1小时内办完，情绪激动');
    await clerk.page.screenshot({ path: `${SCREENS}/assist-clerk-dialog.png` });
    expect(await axeProblems(clerk.page)).toEqual([]);
    await clerk.page.click('[data-kind=conduct]');
    await expect.poll(() => clerk.page.getByTestId('assist-open').textContent()).toContain('求助中');
    expect(await clerk.page.getByTestId('current-number').textContent()).toContain('A001');
    const w9 = (await windowNine()).windows.find((w) => w.no === 9);
    expect(w9?.current?.number).toBe('A001');

    // The console, on another page, shows it live and flags its tab.
    const alert = console_.page.getByTestId('assist-alerts');
    await alert.waitFor();
    const row = alert.locator('[data-assist="9"]');
    expect(await row.textContent()).toMatch(/现场秩序[\s\S]*9号窗口[\s\S]*正在办理 A001[\s\S]*群众要求1小时内办完，情绪激动/);
    await expect.poll(() => console_.page.title()).toBe('【求助】' + baseTitle);
    await console_.page.screenshot({ path: `${SCREENS}/assist-console.png` });
    // A busy hall an hour and more on: every queue waits 1:10:00, many windows serve each, and the table's columns narrow.
    for (const q of 'BCDEFGHLYJTRK') await issue(server.url, q);
    for (const no of [14, 17, 19, 20, 22, 26]) await apiCall(server.url, 'POST', `/api/windows/${no}/session`, undefined, await token(server.url, `c${no}`, '1234'));
    server.clock.advance(70 * 60_000);
    await issue(server.url, 'B');
    // The live board marks the window too.
    await console_.page.click('[data-nav=board]');
    await console_.page.locator('[data-window="9"] [data-testid=board-assist]').waitFor();
    expect(await console_.page.locator('[data-testid=board-assist]').count()).toBe(1);
    // At 1366 the 求助 mark takes the room of the window's state: the state moves under it, whole
    // (it was cut to "呼…"); and the queue table's headings stay on one line each (等候 broke in two).
    const layout = await console_.page.evaluate(() => {
      const state = document.querySelector<HTMLElement>('[data-testid=hall-board] [data-window="9"] .state')!;
      const lines = (el: Element): number => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      };
      return {
        state: state.textContent?.trim(),
        stateCut: state.scrollWidth > state.clientWidth,
        brokenHeadings: [...document.querySelectorAll('[data-testid=hall-board] th')].filter((th) => lines(th) > 1).map((th) => th.textContent),
      };
    });
    expect(layout).toEqual({ state: '呼叫中', stateCut: false, brokenHeadings: [] });
    await console_.page.screenshot({ path: `${SCREENS}/assist-board.png` });
    expect(await axeProblems(console_.page)).toEqual([]);

    await row.getByTestId('assist-take').click();
    await expect.poll(() => row.textContent()).toContain('处理中');
    await expect.poll(() => console_.page.title()).toBe(baseTitle);
    await expect.poll(() => clerk.page.getByTestId('assist-open').textContent()).toMatch(/管理员 正在赶来/);
    await clerk.page.screenshot({ path: `${SCREENS}/assist-clerk-coming.png` });

    await row.getByTestId('assist-resolve').click();
    await console_.page.getByTestId('assist-outcome').fill('已向群众解释办理时限');
    await console_.page.getByTestId('assist-confirm').click();
    await expect.poll(() => console_.page.getByTestId('assist-alerts').count()).toBe(0);
    expect(await console_.page.locator('[data-testid=board-assist]').count()).toBe(0);
    await expect.poll(async () => (await clerk.page.getByTestId('assist-open').textContent())?.trim()).toBe('求助');

    const day = await apiCall<AssistDay>(server.url, 'GET', '/api/assist', undefined, manager);
    expect(day.body.requests.map((r) => [r.status, r.outcome, r.ticketNumber])).toEqual([['resolved', '已向群众解释办理时限', 'A001']]);

    // English, and the clerk withdrawing a call nobody has answered yet.
    await clerk.page.getByTestId('lang').selectOption('en');
    await console_.page.getByTestId('lang').selectOption('en');
    await clerk.page.getByTestId('assist-open').click();
    // The English lines are long: every kind stays whole inside the box (they once pushed two out of it).
    const outside = await clerk.page.evaluate(() => {
      const box = document.querySelector('[role=dialog]')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('[data-kind]')]
        .filter((b) => {
          const r = b.getBoundingClientRect();
          return r.left < box.left || r.right > box.right || b.scrollWidth > b.clientWidth;
        })
        .map((b) => b.dataset.kind);
    });
    expect(outside).toEqual([]);
    await clerk.page.click('[data-kind=equipment]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Equipment');
    await console_.page.screenshot({ path: `${SCREENS}/assist-console-2.png` });
    await clerk.page.getByTestId('assist-open').click();
    expect(await clerk.page.getByTestId('assist-state').textContent()).toContain('Duty manager called (Equipment)');
    await clerk.page.screenshot({ path: `${SCREENS}/assist-clerk-waiting.png` });
    await clerk.page.getByTestId('assist-withdraw').click();
    await expect.poll(() => console_.page.getByTestId('assist-alerts').count()).toBe(0);

    expect(clerk.errors).toEqual([]);
    expect(console_.errors).toEqual([]);
    await clerk.context.close();
    await console_.context.close();
  }, 90_000);
});
