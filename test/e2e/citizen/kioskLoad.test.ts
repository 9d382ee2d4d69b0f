/**
 * What the kiosk app loads, in Chromium against a real server. 扫码取号 (/m, the kiosk app on a
 * citizen's phone) loads no zod and never the QR encoder (a phone's ticket opens its own page);
 * the kiosk loads the encoder on demand and prints a ticket only once its QR code is drawn, even
 * when the encoder comes late.
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { devices, fileBrowser, HallPerTest, openKioskAt, PHONE_SCREEN } from './support';

const browser = fileBrowser();
const hall = new HallPerTest(browser, { viewport: { width: 1080, height: 1920 } });

const QR_CHUNK = /\/assets\/qr-[\w-]+\.js$/;

/** The scripts a page fetched, with their text. */
function scriptsOf(page: Page): { url: string; text: Promise<string> }[] {
  const scripts: { url: string; text: Promise<string> }[] = [];
  page.on('requestfinished', (req: Request) => {
    if (req.resourceType() !== 'script') return;
    scripts.push({ url: req.url(), text: req.response().then((r) => (r ? r.text() : '')) });
  });
  return scripts;
}

describe('the kiosk app’s load', () => {
  it('/m on a phone: no zod, no QR encoder, and a number still taken', async () => {
    await hall.context.close();
    hall.context = await browser().newContext(PHONE_SCREEN);
    const page = await hall.context.newPage();
    const scripts = scriptsOf(page);
    await page.goto(`${hall.server.url}/m`);
    await page.locator('.kiosk[data-status="live"] [data-category]').first().waitFor({ timeout: 10_000 });
    await page.click('[data-category="民生服务"]');
    await page.click('[data-queue="E"]');
    await page.locator('[data-matter]').first().click();
    await page.click('[data-testid="take"]');
    await page.waitForURL(/\/t\//);

    const kioskScripts = scripts.filter((s) => !s.url.includes('/assets/ticket-'));
    expect(kioskScripts.length).toBeGreaterThan(1);
    expect(scripts.map((s) => s.url).filter((u) => QR_CHUNK.test(u))).toEqual([]);
    // zod's error class is named in its code whatever the minifier does (the old kiosk bundle had it twice).
    for (const s of scripts) expect(await s.text, s.url).not.toContain('ZodError');
  });

  it('a kiosk prints only once the QR code is drawn, however late its encoder arrives', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await hall.context.route(QR_CHUNK, async (route) => {
      await held;
      await route.continue();
    });
    // Whether the receipt had its QR code at the moment it was printed.
    await hall.context.addInitScript(() => {
      const w = window as unknown as { __printed: number; __qrAtPrint: boolean[] };
      w.__qrAtPrint = [];
      window.print = () => {
        w.__printed++;
        w.__qrAtPrint.push(!!document.querySelector('[data-testid="receipt"] .qr svg path[d^="M"]'));
      };
    });
    const page = await openKioskAt(hall.context, hall.server.url, '/kiosk');
    await page.click('[data-category="企业服务"]');
    await page.click('[data-queue="A"]');
    await page.click('[data-matter="A-01"]');
    await page.click('[data-testid="take"]');
    await page.locator('[data-testid="ticket-number"]').waitFor();
    expect(await page.locator('[data-testid="ticket-number"]').textContent()).toBe('A001');
    await page.waitForTimeout(500);
    expect((await devices(page)).printed, 'printed before the QR code could be drawn').toBe(0);

    release();
    await expect.poll(async () => (await devices(page)).printed).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __qrAtPrint: boolean[] }).__qrAtPrint)).toEqual([true]);
    expect(await page.locator('[data-testid="qr"] svg path').count()).toBe(1);
  });
});
