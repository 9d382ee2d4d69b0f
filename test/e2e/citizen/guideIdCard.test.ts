/**
 * 刷身份证 at the guide desk in Chromium against a real server: the desk PC's wedge reader types
 * into whatever field has the focus, and the desk still reads the card (the field put back as it
 * was); the number shows masked with the age and 老年人优先; the guide's ticket is real-name and
 * priority, and the clerk's view of it carries the card line; the same card again is refused with
 * the way out (清除, then issue without the card); a typed number is checked on the desk first;
 * at `off` the area is gone. Screenshots at the desk's 1280×800, zh and en.
 */
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../../shared/schemas';
import { api, login } from '../../support/server';
import { expectAccessible, fileBrowser, HallPerTest, openGuideDesk, shot } from './support';

const hall = new HallPerTest(fileBrowser());

// Numbers worked out with the MOD 11-2 weights (test/citizen/idCardRules.test.ts).
const CARD_68 = '410523195803151234'; // born 1958-03-15
const CARD_36 = '320102199001011232'; // born 1990-01-01

/**
 * A keyboard-wedge reader at the desk PC: 18 keys and Enter at once, each typed into the focused
 * field unless the page stopped it (as the browser's own typing would).
 */
const wedgeInto = (page: Page, number: string) =>
  page.evaluate((n) => {
    const field = document.activeElement as HTMLInputElement;
    for (const key of [...n, 'Enter']) {
      const typed = field.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      if (typed && key !== 'Enter') {
        field.value += key;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }
  }, number);

const text = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).textContent();
const issued = (page: Page): Promise<Response> => page.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST');

describe('刷身份证 at the guide desk', () => {
  it('a card read at the desk: masked, 老年人优先, a real-name ticket the clerk can match; the same card again is refused, 清除 issues without it', async () => {
    const page = await openGuideDesk(hall.context, hall.server.url);
    expect(await text(page, 'guide-idcard-place')).toContain('请将身份证放在读卡器上');

    // The guide was searching when the citizen laid the card: the card is read, the search is kept.
    await page.fill('[data-testid="guide-search"]', '企业');
    await page.focus('[data-testid="guide-search"]');
    await wedgeInto(page, CARD_68);
    await expect.poll(() => text(page, 'guide-idcard-masked')).toBe('410***********1234');
    expect(await page.inputValue('[data-testid="guide-search"]')).toBe('企业');
    expect(await text(page, 'guide-idcard-age')).toBe('68 岁');
    expect(await text(page, 'guide-idcard-senior')).toBe('年满 65 岁，将自动优先叫号');
    expect((await page.locator('body').textContent()) ?? '').not.toContain(CARD_68);

    await page.check('[data-matter="A-01"]');
    await page.check('[data-picked="A-01"] [data-material="公司章程"]');
    await expectAccessible(page, 'guide desk with a card');
    const toCard = () => page.locator('[data-testid="guide-idcard"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await toCard();
    await shot(page, 'guide-idcard-1-read-zh');
    await page.click('[data-testid="lang"]');
    await expect.poll(() => text(page, 'guide-idcard-senior')).toBe('Aged 65 or over: will be called first');
    expect(await text(page, 'guide-idcard-age')).toBe('aged 68');
    await expectAccessible(page, 'guide desk with a card, English');
    await toCard(); // the language button is at the top: clicking it scrolled there
    await shot(page, 'guide-idcard-2-read-en');
    await page.click('[data-testid="lang"]');

    // Issued with the card: 老年人优先 without the green channel, 实名 · the masked number on screen and receipt.
    const answer = issued(page);
    await page.click('[data-testid="guide-issue"]');
    const ticket = (await (await answer).json()) as TicketDetail;
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await text(page, 'ticket-number')).toBe('A001');
    expect(await text(page, 'ticket-real-name')).toBe('实名 · 410***********1234');
    expect(await text(page, 'ticket-senior')).toBe('老年人优先');
    expect(await text(page, 'receipt-real-name')).toBe('实名 410***********1234');
    expect(await text(page, 'receipt')).toContain('【老年人优先】');
    expect((await page.locator('body').textContent()) ?? '').not.toContain(CARD_68);
    await shot(page, 'guide-idcard-3-ticket');

    // The clerk's view of the ticket (what the counter panel shows under it): the card line, to match the card.
    const clerk = await login(hall.server.url, 'c01', '1234');
    const staff = await api<TicketDetail>(hall.server.url, 'GET', `/api/tickets/${ticket.id}`, { token: clerk });
    expect(staff.body).toMatchObject({ number: 'A001', channel: 'guide', priority: 'priority', realName: { masked: '410***********1234', age: 68, senior: true } });
    expect(staff.body.checklist).toEqual([{ matter: 'A-01', have: ['公司章程'] }]);
    expect((await api<TicketDetail>(hall.server.url, 'GET', `/api/tickets/${ticket.id}`)).body.realName).toBeUndefined();
    // The desk's card counts at the kiosks too (the demo hall's kiosk pages post without signing in).
    const atKiosk = await api<{ error: { reason?: string } }>(hall.server.url, 'POST', '/api/tickets', { body: { queue: 'A', idCard: CARD_68 } });
    expect([atKiosk.status, atKiosk.body.error.reason]).toEqual([409, 'id_card_daily_limit']);

    // The next citizen brings the same card (typed this time, after a typing slip): the daily limit says no, and how to go on.
    await page.click('[data-testid="done"]');
    await page.check('[data-matter="A-01"]');
    await page.fill('[data-testid="guide-idcard-typed"]', '410523195803151235');
    await page.click('[data-testid="guide-idcard-submit"]');
    await expect.poll(() => text(page, 'guide-idcard-error')).toBe('身份证号码有误，请核对后重新输入');
    await page.fill('[data-testid="guide-idcard-typed"]', ` ${CARD_68} `);
    await page.press('[data-testid="guide-idcard-typed"]', 'Enter');
    await expect.poll(() => text(page, 'guide-idcard-masked')).toBe('410***********1234');
    expect(await page.locator('[data-testid="guide-idcard-error"]').count()).toBe(0);
    await page.click('[data-testid="guide-issue"]');
    await expect.poll(() => text(page, 'error')).toBe('该身份证今天已取 A001 号。如确需再出号，请点“清除”后不刷卡出号（不实名，不计限号）。');
    expect(await text(page, 'guide-idcard-masked')).toBe('410***********1234');
    await expectAccessible(page, 'guide desk, the daily limit');
    await shot(page, 'guide-idcard-4-limit', true);

    // 清除: the refusal goes with the card; the ticket is issued without it (neither real-name nor priority).
    await page.click('[data-testid="guide-idcard-clear"]');
    expect(await page.locator('[data-testid="error"]').count()).toBe(0);
    expect(await text(page, 'guide-idcard-place')).toContain('请将身份证放在读卡器上');
    await shot(page, 'guide-idcard-5-cleared');
    const second = issued(page);
    await page.click('[data-testid="guide-issue"]');
    const plain = (await (await second).json()) as TicketDetail;
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await text(page, 'ticket-number')).toBe('A002');
    expect(await page.locator('[data-testid="ticket-real-name"]').count()).toBe(0);
    expect(plain.priority).toBe('normal');
    expect((await api<TicketDetail>(hall.server.url, 'GET', `/api/tickets/${plain.id}`, { token: clerk })).body.realName).toBeUndefined();
  }, 60_000);

  it('the vendor shell’s message reads a card too; at `off` the desk has no card area and ignores the reader', async () => {
    const page = await openGuideDesk(hall.context, hall.server.url);
    await page.evaluate((n) => window.postMessage({ type: 'hall:idcard', number: n }, '*'), CARD_36);
    await expect.poll(() => text(page, 'guide-idcard-masked')).toBe('320***********1232');
    expect(await text(page, 'guide-idcard-age')).toBe('36 岁');
    expect(await page.locator('[data-testid="guide-idcard-senior"]').count()).toBe(0);

    const manager = await login(hall.server.url, 'admin', 'admin');
    expect((await api(hall.server.url, 'PUT', '/api/citizen/settings', { token: manager, body: { idCard: 'off' } })).status).toBe(200);
    await page.reload();
    await page.locator('[data-matter="A-01"]').waitFor();
    expect(await page.locator('[data-testid="guide-idcard"]').count()).toBe(0);
    await page.check('[data-matter="A-01"]');
    await page.focus('[data-testid="guide-note"]');
    await wedgeInto(page, CARD_36);
    // No area, no listener: the reader typed into the note like any keyboard, and the ticket goes without a card.
    expect(await page.inputValue('[data-testid="guide-note"]')).toBe(CARD_36);
    await page.fill('[data-testid="guide-note"]', '');
    const answer = issued(page);
    await page.click('[data-testid="guide-issue"]');
    expect((await answer).status()).toBe(201);
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await page.locator('[data-testid="ticket-real-name"]').count()).toBe(0);
  }, 60_000);
});
