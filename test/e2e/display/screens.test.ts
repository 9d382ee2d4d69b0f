/**
 * Screenshots of the wall at 1920×1080, 3840×2160 (and its 取号时间 states at 1366×768), with the
 * hall full (every window open and calling), saved to /tmp/screens/ to be looked at. The test
 * itself checks that no text is cut off: wider than its box, off screen, or clipped. The window
 * screens are in windowScreens.test.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FullHall, shoot } from './screens-support';
import { FIND_CUT_OFF_TEXT } from './support';

const SIZES = [
  { name: '1080p', width: 1920, height: 1080 },
  { name: '2160p', width: 3840, height: 2160 },
] as const;

const hall = new FullHall();

describe('screens are legible and nothing is cut off', () => {
  for (const size of SIZES) {
    it(`wall, whole hall open (28 windows), ${size.name}`, async () => {
      const cut = await shoot(hall.browser, `wall-hall-${size.name}`, `${hall.server.url}/display?sound=off`, size.width, size.height);
      expect(cut).toEqual([]);
    });

    it(`wall, 30 windows (fixture hall), ${size.name}`, async () => {
      const cut = await shoot(hall.browser, `wall-30-${size.name}`, `${hall.fixtureSite.url}/display?fixture=30&sound=off`, size.width, size.height);
      expect(cut).toEqual([]);
    });
  }

  it('wall in English, and a zone wall', async () => {
    expect(await shoot(hall.browser, 'wall-en-1080p', `${hall.server.url}/display?sound=off&lang=en`, 1920, 1080)).toEqual([]);
    const zone = encodeURIComponent('税务专区');
    expect(await shoot(hall.browser, 'wall-zone-1080p', `${hall.server.url}/display?sound=off&zone=${zone}`, 1920, 1080)).toEqual([]);
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
        const cut = await shoot(hall.browser, `wall-ticketing-${name}-${size.name}`, `${hall.fixtureSite.url}/display?fixture=30&fixturePeriod=600000&sound=off&${query}`, size.width, size.height);
        expect(cut, name).toEqual([]);
      }
    }, 60_000); // four screenshots; 4K ones are slow on a busy machine
  }

  it('an English wall keeps long queue names and 停止取号 notes large enough to read across the hall', async () => {
    const page: Page = await hall.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${hall.fixtureSite.url}/display?fixture=30&fixturePeriod=600000&sound=off&lang=en&fixtureHours=08:30-12:00,13:30-17:00&fixtureStopped=F,T&fixtureAt=12:10`);
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
});
