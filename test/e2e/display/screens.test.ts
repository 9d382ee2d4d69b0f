/**
 * Screenshots of every display screen at 1920×1080 and 3840×2160, with the hall full (every
 * window open and calling), saved to /tmp/screens/ to be looked at. The test itself checks
 * that no text is cut off: wider than its box, off screen, or clipped.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffAccount } from '../../../shared/admin';
import type { Snapshot, Ticket } from '../../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { ensureDisplayBuilt, FIND_CUT_OFF_TEXT, launchChromium, serveDisplay } from './support';

const OUT = process.env.SCREENS_DIR ?? '/tmp/screens';
const SIZES = [
  { name: '1080p', width: 1920, height: 1080 },
  { name: '2160p', width: 3840, height: 2160 },
] as const;

let server: TestServer;
let fixtureSite: Awaited<ReturnType<typeof serveDisplay>>;
let browser: Browser;

/** Every window open with a clerk; most calling or serving someone, two paused; people waiting. */
async function fillTheHall(): Promise<void> {
  const snap = (await api<Snapshot>(server.url, 'GET', '/api/snapshot')).body;
  for (const w of snap.windows) {
    const token = await login(server.url, `c${String(w.no).padStart(2, '0')}`, '1234');
    await api(server.url, 'POST', `/api/windows/${w.no}/session`, { token });
    const queue = w.mapping[0]!.queue;
    for (let i = 0; i < 3; i++) await api<Ticket>(server.url, 'POST', '/api/tickets', { body: { queue } });
    await api(server.url, 'POST', `/api/windows/${w.no}/next`, { token, body: {} });
    if (w.no % 3 === 0) await api(server.url, 'POST', `/api/windows/${w.no}/start`, { token });
    if (w.no === 8 || w.no === 25) await api(server.url, 'POST', `/api/windows/${w.no}/pause`, { token, body: { reason: 'break' } });
  }
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  await ensureDisplayBuilt();
  server = await startTestServer();
  fixtureSite = await serveDisplay();
  browser = await launchChromium();
  await fillTheHall();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await fixtureSite?.close();
  await server?.close();
});

async function shoot(name: string, url: string, width: number, height: number): Promise<string[]> {
  const page: Page = await browser.newPage({ viewport: { width, height } });
  await page.goto(url);
  await page.locator('#app > *').first().waitFor();
  await page.waitForTimeout(700); // fonts and the first frame of the ticker
  await page.screenshot({ path: `${OUT}/${name}.png` });
  const cut = (await page.evaluate(FIND_CUT_OFF_TEXT)) as string[];
  await page.close();
  return cut;
}

describe('screens are legible and nothing is cut off', () => {
  for (const size of SIZES) {
    it(`wall, whole hall open (28 windows), ${size.name}`, async () => {
      const cut = await shoot(`wall-hall-${size.name}`, `${server.url}/display?sound=off`, size.width, size.height);
      expect(cut).toEqual([]);
    });

    it(`wall, 30 windows (fixture hall), ${size.name}`, async () => {
      const cut = await shoot(`wall-30-${size.name}`, `${fixtureSite.url}/display?fixture=30&sound=off`, size.width, size.height);
      expect(cut).toEqual([]);
    });
  }

  it('wall in English, and a zone wall', async () => {
    expect(await shoot('wall-en-1080p', `${server.url}/display?sound=off&lang=en`, 1920, 1080)).toEqual([]);
    const zone = encodeURIComponent('税务专区');
    expect(await shoot('wall-zone-1080p', `${server.url}/display?sound=off&zone=${zone}`, 1920, 1080)).toEqual([]);
  });

  // 取号时间 and 停止取号 (fixture hall): the hours, a status while numbers are not issued, stopped queues.
  const TICKETING: Array<[name: string, query: string]> = [
    ['paused-bi', 'fixtureHours=08:30-12:00,13:30-17:00&fixtureStopped=F,T&fixtureAt=12:10'],
    ['open-stopped-en', 'fixtureHours=08:30-12:00,13:30-17:00&fixtureStopped=C,G,H&fixtureAt=16:40&lang=en'],
    ['ended-zh', 'fixtureHours=08:30-12:00,13:30-17:00&fixtureStopped=F&fixtureAt=17:30&lang=zh'],
    ['six-spans-before-bi', 'fixtureHours=08:00-09:00,09:30-10:30,11:00-12:00,13:30-14:30,15:00-16:00,16:30-17:30&fixtureAt=07:40'],
  ];
  for (const size of [...SIZES, { name: '768p', width: 1366, height: 768 }]) {
    it(`wall with 取号时间 states and stopped queues, ${size.name}`, async () => {
      for (const [name, query] of TICKETING) {
        const cut = await shoot(`wall-ticketing-${name}-${size.name}`, `${fixtureSite.url}/display?fixture=30&fixturePeriod=600000&sound=off&${query}`, size.width, size.height);
        expect(cut, name).toEqual([]);
      }
    }, 60_000); // four screenshots; 4K ones are slow on a busy machine
  }

  it('an English wall keeps long queue names and 停止取号 notes large enough to read across the hall', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${fixtureSite.url}/display?fixture=30&fixturePeriod=600000&sound=off&lang=en&fixtureHours=08:30-12:00,13:30-17:00&fixtureStopped=F,T&fixtureAt=12:10`);
    await page.locator('[data-testid=queue-row]').first().waitFor();
    const px = (selector: string): Promise<Array<[string, number]>> =>
      page.evaluate(
        (sel) => [...document.querySelectorAll(sel)].map((el): [string, number] => [el.textContent?.trim() ?? '', Math.round(parseFloat(getComputedStyle(el).fontSize))]),
        selector,
      );
    // "Social & medical insurance" and "Cross-province services" were shrunk to one line of 17 px, the notes to 16 px.
    const names = await px('[data-testid=queue-row]:not(:has([data-testid=queue-stopped])) .name');
    expect(names).toHaveLength(12);
    expect(names.filter(([, size]) => size < 20)).toEqual([]);
    const notes = await px('[data-testid=queue-stopped]');
    expect(notes).toHaveLength(2);
    expect(notes.filter(([, size]) => size < 19)).toEqual([]);
    expect(await page.evaluate(FIND_CUT_OFF_TEXT)).toEqual([]);
    await page.close();
  });

  it('window screens: calling, serving, paused, closed; on a 16:9 monitor and a wide strip', async () => {
    const cases: Array<[string, string, number, number]> = [
      ['window-calling', '/display/window/1', 1920, 1080],
      ['window-serving', '/display/window/3', 1366, 768],
      ['window-paused', '/display/window/8', 1920, 1080],
      ['window-strip', '/display/window/14', 1920, 540],
    ];
    for (const [name, path, w, h] of cases) expect(await shoot(name, server.url + path, w, h), name).toEqual([]);
    expect(await shoot('window-closed', `${fixtureSite.url}/display/window/30?fixture=2`, 1280, 720)).toEqual([]);
  });

  it('window screen in English at 800×480: the zone name stays clear of the clock beside "Counter 10"', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 800, height: 480 } });
    await page.goto(`${server.url}/display/window/10?lang=en`);
    await page.getByTestId('window-label').waitFor();
    await page.waitForTimeout(300); // fonts
    const right = (sel: string) => page.locator(sel).evaluate((el) => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect().right; });
    const left = (sel: string) => page.locator(sel).evaluate((el) => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect().left; });
    expect(await page.textContent('.top .name')).toBe('Business Services');
    expect(await right('.top .name')).toBeLessThanOrEqual(await left('.top .time'));
    await page.screenshot({ path: `${OUT}/window-en-800.png` });
    await page.close();
  });

  it('window screen with the clerk shown and a 12-character 光荣榜 title: the title keeps one line, every queue served shows (800×480, English, 1280×720)', async () => {
    const manager = await login(server.url, 'admin', 'admin');
    const c14 = (await api<StaffAccount[]>(server.url, 'GET', '/api/admin/staff', { token: manager })).body.find((a) => a.username === 'c14')!;
    const settings = (body: object) => api(server.url, 'PUT', '/api/admin/settings', { token: manager, body });
    expect((await settings({ windowShowsClerk: true, honors: [{ clerkId: c14.id, title: '十一月岗位标兵服务先锋' }] })).status).toBe(200);
    try {
      for (const [name, query, width, height] of [
        ['window-honor-800', '', 800, 480],
        ['window-honor-en-800', '?lang=en', 800, 480],
        ['window-honor-en-1280', '?lang=en', 1280, 720],
      ] as const) {
        const page: Page = await browser.newPage({ viewport: { width, height } });
        await page.goto(`${server.url}/display/window/14${query}`);
        await expect.poll(() => page.getByTestId('window-clerk-honor').textContent()).toBe('★ 十一月岗位标兵服务先锋');
        await page.waitForTimeout(300); // fonts
        // The manager's words are not cut where we guess (十一月岗位 / 标兵服务先锋 before): one line, still large enough to read.
        const chip = await page.getByTestId('window-clerk-honor').evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return { lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, px: parseFloat(getComputedStyle(el).fontSize) };
        });
        expect(chip.lines, name).toBe(1);
        expect(chip.px, name).toBeGreaterThanOrEqual(height * 0.034);
        // Counter 14 serves seven queues: in English the last two were hidden below two lines.
        expect(await page.locator('[data-testid=window-queues] .item').count()).toBe(7);
        expect(await page.evaluate(FIND_CUT_OFF_TEXT), name).toEqual([]);
        await page.screenshot({ path: `${OUT}/${name}.png` });
        await page.close();
      }
    } finally {
      await settings({ windowShowsClerk: false, honors: [] });
    }
  });
});
