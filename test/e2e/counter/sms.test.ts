/**
 * The console's 短信提醒 page in Chromium against a real server whose SMS gateway is a local HTTP
 * server: the gateway's state, sent and failed messages (phones masked), 重发 of a failed one
 * until it is sent, the status filter, 短信回执 (delivered, not delivered with why, 重发 offered);
 * and a server without a gateway, whose messages say 未配置.
 * SCREENSHOT_DIR=… saves the page (zh and en).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bookOk, nextPhone, TOMORROW } from '../../citizen/support';
import { startGateway, type Gateway } from '../../citizen/smsGateway';
import { api, startTestServer, type TestServer } from '../../support/server';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from './support';

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

async function smsOn(server: TestServer): Promise<void> {
  const manager = await token(server.url, 'admin', 'admin');
  expect((await apiCall(server.url, 'PUT', '/api/citizen/settings', { smsEnabled: true }, manager)).status).toBe(200);
}

async function open(server: TestServer, width = 1366, height = 768): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/admin#sms`);
  await signIn(page, 'admin', 'admin');
  await page.waitForSelector('[data-testid=sms-gateway]');
  return { page, errors };
}

describe('短信提醒 page', () => {
  it('shows the gateway, sent and failed messages; 重发 sends a failed one; the filter narrows the list', async () => {
    const gw: Gateway = await startGateway({ status: 503, body: 'busy' });
    const receiptKey = 'receipt-key-0123456789abcdef';
    const server = await startTestServer({ sms: { url: gw.url, token: 't', timeoutMs: 2_000, maxAttempts: 2, receiptKey } });
    try {
      await smsOn(server);
      gw.answers.push({ status: 200 });
      const sentPhone = nextPhone();
      const failedPhone = nextPhone();
      await bookOk(server, { phone: sentPhone, date: TOMORROW, slot: '09:30' });
      await server.app.sms.tick();
      await bookOk(server, { phone: failedPhone, date: TOMORROW, slot: '10:00', queue: 'F' });
      await server.app.sms.tick();
      server.clock.advance(30_000);
      await server.app.sms.tick();
      expect(gw.requests).toHaveLength(3);

      const { page, errors } = await open(server);
      expect(await page.textContent('[data-testid=sms-gateway]')).toBe('已接入');
      expect(await page.textContent('[data-testid=sms-page]')).toContain(gw.url);
      await expect.poll(() => page.textContent('[data-testid=sms-enabled]')).toBe('短信提醒已开启');
      const rows = page.locator('[data-testid=sms-page] tbody tr');
      expect(await rows.count()).toBe(2);
      const failedRow = page.locator('tr[data-state=failed]');
      const masked = `${failedPhone.slice(0, 3)}****${failedPhone.slice(7)}`;
      expect(await failedRow.textContent()).toContain(masked);
      expect(await failedRow.textContent()).toContain('尝试 2 次：HTTP 503: busy');
      expect(await page.textContent('[data-testid=sms-page] table')).not.toContain(failedPhone);
      expect(await page.locator('tr[data-state=sent]').textContent()).toContain('预约成功');
      // Receipts are taken: a sent one waits for its 回执, and the count of undelivered shows.
      expect(await page.locator('tr[data-state=sent]').textContent()).toContain('等待回执');
      expect(await page.textContent('[data-testid=sms-undelivered]')).toBe('未送达 0');
      expect(await page.locator('[data-testid=sms-retry]').count()).toBe(1);
      expect(await axeProblems(page)).toEqual([]);
      if (shots) await page.screenshot({ path: `${shots}/admin-sms-zh-1366.png`, fullPage: true });

      await page.click('[data-filter=failed]');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().getAttribute('data-state')).toBe('failed');
      await page.click('[data-filter=all]');
      await expect.poll(() => rows.count()).toBe(2);

      gw.otherwise = { status: 200 };
      const post = page.waitForRequest((r) => r.method() === 'POST' && /\/api\/sms\/\d+\/retry$/.test(r.url()));
      await page.click('[data-testid=sms-retry]');
      await post;
      await expect.poll(() => page.textContent('[role=status]')).toBe('已重新排队发送');
      await expect
        .poll(async () => {
          await page.click('[data-testid=sms-refresh]');
          return page.locator('tr[data-state=sent]').count();
        })
        .toBe(2);
      expect(gw.requests.at(-1)?.body.phone).toBe(failedPhone);
      expect(await page.locator('[data-testid=sms-retry]').count()).toBe(0);

      // 短信回执: the first reached the phone, the retried one did not (the phone was off).
      const idOf = (phone: string) => gw.requests.find((r) => r.body.phone === phone)!.body.id;
      const receipts = [
        { id: idOf(sentPhone), delivered: true },
        { id: idOf(failedPhone), delivered: false, error: 'MK:0001 用户关机' },
      ];
      expect((await api(server.url, 'POST', '/api/sms/receipts', { body: { receipts }, headers: { 'X-Receipt-Key': receiptKey } })).status).toBe(200);
      await page.click('[data-testid=sms-refresh]');
      await expect.poll(() => page.locator('tr[data-state=undelivered]').count()).toBe(1);
      const undelivered = page.locator('tr[data-state=undelivered]');
      expect(await undelivered.textContent()).toContain(masked);
      expect(await undelivered.textContent()).toMatch(/未送达.*回执：未送达（MK:0001 用户关机）/);
      expect(await page.locator('tr[data-state=delivered]').textContent()).toMatch(/已送达.*回执：已送达/);
      expect(await page.textContent('[data-testid=sms-undelivered]')).toBe('未送达 1');
      // Not delivered, still worth sending: 重发 is offered for it alone.
      expect(await page.locator('[data-testid=sms-retry]').count()).toBe(1);
      expect(await axeProblems(page)).toEqual([]);
      if (shots) await page.screenshot({ path: `${shots}/admin-sms-receipts-zh-1366.png`, fullPage: true });

      await page.selectOption('[data-testid=lang]', 'en');
      await page.waitForSelector('text=Almost your turn', { state: 'detached' }).catch(() => undefined);
      await expect.poll(() => page.textContent('[data-testid=sms-gateway]')).toBe('Connected');
      if (shots) await page.screenshot({ path: `${shots}/admin-sms-en-1366.png`, fullPage: true });
      await page.selectOption('[data-testid=lang]', 'zh');
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await server.close();
      await gw.close();
    }
  }, 60_000);

  it('without a gateway: 未接入, and the messages say 未配置 (never sent)', async () => {
    const server = await startTestServer();
    try {
      await smsOn(server);
      await bookOk(server, { date: TOMORROW, slot: '09:30' });
      const { page, errors } = await open(server, 1920, 1080);
      expect(await page.textContent('[data-testid=sms-gateway]')).toBe('未接入');
      expect(await page.textContent('[data-testid=sms-page]')).toContain('未设置 SMS_WEBHOOK_URL：短信只记录，不会发出。');
      const row = page.locator('[data-testid=sms-page] tbody tr');
      expect(await row.getAttribute('data-state')).toBe('unconfigured');
      expect(await row.textContent()).toContain('短信平台未接入，不会发出');
      expect(await page.locator('[data-testid=sms-retry]').count()).toBe(0);
      expect(await axeProblems(page)).toEqual([]);
      if (shots) await page.screenshot({ path: `${shots}/admin-sms-unconfigured-zh-1920.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await server.close();
    }
  }, 60_000);
});
