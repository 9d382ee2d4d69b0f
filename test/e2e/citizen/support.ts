/**
 * Helpers for the citizen-side browser tests: the built display app (shared build lock with the
 * display tests), a real test server serving it, Chromium, an axe-core scan, and stubs that record
 * what a page asked of the printer, the vibration motor and the sound card.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';
import { ensureDisplayBuilt, launchChromium, ROOT } from '../display/support';

export { breaksInsidePhrases, ensureDisplayBuilt, launchChromium } from '../display/support';
export const DIST_ROOT = join(ROOT, 'dist');
export const SHOTS = '/tmp/e2e-citizen';

/** A citizen's phone as the phone-page tests hold it: 390×844, touch, at twice the pixels. */
export const PHONE_SCREEN: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/**
 * The test file's Chromium: the display app built and the browser launched before its tests,
 * closed after them. Call at the top of the file; read the browser inside tests.
 */
export function fileBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureDisplayBuilt();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is launched in beforeAll: read it inside a test');
    return browser;
  };
}
mkdirSync(SHOTS, { recursive: true });

/**
 * Each test's own hall: a fresh server serving the built apps, and a browser context on it (of
 * `options`) with the kiosk's devices stubbed; both closed after the test. A test may replace
 * either (stop the server and start another, reopen the context at another size).
 */
export class HallPerTest {
  #server: TestServer | undefined;
  #context: BrowserContext | undefined;

  constructor(browser: () => Browser, options: BrowserContextOptions = {}) {
    beforeEach(async () => {
      this.#server = await startTestServer({ distDir: DIST_ROOT });
      this.#context = await browser().newContext(options);
      await stubDevices(this.#context);
    });
    afterEach(async () => {
      await this.#context?.close();
      await this.#server?.close();
    });
  }

  get server(): TestServer {
    if (!this.#server) throw new Error('the hall starts in beforeEach: read it inside a test');
    return this.#server;
  }
  set server(s: TestServer) {
    this.#server = s;
  }
  get context(): BrowserContext {
    if (!this.#context) throw new Error('the hall starts in beforeEach: read it inside a test');
    return this.#context;
  }
  set context(c: BrowserContext) {
    this.#context = c;
  }
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page; fails the test with the violations found. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe: ${label}`).toEqual([]);
}

/** Records window.print(), navigator.vibrate() and Web Audio oscillators instead of using the hardware. */
export async function stubDevices(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __printed: number; __vibrations: unknown[]; __tones: number };
    w.__printed = 0;
    w.__vibrations = [];
    w.__tones = 0;
    window.print = () => {
      w.__printed++;
    };
    Object.defineProperty(navigator, 'vibrate', {
      configurable: true,
      value: (pattern: unknown) => {
        w.__vibrations.push(pattern);
        return true;
      },
    });
    const Real = window.AudioContext;
    window.AudioContext = class extends Real {
      override createOscillator(): OscillatorNode {
        w.__tones++;
        return super.createOscillator();
      }
    };
  });
}

export const devices = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __printed: number; __vibrations: unknown[]; __tones: number };
    return { printed: w.__printed, vibrations: w.__vibrations.length, tones: w.__tones };
  });

export const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });

/** The root font size in px (large-type mode must make it at least 1.5×). */
export const rootFontPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

/** Opens the kiosk (or /m, or /kiosk?…) and waits until it is live with the service areas shown. */
export async function openKioskAt(context: BrowserContext, serverUrl: string, path = '/kiosk'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${serverUrl}${path}`);
  await page.locator('.kiosk[data-status="live"] [data-category]').first().waitFor({ timeout: 10_000 });
  return page;
}

/** A new page on the guide desk (1280×800), signed in as the demo guide, the catalogue listed. */
export async function openGuideDesk(context: BrowserContext, serverUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${serverUrl}/kiosk?mode=guide`);
  await page.fill('[data-testid="username"]', 'guide');
  await page.fill('[data-testid="password"]', '1234');
  await page.click('[data-testid="signin-submit"]');
  await page.locator('[data-matter="A-01"]').waitFor();
  return page;
}
