/**
 * Screenshots of the 统计 page at 1920×1080 and 1366×768, in Chinese and English, for a person
 * to look at (not a test): a past day served through the API hour by hour, then today's live
 * morning (A's target changed at 10:00, so its row is marked), and the month so far as a 时间段.
 * Three of the past day's tickets have no stored target (as after an upgrade): the page says so.
 * Some calls are made by 自动叫号 (`auto`), and clerks call for help (求助) on both days. Sunday
 * is not a working day of the demo's 作息时间, so all of it is 延时服务; after the pages, the
 * 作息时间 form on 大厅设置, and 统计 once they are cleared (未设置作息时间).
 * Run: `npx tsx test/e2e/counter/stats-screenshots.ts [outDir]` (default /tmp/screens).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer } from '../../support/server';
import { apiCall, ensureCounterBuilt, issue, launchChromium, signIn, token } from './support';

const out = process.argv[2] ?? '/tmp/screens';
mkdirSync(out, { recursive: true });
const MIN = 60_000;

await ensureCounterBuilt();
// Sunday 2026-11-29 08:30 in Shanghai: a day to look back on, then Monday.
const server = await startTestServer({ now: Date.parse('2026-11-29T00:30:00Z') });
const base = server.url;

async function serveDay(hours: number, perHour: number, clerks: [string, number][]): Promise<void> {
  const tokens = await Promise.all(clerks.map(([u]) => token(base, u, '1234')));
  for (const [i, [, no]] of clerks.entries()) await apiCall(base, 'POST', `/api/windows/${no}/session`, undefined, tokens[i]);
  const queues = 'AACEEFFDBJTK';
  for (let h = 0; h < hours; h++) {
    const burst = Math.round(perHour * (h === 1 || h === 2 ? 1.8 : h === hours - 1 ? 0.5 : 1));
    for (let i = 0; i < burst; i++) await issue(base, queues[(h * 7 + i) % queues.length] ?? 'A');
    for (let step = 0; step < 6; step++) {
      server.clock.advance(10 * MIN);
      for (const [i, [, no]] of clerks.entries()) {
        // Every third call of the odd clerks by 自动叫号: the clerk table's share differs per clerk.
        const auto = i % 2 === 1 && (h + step) % 3 === 0;
        if ((step + i) % 2 === 0) await apiCall(base, 'POST', `/api/windows/${no}/next`, auto ? { auto: true } : {}, tokens[i]);
        else await apiCall(base, 'POST', `/api/windows/${no}/start`, {}, tokens[i]);
      }
    }
  }
}

const staff: [string, number][] = [
  ['c01', 1],
  ['c02', 4],
  ['c03', 8],
  ['c04', 11],
  ['c05', 14],
  ['c06', 17],
];
/** 求助 at a window: answered after `answer` minutes and settled, withdrawn, or left open. */
async function help(username: string, no: number, kind: string, end: { answer: number } | 'withdraw' | 'open'): Promise<void> {
  const clerk = await token(base, username, '1234');
  const r = await apiCall<{ id: string }>(base, 'POST', `/api/windows/${no}/assist`, { kind }, clerk);
  if (end === 'open') return;
  const manager = await token(base, 'admin', 'admin');
  if (end === 'withdraw') {
    server.clock.advance(MIN);
    await apiCall(base, 'POST', `/api/assist/${r.body.id}/cancel`, {}, clerk);
    return;
  }
  server.clock.advance(end.answer * MIN);
  await apiCall(base, 'POST', `/api/assist/${r.body.id}/acknowledge`, {}, manager);
  server.clock.advance(4 * MIN);
  await apiCall(base, 'POST', `/api/assist/${r.body.id}/resolve`, {}, manager);
}

await serveDay(8, 12, staff);
await help('c02', 4, 'conduct', { answer: 2 });
await help('c02', 4, 'question', { answer: 6 });
await help('c05', 14, 'equipment', 'withdraw');
await help('c01', 1, 'question', { answer: 1 });
server.store.db.prepare("UPDATE tickets SET target_wait_minutes = NULL WHERE service_day = '2026-11-29' AND number IN ('A001', 'A002', 'E001')").run();
// Monday morning, live; at 10:00 A's target goes from 15 to 20 minutes.
server.clock.advance(24 * 60 * MIN - 8 * 60 * MIN + 30 * MIN);
await serveDay(1, 14, staff.slice(0, 4));
await apiCall(base, 'PUT', '/api/admin/queues/A', { targetWaitMinutes: 20 }, await token(base, 'admin', 'admin'));
await serveDay(1, 14, staff.slice(0, 4));
for (let i = 0; i < 12; i++) await issue(base, 'AEF'[i % 3] ?? 'A');
await help('c03', 8, 'conduct', { answer: 3 });
await help('c02', 4, 'other', 'open');

const browser = await launchChromium();
for (const [width, height] of [
  [1920, 1080],
  [1366, 768],
] as const) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e));
  await page.goto(`${base}/admin#stats`);
  await signIn(page, 'admin', 'admin');
  for (const lang of ['zh', 'en'] as const) {
    if (lang === 'en') await page.selectOption('[data-testid=lang]', 'en');
    await page.click('[data-testid=stats-today]');
    await page.waitForSelector('[data-testid=stats-queues]');
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `stats-today-${lang}-${width}.png`) });
    await page.screenshot({ path: join(out, `stats-today-${lang}-${width}-full.png`), fullPage: true });
    await page.fill('[data-testid=stats-day]', '2026-11-29');
    await page.waitForSelector('[data-testid=stats-note]:has-text("2026-11-29")');
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `stats-past-${lang}-${width}-full.png`), fullPage: true });
    if (width === 1366) {
      // 打印报告 of the Sunday: its clerks' 延时服务 column and the total in a sentence.
      await page.click('[data-testid=report-open]');
      await page.waitForSelector('[data-testid=report-clerks]');
      await page.screenshot({ path: join(out, `report-past-${lang}.png`) });
      await page.locator('[data-testid=report-clerks]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(out, `report-past-clerks-${lang}.png`) });
      await page.click('[data-testid=report-close]');
    }
    // 时间段: 本周 (Monday to today would be one day here): 本月, the 1st to today.
    await page.click('[data-testid=stats-range]');
    await page.click('[data-testid=stats-range-month]');
    await page.waitForSelector('[data-testid=stats-days] [data-day]');
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `stats-range-${lang}-${width}.png`) });
    await page.screenshot({ path: join(out, `stats-range-${lang}-${width}-full.png`), fullPage: true });
    await page.locator('[data-testid=stats-overtime]').screenshot({ path: join(out, `stats-overtime-${lang}-${width}.png`) });
    await page.goto(`${base}/admin#hall`);
    await page.waitForSelector('[data-testid=work-hours]');
    await page.locator('[data-testid=work-hours]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `hall-work-hours-${lang}-${width}.png`) });
    await page.goto(`${base}/admin#stats`);
  }
  await context.close();
}

// 作息时间 cleared: 统计 says they are not set, rather than zeros.
await apiCall(base, 'PUT', '/api/admin/settings', { workHours: { spans: [], days: [1, 2, 3, 4, 5] } }, await token(base, 'admin', 'admin'));
{
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${base}/admin#stats`);
  await signIn(page, 'admin', 'admin');
  await page.waitForSelector('[data-testid=stats-overtime-not-set]');
  await page.locator('[data-testid=stats-overtime]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, 'stats-overtime-not-set-zh-1366.png') });
  await context.close();
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
