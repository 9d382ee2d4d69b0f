/**
 * What the screenshot tests of the wall (screens.test.ts) and of the window screens
 * (windowScreens.test.ts) share: a full hall, and a screenshot that reports the text it finds cut off.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Snapshot, Ticket } from '../../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { drawn, ensureDisplayBuilt, FIND_CUT_OFF_TEXT, launchChromium, serveDisplay } from './support';

/** Where the PNGs go, to be looked at (not the repo). */
export const OUT = process.env.SCREENS_DIR ?? '/tmp/screens';

/** Every window of the demo hall open with a clerk; most calling or serving someone, two paused; people waiting. */
export async function fillTheHall(serverUrl: string): Promise<void> {
  const snap = (await api<Snapshot>(serverUrl, 'GET', '/api/snapshot')).body;
  for (const w of snap.windows) {
    const token = await login(serverUrl, `c${String(w.no).padStart(2, '0')}`, '1234');
    await api(serverUrl, 'POST', `/api/windows/${w.no}/session`, { token });
    const queue = w.mapping[0]!.queue;
    for (let i = 0; i < 3; i++) await api<Ticket>(serverUrl, 'POST', '/api/tickets', { body: { queue } });
    await api(serverUrl, 'POST', `/api/windows/${w.no}/next`, { token, body: {} });
    if (w.no % 3 === 0) await api(serverUrl, 'POST', `/api/windows/${w.no}/start`, { token });
    if (w.no === 8 || w.no === 25) await api(serverUrl, 'POST', `/api/windows/${w.no}/pause`, { token, body: { reason: 'break' } });
  }
}


/** Opens `url` at width×height, saves `OUT/name.png` once the first frame is drawn, and returns the texts cut off. */
export async function shoot(browser: Browser, name: string, url: string, width: number, height: number): Promise<string[]> {
  const page: Page = await browser.newPage({ viewport: { width, height } });
  await page.goto(url);
  // The hall shown (the wall live, or the window's state), then its fonts and first frames; the
  // notice line as 0.7 s into its scroll (what a fixed 0.7 s wait used to give, less reliably).
  await page.locator('.wall[data-status="live"], [data-testid="window-state"]').first().waitFor();
  await drawn(page, 700);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  const cut = (await page.evaluate(FIND_CUT_OFF_TEXT)) as string[];
  await page.close();
  return cut;
}

type FixtureSite = Awaited<ReturnType<typeof serveDisplay>>;

/**
 * The file's full hall: a server with every window busy (fillTheHall), the built display served
 * with its `?fixture` halls, and Chromium; started before the file's tests, closed after them.
 */
export class FullHall {
  #server: TestServer | undefined;
  #fixtureSite: FixtureSite | undefined;
  #browser: Browser | undefined;

  constructor() {
    beforeAll(async () => {
      mkdirSync(OUT, { recursive: true });
      await ensureDisplayBuilt();
      this.#server = await startTestServer();
      this.#fixtureSite = await serveDisplay();
      this.#browser = await launchChromium();
      await fillTheHall(this.#server.url);
    }, 120_000);
    afterAll(async () => {
      await this.#browser?.close();
      await this.#fixtureSite?.close();
      await this.#server?.close();
    });
  }

  #ready<T>(x: T | undefined): T {
    if (x === undefined) throw new Error('the hall starts in beforeAll: read it inside a test');
    return x;
  }
  get server(): TestServer {
    return this.#ready(this.#server);
  }
  get fixtureSite(): FixtureSite {
    return this.#ready(this.#fixtureSite);
  }
  get browser(): Browser {
    return this.#ready(this.#browser);
  }
}
