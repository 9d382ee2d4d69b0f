/**
 * Screenshots of the 好差评 page at 1920×1080 and 1366×768, zh and en, over a day of ratings
 * made the real way (for a person to look at, not a test).
 * Run: `npx tsx test/e2e/counter/ratingsScreenshots.ts [outDir]` (default /tmp/screens).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer } from '../../support/server';
import { seedRatings, type RatingPlan } from './ratingsSeed';
import { apiCall, ensureCounterBuilt, launchChromium, signIn, token } from './support';

const out = process.argv[2] ?? '/tmp/screens';
mkdirSync(out, { recursive: true });

await ensureCounterBuilt();
const server = await startTestServer();
const manager = await token(server.url, 'admin', 'admin');
const good = (n: number, score = 5) => Array.from({ length: n }, () => ({ score }));
const plans: RatingPlan[] = [
  { window: 1, clerk: 'c11', queue: 'A', ratings: [...good(6), { score: 4 }, null, null, { score: 3 }] },
  {
    window: 2,
    clerk: 'c12',
    queue: 'B',
    ratings: [...good(3), { score: 1, reasons: ['attitude', 'repeated_trips'], comment: '第三次来了，每次说缺的材料都不一样，工作人员还不耐烦。请核实。' }, null, { score: 4 }],
  },
  { window: 3, clerk: 'c13', queue: 'C', ratings: [...good(4, 4), { score: 2, reasons: ['slow'] }, null] },
  { window: 5, clerk: 'c15', queue: 'E', ratings: [...good(5), { score: 2, reasons: ['unclear_guidance', 'other'], comment: '网上写的材料清单和窗口要求的不一致' }] },
  { window: 6, clerk: 'c16', queue: 'F', ratings: [...good(2), null, null, null, { score: 1, reasons: ['environment'] }] },
];
const tickets = await seedRatings(server.url, manager, plans, (ms) => server.clock.advance(ms));
// One 差评 followed up (window 2's 非常不满意), the other three still open.
const followed = tickets[13];
if (!followed) throw new Error('no ticket to follow up');
server.clock.advance(20 * 60_000);
const put = await apiCall(server.url, 'PUT', `/api/ratings/${followed.id}/follow-up`, { note: '已电话回访群众，核实材料清单并致歉；已对窗口人员进行批评教育，统一一次性告知。' }, manager);
if (put.status !== 200) throw new Error(`follow-up: ${put.status}`);

const browser = await launchChromium();
for (const [width, height] of [
  [1920, 1080],
  [1366, 768],
] as const) {
  // A manager's PC runs a Chinese browser: the date field shows 年/月/日.
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e));
  await page.goto(`${server.url}/admin`);
  await signIn(page, 'admin', 'admin');
  await page.click('[data-nav=ratings]');
  await page.waitForSelector('[data-testid=complaints] tbody tr[data-ticket]');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `admin-ratings-${width}.png`) });
  await page.screenshot({ path: join(out, `admin-ratings-full-${width}.png`), fullPage: true });
  // 登记整改 of the newest open 差评, with the message a blank note gets.
  await page.locator('[data-testid=complaints] [data-testid=follow-up-record]').first().click();
  await page.click('[data-testid=follow-up-save]');
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(out, `admin-ratings-follow-up-${width}.png`) });
  await page.keyboard.press('Escape');
  await page.click('[data-span=week]');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `admin-ratings-week-${width}.png`) });
  await page.selectOption('[data-testid=lang]', 'en');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `admin-ratings-en-${width}.png`), fullPage: true });
  await page.selectOption('[data-testid=lang]', 'zh');
  await context.close();
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
