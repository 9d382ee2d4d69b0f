/**
 * 刷身份证取号 (实名取号) at the kiosk in Chromium against a real server: a card on the reader
 * (wedge burst, shell message) or typed on the keypad, shown masked, 老年人优先 by age, one number a
 * day, the clerk panel's line for the card; at `required` only the card takes a number.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/schemas';
import { api, login } from '../../support/server';
import { ensureCounterBuilt, signIn } from '../counter/support';
import { SHOTS, devices, expectAccessible, fileBrowser, HallPerTest, openKioskAt, shot, stubDevices } from './support';

const browser = fileBrowser();
const hall = new HallPerTest(browser, { viewport: { width: 1080, height: 1920 } });
beforeAll(() => ensureCounterBuilt()); // the clerk panel shows whose number it is

const openKiosk = (query = ''): Promise<Page> => openKioskAt(hall.context, hall.server.url, `/kiosk${query}`);

const waiting = async (queue: string) => (await api<Snapshot>(hall.server.url, 'GET', '/api/snapshot')).body.queues.find((q) => q.code === queue)!.waiting;

describe('刷身份证取号 (实名取号)', () => {
  // Numbers worked out with the MOD 11-2 weights (test/citizen/idCardRules.test.ts); the test day is 2026-11-30.
  const CARD_68 = '410523195803151234';
  const CARD_36 = '320102199001011232';
  const CARD_X = '11010519491231002X';

  /** A: 企业设立登记's confirm screen. */
  async function toConfirm(page: Page): Promise<void> {
    await page.click('[data-category="企业服务"]');
    await page.click('[data-queue="A"]');
    await page.click('[data-matter="A-01"]');
    await page.locator('.kiosk[data-step="confirm"]').waitFor();
  }
  /** A keyboard-wedge reader: the 18 characters and Enter in one burst (dispatched at once, as the reader's USB keyboard does). */
  const burst = (page: Page, number: string) =>
    page.evaluate((n) => {
      for (const key of [...n, 'Enter']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }, number);
  const errorText = (page: Page) => page.locator('[data-testid="idcard-error"]').textContent();
  async function keypad(page: Page, number: string): Promise<void> {
    await page.click('[data-testid="idcard-typing"] button:has-text("清空")');
    for (const d of number) await page.click(`[data-testid="idcard-typing"] [aria-label="${d === 'X' ? '字母 X' : `数字 ${d}`}"]`);
  }

  it('a card on the reader (wedge burst, shell message) or typed on the keypad: masked on screen and ticket, 老年人优先, one a day; the clerk sees whose number it is', async () => {
    const page = await openKiosk();
    await toConfirm(page);
    // The demo hall offers the card beside the ordinary button, and says who goes first.
    expect(await page.locator('[data-testid="take-idcard"]').textContent()).toContain('刷身份证取号');
    expect(await page.locator('[data-testid="take-idcard"]').textContent()).toContain('年满 65 岁自动优先叫号');
    expect(await page.locator('[data-testid="take"]').isVisible()).toBe(true);
    await expectAccessible(page, 'confirm with the card');
    await shot(page, 'idcard-1-confirm');

    await page.click('[data-testid="take-idcard"]');
    await page.locator('[data-testid="idcard-wait"]').waitFor();
    expect(await page.locator('[data-testid="idcard-place"]').textContent()).toBe('请将身份证放在感应区');
    await expectAccessible(page, 'waiting for the card');
    await shot(page, 'idcard-2-wait');

    // Someone typing at a keyboard is not a reader: nothing happens.
    await page.keyboard.type(CARD_36, { delay: 120 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await page.locator('.kiosk[data-step="idcard"]').count()).toBe(1);
    expect(await page.locator('[data-testid="idcard-error"]').count()).toBe(0);
    expect(await waiting('A')).toBe(0);

    // A misread (wrong check digit): said at once, the reader stays on.
    await burst(page, '410523195803151235');
    await expect.poll(() => errorText(page)).toBe('号码有误，请重新放卡');
    await shot(page, 'idcard-3-misread');
    expect(await waiting('A')).toBe(0);

    // The card of a 68-year-old: a priority ticket without asking, the number masked everywhere.
    await burst(page, CARD_68);
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await page.locator('[data-testid="ticket-number"]').textContent()).toBe('A001');
    expect(await page.locator('[data-testid="ticket-real-name"]').textContent()).toBe('实名 · 410***********1234');
    expect(await page.locator('[data-testid="ticket-senior"]').textContent()).toBe('老年人优先');
    expect(await page.locator('[data-testid="receipt-real-name"]').textContent()).toBe('实名 410***********1234');
    expect(await page.locator('[data-testid="receipt"]').textContent()).toContain('【老年人优先】');
    const body = (await page.locator('body').textContent()) ?? '';
    for (const secret of [CARD_68, '19580315', '0523195803']) expect(body).not.toContain(secret);
    await expect.poll(async () => (await devices(page)).printed).toBe(1);
    await expectAccessible(page, 'ticket with the card');
    await shot(page, 'idcard-4-ticket');

    // The same card again for the same service: 您今天已取 A001 号.
    await page.click('[data-testid="done"]');
    await toConfirm(page);
    await page.click('[data-testid="take-idcard"]');
    await page.locator('[data-testid="idcard-wait"]').waitFor();
    await burst(page, CARD_68);
    await expect.poll(() => errorText(page)).toBe('您今天已取 A001 号，请按该号等候办理');
    await shot(page, 'idcard-5-limit');

    // The vendor shell's message: another person, a normal ticket.
    await page.evaluate((n) => window.postMessage({ type: 'hall:idcard', number: n }, '*'), CARD_36);
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await page.locator('[data-testid="ticket-number"]').textContent()).toBe('A002');
    expect(await page.locator('[data-testid="ticket-real-name"]').textContent()).toBe('实名 · 320***********1232');
    expect(await page.locator('[data-testid="ticket-senior"]').count()).toBe(0);

    // The keypad for a card the reader cannot read: 0–9 and X, never the whole number on screen.
    await page.click('[data-testid="done"]');
    await toConfirm(page);
    await page.click('[data-testid="take-idcard"]');
    await page.click('[data-testid="idcard-manual"]');
    await page.locator('[data-testid="idcard-typing"]').waitFor();
    await keypad(page, '11010519491231003X');
    expect(await page.locator('[data-testid="idcard-typed"]').textContent()).toBe('110***********003X');
    await page.click('[data-testid="idcard-submit"]');
    await expect.poll(() => errorText(page)).toBe('号码有误，请核对后重新输入');
    await expectAccessible(page, 'keypad with an error');
    await shot(page, 'idcard-6-keypad-error');
    await keypad(page, CARD_X);
    await page.click('[data-testid="idcard-submit"]');
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await page.locator('[data-testid="ticket-number"]').textContent()).toBe('A003');
    expect(await page.locator('[data-testid="ticket-real-name"]').textContent()).toBe('实名 · 110***********002X');

    const manager = await login(hall.server.url, 'admin', 'admin');
    const list = (await api<{ tickets: { number: string; priority: string }[] }>(hall.server.url, 'GET', '/api/stats/tickets', { token: manager })).body.tickets;
    expect(list.map((t) => [t.number, t.priority])).toEqual([
      ['A001', 'priority'],
      ['A002', 'normal'],
      ['A003', 'priority'],
    ]);

    // The clerk calls A001: 实名 · the masked number · the age, and 老年人优先, to match the card.
    const counter = await browser().newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const panel = await counter.newPage();
      panel.setDefaultTimeout(8_000);
      await panel.goto(`${hall.server.url}/counter`);
      await signIn(panel, 'c01', '1234');
      await panel.click('[data-window="9"]');
      await panel.click('[data-action=next]:not([disabled])');
      await expect.poll(() => panel.locator('[data-testid=current-number]').textContent()).toBe('A001');
      await expect.poll(() => panel.locator('[data-testid=current-real-name]').textContent()).toContain('410***********1234');
      expect(await panel.locator('[data-testid=current-real-name] > span').allTextContents()).toEqual(['实名', '410***********1234', '68 岁', '请核对身份证']);
      expect(await panel.locator('[data-testid=current-senior]').textContent()).toBe('老年人优先');
      await panel.screenshot({ path: join(SHOTS, 'idcard-9-counter.png') });
    } finally {
      await counter.close();
    }
  }, 90_000);

  it('`required`, landscape, in English: only the card takes a number; the keypad fits a 1920×1080 screen', async () => {
    const manager = await login(hall.server.url, 'admin', 'admin');
    expect((await api(hall.server.url, 'PUT', '/api/citizen/settings', { token: manager, body: { idCard: 'required' } })).status).toBe(200);
    await hall.context.close();
    hall.context = await browser().newContext({ viewport: { width: 1920, height: 1080 } });
    await stubDevices(hall.context);
    const page = await openKiosk();
    await toConfirm(page);
    expect(await page.locator('[data-testid="take"]').count()).toBe(0);
    expect(await page.locator('[data-testid="take-idcard"]').isVisible()).toBe(true);
    await shot(page, 'idcard-7-landscape-required');

    await page.click('[data-testid="lang"]');
    await page.click('[data-testid="take-idcard"]');
    expect(await page.locator('[data-testid="idcard-place"]').textContent()).toBe('Place your ID card on the reader');
    await shot(page, 'idcard-8-landscape-wait-en');
    await page.click('[data-testid="idcard-manual"]');
    await page.locator('[data-testid="idcard-typing"]').waitFor();
    // The whole keypad and its button on one screen, nothing to scroll.
    const submit = (await page.locator('[data-testid="idcard-submit"]').boundingBox())!;
    expect(submit.y + submit.height).toBeLessThanOrEqual(1080);
    await expectAccessible(page, 'keypad, landscape, English');
    await shot(page, 'idcard-8b-landscape-keypad-en');

    // Large type (适老化) keeps every control reachable and readable.
    await page.click('[data-testid="large"]');
    await page.click('[data-testid="idcard-card"]');
    await expectAccessible(page, 'waiting for the card, large');
    await shot(page, 'idcard-8c-landscape-large');
    await burst(page, CARD_36);
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await page.locator('[data-testid="ticket-real-name"]').textContent()).toBe('Real name · 320***********1232');
  }, 60_000);
});
