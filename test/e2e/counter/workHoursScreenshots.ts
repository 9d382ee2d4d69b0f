/**
 * Screenshots of 作息时间 on 大厅设置 with a year's worth of 节假日 and 调休上班 (about ten dates in
 * each list, as chips that wrap), and 预约与评价's 休息日 drawn by the same chips, at 1280 and 800 px
 * wide, zh and en (for a person to look at, not a test). The dates are examples, not an official
 * schedule.
 * Run: `npx tsx test/e2e/counter/workHoursScreenshots.ts [outDir]` (default /tmp/screens).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer } from '../../support/server';
import { apiCall, ensureCounterBuilt, launchChromium, signIn, token } from './support';

const out = process.argv[2] ?? '/tmp/screens';
mkdirSync(out, { recursive: true });

const OFF = ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-04-06', '2026-05-01', '2026-05-04', '2026-05-05', '2026-06-19', '2026-09-25', '2026-10-01'];
const ON = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-04-26', '2026-05-09', '2026-09-20', '2026-09-27', '2026-10-10', '2026-12-26', '2027-01-02'];

await ensureCounterBuilt();
const server = await startTestServer();
const base = server.url;
const manager = await token(base, 'admin', 'admin');
const spans = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
await apiCall(base, 'PUT', '/api/admin/settings', { workHours: { spans, days: [1, 2, 3, 4, 5], offDates: OFF, onDates: ON } }, manager);
await apiCall(base, 'PUT', '/api/citizen/settings', { closedDates: OFF.slice(0, 9) }, manager);
const browser = await launchChromium();

for (const width of [1280, 800]) {
  for (const lang of ['zh', 'en']) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/admin#hall`);
    await signIn(page, 'admin', 'admin');
    await page.selectOption('[data-testid=lang]', lang);
    const field = page.locator('[data-testid=work-hours]');
    await field.waitFor();
    // A date refused (it is a holiday) shows its message beside the button.
    await page.fill('#work-on-pick', OFF[0]!);
    await page.click('[data-testid=work-on-add]');
    await field.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await field.screenshot({ path: join(out, `hall-work-dates-${lang}-${width}.png`) });
    await page.screenshot({ path: join(out, `hall-work-dates-page-${lang}-${width}.png`), fullPage: true });
    await page.goto(`${base}/admin#citizen`);
    const closed = page.locator('[data-field=closedDates]');
    await closed.locator('.chip').first().waitFor();
    await closed.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await closed.screenshot({ path: join(out, `citizen-closed-dates-${lang}-${width}.png`) });
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
