/**
 * 排队预警 in Chromium against a real server: its settings on 短信提醒 are checked where typed
 * (nothing sent while wrong), saved and read back, with the line that says why nothing would go
 * out; a queue long past its target is then texted, the list names it 排队预警 and the board's queue
 * table marks it 已短信提醒 <time> (and Texted <time> in English). Screenshots (zh and en) go to
 * SCREENSHOT_DIR, or /tmp/shots-queue-alert.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { QueueAlertSettings } from '../../../shared/queueAlert';
import { startGateway } from '../../citizen/smsGateway';
import { login, startTestServer } from '../../support/server';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, issue, launchChromium, signIn, token } from './support';

let browser: Browser;
const shots = process.env.SCREENSHOT_DIR ?? '/tmp/shots-queue-alert';

beforeAll(async () => {
  await ensureCounterBuilt();
  browser = await launchChromium();
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('排队预警', () => {
  it('checks and saves the settings, lists the text and marks the queue on the board', async () => {
    const gw = await startGateway();
    const server = await startTestServer({ sms: { url: gw.url, timeoutMs: 2_000, maxAttempts: 2 } });
    try {
      const manager = await token(server.url, 'admin', 'admin');
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${server.url}/admin#sms`);
      await signIn(page, 'admin', 'admin');
      await page.waitForSelector('[data-testid=queue-alert]');
      // A new hall: off, and the section says so.
      await expect.poll(() => page.inputValue('[data-testid=queue-alert-minutes]')).toBe('0');
      expect(await page.inputValue('[data-testid=queue-alert-cooldownMinutes]')).toBe('30');
      expect(await page.textContent('[data-testid=queue-alert-warning]')).toContain('排队预警已关闭');

      let puts = 0;
      page.on('request', (r) => {
        if (r.method() === 'PUT' && r.url().endsWith('/api/sms/queue')) puts++;
      });
      await page.fill('[data-testid=queue-alert-minutes]', '90');
      await page.fill('[data-testid=queue-alert-cooldownMinutes]', '5');
      await page.click('[data-testid=queue-alert-save]');
      expect(await page.textContent('#queue-alert-minutes-error')).toContain('请输入 0 到 60 之间的整数');
      expect(await page.textContent('#queue-alert-cooldownMinutes-error')).toContain('请输入 10 到 240 之间的整数');
      expect(puts).toBe(0);
      expect(await axeProblems(page)).toEqual([]);
      await page.locator('[data-testid=queue-alert]').screenshot({ path: `${shots}/admin-queue-alert-errors-zh.png` });

      await page.fill('[data-testid=queue-alert-minutes]', '5');
      await page.fill('[data-testid=queue-alert-cooldownMinutes]', '20');
      await page.fill('[data-testid=queue-alert-minWaiting]', '3');
      const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/api/sms/queue'));
      await page.click('[data-testid=queue-alert-save]');
      expect((await put).postDataJSON()).toEqual({ minutes: 5, cooldownMinutes: 20, minWaiting: 3 });
      await page.waitForSelector('[role=status]:text("排队预警设置已保存")');
      // SMS is off in a new hall: nothing would go out.
      await expect.poll(() => page.textContent('[data-testid=queue-alert-warning]')).toContain('短信提醒未开启');
      expect((await apiCall<QueueAlertSettings>(server.url, 'GET', '/api/sms/queue', undefined, manager)).body).toEqual({ minutes: 5, cooldownMinutes: 20, minWaiting: 3 });

      // SMS on with a duty phone; five people wait in F (target 20 minutes) and a calm window is open.
      expect((await apiCall(server.url, 'PUT', '/api/citizen/settings', { smsEnabled: true }, manager)).status).toBe(200);
      expect((await apiCall(server.url, 'PUT', '/api/sms/assist', { dutyPhones: ['13800000001'], minutes: 2 }, manager)).status).toBe(200);
      for (let i = 0; i < 5; i++) await issue(server.url, 'F');
      const clerk = await login(server.url, 'c01', '1234');
      expect((await apiCall(server.url, 'POST', '/api/windows/12/session', undefined, clerk)).status).toBe(200);
      server.clock.advance(25 * 60_000);
      await server.app.sms.tick();
      expect(gw.requests.map((r) => r.body.text)).toEqual(['【示范县政务服务中心】排队预警：F 不动产登记 等候 5 人，最长已等 25 分钟（目标 20 分钟）。建议：12 号窗口兼办 F。']);

      await page.reload();
      await page.waitForSelector('[data-testid=queue-alert]');
      await expect.poll(() => page.inputValue('[data-testid=queue-alert-minWaiting]')).toBe('3');
      await expect.poll(() => page.locator('[data-testid=queue-alert-warning]').count()).toBe(0);
      const rows = page.locator('[data-testid=sms-page] tbody tr[data-state=sent]');
      await expect.poll(() => rows.count()).toBe(1);
      const table = (await page.textContent('[data-testid=sms-page] table'))!;
      expect(table).toContain('排队预警');
      expect(table).toContain('138****0001');
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/admin-queue-alert-sms-zh-1366.png`, fullPage: true });

      // The board: F over target, marked with the time the text went (09:25 in the hall).
      await page.goto(`${server.url}/admin#board`);
      const mark = page.locator('tr[data-queue=F] [data-testid=queue-alert-mark]');
      await expect.poll(() => mark.textContent()).toBe('已短信提醒 09:25');
      expect(await mark.getAttribute('title')).toBe('今天第 1 次排队预警短信：09:25 发给值班长，当时 5 人等候，最长已等 25 分钟');
      expect(await page.locator('[data-testid=queue-alert-mark]').count()).toBe(1);
      expect(await axeProblems(page)).toEqual([]);
      await page.locator('section.queues').screenshot({ path: `${shots}/admin-queue-alert-board-zh.png` });

      await page.selectOption('[data-testid=lang]', 'en');
      await expect.poll(() => mark.textContent()).toBe('Texted 09:25');
      await page.locator('section.queues').screenshot({ path: `${shots}/admin-queue-alert-board-en.png` });
      await page.goto(`${server.url}/admin#sms`);
      await expect.poll(() => page.textContent('[data-testid=queue-alert] h2')).toBe('Queue alerts by text (duty managers)');
      expect(await page.textContent('[data-testid=sms-page] table')).toContain('Queue alert');
      await page.screenshot({ path: `${shots}/admin-queue-alert-sms-en-1366.png`, fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
      await gw.close();
    }
  });
});
