/**
 * The kiosk and the guide desk in Chromium against a real server: a citizen takes a number in a
 * few taps (the materials shown, green channel, printed on 80 mm paper), checks in an appointment
 * by code, is told when the server cannot be reached (and gets no ticket), and the screen goes
 * back to the start when left alone. Every screen passes an axe-core scan, in both type modes.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Appointment } from '../../../shared/citizen';
import type { Snapshot, TicketDetail } from '../../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { ensureCounterBuilt, signIn } from '../counter/support';
import { DIST_ROOT, SHOTS, devices, ensureDisplayBuilt, expectAccessible, launchChromium, openGuideDesk, openKioskAt, rootFontPx, shot, stubDevices } from './support';

let browser: Browser;
let server: TestServer;
let context: BrowserContext;

beforeAll(async () => {
  await ensureDisplayBuilt();
  await ensureCounterBuilt(); // the guide test follows its ticket to the clerk panel
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  server = await startTestServer({ distDir: DIST_ROOT });
  context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  await stubDevices(context);
});
afterEach(async () => {
  await context?.close();
  await server?.close();
});

const openKiosk = (query = ''): Promise<Page> => openKioskAt(context, server.url, `/kiosk${query}`);

const waiting = async (queue: string) => (await api<Snapshot>(server.url, 'GET', '/api/snapshot')).body.queues.find((q) => q.code === queue)!.waiting;

describe('kiosk', () => {
  it('the start screen says how many wait in each area, live, and shows the hall’s notices', async () => {
    const page = await openKiosk();
    const area = (name: string) => page.locator(`[data-category="${name}"] [data-testid=area-waiting]`);
    await expect.poll(() => area('企业服务').textContent()).toContain('等候 0 人');
    // A, B and C are the 企业服务 queues; E is in 民生服务.
    for (const q of ['A', 'B', 'C', 'E']) await api(server.url, 'POST', '/api/tickets', { body: { queue: q } });
    await expect.poll(() => area('企业服务').textContent()).toContain('等候 3 人');
    await expect.poll(() => area('民生服务').textContent()).toContain('等候 1 人');
    const notices = (await api<Snapshot>(server.url, 'GET', '/api/snapshot')).body.hall.notices;
    expect(notices.length).toBeGreaterThan(0);
    expect(await page.getByTestId('kiosk-notices').locator('li').allTextContents()).toEqual(notices);
    await expectAccessible(page, 'start with waiting and notices');
  });

  it('category → queue → matter (materials shown) → green channel → ticket, printed at 80 mm', async () => {
    const page = await openKiosk();
    await expectAccessible(page, 'start');
    await shot(page, 'kiosk-1-start');

    await page.click('[data-category="企业服务"]');
    await expect.poll(() => page.locator('[data-queue="A"]').textContent()).toContain('等候 0 人');
    await expectAccessible(page, 'queues');
    await page.click('[data-queue="A"]');
    await page.click('[data-matter="A-01"]');
    await expect.poll(() => page.locator('[data-testid="materials"] li').allTextContents()).toEqual(['公司章程', '股东身份证明', '住所使用证明', '名称自主申报告知书']);
    await page.click('[data-testid="green-channel"]');
    expect(await page.getAttribute('[data-testid="green-channel"]', 'aria-checked')).toBe('true');
    await expectAccessible(page, 'confirm');
    await shot(page, 'kiosk-2-confirm');

    await page.click('[data-testid="take"]');
    await page.locator('[data-testid="ticket"]').waitFor();
    const number = await page.locator('[data-testid="ticket-number"]').textContent();
    expect(number).toBe('A001');
    // Nobody serves A yet: the wait is a range of minutes (the 25th–75th percentiles the server sent).
    expect(await page.locator('[data-testid="ticket-eta"]').textContent()).toMatch(/^预计等候约 \d+\u2060–\u2060\d+ 分钟$/);
    expect(await page.locator('[data-testid="receipt-eta"]').textContent()).toBe(await page.locator('[data-testid="ticket-eta"]').textContent());
    await expect.poll(() => page.locator('[data-testid="qr"] svg').count()).toBe(1);
    await expect.poll(async () => (await devices(page)).printed).toBe(1);
    await expectAccessible(page, 'ticket');
    await shot(page, 'kiosk-3-ticket');

    // The ticket on screen is the one the server stored.
    const snap = (await api<Snapshot>(server.url, 'GET', '/api/snapshot')).body;
    expect(snap.queues.find((q) => q.code === 'A')!.waiting).toBe(1);
    const manager = await login(server.url, 'admin', 'admin');
    const clerk = await login(server.url, 'c01', '1234');
    await api(server.url, 'POST', '/api/windows/9/session', { token: clerk });
    const called = await api<TicketDetail>(server.url, 'POST', '/api/windows/9/next', { token: clerk, body: {} });
    expect(called.body).toMatchObject({ number: 'A001', priority: 'priority', channel: 'kiosk', matters: ['A-01'] });
    void manager;

    // The printed layout: 80 mm wide paper, as long as the receipt.
    const pageStyle = await page.locator('#receipt-page-size').textContent();
    expect(pageStyle).toMatch(/size: 80mm \d+mm/);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 302, height: 1000 });
    const receipt = page.locator('[data-testid="receipt"]');
    const box = (await receipt.boundingBox())!;
    expect(box.x).toBe(0);
    expect(Math.abs(box.width - 302.4)).toBeLessThan(1.5);
    expect(await page.locator('#app').isVisible()).toBe(false);
    await receipt.screenshot({ path: '/tmp/e2e-citizen/kiosk-4-receipt-80mm.png' });
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const media = /\/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    expect(media).not.toBeNull();
    // 80 mm = 226.77 pt; the length follows the receipt.
    expect(Math.abs(Number(media![1]) - 226.77)).toBeLessThan(1);
    expect(Number(media![2])).toBeGreaterThan(226);
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  }, 60_000);

  it('appointment check-in by code: a ticket of channel appointment; unknown code and double check-in are refused on screen', async () => {
    const a = (await api<Appointment>(server.url, 'POST', '/api/appointments', { body: { date: '2026-11-30', slot: '10:00', queue: 'E', name: '赵六', phone: '13600001234' } })).body;
    server.clock.advance(45 * 60_000);
    const page = await openKiosk();
    await page.click('[data-testid="go-checkin"]');
    for (const d of '12345678') await page.click(`[aria-label="数字 ${d}"]`);
    await page.click('[data-testid="checkin-submit"]');
    await expect.poll(() => page.locator('[data-testid="error"]').textContent()).toContain('未找到该预约码');
    expect(await page.locator('[data-testid="ticket"]').count()).toBe(0);
    await expectAccessible(page, 'check-in with an error');
    await shot(page, 'kiosk-5-checkin-unknown');

    await page.fill('[data-testid="code"]', a.code);
    await page.click('[data-testid="checkin-submit"]');
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await page.locator('[data-testid="ticket-number"]').textContent()).toBe('E001');
    expect(await page.locator('[data-testid="ticket"] .marks').textContent()).toContain('预约');
    // Nothing personal on the public screen, not even masked.
    const text = (await page.locator('body').textContent()) ?? '';
    for (const secret of ['赵', '1234', '136']) expect(text).not.toContain(secret);
    await shot(page, 'kiosk-6-checkin-ticket');

    await page.click('[data-testid="done"]');
    await page.click('[data-testid="go-checkin"]');
    await page.fill('[data-testid="code"]', a.code);
    await page.click('[data-testid="checkin-submit"]');
    await expect.poll(() => page.locator('[data-testid="error"]').textContent()).toContain('该预约已签到，号码为 E001');
    expect(await waiting('E')).toBe(1);
  }, 60_000);

  it('when the server cannot be reached it says so and shows no ticket', async () => {
    const page = await openKiosk();
    await page.click('[data-category="民生服务"]');
    await page.click('[data-queue="E"]');
    await page.click('[data-matter="E-01"]');
    // The request is lost on the way: no ticket on screen, and none stored.
    await page.route('**/api/tickets', (route) => route.abort('connectionfailed'));
    await page.click('[data-testid="take"]');
    await expect.poll(() => page.locator('[data-testid="error"]').textContent()).toContain('无法连接服务器，未能出号');
    expect(await page.locator('[data-testid="ticket"]').count()).toBe(0);
    expect(await devices(page)).toMatchObject({ printed: 0 });
    expect(await waiting('E')).toBe(0);
    await shot(page, 'kiosk-7-issue-failed');
    await page.unroute('**/api/tickets');

    // The server goes away: the kiosk says so and stops issuing.
    await server.close();
    await page.locator('[data-testid="offline"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="offline"]').textContent()).toContain('无法连接服务器');
    expect(await page.locator('[data-testid="take"]').isDisabled()).toBe(true);
    await shot(page, 'kiosk-8-offline');
    server = await startTestServer({ distDir: DIST_ROOT });
  });

  it('where public ticketing is off, the kiosk signs in with its device account first', async () => {
    const manager = await login(server.url, 'admin', 'admin');
    expect((await api(server.url, 'PUT', '/api/admin/settings', { token: manager, body: { publicTicketing: false } })).status).toBe(200);
    // Without the device account: told on screen, no ticket.
    const anonymous = await openKiosk();
    await anonymous.click('[data-category="企业服务"]');
    await anonymous.click('[data-queue="A"]');
    await anonymous.click('[data-matter=""]');
    await anonymous.click('[data-testid="take"]');
    await expect.poll(() => anonymous.locator('[data-testid="error"]').textContent()).toContain('本机暂不能取号');
    expect(await anonymous.locator('[data-testid="ticket"]').count()).toBe(0);

    const page = await context.newPage();
    await page.goto(`${server.url}/kiosk?signin`);
    await page.fill('[data-testid="username"]', 'kiosk');
    await page.fill('[data-testid="password"]', 'kiosk');
    await page.click('[data-testid="signin-submit"]');
    await page.click('[data-category="企业服务"]');
    await page.click('[data-queue="A"]');
    await page.click('[data-matter=""]');
    await page.click('[data-testid="take"]');
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await page.locator('[data-testid="ticket-number"]').textContent()).toBe('A001');
  }, 60_000);

  it('goes back to the start screen after the idle time, and forgets the last citizen’s settings', async () => {
    const page = await openKiosk('?idle=2');
    await page.click('[data-testid="large"]');
    await page.click('[data-category="企业服务"]');
    await page.click('[data-queue="A"]');
    await page.locator('.kiosk[data-step="matters"]').waitFor();
    await page.locator('.kiosk[data-step="start"]').waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => document.documentElement.classList.contains('large'))).toBe(false);
  });

  it('large type (≥ 1.5×, high contrast) and English in one tap each; spoken prompts are fetched from the server', async () => {
    const page = await openKiosk();
    const normal = await rootFontPx(page);
    await page.click('[data-testid="large"]');
    expect(await rootFontPx(page)).toBeGreaterThanOrEqual(normal * 1.5);
    expect(await page.getAttribute('[data-testid="large"]', 'aria-pressed')).toBe('true');
    await expectAccessible(page, 'start, large');
    await shot(page, 'kiosk-9-large');
    await page.click('[data-category="企业服务"]');
    await page.click('[data-queue="A"]');
    await page.click('[data-matter="A-01"]');
    await expectAccessible(page, 'confirm, large');
    await shot(page, 'kiosk-10-large-confirm');

    await page.click('[data-testid="home"]');
    await page.click('[data-testid="lang"]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Take a number');
    await expect.poll(() => page.locator('[data-category="企业服务"]').textContent()).toContain('Business');

    const spoken: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/audio/notice.wav')) spoken.push(new URL(r.url()).searchParams.get('text') ?? '');
    });
    await page.click('[data-testid="speak"]');
    await page.click('[data-category="企业服务"]');
    await expect.poll(() => spoken).toContain('Choose a service.');
  });
});

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

    const manager = await login(server.url, 'admin', 'admin');
    const list = (await api<{ tickets: { number: string; priority: string }[] }>(server.url, 'GET', '/api/stats/tickets', { token: manager })).body.tickets;
    expect(list.map((t) => [t.number, t.priority])).toEqual([
      ['A001', 'priority'],
      ['A002', 'normal'],
      ['A003', 'priority'],
    ]);

    // The clerk calls A001: 实名 · the masked number · the age, and 老年人优先, to match the card.
    const counter = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const panel = await counter.newPage();
      panel.setDefaultTimeout(8_000);
      await panel.goto(`${server.url}/counter`);
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
    const manager = await login(server.url, 'admin', 'admin');
    expect((await api(server.url, 'PUT', '/api/citizen/settings', { token: manager, body: { idCard: 'required' } })).status).toBe(200);
    await context.close();
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await stubDevices(context);
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

describe('guide desk', () => {
  it('a guide picks matters, ticks materials, adds a note; the clerk panel starts from the guide’s ticks and shows the note', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/kiosk?mode=guide`);
    await page.fill('[data-testid="username"]', 'c01');
    await page.fill('[data-testid="password"]', '1234');
    await page.click('[data-testid="signin-submit"]');
    await expect.poll(() => page.locator('[data-testid="error"]').textContent()).toContain('不是导办员');
    await expectAccessible(page, 'guide sign-in');
    await page.fill('[data-testid="username"]', 'guide');
    await page.click('[data-testid="signin-submit"]');
    await page.locator('[data-matter="A-01"]').waitFor();

    await page.check('[data-matter="A-01"]');
    await page.check('[data-picked="A-01"] [data-material="公司章程"]');
    await page.check('[data-picked="A-01"] [data-material="股东身份证明"]');
    await page.check('[data-picked="A-01"] [data-material="住所使用证明"]');
    await page.fill('[data-testid="guide-note"]', '名称已预核准');
    expect(await page.inputValue('[data-testid="guide-queue"]')).toBe('A');
    await expect.poll(() => page.locator('[data-testid="guide-preview"]').textContent()).toBe('【导办】企业设立登记：材料 3/4，缺：名称自主申报告知书。备注：名称已预核准');
    await expectAccessible(page, 'guide desk');
    await shot(page, 'guide-1-desk', true);

    await page.click('[data-testid="guide-issue"]');
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await page.locator('[data-testid="ticket-number"]').textContent()).toBe('A001');
    await shot(page, 'guide-2-ticket');

    // The clerk at window 10 calls it: the materials list starts with the guide's three ticks.
    const counter = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const panel = await counter.newPage();
    panel.setDefaultTimeout(8_000);
    await panel.goto(`${server.url}/counter`);
    await signIn(panel, 'c02', '1234');
    await panel.click('[data-window="10"]');
    await panel.click('[data-action=next]:not([disabled])');
    await expect.poll(() => panel.locator('[data-testid=current-number]').textContent()).toBe('A001');
    const item = (name: string) => panel.locator(`[data-material="${name}"]`);
    await expect.poll(() => panel.locator('[data-guide=checked]').count()).toBe(3);
    for (const name of ['公司章程', '股东身份证明', '住所使用证明']) {
      expect(await item(name).locator('input').isChecked(), name).toBe(true);
      expect(await item(name).textContent()).toContain('导办已核');
    }
    expect(await item('名称自主申报告知书').locator('input').isChecked()).toBe(false);
    expect(await item('名称自主申报告知书').getAttribute('data-guide')).toBeNull();
    expect(await panel.locator('[data-testid=guide-count]').textContent()).toBe('导办已核 3/4');
    expect(await panel.locator('.ticket .note').textContent()).toContain('名称已预核准');
    expect(await panel.locator('.ticket .note').textContent()).not.toContain('【导办】');
    await panel.screenshot({ path: join(SHOTS, 'guide-3-clerk.png') });
    // The clerk may still untick what the guide ticked; the mark stays, and the untick survives a reload.
    await item('住所使用证明').locator('input').uncheck();
    await panel.reload();
    await expect.poll(() => panel.locator('[data-guide=checked]').count()).toBe(3);
    expect(await item('住所使用证明').locator('input').isChecked()).toBe(false);
    expect(await item('公司章程').locator('input').isChecked()).toBe(true);
    await counter.close();

    // The ticks travel as the ticket's checklist; the note holds the guide's own words only.
    const clerk = await login(server.url, 'c02', '1234');
    const atWindow = (await api<Snapshot>(server.url, 'GET', '/api/snapshot', { token: clerk })).body.windows.find((w) => w.no === 10)!.current!;
    const staffView = await api<TicketDetail>(server.url, 'GET', `/api/tickets/${atWindow.id}`, { token: clerk });
    expect(staffView.body).toMatchObject({ number: 'A001', channel: 'guide', matters: ['A-01'], note: '名称已预核准' });
    expect(staffView.body.checklist).toEqual([{ matter: 'A-01', have: ['公司章程', '股东身份证明', '住所使用证明'] }]);

    // One-stop: matters of two queues go to the 一件事一次办 queue by default.
    await page.click('[data-testid="done"]');
    await page.check('[data-matter="A-01"]');
    await page.check('[data-matter="C-01"]');
    expect(await page.inputValue('[data-testid="guide-queue"]')).toBe('Y');
  }, 60_000);

  it('the guide desk checks an appointment in with a materials check: the code picks the appointment’s matters', async () => {
    const a = (await api<Appointment>(server.url, 'POST', '/api/appointments', {
      body: { date: '2026-11-30', slot: '10:00', queue: 'E', matters: ['E-02'], name: '钱七', phone: '13700005678' },
    })).body;
    server.clock.advance(45 * 60_000);
    const page = await openGuideDesk(context, server.url);

    await page.fill('[data-testid="guide-code"]', '99999999');
    await expect.poll(() => page.locator('[data-testid="guide-appointment"]').textContent()).toContain('没有待签到');
    await page.fill('[data-testid="guide-code"]', a.code);
    await expect.poll(() => page.locator('[data-testid="guide-appointment"]').textContent()).toContain('今日 10:00 的预约 · 钱*');
    await page.locator('[data-picked="E-02"]').waitFor();
    expect(await page.inputValue('[data-testid="guide-queue"]')).toBe('E');
    await page.check('[data-picked="E-02"] [data-material="身份证"]');
    await page.check('[data-picked="E-02"] [data-material="医保卡"]');
    await expectAccessible(page, 'guide desk with an appointment');
    await shot(page, 'guide-4-appointment', true);

    await page.click('[data-testid="guide-checkin"]');
    await page.locator('[data-testid="ticket"]').waitFor();
    expect(await page.locator('[data-testid="ticket-number"]').textContent()).toBe('E001');
    const manager = await login(server.url, 'admin', 'admin');
    const list = (await api<Appointment[]>(server.url, 'GET', '/api/appointments', { token: manager })).body;
    const ticketId = list.find((x) => x.id === a.id)!.ticketId!;
    const detail = (await api<TicketDetail>(server.url, 'GET', `/api/tickets/${ticketId}`, { token: manager })).body;
    expect(detail).toMatchObject({ channel: 'appointment', matters: ['E-02'] });
    expect(detail.checklist).toEqual([{ matter: 'E-02', have: ['身份证', '医保卡'] }]);
  }, 60_000);
});
