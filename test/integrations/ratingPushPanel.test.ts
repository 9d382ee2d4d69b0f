/**
 * 好差评数据推送's panel on the 好差评 page in Chromium, against a real server whose province
 * platform is a local HTTP server: 已接入 with the address, 已推送/待推送/失败, how long the oldest
 * has waited, the last error, the latest reports; 重推 of a refused one until it is sent; English;
 * and a server without a platform, whose reports say 未配置. SCREENSHOT_DIR=… saves the page.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RatingPushPayload } from '../../shared/ratingPush';
import { startGateway, type Gateway } from '../citizen/smsGateway';
import { axeProblems, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from '../e2e/counter/support';
import { seedRatings } from '../e2e/counter/ratingsSeed';
import { startTestServer, type TestServer } from '../support/server';

let browser: Browser;
const shots = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  await ensureCounterBuilt();
  browser = await launchChromium();
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Three tickets served at window 9 and rated: 非常满意, 非常不满意 (with reasons), 满意. */
async function rateThree(server: TestServer): Promise<void> {
  const manager = await token(server.url, 'admin', 'admin');
  await seedRatings(
    server.url,
    manager,
    [{ window: 9, clerk: 'c05', queue: 'A', ratings: [{ score: 5 }, { score: 1, reasons: ['attitude'] }, { score: 4 }] }],
    (ms) => server.clock.advance(ms),
  );
  await server.app.ratingPush.tick();
}

async function open(server: TestServer, width = 1366, height = 900): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/admin#ratings`);
  await signIn(page, 'admin', 'admin');
  await page.waitForSelector('[data-testid=rating-push-platform]');
  return { page, errors };
}

describe('好差评数据推送 panel', () => {
  it('shows the platform, the counts, the oldest wait and the last error; 重推 sends a refused report', async () => {
    // The first report is refused (400), the second taken, the third meets a platform that is down.
    const gw: Gateway<RatingPushPayload> = await startGateway<RatingPushPayload>({ status: 503, body: 'platform under maintenance' });
    gw.answers.push({ status: 400, body: '{"error":"unknown service item"}' }, { status: 200 });
    const server = await startTestServer({ ratingPush: { url: gw.url, token: 'secret', timeoutMs: 2_000 } });
    try {
      await rateThree(server);
      await expect.poll(() => gw.requests.length).toBe(3);
      // Half a minute past 5: the console's clock ticks once a second, the wait is whole minutes.
      server.clock.advance(5.5 * 60_000);

      const { page, errors } = await open(server);
      const panel = page.locator('[data-testid=rating-push]');
      expect(await page.textContent('[data-testid=rating-push-platform]')).toBe('已接入');
      expect(await panel.textContent()).toContain(gw.url);
      expect(await panel.textContent()).not.toContain('secret');
      expect(await page.textContent('[data-testid=rating-push-counts]')).toBe('已推送 1待推送 1失败 1');
      expect(await page.textContent('[data-testid=rating-push-oldest]')).toBe('最早一条已等待 5 分钟（11/30 09:12 起）');
      expect(await page.textContent('[data-testid=rating-push-error]')).toContain('HTTP 503: platform under maintenance');

      await page.click('[data-testid=rating-push] summary');
      const rows = panel.locator('tbody tr');
      expect(await rows.count()).toBe(3);
      expect(await panel.locator('tr[data-state=sent]').count()).toBe(1);
      expect(await panel.locator('tr[data-state=retrying]').textContent()).toContain('已试 1 次：HTTP 503: platform under maintenance');
      const failed = panel.locator('tr[data-state=failed]');
      expect(await failed.textContent()).toContain('被拒收：HTTP 400: {"error":"unknown service item"}');
      expect(await panel.locator('[data-testid=rating-push-retry]').count()).toBe(1);
      expect(await axeProblems(page)).toEqual([]);
      if (shots) await page.screenshot({ path: `${shots}/admin-rating-push-zh-1366.png`, fullPage: true });

      // The platform is back: 重推 puts the refused one first again, and it goes, then the one whose retry is due.
      gw.otherwise = { status: 200 };
      const refused = gw.requests[0]!.body;
      const post = page.waitForRequest((r) => r.method() === 'POST' && /\/api\/ratings\/push\/\d+\/retry$/.test(r.url()));
      await page.click('[data-testid=rating-push-retry]');
      await post;
      await expect.poll(() => page.textContent('[data-testid=rating-push] [role=status]')).toBe('已重新排队，将按顺序推送。');
      await expect.poll(() => gw.requests.length).toBe(5);
      expect(gw.requests[3]!.body).toEqual(refused);
      expect(gw.requests[4]!.body).toEqual(gw.requests[2]!.body);
      await expect
        .poll(async () => {
          await page.click('[data-testid=rating-push-refresh]');
          return page.textContent('[data-testid=rating-push-counts]');
        })
        .toBe('已推送 3待推送 0失败 0');
      expect(await panel.locator('[data-testid=rating-push-retry]').count()).toBe(0);

      await page.selectOption('[data-testid=lang]', 'en');
      await expect.poll(() => page.textContent('[data-testid=rating-push-platform]')).toBe('Connected');
      expect(await page.textContent('[data-testid=rating-push-counts]')).toBe('3 sent0 waiting0 failed');
      if (shots) await page.screenshot({ path: `${shots}/admin-rating-push-en-1366.png`, fullPage: true });
      await page.selectOption('[data-testid=lang]', 'zh');
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await server.close();
      await gw.close();
    }
  }, 90_000);

  it('without a platform: 未配置, the reports wait, nothing to 重推', async () => {
    const server = await startTestServer();
    try {
      await rateThree(server);
      const { page, errors } = await open(server, 1920, 1080);
      expect(await page.textContent('[data-testid=rating-push-platform]')).toBe('未配置');
      expect(await page.textContent('[data-testid=rating-push]')).toContain('未设置 RATING_WEBHOOK_URL：评价照常记录，推送在此排队，配置后按顺序补推。');
      expect(await page.textContent('[data-testid=rating-push-counts]')).toBe('已推送 0待推送 3失败 0');
      await page.click('[data-testid=rating-push] summary');
      const states = await page.locator('[data-testid=rating-push] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')));
      expect(states).toEqual(['unconfigured', 'unconfigured', 'unconfigured']);
      expect(await page.locator('[data-testid=rating-push-retry]').count()).toBe(0);
      expect(await axeProblems(page)).toEqual([]);
      if (shots) await page.screenshot({ path: `${shots}/admin-rating-push-unconfigured-zh-1920.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await server.close();
    }
  }, 90_000);
});
