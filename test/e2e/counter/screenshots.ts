/**
 * Screenshots of the staff apps at 1920×1080 and 1366×768, in Chinese and English, for a
 * person to look at (not a test). Run: `npx tsx test/e2e/counter/screenshots.ts [outDir]`
 * (default /tmp/screens). Builds the app if needed and runs a test server with a busy hall.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestServer } from '../../support/server';
import { apiCall, ensureCounterBuilt, issue, launchChromium, signIn, token } from './support';

const out = process.argv[2] ?? '/tmp/screens';
mkdirSync(out, { recursive: true });

await ensureCounterBuilt();
const server = await startTestServer();
const base = server.url;
const manager = await token(base, 'admin', 'admin');

// A busy morning: tickets in most queues, a few windows staffed.
for (let i = 0; i < 40; i++) await issue(base, 'ABCDEFGHLYJTRKAC'[i % 16] ?? 'A');
for (const [user, no, step] of [
  ['c11', 1, 'call'],
  ['c12', 14, 'serve'],
  ['c13', 19, 'call'],
  ['c14', 22, 'pause'],
  ['c15', 3, 'serve'],
  ['c16', 17, 'open'],
] as const) {
  const tk = await token(base, user, '1234');
  await apiCall(base, 'POST', `/api/windows/${no}/session`, undefined, tk);
  if (step !== 'open') await apiCall(base, 'POST', `/api/windows/${no}/next`, {}, tk);
  if (step === 'serve') await apiCall(base, 'POST', `/api/windows/${no}/start`, {}, tk);
  if (step === 'pause') {
    await apiCall(base, 'POST', `/api/windows/${no}/complete`, {}, tk);
    await apiCall(base, 'POST', `/api/windows/${no}/pause`, { reason: 'break' }, tk);
  }
}
server.clock.advance(9 * 60_000);

const browser = await launchChromium();
const sizes = [
  [1920, 1080],
  [1366, 768],
] as const;

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(out, `${name}.png`) });
}

for (const [width, height] of sizes) {
  const tag = `${width}`;
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e));

  // ---- clerk panel ----
  await page.goto(`${base}/counter`);
  await shot(page, `clerk-login-${tag}`);
  await page.click('[data-testid=login-submit]');
  await shot(page, `clerk-login-errors-${tag}`);
  await signIn(page, width === 1920 ? 'c01' : 'c02', '1234');
  await page.waitForSelector('[data-window]');
  await shot(page, `clerk-pick-${tag}`);
  const no = width === 1920 ? 9 : 10;
  await page.click(`[data-window="${no}"]`);
  await page.waitForSelector('[data-action=next]:not([disabled])');
  await shot(page, `clerk-idle-${tag}`);
  // A ticket from the guide desk (matters, the guide's ticks and note), called out of turn (特呼) so it is the one shown.
  const withMatters = await apiCall<{ number: string }>(
    base,
    'POST',
    '/api/tickets',
    {
      queue: 'A',
      channel: 'guide',
      matters: ['A-01', 'A-02'],
      note: '名称已预核准；股东会决议明天补交。',
      checklist: [
        { matter: 'A-01', have: ['公司章程', '股东身份证明'] },
        { matter: 'A-02', have: ['变更登记申请书'] },
      ],
    },
    manager,
  );
  await page.keyboard.press('7');
  await page.waitForSelector('#call-number');
  await page.keyboard.type('AB');
  await page.keyboard.press('Enter');
  await shot(page, `clerk-call-error-${tag}`);
  await page.fill('#call-number', withMatters.body.number);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=current-number]');
  await shot(page, `clerk-called-${tag}`);
  await page.keyboard.press('3');
  await page.waitForSelector('[data-testid=current-status]:has-text("正在办理")');
  const boxes = page.locator('.materials input[type=checkbox]');
  const n = await boxes.count();
  for (let i = 0; i < Math.min(n, 4); i++) await boxes.nth(i).check();
  server.clock.advance(14 * 60_000);
  await issue(base, 'B'); // any change carries the server's clock to the panel
  await shot(page, `clerk-serving-${tag}`);
  await page.click('[data-testid=missing-note]');
  await shot(page, `clerk-missing-${tag}`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('6');
  await page.waitForSelector('[data-testid=transfer-confirm]');
  await page.click('[data-testid=transfer-confirm]');
  await shot(page, `clerk-transfer-${tag}`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('4');
  await page.waitForSelector('[data-action=next]:not([disabled])');
  await page.keyboard.press('1');
  await page.waitForSelector('[data-testid=current-number]');
  await page.keyboard.press('5');
  await page.waitForSelector('[data-testid=undo-offer]');
  await shot(page, `clerk-undo-${tag}`);
  server.clock.advance(100 * 60_000);
  await issue(base, 'B');
  await page.waitForSelector('[data-testid=break-hint]');
  await shot(page, `clerk-break-${tag}`);
  await page.click('[data-testid=open-settings]');
  await shot(page, `clerk-settings-${tag}`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('8');
  await page.waitForSelector('[data-reason]');
  await shot(page, `clerk-pause-dialog-${tag}`);
  await page.keyboard.press('1');
  await page.waitForSelector('[data-action=resume]:not([disabled])');
  await shot(page, `clerk-paused-${tag}`);
  await page.keyboard.press('9');
  await page.waitForSelector('[data-action=next]:not([disabled])');
  await page.keyboard.press('1');
  await page.waitForSelector('[data-testid=current-number]');
  await context.setOffline(true);
  await page.waitForSelector('[data-testid=conn-banner]');
  await shot(page, `clerk-offline-${tag}`);
  await context.setOffline(false);
  await page.waitForSelector('[data-testid=conn-banner]', { state: 'detached' });
  await page.selectOption('[data-testid=lang]', 'en');
  await shot(page, `clerk-en-${tag}`);
  await page.selectOption('[data-testid=lang]', 'zh');

  // ---- manager console ----
  const admin = await context.newPage();
  await admin.goto(`${base}/admin`);
  await signIn(admin, 'admin', 'admin');
  await admin.waitForSelector('[data-testid=hall-board]');
  await shot(admin, `admin-board-${tag}`);
  await admin.click('[data-nav=mapping]');
  await admin.waitForSelector('[data-testid=mapping-page]');
  await shot(admin, `admin-mapping-${tag}`);
  await admin.dragAndDrop('[data-palette=G]', `[data-testid=mapping-page] [data-window="${no}"]`);
  await admin.locator(`[data-testid=mapping-page] [data-window="${no}"]`).scrollIntoViewIfNeeded();
  await shot(admin, `admin-mapping-drop-${tag}`);
  for (const p of ['staff', 'catalogue', 'queues', 'hall', 'notices', 'audit']) {
    await admin.click(`[data-nav=${p}]`);
    await shot(admin, `admin-${p}-${tag}`);
  }
  // Forms with bad input: each problem said next to its field.
  await admin.click('[data-nav=staff]');
  await admin.click('[data-testid=staff-add]');
  await admin.fill('#staff-username', 'c 1');
  await admin.fill('#staff-password', '12');
  await admin.click('[data-testid=staff-save]');
  await shot(admin, `admin-staff-errors-${tag}`);
  await admin.keyboard.press('Escape');
  await admin.click('[data-nav=catalogue]');
  await admin.click('[data-edit="A-01"]');
  await admin.fill('#matter-limit', '0');
  await admin.click('[data-testid=matter-save]');
  await shot(admin, `admin-matter-errors-${tag}`);
  await admin.keyboard.press('Escape');
  await admin.click('[data-nav=queues]');
  await admin.click('[data-edit=A]');
  await admin.fill('#queue-end', '0');
  await admin.fill('#queue-target', 'abc');
  await admin.click('[data-testid=queue-save]');
  await shot(admin, `admin-queue-errors-${tag}`);
  await admin.keyboard.press('Escape');
  await admin.click('[data-nav=hall]');
  await admin.waitForSelector('#hall-recall');
  await admin.fill('#hall-recall', '99');
  await admin.click('[data-testid=hall-save]');
  await shot(admin, `admin-hall-errors-${tag}`);
  await admin.click('[data-nav=audit]');
  await admin.click('[data-testid=audit-only-manager]');
  await shot(admin, `admin-audit-all-${tag}`);
  await admin.click('[data-nav=board]');
  await admin.selectOption('[data-testid=lang]', 'en');
  await shot(admin, `admin-board-en-${tag}`);
  await admin.selectOption('[data-testid=lang]', 'zh');
  await context.close();
}

await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
