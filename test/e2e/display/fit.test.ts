/**
 * What the look-and-fix pass found on the citizen screens at the sizes they run at, each checked
 * where it went wrong: the built display on its `?fixture` hall (no server), in Chinese and English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawn, ensureDisplayBuilt, FIND_CUT_OFF_TEXT, launchChromium, serveDisplay } from './support';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveDisplay>>;

beforeAll(async () => {
  await ensureDisplayBuilt();
  [browser, site] = await Promise.all([launchChromium(), serveDisplay()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string, width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(site.url + path);
  await page.locator('#app > *').first().waitFor();
  await drawn(page); // fonts
  return page;
}

describe('the wall at the sizes it runs at', () => {
  for (const [width, height, lang] of [
    [1366, 768, 'zh'],
    [1366, 768, 'en'],
    [1920, 1080, 'en'],
  ] as const) {
    it(`a paused window's state reads as large as its label, on one line (${width}×${height}, ${lang})`, async () => {
      const page = await open(`/display?fixture=30&fixturePeriod=600000&sound=off&lang=${lang}`, width, height);
      const cells = await page.locator('[data-testid=window-cell]:has(.state)').evaluateAll((els) =>
        els.map((el) => {
          const px = (sel: string): number => parseFloat(getComputedStyle(el.querySelector(sel)!).fontSize);
          const state = el.querySelector('.state')!;
          return { text: state.textContent ?? '', label: px('.label'), state: px('.state'), fits: state.scrollWidth <= el.clientWidth };
        }),
      );
      expect(cells.some((c) => c.text === (lang === 'zh' ? '暂停服务' : 'Paused'))).toBe(true);
      // 暂停服务 was 14 px under a 15 px label on a 1366×768 TV.
      for (const c of cells) expect(c.state, c.text).toBeGreaterThanOrEqual(c.label);
      expect(cells.filter((c) => !c.fits)).toEqual([]);
      expect(await page.evaluate(FIND_CUT_OFF_TEXT)).toEqual([]);
      await page.close();
    });
  }
});
