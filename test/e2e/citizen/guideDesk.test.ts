/**
 * The guide desk (导办) in Chromium against a real server: a guide picks matters, ticks the
 * materials brought and adds a note, and the clerk panel starts from the guide's ticks; an
 * appointment's code picks its matters for the check.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '../../../shared/citizen';
import type { Snapshot, TicketDetail } from '../../../shared/schemas';
import { api, login } from '../../support/server';
import { ensureCounterBuilt, signIn } from '../counter/support';
import { SHOTS, expectAccessible, fileBrowser, HallPerTest, openGuideDesk, shot } from './support';

const browser = fileBrowser();
const hall = new HallPerTest(browser, { viewport: { width: 1080, height: 1920 } });
beforeAll(() => ensureCounterBuilt()); // the guide's ticket is followed to the clerk panel

describe('guide desk', () => {
  it('a guide picks matters, ticks materials, adds a note; the clerk panel starts from the guide’s ticks and shows the note', async () => {
    const page = await hall.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${hall.server.url}/kiosk?mode=guide`);
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
    const counter = await browser().newContext({ viewport: { width: 1366, height: 768 } });
    const panel = await counter.newPage();
    panel.setDefaultTimeout(8_000);
    await panel.goto(`${hall.server.url}/counter`);
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
    const clerk = await login(hall.server.url, 'c02', '1234');
    const atWindow = (await api<Snapshot>(hall.server.url, 'GET', '/api/snapshot', { token: clerk })).body.windows.find((w) => w.no === 10)!.current!;
    const staffView = await api<TicketDetail>(hall.server.url, 'GET', `/api/tickets/${atWindow.id}`, { token: clerk });
    expect(staffView.body).toMatchObject({ number: 'A001', channel: 'guide', matters: ['A-01'], note: '名称已预核准' });
    expect(staffView.body.checklist).toEqual([{ matter: 'A-01', have: ['公司章程', '股东身份证明', '住所使用证明'] }]);

    // One-stop: matters of two queues go to the 一件事一次办 queue by default.
    await page.click('[data-testid="done"]');
    await page.check('[data-matter="A-01"]');
    await page.check('[data-matter="C-01"]');
    expect(await page.inputValue('[data-testid="guide-queue"]')).toBe('Y');
  }, 60_000);

  it('the guide desk checks an appointment in with a materials check: the code picks the appointment’s matters', async () => {
    const a = (await api<Appointment>(hall.server.url, 'POST', '/api/appointments', {
      body: { date: '2026-11-30', slot: '10:00', queue: 'E', matters: ['E-02'], name: '钱七', phone: '13700005678' },
    })).body;
    hall.server.clock.advance(45 * 60_000);
    const page = await openGuideDesk(hall.context, hall.server.url);

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
    const manager = await login(hall.server.url, 'admin', 'admin');
    const list = (await api<Appointment[]>(hall.server.url, 'GET', '/api/appointments', { token: manager })).body;
    const ticketId = list.find((x) => x.id === a.id)!.ticketId!;
    const detail = (await api<TicketDetail>(hall.server.url, 'GET', `/api/tickets/${ticketId}`, { token: manager })).body;
    expect(detail).toMatchObject({ channel: 'appointment', matters: ['E-02'] });
    expect(detail.checklist).toEqual([{ matter: 'E-02', have: ['身份证', '医保卡'] }]);
  }, 60_000);
});
