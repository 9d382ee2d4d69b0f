/**
 * Screenshots of 自动叫号 on the clerk panel at 1366×768 and 1920×1080, zh and en: the settings,
 * the countdown after 办结 and on the hall's prompt, a cancelled one, the idle card with auto-call
 * on (for a person to look at, not a test).
 * Run: `npx tsx test/e2e/counter/autoCallScreenshots.ts [outDir]` (default /tmp/screens).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestServer } from '../../support/server';
import { ensureCounterBuilt, issue, launchChromium, mapWindows, signIn, token } from './support';

const out = process.argv[2] ?? '/tmp/screens';
mkdirSync(out, { recursive: true });

await ensureCounterBuilt();
const server = await startTestServer();
const base = server.url;
const manager = await token(base, 'admin', 'admin');
await mapWindows(base, manager, { 9: 'A B* C*', 10: 'A B* C*' });
const browser = await launchChromium();

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `${name}.png`) });
}

for (const [width, height, lang, user, no] of [
  [1366, 768, 'zh', 'c21', 9],
  [1366, 768, 'en', 'c22', 10],
  [1920, 1080, 'zh', 'c23', 9],
] as const) {
  const tag = `${width}-${lang}`;
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e));
  await page.goto(`${base}/counter`);
  await signIn(page, user, '1234');
  await page.click(`[data-window="${no}"]`);
  await page.waitForSelector('[data-action=next]:not([disabled])');
  if (lang === 'en') await page.selectOption('[data-testid=lang]', 'en');

  // Settings: both on, a long countdown so the screenshots catch it.
  await page.click('[data-testid=open-settings]');
  await page.check('[data-testid=auto-after-done]');
  await page.check('[data-testid=auto-when-prompted]');
  await page.selectOption('#auto-seconds', '30');
  await shot(page, `auto-settings-${tag}`);
  await page.keyboard.press('Escape');
  await shot(page, `auto-idle-on-${tag}`);

  // The hall prompts this idle window: a ticket arrives.
  await issue(base, 'A');
  await page.waitForSelector('[data-testid=auto-countdown][data-reason=prompted]');
  await page.waitForTimeout(2_200);
  await shot(page, `auto-prompted-${tag}`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=auto-countdown]', { state: 'detached' });
  await shot(page, `auto-cancelled-${tag}`);

  // Serve it, with two more waiting, then 办结: the countdown to the next.
  await page.keyboard.press('1');
  await page.waitForSelector('[data-testid=current-number]');
  await page.keyboard.press('3');
  await issue(base, 'A');
  await issue(base, 'B');
  await page.waitForSelector('[data-action=complete]:not([disabled])');
  await page.keyboard.press('4');
  await page.waitForSelector('[data-testid=auto-countdown][data-reason=afterDone]');
  await page.waitForTimeout(1_200);
  await shot(page, `auto-after-done-${tag}`);
  await page.keyboard.press('1'); // call now instead of waiting
  await page.waitForSelector('[data-testid=current-number]');
  // Leave the window served and the queue empty for the next size.
  await page.keyboard.press('4');
  await page.waitForSelector('[data-testid=auto-countdown]');
  await page.keyboard.press('1');
  await page.waitForSelector('[data-testid=current-number]');
  await page.keyboard.press('4');
  await page.waitForSelector('[data-action=next]:not([disabled])');
  // Sign out, so the next size's window is the one the hall prompts.
  await page.click('[data-testid=sign-out]');
  await page.click('[data-testid=sign-out-confirm]');
  await page.waitForSelector('#login-user');
  await context.close();
}

await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
