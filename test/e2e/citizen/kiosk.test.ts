/**
 * The kiosk in Chromium against a real server: a citizen takes a number in a few taps (the
 * materials shown, green channel, printed on 80 mm paper), checks in an appointment by code, is
 * told when the server cannot be reached (and gets no ticket), and the screen goes back to the
 * start when left alone. Every screen passes an axe-core scan, in both type modes. 刷身份证取号 is
 * in kioskIdCard.test.ts, the guide desk in guideDesk.test.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../../shared/citizen';
import type { Snapshot, TicketDetail } from '../../../shared/schemas';
import { api, login, startTestServer } from '../../support/server';
import { DIST_ROOT, devices, expectAccessible, fileBrowser, HallPerTest, openKioskAt, rootFontPx, shot } from './support';

const browser = fileBrowser();
const hall = new HallPerTest(browser, { viewport: { width: 1080, height: 1920 } });

const openKiosk = (query = ''): Promise<Page> => openKioskAt(hall.context, hall.server.url, `/kiosk${query}`);

const waiting = async (queue: string) => (await api<Snapshot>(hall.server.url, 'GET', '/api/snapshot')).body.queues.find((q) => q.code === queue)!.waiting;

describe('kiosk', () => {
  it('the start screen says how many wait in each area, live, and shows the hall’s notices', async () => {
    const page = await openKiosk();
    const area = (name: string) => page.locator(`[data-category="${name}"] [data-testid=area-waiting]`);
    await expect.poll(() => area('企业服务').textContent()).toContain('等候 0 人');
    // A, B and C are the 企业服务 queues; E is in 民生服务.
    for (const q of ['A', 'B', 'C', 'E']) await api(hall.server.url, 'POST', '/api/tickets', { body: { queue: q } });
    await expect.poll(() => area('企业服务').textContent()).toContain('等候 3 人');
    await expect.poll(() => area('民生服务').textContent()).toContain('等候 1 人');
    const notices = (await api<Snapshot>(hall.server.url, 'GET', '/api/snapshot')).body.hall.notices;
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
    const snap = (await api<Snapshot>(hall.server.url, 'GET', '/api/snapshot')).body;
    expect(snap.queues.find((q) => q.code === 'A')!.waiting).toBe(1);
    const manager = await login(hall.server.url, 'admin', 'admin');
    const clerk = await login(hall.server.url, 'c01', '1234');
    await api(hall.server.url, 'POST', '/api/windows/9/session', { token: clerk });
    const called = await api<TicketDetail>(hall.server.url, 'POST', '/api/windows/9/next', { token: clerk, body: {} });
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
    const a = (await api<Appointment>(hall.server.url, 'POST', '/api/appointments', { body: { date: '2026-11-30', slot: '10:00', queue: 'E', name: '赵六', phone: '13600001234' } })).body;
    hall.server.clock.advance(45 * 60_000);
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
    await hall.server.close();
    await page.locator('[data-testid="offline"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="offline"]').textContent()).toContain('无法连接服务器');
    expect(await page.locator('[data-testid="take"]').isDisabled()).toBe(true);
    await shot(page, 'kiosk-8-offline');
    hall.server = await startTestServer({ distDir: DIST_ROOT });
  });

  it('where public ticketing is off, the kiosk signs in with its device account first', async () => {
    const manager = await login(hall.server.url, 'admin', 'admin');
    expect((await api(hall.server.url, 'PUT', '/api/admin/settings', { token: manager, body: { publicTicketing: false } })).status).toBe(200);
    // Without the device account: told on screen, no ticket.
    const anonymous = await openKiosk();
    await anonymous.click('[data-category="企业服务"]');
    await anonymous.click('[data-queue="A"]');
    await anonymous.click('[data-matter=""]');
    await anonymous.click('[data-testid="take"]');
    await expect.poll(() => anonymous.locator('[data-testid="error"]').textContent()).toContain('本机暂不能取号');
    expect(await anonymous.locator('[data-testid="ticket"]').count()).toBe(0);

    const page = await hall.context.newPage();
    await page.goto(`${hall.server.url}/kiosk?signin`);
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
