/**
 * English notices end to end in Chromium against a real server: the manager types a notice's
 * English on the console's 公告 page (under the notice), removes a notice with its English and
 * saves; an English wall then scrolls the English (and the Chinese of a notice without any), a
 * bilingual wall each notice in Chinese then English, and a kiosk switched to English lists the English on its
 * start screen.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallSettings } from '../../../shared/admin';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { ensureCounterBuilt, signIn } from '../counter/support';
import { drawn, ensureDisplayBuilt, launchChromium } from './support';

const SCREENS = process.env.SCREENS_DIR ?? '/tmp/screens';
const patient = { timeout: 10_000, interval: 100 };
const NEW_ZH = '午间 12:00 至 13:30 不停办。';
const NEW_EN = 'We stay open over lunch, 12:00 to 13:30.';

let server: TestServer;
let browser: Browser;
let demo: HallSettings;

beforeAll(async () => {
  await Promise.all([ensureDisplayBuilt(), ensureCounterBuilt()]);
  server = await startTestServer();
  browser = await launchChromium();
  demo = (await api<HallSettings>(server.url, 'GET', '/api/admin/settings', { token: await login(server.url, 'admin', 'admin') })).body;
  mkdirSync(SCREENS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(server.url + path);
  return page;
}

describe('English notices', () => {
  it('typed on the console under each notice, saved with it; removing a notice removes its English', async () => {
    const page = await open('/admin#notices', 1366, 768);
    await signIn(page, 'admin', 'admin');
    await page.locator('[data-notice-en="2"]').waitFor({ timeout: 10_000 });
    // The demo hall's English is there, each under its notice.
    expect(await page.locator('[data-notice-en="0"]').inputValue()).toBe(demo.noticesEn[0]);
    expect(await page.locator('[data-notice-en="0"]').getAttribute('placeholder')).toBe('英文（选填）');

    // Remove the first notice (its English goes with it), clear the English of the (new) second,
    // add one with English.
    await page.locator('li').first().getByRole('button', { name: '删除' }).click();
    await page.locator('[data-notice-en="1"]').fill('');
    await page.getByTestId('notice-add').click();
    await page.locator('[data-notice="2"]').fill(NEW_ZH);
    await page.locator('[data-notice-en="2"]').fill(NEW_EN);
    // Too long English is said under it, and nothing is saved.
    await page.locator('[data-notice-en="0"]').fill('x'.repeat(201));
    await page.getByTestId('notices-save').click();
    await expect.poll(() => page.locator('[role=alert]').allTextContents(), patient).toContain('不能超过 200 个字');
    await page.locator('[data-notice-en="0"]').fill(demo.noticesEn[1]!);
    await page.getByTestId('notices-save').click();
    await page.getByText('公告已保存').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${SCREENS}/admin-notices-english.png` });

    const saved = (await api<HallSettings>(server.url, 'GET', '/api/admin/settings', { token: await login(server.url, 'admin', 'admin') })).body;
    expect(saved.notices).toEqual([demo.notices[1], demo.notices[2], NEW_ZH]);
    expect(saved.noticesEn).toEqual([demo.noticesEn[1], '', NEW_EN]);

    // Opened again, the page shows what was saved.
    await page.reload();
    await page.locator('[data-notice-en="2"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-notice-en="2"]').inputValue()).toBe(NEW_EN);
    expect(await page.locator('[data-notice-en="1"]').inputValue()).toBe('');
    await page.close();
  });

  it('an English wall scrolls the English (Chinese where a notice has none); a bilingual wall reads each in Chinese, then English', async () => {
    const english = await open('/display?sound=off&lang=en', 1920, 1080);
    const ticker = english.getByTestId('notice');
    await expect.poll(() => ticker.textContent(), patient).toContain(NEW_EN);
    const text = (await ticker.textContent()) ?? '';
    expect(text).toContain(demo.noticesEn[1]);
    expect(text).toContain(demo.notices[2]); // its English was cleared
    expect(text).not.toContain(demo.noticesEn[0]); // removed with its notice
    expect(text).not.toContain(NEW_ZH);
    // The line as 2.5 s into its scroll, in view for the picture.
    await drawn(english, 2500);
    await english.screenshot({ path: `${SCREENS}/wall-en-notices.png` });
    await english.close();

    const bilingual = await open('/display?sound=off', 1920, 1080);
    await expect.poll(() => bilingual.getByTestId('notice').textContent(), patient).toContain(`${NEW_ZH}　${NEW_EN}`);
    const both = (await bilingual.getByTestId('notice').textContent()) ?? '';
    expect(both).toContain(`${demo.notices[2]}　　◆`); // no English: the Chinese alone
    await drawn(bilingual, 2500);
    await bilingual.screenshot({ path: `${SCREENS}/wall-bi-notices.png` });
    await bilingual.close();
  });

  it('a kiosk switched to English lists the English notices on its start screen', async () => {
    const kiosk = await open('/kiosk', 1080, 1920);
    const items = kiosk.getByTestId('kiosk-notices').locator('li');
    await expect.poll(() => items.allTextContents(), patient).toEqual([demo.notices[1], demo.notices[2], NEW_ZH]);
    await kiosk.click('[data-testid="lang"]');
    await expect.poll(() => items.allTextContents(), patient).toEqual([demo.noticesEn[1], demo.notices[2], NEW_EN]);
    await kiosk.getByTestId('kiosk-notices').scrollIntoViewIfNeeded();
    await kiosk.screenshot({ path: `${SCREENS}/kiosk-en-notices.png` });
    await kiosk.close();
  });
});
