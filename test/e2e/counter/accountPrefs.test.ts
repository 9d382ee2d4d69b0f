/**
 * 自动叫号 settings follow the clerk, in Chromium against a real server: set in the settings dialog
 * on one browser, they are there on another fresh browser (empty localStorage) where the same clerk
 * signs in; a setting an older version kept in a PC's localStorage is brought to the account once;
 * a change made while the connection is down applies, is said, and reaches the account when it is
 * back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { MyPrefs } from '../../../shared/prefs';
import type { LoginResult } from '../../../shared/schemas';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, ensureCounterBuilt, launchChromium, openClerkPanel, token } from './support';

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

const accountPrefs = async (username: string): Promise<MyPrefs> =>
  (await apiCall<MyPrefs>(server.url, 'GET', '/api/me/prefs', undefined, await token(server.url, username, '1234'))).body;

/** `username`'s panel at `window` on a fresh browser; `seed` puts one entry in its localStorage first. */
async function panel(username: string, window: number, seed?: (userId: string) => [string, string]) {
  return openClerkPanel(browser, server.url, username, window, async (context) => {
    if (!seed) return;
    const login = await apiCall<LoginResult>(server.url, 'POST', '/api/auth/login', { username, password: '1234' });
    await context.addInitScript(([k, v]) => localStorage.setItem(k, v), seed(login.body.user.id));
  });
}

async function openSettings(page: Page, sync = 'saved'): Promise<void> {
  await page.click('[data-testid=open-settings]');
  await page.waitForSelector(`[data-testid=prefs-sync][data-sync=${sync}]`);
}

const autoCallKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hall.counter.autoCall')));

describe('自动叫号 settings follow the clerk', () => {
  it('set on one browser, there on another fresh one', async () => {
    const first = await panel('c15', 9);
    await openSettings(first.page);
    expect(await first.page.textContent('[data-testid=prefs-sync]')).toBe('自动叫号设置随账号保存：换一台电脑登录，设置不变。');
    expect(await first.page.isChecked('[data-testid=auto-after-done]')).toBe(false);
    await first.page.check('[data-testid=auto-after-done]');
    await first.page.selectOption('#auto-seconds', '8');
    await first.page.waitForSelector('[data-testid=prefs-sync][data-sync=saved]');
    await expect.poll(() => accountPrefs('c15')).toEqual({ autoCall: { afterDone: true, whenPrompted: false, seconds: 8 } });
    await first.page.keyboard.press('Escape');
    // Nothing of it is kept on the PC any more.
    expect(await autoCallKeys(first.page)).toEqual([]);

    const second = await panel('c15', 9);
    expect(await autoCallKeys(second.page)).toEqual([]);
    await expect.poll(() => second.page.textContent('[data-testid=idle-hint]')).toContain('自动叫号已开启（办结后）');
    await openSettings(second.page);
    expect(await second.page.isChecked('[data-testid=auto-after-done]')).toBe(true);
    expect(await second.page.isChecked('[data-testid=auto-when-prompted]')).toBe(false);
    expect(await second.page.inputValue('#auto-seconds')).toBe('8');

    expect([...first.errors, ...second.errors]).toEqual([]);
    await first.context.close();
    await second.context.close();
  }, 60_000);

  it("an older version's setting on a PC is brought to the account once", async () => {
    const old = JSON.stringify({ afterDone: false, whenPrompted: true, seconds: 15 });
    const { context, page, errors } = await panel('c16', 10, (id) => [`hall.counter.autoCall.${id}`, old]);
    await openSettings(page);
    expect(await page.isChecked('[data-testid=auto-when-prompted]')).toBe(true);
    expect(await page.inputValue('#auto-seconds')).toBe('15');
    expect(await accountPrefs('c16')).toEqual({ autoCall: { afterDone: false, whenPrompted: true, seconds: 15 } });
    // Uploaded, then removed here: from now on the account is the source.
    expect(await autoCallKeys(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('a change while offline applies here, is said (zh, then en), and is saved when the connection is back', async () => {
    const { context, page, errors } = await panel('c17', 11);
    await openSettings(page);
    await context.setOffline(true);
    await page.waitForSelector('[data-testid=conn-banner]');
    await page.check('[data-testid=auto-after-done]');
    await page.waitForSelector('[data-testid=prefs-sync][data-sync=unsaved]');
    expect(await page.textContent('[data-testid=prefs-sync]')).toBe('暂未保存到账号：本机已按新设置执行，恢复连接后自动重新保存。');
    expect(await page.isChecked('[data-testid=auto-after-done]')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.textContent('[data-testid=notice]')).toContain('自动叫号设置暂未保存到账号');
    await page.selectOption('[data-testid=lang]', 'en');
    expect(await page.textContent('[data-testid=notice]')).toContain('Auto-call settings not saved to your account yet');
    await page.selectOption('[data-testid=lang]', 'zh');
    expect(await accountPrefs('c17')).toEqual({});

    await context.setOffline(false);
    await expect.poll(() => accountPrefs('c17')).toEqual({ autoCall: { afterDone: true, whenPrompted: false, seconds: 5 } });
    await expect.poll(() => page.textContent('[data-testid=notice]')).toContain('自动叫号设置已保存到你的账号');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
