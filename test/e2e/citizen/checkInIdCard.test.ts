/**
 * 刷身份证签到 in Chromium against a real server: the kiosk's 预约签到 offers the card beside 签到取号
 * (`optional`) and, once the hall requires it, takes the card only — the same card step as 取号,
 * with the appointment's code; a code the server does not know sends the citizen back to it (kept);
 * the ticket is real-name (实名 · the masked number, 老年人优先 by age) on screen and receipt, in
 * Chinese and English. At the guide desk a card read before 签到 goes with the check-in.
 * Screenshots: `checkin-idcard-*` at the kiosk's 1080×1920 and the desk's 1280×800.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Appointment, CheckInResult } from '../../../shared/citizen';
import type { Snapshot, TicketDetail } from '../../../shared/schemas';
import { api, login } from '../../support/server';
import { expectAccessible, fileBrowser, HallPerTest, openGuideDesk, openKioskAt, shot } from './support';

const hall = new HallPerTest(fileBrowser(), { viewport: { width: 1080, height: 1920 } });

// Numbers worked out with the MOD 11-2 weights (test/citizen/idCardRules.test.ts); the test day is 2026-11-30.
const CARD_68 = '410523195803151234';
const CARD_36 = '320102199001011232';

/** A 10:00 appointment of today; the clock is then moved to 09:45, inside its check-in window. */
async function booked(queue: string, name: string, phone: string, matters: string[] = []): Promise<Appointment> {
  const r = await api<Appointment>(hall.server.url, 'POST', '/api/appointments', { body: { date: '2026-11-30', slot: '10:00', queue, matters, name, phone } });
  expect(r.status).toBe(201);
  return r.body;
}
/** A keyboard-wedge reader: the 18 characters and Enter in one burst. */
const burst = (page: Page, number: string) =>
  page.evaluate((n) => {
    for (const key of [...n, 'Enter']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  }, number);
const text = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).textContent();
const waiting = async (queue: string) => (await api<Snapshot>(hall.server.url, 'GET', '/api/snapshot')).body.queues.find((q) => q.code === queue)!.waiting;

describe('刷身份证签到', () => {
  it('the kiosk: offered beside 签到取号, then the only way once required; a wrong code goes back to it; the ticket is real-name, zh and en', async () => {
    const a = await booked('E', '赵六', '13600001234');
    const b = await booked('E', '孙八', '13600005678');
    hall.server.clock.advance(45 * 60_000);
    const page = await openKioskAt(hall.context, hall.server.url, '/kiosk');
    await page.click('[data-testid="go-checkin"]');
    // `optional` (the demo hall): the card first, with who goes first, and the plain check-in beside it.
    expect(await text(page, 'checkin-idcard')).toContain('刷身份证签到');
    expect(await text(page, 'checkin-idcard')).toContain('年满 65 岁自动优先叫号');
    expect(await page.locator('[data-testid="checkin-submit"]').isVisible()).toBe(true);
    await page.fill('[data-testid="code"]', a.code);
    await expectAccessible(page, 'check-in with the card offered');
    await shot(page, 'checkin-idcard-1-optional');

    // The hall now requires the card: the plain check-in is refused in plain words, and the screen follows.
    const manager = await login(hall.server.url, 'admin', 'admin');
    expect((await api(hall.server.url, 'PUT', '/api/citizen/settings', { token: manager, body: { idCard: 'required' } })).status).toBe(200);
    await page.click('[data-testid="checkin-submit"]');
    await expect.poll(() => text(page, 'error')).toBe('本大厅预约签到需刷身份证，请点“刷身份证签到”；没有带身份证请到导办台。');
    await expect.poll(() => page.locator('[data-testid="checkin-submit"]').count()).toBe(0);
    expect(await waiting('E')).toBe(0);

    // A code typed wrong: the card step takes the card, the server does not know the code — back to it, kept.
    await page.fill('[data-testid="code"]', '12345678');
    await page.click('[data-testid="checkin-idcard"]');
    await page.locator('[data-testid="idcard-wait"]').waitFor();
    expect(await text(page, 'idcard-what')).toBe('预约码 12345678');
    expect(await page.locator('#idcard-title').textContent()).toBe('刷身份证签到');
    await expectAccessible(page, 'the card step of a check-in');
    await shot(page, 'checkin-idcard-2-wait');
    await burst(page, CARD_68);
    await expect.poll(() => text(page, 'error')).toContain('未找到该预约码');
    expect(await page.inputValue('[data-testid="code"]')).toBe('12345678');

    // The right code, Enter on the keyboard: to the card step (the only way now), and the card checks in.
    await page.fill('[data-testid="code"]', a.code);
    await page.press('[data-testid="code"]', 'Enter');
    await page.locator('[data-testid="idcard-wait"]').waitFor();
    await burst(page, CARD_68);
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await text(page, 'ticket-number')).toBe('E001');
    expect(await page.locator('[data-testid="ticket"] .marks').textContent()).toContain('预约');
    expect(await text(page, 'ticket-real-name')).toBe('实名 · 410***********1234');
    expect(await text(page, 'ticket-senior')).toBe('老年人优先');
    expect(await text(page, 'receipt-real-name')).toBe('实名 410***********1234');
    expect(await text(page, 'receipt')).toContain('【老年人优先】');
    const body = (await page.locator('body').textContent()) ?? '';
    for (const secret of [CARD_68, '19580315', '赵', '13600001234']) expect(body).not.toContain(secret);
    await expectAccessible(page, 'a checked-in ticket with the card');
    await shot(page, 'checkin-idcard-3-ticket');

    // In English, the vendor shell's message this time: the next citizen, below the senior age.
    await page.click('[data-testid="done"]');
    await page.click('[data-testid="lang"]');
    await page.click('[data-testid="go-checkin"]');
    await page.fill('[data-testid="code"]', b.code);
    expect(await text(page, 'checkin-idcard')).toContain('Check in with your ID card');
    await shot(page, 'checkin-idcard-4-required-en');
    await page.click('[data-testid="checkin-idcard"]');
    await page.locator('[data-testid="idcard-wait"]').waitFor();
    expect(await text(page, 'idcard-what')).toBe(`Appointment code ${b.code}`);
    await expectAccessible(page, 'the card step of a check-in, English');
    await shot(page, 'checkin-idcard-5-wait-en');
    await page.evaluate((n) => window.postMessage({ type: 'hall:idcard', number: n }, '*'), CARD_36);
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await text(page, 'ticket-number')).toBe('E002');
    expect(await text(page, 'ticket-real-name')).toBe('Real name · 320***********1232');
    expect(await page.locator('[data-testid="ticket-senior"]').count()).toBe(0);
    await shot(page, 'checkin-idcard-6-ticket-en');
    expect(await waiting('E')).toBe(2);

    // A landscape kiosk: the keypad beside the choices, all of it on the screen without scrolling.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.click('[data-testid="done"]');
    await page.click('[data-testid="go-checkin"]');
    await page.fill('[data-testid="code"]', '12345678');
    const button = (await page.locator('[data-testid="checkin-idcard"]').boundingBox())!;
    const nav = (await page.locator('.nav').boundingBox())!;
    expect(button.y + button.height).toBeLessThanOrEqual(nav.y);
    const lastKey = (await page.locator('[aria-label="Digit 0"]').boundingBox())!;
    expect(lastKey.y + lastKey.height).toBeLessThanOrEqual(nav.y);
    await shot(page, 'checkin-idcard-landscape-en');
  }, 60_000);

  it('the guide desk: a card read while the code is typed goes with 签到 — real-name, 老年人优先', async () => {
    const a = await booked('A', '钱七', '13700005678', ['A-01']);
    hall.server.clock.advance(45 * 60_000);
    const page = await openGuideDesk(hall.context, hall.server.url);
    await page.fill('[data-testid="guide-code"]', a.code);
    await expect.poll(() => text(page, 'guide-appointment')).toContain('今日 10:00 的预约 · 钱*');
    // The citizen lays the card while the code field has the focus: the card is read, the code kept.
    await page.focus('[data-testid="guide-code"]');
    await burst(page, CARD_68);
    await expect.poll(() => text(page, 'guide-idcard-masked')).toBe('410***********1234');
    expect(await page.inputValue('[data-testid="guide-code"]')).toBe(a.code);
    expect(await text(page, 'guide-checkin-card')).toBe('将按实名签到：410***********1234');
    await expectAccessible(page, 'guide desk, a check-in with a card');
    await shot(page, 'checkin-idcard-7-guide', true);

    const answer = page.waitForResponse((r) => r.url().endsWith('/api/appointments/check-in'));
    await page.click('[data-testid="guide-checkin"]');
    const result = (await (await answer).json()) as CheckInResult;
    expect(result.ticket).toMatchObject({ channel: 'appointment', priority: 'priority', realName: { masked: '410***********1234', age: 68, senior: true } });
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await text(page, 'ticket-real-name')).toBe('实名 · 410***********1234');
    expect(await text(page, 'ticket-senior')).toBe('老年人优先');
    await shot(page, 'checkin-idcard-8-guide-ticket');
    // The clerk sees the card line under it.
    const clerk = await login(hall.server.url, 'c01', '1234');
    expect((await api<TicketDetail>(hall.server.url, 'GET', `/api/tickets/${result.ticket.id}`, { token: clerk })).body.realName).toMatchObject({ masked: '410***********1234' });
    // The desk is ready for the next citizen: the card went with the check-in.
    await page.click('[data-testid="done"]');
    expect(await text(page, 'guide-idcard-place')).toContain('请将身份证放在读卡器上');
  }, 60_000);
});
