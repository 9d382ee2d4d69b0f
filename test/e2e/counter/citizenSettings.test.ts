/**
 * The console's 预约与评价 page in Chromium against a real server: a change of slot length and
 * 爽约 limit is saved (only what changed) and kept over a reload; a bad value is said next to its
 * field and nothing is sent; the audit log shows the change. SCREENSHOT_DIR=… also saves the page
 * at 1366×768 and 1920×1080 (zh). 解除限制: a blocked number is pardoned with a reason and leaves the list.
 * 短信提醒: switched on with its kinds and hour, checked like the rest; the gateway's state is said.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CitizenSettings } from '../../../shared/citizen';
import { startTestServer, type TestServer } from '../../support/server';
import { bookOk, nextPhone } from '../../citizen/support';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from './support';

let server: TestServer;
let browser: Browser;
let manager: string;
const shots = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  await ensureCounterBuilt();
  server = await startTestServer();
  manager = await token(server.url, 'admin', 'admin');
  browser = await launchChromium();
  if (shots) mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const settings = async (): Promise<CitizenSettings> =>
  (await apiCall<CitizenSettings>(server.url, 'GET', '/api/citizen/settings', undefined, manager)).body;

async function open(width: number, height: number, on: TestServer = server): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${on.url}/admin#citizen`);
  await signIn(page, 'admin', 'admin');
  await page.waitForSelector('#cs-slotMinutes');
  return { page, errors };
}

describe('预约与评价 page', () => {
  it('saves slot length and 爽约 limit, keeps them over a reload, refuses a bad value next to its field; the audit log shows it', async () => {
    const { page, errors } = await open(1366, 768);
    expect(await page.inputValue('#cs-slotMinutes')).toBe('30');
    // The 爽约 group lists the numbers blocked now (none in a fresh hall; the list itself is tested on the server).
    await expect.poll(() => page.textContent('[data-testid=cs-blocked]')).toContain('目前没有因爽约暂停预约的号码');
    expect(await axeProblems(page)).toEqual([]);
    if (shots) await page.screenshot({ path: `${shots}/admin-citizen-zh-1366.png`, fullPage: true });

    // Nothing changed: nothing is sent.
    await page.click('[data-testid=cs-save]');
    await page.waitForSelector('text=没有修改');

    await page.fill('#cs-slotMinutes', '20');
    await page.fill('#cs-missedLimit', '5');
    const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/api/citizen/settings'));
    await page.click('[data-testid=cs-save]');
    expect((await put).postDataJSON()).toEqual({ slotMinutes: 20, missedLimit: 5 });
    await page.waitForSelector('[role=status]:text("已保存")');
    expect(await settings()).toMatchObject({ slotMinutes: 20, missedLimit: 5 });

    await page.reload();
    await page.waitForSelector('#cs-slotMinutes');
    expect(await page.inputValue('#cs-slotMinutes')).toBe('20');
    expect(await page.inputValue('#cs-missedLimit')).toBe('5');

    // Bad values: said next to each field; the server is not asked.
    let sent = 0;
    page.on('request', (r) => {
      if (r.method() === 'PUT') sent++;
    });
    await page.fill('#cs-slotMinutes', '4');
    await page.fill('#cs-missedLimit', '0'); // 0 is fine: the rule is off, and the page says so
    await page.waitForSelector('[data-testid=cs-missed-off]');
    await page.locator('[data-session="0"] input').nth(1).fill('08:00');
    // A Chinese IME's colon and a missing zero are tidied, not refused.
    await page.locator('[data-session="1"] input').nth(0).fill('8：30');
    await page.locator('[data-session="1"] input').nth(0).blur();
    expect(await page.locator('[data-session="1"] input').nth(0).inputValue()).toBe('08:30');
    await page.click('[data-testid=cs-save]');
    expect(await page.textContent('#cs-slotMinutes-error')).toContain('请输入 5–240 的整数');
    expect(await page.textContent('#cs-sessions-0-error')).toContain('开始时间须早于结束时间');
    expect(await page.locator('.field-error').count()).toBe(2);
    expect(await page.getAttribute('#cs-slotMinutes', 'aria-describedby')).toContain('cs-slotMinutes-error');
    expect(await axeProblems(page)).toEqual([]);
    if (shots) await page.screenshot({ path: `${shots}/admin-citizen-errors-zh-1366.png`, fullPage: true });
    expect(sent).toBe(0);
    expect(await settings()).toMatchObject({ slotMinutes: 20, missedLimit: 5, sessions: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:00' }] });

    // The audit log names the change and who made it.
    await page.click('[data-nav=audit]');
    const log = page.locator('[data-testid=audit-page] tbody');
    await expect.poll(() => log.textContent()).toContain('修改预约与评价设置：每个预约时段长度（分钟）、爽约次数上限');
    expect(await log.textContent()).toContain('管理员（admin）');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('has no English in the zh view (and full-HD screenshots, zh and en)', async () => {
    const { page, errors } = await open(1920, 1080);
    const text = (await page.textContent('[data-testid=citizen-page]')) ?? '';
    expect(text.replace(/https?:\/\/\S*/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    if (shots) await page.screenshot({ path: `${shots}/admin-citizen-zh-1920.png`, fullPage: true });
    await page.selectOption('[data-testid=lang]', 'en');
    await page.waitForSelector('text=Appointment slots');
    if (shots) await page.screenshot({ path: `${shots}/admin-citizen-en-1920.png`, fullPage: true });
    await page.selectOption('[data-testid=lang]', 'zh');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('says a refusal the server still makes next to the field it names', async () => {
    const { page } = await open(1366, 768);
    // The browser checks the schema's bounds first, so the server's refusal is played here.
    await page.route('**/api/citizen/settings', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'ratingHours: Too big' } }) })
        : route.continue(),
    );
    const before = await settings();
    await page.fill('#cs-ratingHours', '48');
    await page.click('[data-testid=cs-save]');
    await expect.poll(() => page.textContent('#cs-ratingHours-error')).toContain('服务器未接受：Too big');
    expect(await page.locator('.field-error').count()).toBe(1);
    expect(await settings()).toEqual(before);
    await page.context().close();
  }, 60_000);

  it('解除限制: a manager lifts one number\'s block with a reason; the list and the audit log show it', async () => {
    // A hall of its own: three misses need the clock moved on by days.
    const hall = await startTestServer();
    try {
      const blocked = nextPhone();
      const other = nextPhone();
      for (const date of ['2026-11-30', '2026-12-01', '2026-12-02']) {
        await bookOk(hall, { phone: blocked, date, name: '王五' });
        await bookOk(hall, { phone: other, date, name: '赵六', slot: '11:00' });
      }
      hall.clock.set(Date.parse('2026-12-03T01:00:00Z'));
      const { page, errors } = await open(1366, 768, hall);
      const row = page.locator(`[data-testid=cs-blocked] li[data-phone="${blocked}"]`);
      await row.waitFor();
      expect(await page.locator('[data-testid=cs-blocked] li').count()).toBe(2);
      await page.locator('[data-testid=cs-blocked]').scrollIntoViewIfNeeded();
      if (shots) await page.screenshot({ path: `${shots}/admin-citizen-blocked-zh-1366.png` });

      await row.locator('[data-testid=cs-pardon]').click();
      const dialog = page.locator('[role=dialog]');
      await expect.poll(() => dialog.textContent()).toContain(`解除 ${blocked} 的预约限制`);
      expect(await dialog.textContent()).toMatch(/姓名\s*王五\s*爽约\s*3 次（2026-11-30 至 2026-12-02）\s*暂停至\s*2027-01-01/);
      // No reason: said next to the field, nothing sent.
      let sent = 0;
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/appointments/pardons')) sent++;
      });
      await page.click('[data-testid=cs-pardon-confirm]');
      expect(await page.textContent('#cs-pardon-reason-error')).toContain('必填');
      expect(sent).toBe(0);
      expect(await axeProblems(page)).toEqual([]);
      await page.fill('#cs-pardon-reason', '因病住院，有医院证明');
      if (shots) await page.screenshot({ path: `${shots}/admin-citizen-pardon-zh-1366.png` });
      const post = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/appointments/pardons'));
      await page.click('[data-testid=cs-pardon-confirm]');
      expect((await post).postDataJSON()).toEqual({ phone: blocked, reason: '因病住院，有医院证明' });
      await expect.poll(() => page.textContent('[data-testid=cs-blocked] [role=status]')).toBe(`已解除 ${blocked} 的预约限制`);
      await expect.poll(() => row.count()).toBe(0);
      expect(await page.locator(`[data-testid=cs-blocked] li[data-phone="${other}"]`).count()).toBe(1);
      expect(await dialog.count()).toBe(0);
      if (shots) await page.screenshot({ path: `${shots}/admin-citizen-pardoned-zh-1366.png` });

      await page.click('[data-nav=audit]');
      await expect.poll(() => page.textContent('[data-testid=audit-page] tbody')).toContain(`解除爽约预约限制：${blocked.slice(0, 3)}****${blocked.slice(7)}（因病住院，有医院证明）`);

      // English: the dialog's words.
      await page.click('[data-nav=citizen]');
      await page.selectOption('[data-testid=lang]', 'en');
      await page.locator(`[data-testid=cs-blocked] li[data-phone="${other}"] [data-testid=cs-pardon]`).click();
      await expect.poll(() => dialog.textContent()).toContain(`Lift the block on ${other}`);
      if (shots) await page.screenshot({ path: `${shots}/admin-citizen-pardon-en-1366.png` });
      await page.selectOption('[data-testid=lang]', 'zh').catch(() => undefined);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await hall.close();
    }
  }, 60_000);

  it('短信提醒: switched on with its kinds and reminder hour, checked before sending; says no gateway is connected', async () => {
    const { page, errors } = await open(1366, 768);
    const section = page.locator('[data-testid=cs-sms]');
    await section.scrollIntoViewIfNeeded();
    await expect.poll(() => page.textContent('[data-testid=cs-sms-gateway]')).toContain('短信平台未接入：短信只记录、不会发出');
    expect(await page.isChecked('#cs-smsEnabled')).toBe(false);
    expect(await page.inputValue('#cs-smsReminderHour')).toBe('18');

    let sent = 0;
    const count = (r: { method(): string }) => {
      if (r.method() === 'PUT') sent++;
    };
    page.on('request', count);
    await page.check('#cs-smsEnabled');
    for (const k of ['booked', 'reminder', 'near_turn']) await page.uncheck(`[data-kind=${k}] input`);
    await page.fill('#cs-smsReminderHour', '6');
    await page.click('[data-testid=cs-save]');
    expect(await page.textContent('#cs-smsKinds-error')).toContain('开启时至少选择一种短信');
    expect(await page.textContent('#cs-smsReminderHour-error')).toContain('请输入 7–21 的整数');
    expect(sent).toBe(0);
    expect(await axeProblems(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    if (shots) await page.screenshot({ path: `${shots}/admin-citizen-sms-errors-zh-1366.png` });
    page.off('request', count);

    await page.check('[data-kind=booked] input');
    await page.check('[data-kind=near_turn] input');
    await page.fill('#cs-smsReminderHour', '9');
    const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/api/citizen/settings'));
    await page.click('[data-testid=cs-save]');
    expect((await put).postDataJSON()).toEqual({ smsEnabled: true, smsKinds: ['booked', 'near_turn'], smsReminderHour: 9 });
    await page.waitForSelector('[role=status]:text("已保存")');
    expect(await settings()).toMatchObject({ smsEnabled: true, smsKinds: ['booked', 'near_turn'], smsReminderHour: 9 });
    await section.scrollIntoViewIfNeeded();
    if (shots) await page.screenshot({ path: `${shots}/admin-citizen-sms-zh-1366.png` });
    await page.selectOption('[data-testid=lang]', 'en');
    await page.waitForSelector('text=Send text messages');
    await section.scrollIntoViewIfNeeded();
    if (shots) await page.screenshot({ path: `${shots}/admin-citizen-sms-en-1366.png` });
    await page.selectOption('[data-testid=lang]', 'zh');

    // The link goes to the message log.
    await page.click('[data-testid=cs-sms-gateway] a');
    await page.waitForSelector('[data-testid=sms-page]');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
