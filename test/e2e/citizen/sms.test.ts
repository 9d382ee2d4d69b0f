/**
 * 短信提醒 for a walk-in, in Chromium against a real server: the kiosk's ticket screen offers it
 * (keypad, 11 digits checked, confirm, shown masked; hidden while the hall texts neither 快到您了 nor 轮到您了,
 * and worded for the texts it does send;
 * a half-typed number is not sent when the kiosk goes home), and the phone page's field adds,
 * changes and removes the number. zh and en, axe-clean; screenshots at 1080×1920 and 390×844.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketSms } from '../../../shared/citizen';
import type { Ticket } from '../../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { DIST_ROOT, expectAccessible, fileBrowser, PHONE_SCREEN, shot, stubDevices } from './support';

const browser = fileBrowser();
let server: TestServer;
let context: BrowserContext;

beforeEach(async () => {
  server = await startTestServer({ distDir: DIST_ROOT });
});
afterEach(async () => {
  await context?.close();
  await server?.close();
});

async function smsOn(on = true): Promise<void> {
  const manager = await login(server.url, 'admin', 'admin');
  expect((await api(server.url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: on } })).status).toBe(200);
}
const issue = async (queue = 'A') => (await api<Ticket>(server.url, 'POST', '/api/tickets', { body: { queue } })).body;
const smsOf = async (id: string) => (await api<TicketSms>(server.url, 'GET', `/api/tickets/${id}/sms`)).body;
const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

async function kiosk(query = ''): Promise<Page> {
  context = await browser().newContext({ viewport: { width: 1080, height: 1920 } });
  await stubDevices(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/kiosk${query}`);
  await page.locator('.kiosk[data-status="live"] [data-category]').first().waitFor({ timeout: 10_000 });
  return page;
}
/** Takes a ticket for A-01 on the kiosk; its id (from the server's answer). */
async function takeTicket(page: Page): Promise<string> {
  await page.click('[data-category="企业服务"]');
  await page.click('[data-queue="A"]');
  await page.click('[data-matter="A-01"]');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST');
  await page.click('[data-testid="take"]');
  const ticket = (await (await answer).json()) as Ticket;
  await page.locator('[data-testid="ticket"]').waitFor();
  return ticket.id;
}
const typeOnPad = async (page: Page, digits: string, label: (d: string) => string) => {
  for (const d of digits) await page.getByRole('button', { name: label(d), exact: true }).click();
};

describe('kiosk ticket screen: 短信提醒（选填）', () => {
  it('keypad, 11 digits checked, confirmed and shown masked (zh); the number reaches the server', async () => {
    await smsOn();
    for (let i = 0; i < 4; i++) await issue();
    const page = await kiosk();
    const id = await takeTicket(page);
    expect(await text(page, 'sms')).toContain('短信提醒（选填）');
    await expectAccessible(page, 'ticket with the SMS offer');
    await shot(page, 'sms-kiosk-1-offer-zh', true);

    await page.getByTestId('sms-open').click();
    await typeOnPad(page, '1391234567', (d) => `数字 ${d}`);
    expect(await page.getByTestId('sms-phone').inputValue()).toBe('1391234567');
    await page.getByTestId('sms-confirm').click();
    expect(await text(page, 'sms-error')).toBe('请输入 11 位手机号码（1 开头）');
    await typeOnPad(page, '8', (d) => `数字 ${d}`);
    await expectAccessible(page, 'SMS keypad');
    // The ticket, the keypad and 完成 on one portrait screen (the QR code makes room; it is printed).
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1920);
    await shot(page, 'sms-kiosk-2-keypad-zh', true);
    await page.getByTestId('sms-confirm').click();
    await expect.poll(() => text(page, 'sms-saved')).toBe('快到您时（前面还有 3 人），将发短信到 139****5678');
    expect(await page.locator('body').textContent()).not.toContain('13912345678');
    await shot(page, 'sms-kiosk-3-saved-zh', true);
    expect(await smsOf(id)).toMatchObject({ phone: '139****5678', source: 'ticket' });
  }, 60_000);

  it('says so when already near (en), and offers nothing while the hall does not text', async () => {
    await smsOn();
    const page = await kiosk();
    await page.click('[data-testid="lang"]');
    await takeTicket(page);
    expect(await text(page, 'sms-near')).toBe('Fewer than 3 people are ahead of you: please listen for your number');
    await expectAccessible(page, 'ticket, near, en');
    await shot(page, 'sms-kiosk-4-near-en', true);
    await page.getByTestId('done').click();

    // en with people ahead: the keypad in English.
    for (let i = 0; i < 4; i++) await issue();
    await takeTicket(page);
    await page.getByTestId('sms-open').click();
    await typeOnPad(page, '13912345678', (d) => `Digit ${d}`);
    await expectAccessible(page, 'SMS keypad, en');
    await shot(page, 'sms-kiosk-5-keypad-en', true);
    await page.getByTestId('sms-confirm').click();
    await expect.poll(() => text(page, 'sms-saved')).toBe('We will text 139****5678 when 3 people are ahead of you');
    await page.getByTestId('done').click();

    await smsOn(false);
    const off = await kiosk();
    await takeTicket(off);
    expect(await off.getByTestId('sms').count()).toBe(0);
  }, 60_000);

  it('a half-typed number is not sent when the kiosk goes home; the screen says so before it does (large type)', async () => {
    await smsOn();
    for (let i = 0; i < 4; i++) await issue();
    const page = await kiosk('?idle=4');
    const id = await takeTicket(page);
    // In large type too the keypad stays within the kiosk's width.
    await page.click('[data-testid="large"]');
    await page.getByTestId('sms-open').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1080);
    await typeOnPad(page, '13912', (d) => `数字 ${d}`);
    await expect.poll(() => text(page, 'sms-unsaved'), { timeout: 5000 }).toMatch(/^\d+ 秒后返回首页，未确认的号码不会保存$/);
    await page.locator('.kiosk[data-step="start"]').waitFor({ timeout: 10_000 });
    expect(await smsOf(id)).toEqual({ available: true, near: false });
  }, 60_000);
});

describe('phone page: 短信提醒', () => {
  async function phone(ticketId: string): Promise<Page> {
    context = await browser().newContext(PHONE_SCREEN);
    await stubDevices(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/t/${ticketId}`);
    await page.locator('.page[data-status="live"] [data-testid="number"]').waitFor({ timeout: 10_000 });
    return page;
  }

  it('adds, changes and removes the number (zh), then in English; checked before it is sent', async () => {
    await smsOn();
    for (let i = 0; i < 5; i++) await issue();
    const mine = await issue();
    const page = await phone(mine.id);
    await page.getByTestId('sms-phone').waitFor();
    await expectAccessible(page, 'phone, SMS field');
    await shot(page, 'sms-phone-1-field-zh', true);

    await page.getByTestId('sms-phone').fill('139 1234');
    await page.getByTestId('sms-save').click();
    expect(await text(page, 'sms-error')).toBe('请输入 11 位手机号码（1 开头）');
    await page.getByTestId('sms-phone').fill('139 1234 5678');
    await page.getByTestId('sms-save').click();
    await expect.poll(() => text(page, 'sms-saved')).toBe('快到您时（前面还有 3 人），将发短信到 139****5678');
    expect((await smsOf(mine.id)).phone).toBe('139****5678');
    await expectAccessible(page, 'phone, SMS saved');
    await shot(page, 'sms-phone-2-saved-zh', true);

    await page.getByTestId('sms-change').click();
    await page.getByTestId('sms-phone').fill('13800000001');
    await page.getByTestId('sms-save').click();
    await expect.poll(() => text(page, 'sms-saved')).toContain('138****0001');
    await page.getByTestId('sms-remove').click();
    await expect.poll(() => text(page, 'sms-notice')).toBe('已取消短信提醒');
    expect((await smsOf(mine.id)).phone).toBeUndefined();

    await page.getByTestId('lang').click();
    await page.getByTestId('sms-phone').fill('13912345678');
    await page.getByTestId('sms-save').click();
    await expect.poll(() => text(page, 'sms-saved')).toBe('We will text 139****5678 when 3 people are ahead of you');
    await expectAccessible(page, 'phone, SMS saved, en');
    await shot(page, 'sms-phone-3-saved-en', true);
  }, 60_000);

  it('near already: says so instead of the field; hidden while the hall does not text', async () => {
    await smsOn();
    const near = await issue();
    const page = await phone(near.id);
    await expect.poll(() => text(page, 'sms-near')).toBe('您前面已不足 3 人，请留意叫号');
    expect(await page.getByTestId('sms-phone').count()).toBe(0);
    await shot(page, 'sms-phone-4-near-zh', true);
    await context.close();

    await smsOn(false);
    const other = await issue();
    const off = await phone(other.id);
    await off.waitForTimeout(300);
    expect(await off.getByTestId('sms').count()).toBe(0);
  }, 60_000);
});

describe('the words follow what the hall texts (smsKinds: 快到您了, 轮到您了 or both)', () => {
  async function textKinds(smsKinds: string[]): Promise<void> {
    const manager = await login(server.url, 'admin', 'admin');
    expect((await api(server.url, 'PUT', '/api/citizen/settings', { token: manager, body: { smsEnabled: true, smsKinds } })).status).toBe(200);
  }

  it('轮到您了 only: the kiosk promises the call text, even with nobody ahead; both: the phone page says both, and the call text when already near', async () => {
    await textKinds(['booked', 'called']);
    const page = await kiosk();
    await takeTicket(page); // nobody ahead: no 快到您了 would come, 轮到您了 still will
    expect(await text(page, 'sms-offer-hint')).toBe('叫到您的号时，发短信告诉您到哪个窗口');
    await page.getByTestId('sms-open').click();
    await typeOnPad(page, '13912345678', (d) => `数字 ${d}`);
    await page.getByTestId('sms-confirm').click();
    await expect.poll(() => text(page, 'sms-saved')).toBe('叫到您的号时，将发短信到 139****5678');
    await expectAccessible(page, 'ticket, call text only, saved');
    await shot(page, 'sms-kiosk-6-called-only-zh', true);

    await textKinds(['near_turn', 'called']);
    for (let i = 0; i < 4; i++) await issue();
    const far = await issue();
    const near = (await api<Ticket>(server.url, 'POST', '/api/tickets', { body: { queue: 'B' } })).body;
    const phones = await browser().newContext(PHONE_SCREEN);
    try {
      await stubDevices(phones);
      const one = await phones.newPage();
      await one.goto(`${server.url}/t/${far.id}`);
      await expect.poll(() => text(one, 'sms-offer-hint')).toBe('快到您时和叫到您时，都发短信通知您，可先离开大厅等候');
      await one.getByTestId('sms-phone').fill('13912345678');
      await one.getByTestId('sms-save').click();
      await expect.poll(() => text(one, 'sms-saved')).toBe('快到您时（前面还有 3 人）和叫到您时，将发短信到 139****5678');
      await shot(one, 'sms-phone-5-both-zh', true);

      // Already near: the field stays (轮到您了 will come) and says only that.
      const two = await phones.newPage();
      await two.goto(`${server.url}/t/${near.id}`);
      await expect.poll(() => text(two, 'sms-offer-hint')).toBe('叫到您的号时，发短信告诉您到哪个窗口');
      await two.getByTestId('lang').click();
      expect(await text(two, 'sms-offer-hint')).toBe('We text you when your number is called, with the counter to go to');
      await two.getByTestId('sms-phone').fill('13912345678');
      await two.getByTestId('sms-save').click();
      await expect.poll(() => text(two, 'sms-saved')).toBe('We will text 139****5678 when your number is called');
      expect(await text(two, 'sms-near')).toBe('Fewer than 3 people are ahead of you: please listen for your number');
      await expectAccessible(two, 'phone, near, call text, en');
      await shot(two, 'sms-phone-6-near-called-en', true);
    } finally {
      await phones.close();
    }
  }, 60_000);
});
