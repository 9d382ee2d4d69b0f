/**
 * 求助短信 on the console's 短信提醒 page in Chromium against a real server: the duty phones and
 * minutes are checked where typed (nothing sent while wrong), saved and read back; a 求助 left
 * unanswered then shows in the list as 求助（值班长）, phones masked. Screenshots (zh and en) go to
 * SCREENSHOT_DIR, or /tmp/shots-assist-sms.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AssistSmsSettings } from '../../../shared/admin';
import { startGateway } from '../../citizen/smsGateway';
import { login, startTestServer } from '../../support/server';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from './support';

let browser: Browser;
const shots = process.env.SCREENSHOT_DIR ?? '/tmp/shots-assist-sms';

beforeAll(async () => {
  await ensureCounterBuilt();
  browser = await launchChromium();
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('求助短信 settings', () => {
  it('checks the numbers and minutes, saves them, and lists the texts of an unanswered 求助', async () => {
    const gw = await startGateway();
    const server = await startTestServer({ sms: { url: gw.url, timeoutMs: 2_000, maxAttempts: 2 } });
    try {
      const manager = await token(server.url, 'admin', 'admin');
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${server.url}/admin#sms`);
      await signIn(page, 'admin', 'admin');
      await page.waitForSelector('[data-testid=assist-sms]');
      await expect.poll(() => page.inputValue('[data-testid=assist-minutes]')).toBe('2');
      // SMS is off (a hall's start): the section says nothing would go out.
      await page.fill('[data-testid=assist-phone] >> nth=0', '138 0000 0001');
      await page.click('[data-testid=assist-add-phone]');
      await page.fill('[data-testid=assist-phone] >> nth=1', '1380000000');
      await page.fill('[data-testid=assist-minutes]', '45');
      let puts = 0;
      page.on('request', (r) => {
        if (r.method() === 'PUT' && r.url().endsWith('/api/sms/assist')) puts++;
      });
      await page.click('[data-testid=assist-sms-save]');
      expect(await page.textContent('#assist-phone-1-error')).toContain('请输入 11 位手机号码');
      expect(await page.textContent('#assist-minutes-error')).toContain('请输入 0 到 30 之间的整数');
      expect(puts).toBe(0);
      expect(await axeProblems(page)).toEqual([]);
      await page.locator('[data-testid=assist-sms]').screenshot({ path: `${shots}/admin-assist-sms-errors-zh.png` });

      await page.fill('[data-testid=assist-phone] >> nth=1', '13800000002');
      await page.fill('[data-testid=assist-minutes]', '3');
      // The second tier (分管领导) must come later than the duty managers.
      await page.fill('[data-testid=assist-leader-phone] >> nth=0', '139 0000 0001');
      await page.fill('[data-testid=assist-leader-minutes]', '3');
      await page.click('[data-testid=assist-sms-save]');
      expect(await page.textContent('#assist-leader-minutes-error')).toContain('须晚于值班长的 3 分钟');
      expect(puts).toBe(0);
      await page.fill('[data-testid=assist-leader-minutes]', '8');
      const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/api/sms/assist'));
      await page.click('[data-testid=assist-sms-save]');
      expect((await put).postDataJSON()).toEqual({ dutyPhones: ['13800000001', '13800000002'], minutes: 3, leaderPhones: ['13900000001'], leaderMinutes: 8 });
      await page.waitForSelector('[role=status]:text("求助短信设置已保存")');
      expect(await page.textContent('[data-testid=assist-sms-warning]')).toContain('短信提醒未开启');
      const stored = await apiCall<AssistSmsSettings>(server.url, 'GET', '/api/sms/assist', undefined, manager);
      expect(stored.body).toEqual({ dutyPhones: ['13800000001', '13800000002'], minutes: 3, leaderPhones: ['13900000001'], leaderMinutes: 8 });
      await page.locator('[data-testid=assist-sms]').screenshot({ path: `${shots}/admin-assist-sms-leaders-zh.png` });

      // SMS on; a clerk at window 3 asks for help and nobody answers for 3 minutes.
      expect((await apiCall(server.url, 'PUT', '/api/citizen/settings', { smsEnabled: true }, manager)).status).toBe(200);
      const clerk = await login(server.url, 'c01', '1234');
      expect((await apiCall(server.url, 'POST', '/api/windows/3/session', undefined, clerk)).status).toBe(200);
      expect((await apiCall(server.url, 'POST', '/api/windows/3/assist', { kind: 'conduct', note: '群众情绪激动，需要值班长到场' }, clerk)).status).toBe(201);
      server.clock.advance(3 * 60_000);
      await server.app.sms.tick();
      expect(gw.requests).toHaveLength(2);

      await page.reload();
      await page.waitForSelector('[data-testid=assist-sms]');
      await expect.poll(() => page.locator('[data-testid=assist-phone]').count()).toBe(2);
      expect(await page.inputValue('[data-testid=assist-phone] >> nth=1')).toBe('13800000002');
      expect(await page.locator('[data-testid=assist-sms-warning]').count()).toBe(0);
      const rows = page.locator('[data-testid=sms-page] tbody tr[data-state=sent]');
      await expect.poll(() => rows.count()).toBe(2);
      const table = (await page.textContent('[data-testid=sms-page] table'))!;
      expect(table).toContain('求助提醒');
      expect(table).toContain('138****0001');
      expect(table).toContain('【示范县政务服务中心】求助：3 号窗口（现场秩序：群众情绪激动，需要值班长到场）已等 3 分钟无人响应，请尽快前往。');
      expect(table).not.toContain('13800000001');
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/admin-assist-sms-zh-1366.png`, fullPage: true });

      await page.selectOption('[data-testid=lang]', 'en');
      await expect.poll(() => page.textContent('[data-testid=assist-sms] h2')).toBe('Help texts (duty managers, leaders)');
      expect(await page.textContent('[data-testid=sms-page] table')).toContain('Help call');
      await page.screenshot({ path: `${shots}/admin-assist-sms-en-1366.png`, fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
      await gw.close();
    }
  });
});
