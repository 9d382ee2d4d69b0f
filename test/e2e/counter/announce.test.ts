/**
 * The console's 语音广播 box (公告 page) in Chromium against a real server with the espeak voice:
 * the character limit is said next to the field, 试听 plays the notice here, 广播 reaches the walls
 * (a viewer socket) with the zone chosen, a second one at once is refused with the reason, a
 * saved notice is spoken with its own 广播 button, and the audit log names it. A hall that speaks
 * English gets an English field (hidden otherwise), and a saved notice is spoken with its English.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Announce } from '../../../shared/announce';
import { connectClient, nextEvent, startTestServer, type ClientSocket, type TestServer } from '../../support/server';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from './support';

const SCREENS = process.env.SCREENS_DIR ?? '/tmp/screens';
const patient = { timeout: 10_000, interval: 100 };
const SAVED_NOTICE = '今日 17:00 停止取号，请合理安排时间';

let server: TestServer;
let browser: Browser;
let wall: ClientSocket;

beforeAll(async () => {
  await ensureCounterBuilt();
  server = await startTestServer({ espeak: true });
  const manager = await token(server.url, 'admin', 'admin');
  expect((await apiCall(server.url, 'PUT', '/api/admin/settings', { notices: [SAVED_NOTICE] }, manager)).status).toBe(200);
  wall = (await connectClient(server.url)).socket;
  browser = await launchChromium();
});

afterAll(async () => {
  wall?.close();
  await browser?.close();
  await server?.close();
});

async function openNotices(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/admin#notices`);
  await signIn(page, 'admin', 'admin');
  await page.getByTestId('announce-box').waitFor({ timeout: 10_000 });
  await page.locator('[data-notice="0"]').waitFor({ timeout: 5000 });
  return { page, errors };
}

describe('语音广播 in the manager console', () => {
  it('limits the text, plays a preview, broadcasts to a zone, refuses a second at once, speaks a saved notice', async () => {
    const { page, errors } = await openNotices();
    const box = page.getByTestId('announce-box');

    // Over the limit: said next to the field, and nothing is sent.
    await page.getByTestId('announce-text').fill('很'.repeat(301));
    expect(await page.getByTestId('announce-count').textContent()).toContain('301/300 字');
    expect(await box.locator('.field-error').textContent()).toContain('不能超过 300 个字');
    let sentToWalls = 0;
    wall.on('announce', () => sentToWalls++);
    await page.getByTestId('announce-send').click();
    await page.waitForTimeout(300);
    expect(sentToWalls).toBe(0);

    // The hall speaks Chinese only: no English field.
    expect(await page.getByTestId('announce-text-en').count()).toBe(0);
    const text = '请公积金专区等候的群众注意，携带好身份证原件';
    await page.getByTestId('announce-text').fill(text);
    expect(await box.locator('.field-error').count()).toBe(0);

    // 试听: the same notice audio, played here.
    const previewed = page.waitForResponse((r) => r.url().includes('/api/audio/notice.wav'));
    await page.getByTestId('announce-preview').click();
    const wav = await previewed;
    expect([200, 206]).toContain(wav.status()); // <audio> asks for a range
    expect(wav.url()).toContain(`text=${encodeURIComponent(text)}`);
    await page.getByTestId('announce-preview-stop').waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('announce-preview-error').count()).toBe(0);

    await page.getByTestId('announce-zone').selectOption('公积金专区');
    mkdirSync(SCREENS, { recursive: true });
    const heard = nextEvent(wall, 'announce');
    await page.getByTestId('announce-send').click();
    const got: Announce = await heard;
    expect(got).toMatchObject({ text, zone: '公积金专区', lang: 'zh' });
    await expect.poll(() => page.getByTestId('announce-status').textContent(), patient).toBe('已广播');
    await page.screenshot({ path: `${SCREENS}/admin-announce-box.png` });

    // At once again: the server's one-per-5-s limit, in words.
    await page.getByTestId('announce-send').click();
    await expect.poll(() => page.getByTestId('announce-status').textContent(), patient).toContain('广播失败：操作太频繁');

    // A saved notice, spoken with its own button.
    server.clock.advance(6_000);
    const heardNotice = nextEvent(wall, 'announce');
    await page.locator('[data-speak="0"]').click();
    expect((await heardNotice).text).toBe(SAVED_NOTICE);
    await expect.poll(() => page.locator('[data-spoken="0"]').textContent(), patient).toBe('已广播');
    // An edited notice is spoken only once saved.
    await page.locator('[data-notice="0"]').fill(`${SAVED_NOTICE}。`);
    expect(await page.locator('[data-speak="0"]').isDisabled()).toBe(true);

    expect(await axeProblems(page)).toEqual([]);

    await page.goto(`${server.url}/admin#audit`);
    await page.getByTestId('audit-page').waitFor();
    await expect.poll(async () => (await page.getByTestId('audit-page').textContent()) ?? '', patient).toContain(`语音广播（公积金专区）：${text}`);
    expect(await page.getByTestId('audit-page').textContent()).toContain(`语音广播：${SAVED_NOTICE}`);
    expect(errors).toEqual([]);
  }, 60_000);

  it('in a hall that speaks English: the English goes with the text, and a saved notice with its English', async () => {
    const manager = await token(server.url, 'admin', 'admin');
    const en = 'Numbers stop at 17:00 today.';
    expect((await apiCall(server.url, 'PUT', '/api/admin/settings', { voiceLanguages: ['zh', 'en'], notices: [SAVED_NOTICE], noticesEn: [en] }, manager)).status).toBe(200);
    server.clock.advance(6_000);
    const { page, errors } = await openNotices();
    await page.getByTestId('announce-text-en').waitFor();
    await page.getByTestId('announce-text').fill('系统维护，请稍候');
    await page.getByTestId('announce-text-en').fill('The system is being serviced, please wait.');
    const heard = nextEvent(wall, 'announce');
    await page.getByTestId('announce-send').click();
    const got: Announce = await heard;
    expect(got).toMatchObject({ text: '系统维护，请稍候', textEn: 'The system is being serviced, please wait.' });
    expect(new URL(got.audioUrl, server.url).searchParams.get('en')).toBe('The system is being serviced, please wait.');
    await page.screenshot({ path: `${SCREENS}/admin-announce-box-en.png` });

    server.clock.advance(6_000);
    const heardNotice = nextEvent(wall, 'announce');
    await page.locator('[data-speak="0"]').click();
    expect(await heardNotice).toMatchObject({ text: SAVED_NOTICE, textEn: en });
    expect(await axeProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
