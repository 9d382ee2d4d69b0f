/**
 * 语音广播 on the wall in Chromium against a real server with the espeak voice: the banner shows at
 * once, the announcement is spoken only after the call being spoken has ended (calls keep
 * priority, nothing is cut), a wall of another zone neither shows nor says a zone's announcement,
 * and a sound=off wall shows the banner without fetching any audio.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Announce } from '../../../shared/announce';
import type { Ticket } from '../../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { ensureDisplayBuilt, launchChromium } from './support';

/** Generous waits: the test machine may be busy, and the notice is rendered on first request. */
const patient = { timeout: 20_000, interval: 100 };

const SCREENS = process.env.SCREENS_DIR ?? '/tmp/screens';
let server: TestServer;
let browser: Browser;
let admin: string;

beforeAll(async () => {
  await ensureDisplayBuilt();
  server = await startTestServer({ espeak: true });
  browser = await launchChromium({ autoplay: true });
  admin = await login(server.url, 'admin', 'admin');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openWall(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(server.url + path);
  await page.locator('.wall[data-status="live"]').waitFor({ timeout: 10_000 });
  // Every change of what the wall is saying, in order: "call:<number@window>" / "announce:<id>" / "".
  await page.evaluate(() => {
    const wall = document.querySelector('.wall')!;
    const log: string[] = [];
    (window as unknown as { saying: string[] }).saying = log;
    const note = () => {
      const call = wall.getAttribute('data-speaking') ?? '';
      const announcing = wall.getAttribute('data-announcing') ?? '';
      if (call && announcing) log.push('OVERLAP');
      const now = call ? `call:${call}` : announcing ? `announce:${announcing}` : '';
      if (log[log.length - 1] !== now) log.push(now);
    };
    new MutationObserver(note).observe(wall, { attributes: true, attributeFilter: ['data-speaking', 'data-announcing'] });
  });
  return page;
}

const saying = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { saying: string[] }).saying);

async function broadcast(body: { text: string; zone?: string; textEn?: string }): Promise<Announce> {
  server.clock.advance(6_000); // past the one-per-5-s limit of the previous test
  const r = await api<Announce>(server.url, 'POST', '/api/announcements', { token: admin, body });
  expect(r.status).toBe(201);
  return r.body;
}

describe('语音广播 on the wall', () => {
  it('shows the banner at once and speaks the announcement after the call being spoken', async () => {
    const wall = await openWall('/display');
    const otherZone = await openWall(`/display?zone=${encodeURIComponent('税务专区')}`);
    const notices: string[] = [];
    wall.on('request', (req) => {
      if (req.url().includes('/api/audio/notice.wav')) notices.push(req.url());
    });
    const otherAudio: string[] = [];
    otherZone.on('request', (req) => {
      if (req.url().includes('/api/audio/')) otherAudio.push(req.url());
    });

    const token = await login(server.url, 'c01', '1234');
    expect((await api(server.url, 'POST', '/api/windows/1/session', { token })).status).toBe(200);
    await api(server.url, 'POST', '/api/tickets', { body: { queue: 'J' } });
    const called = (await api<Ticket>(server.url, 'POST', '/api/windows/1/next', { token, body: {} })).body;
    await expect.poll(() => wall.locator('.wall').getAttribute('data-speaking'), patient).toBe(`${called.number}@1`);

    const sent = await broadcast({ text: '请公积金专区等候的群众注意，携带好身份证原件', zone: '公积金专区' });
    const banner = wall.getByTestId('announce-banner');
    await banner.waitFor({ timeout: 10_000 });
    expect(await wall.getByTestId('announce-text').textContent()).toBe(sent.text);
    // The call is still being said: the announcement waits for it.
    expect(await wall.locator('.wall').getAttribute('data-speaking')).toBe(`${called.number}@1`);
    expect(notices).toEqual([]);
    mkdirSync(SCREENS, { recursive: true });
    await wall.screenshot({ path: `${SCREENS}/wall-announce-banner.png` });

    await expect.poll(() => wall.locator('.wall').getAttribute('data-announcing'), patient).toBe(sent.id);
    expect(await banner.getAttribute('data-speaking')).toBe('true');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(sent.audioUrl);
    // It plays to its end (the WAV is real speech), then the wall is silent again.
    await expect.poll(() => wall.locator('.wall').getAttribute('data-announcing'), patient).toBe('');
    expect(await saying(wall)).toEqual([`call:${called.number}@1`, `announce:${sent.id}`, '']);

    // The 税务专区 wall neither showed nor said the 公积金专区 announcement.
    expect(await otherZone.getByTestId('announce-banner').count()).toBe(0);
    expect(otherAudio.filter((u) => u.includes('notice.wav'))).toEqual([]);
    await wall.close();
    await otherZone.close();
  }, 60_000);

  it('a wall with sound off shows the banner and fetches no audio', async () => {
    const wall = await openWall('/display?sound=off');
    const audio: string[] = [];
    wall.on('request', (req) => {
      if (req.url().includes('/api/audio/')) audio.push(req.url());
    });
    const sent = await broadcast({ text: '午间 12:00 至 13:30 部分窗口暂停服务，请耐心等候' });
    await wall.getByTestId('announce-banner').waitFor({ timeout: 10_000 });
    expect(await wall.getByTestId('announce-text').textContent()).toBe(sent.text);
    await wall.waitForTimeout(500);
    expect(audio).toEqual([]);
    expect(await wall.locator('.wall').getAttribute('data-announced')).toBe('0');

    // The longest text allowed still fits on the banner (the newest one shows).
    const longest = await broadcast({ text: '各位办事群众请注意：因系统升级，今日下午部分业务暂停受理，具体恢复时间请留意大厅公告。'.repeat(8).slice(0, 300) });
    await expect.poll(() => wall.getByTestId('announce-banner').getAttribute('data-id'), patient).toBe(longest.id);
    const fits = async () => {
      const box = await wall.getByTestId('announce-text').boundingBox();
      const height = await wall.locator('[data-testid=announce-banner]').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
      expect(box!.y).toBeGreaterThan(540); // the lower half: the call stays in sight
      expect(height.scroll).toBeLessThanOrEqual(height.client + 2); // sub-pixel rounding
    };
    await fits();
    await wall.screenshot({ path: `${SCREENS}/wall-announce-longest.png` });

    // With its English: a bilingual wall (the default) shows it under the Chinese, and both fit.
    const both = await broadcast({
      text: '各位办事群众请注意：因系统升级，今日下午部分业务暂停受理，具体恢复时间请留意大厅公告。',
      textEn: 'Attention please: because of a system upgrade, some services are paused this afternoon. Please watch the hall notices for when they resume.',
    });
    await expect.poll(() => wall.getByTestId('announce-banner').getAttribute('data-id'), patient).toBe(both.id);
    expect(await wall.getByTestId('announce-text').textContent()).toBe(both.text);
    expect(await wall.getByTestId('announce-text-en').textContent()).toBe(both.textEn);
    await fits();
    await wall.screenshot({ path: `${SCREENS}/wall-announce-bilingual.png` });

    // The longest of both still fits.
    const longestBoth = await broadcast({ text: longest.text, textEn: 'Attention please, some services are paused this afternoon. '.repeat(6).slice(0, 300) });
    await expect.poll(() => wall.getByTestId('announce-banner').getAttribute('data-id'), patient).toBe(longestBoth.id);
    await fits();
    await wall.screenshot({ path: `${SCREENS}/wall-announce-longest-bilingual.png` });
    await wall.close();

    // An English wall shows the English alone.
    const english = await openWall('/display?sound=off&lang=en');
    const again = await broadcast({ text: '请注意', textEn: 'Attention please' });
    await expect.poll(() => english.getByTestId('announce-banner').getAttribute('data-id'), patient).toBe(again.id);
    expect(await english.getByTestId('announce-text').textContent()).toBe('Attention please');
    expect(await english.getByTestId('announce-text-en').count()).toBe(0);
    await english.close();
  });
});
