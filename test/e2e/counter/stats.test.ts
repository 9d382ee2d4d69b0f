/**
 * The 统计 page in Chromium against a real server: a clerk serves a few tickets through the API;
 * the page shows the figures, follows the hall live, reads a past day and a range of days
 * (时间段), and downloads the CSV files. Then a past day after a queue's target and name changed
 * keeps its own, says when some of its tickets had no target stored, and a 时间段 exports its tickets.
 * Then the 求助 section and the clerk table's 自动叫号 share (zh and en, and in the figures file).
 * Last, 延时服务: who served outside 作息时间, the most first, and the 作息时间 form on 大厅设置,
 * with its 节假日 and 调休上班 chips and 从预约休息日导入 (and 预约与评价's 休息日, the same chips).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { WorkHours } from '../../../shared/admin';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, issue, launchChromium, mapWindows, signIn, token } from './support';

const MIN = 60_000;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureCounterBuilt();
  server = await startTestServer();
  const manager = await token(server.url, 'admin', 'admin');
  await mapWindows(server.url, manager, { 10: 'A' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

const head = (page: Page, name: string) => page.textContent(`[data-head=${name}] .value`);

/** Two A tickets served at window 10: one waited 10 minutes, the other 20 (A's target is 15). */
async function serveTwo(own: TestServer): Promise<void> {
  const manager = await token(own.url, 'admin', 'admin');
  await mapWindows(own.url, manager, { 10: 'A' });
  const clerk = await token(own.url, 'c07', '1234');
  await apiCall(own.url, 'POST', '/api/windows/10/session', undefined, clerk);
  await issue(own.url, 'A');
  await issue(own.url, 'A');
  for (const wait of [10, 10]) {
    own.clock.advance(wait * MIN);
    await apiCall(own.url, 'POST', '/api/windows/10/next', {}, clerk);
    await apiCall(own.url, 'POST', '/api/windows/10/complete', {}, clerk);
  }
}

const rowA = (page: Page) => page.locator('[data-testid=stats-queues] tr[data-queue=A]');

describe('statistics page', () => {
  it('shows the day’s figures, follows the hall live, reads a past day and exports CSV', async () => {
    const clerk = await token(server.url, 'c07', '1234');
    await apiCall(server.url, 'POST', '/api/windows/10/session', undefined, clerk);
    for (let i = 0; i < 3; i++) await issue(server.url, 'A');
    server.clock.advance(4 * MIN);
    await apiCall(server.url, 'POST', '/api/windows/10/next', {}, clerk); // A001 waited 4 min
    await apiCall(server.url, 'POST', '/api/windows/10/start', {}, clerk);
    server.clock.advance(6 * MIN);
    await apiCall(server.url, 'POST', '/api/windows/10/next', {}, clerk); // A001 served 6 min; A002 waited 10 min
    await apiCall(server.url, 'POST', '/api/windows/10/complete', {}, clerk); // A002 served, the start implied

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin#stats`);
    await signIn(page, 'admin', 'admin');
    await page.waitForSelector('[data-testid=stats-page] [data-testid=stats-heads]');

    expect(await head(page, 'issued')).toBe('3');
    expect(await head(page, 'served')).toBe('2');
    expect(await head(page, 'waiting')).toBe('1');
    expect((await head(page, 'avgWait'))?.replace(/\s/g, '')).toBe('7分00秒');
    expect((await head(page, 'p90Wait'))?.replace(/\s/g, '')).toBe('10分00秒');
    expect(await head(page, 'sla')).toBe('100.0%'); // A's target is 15 min
    const rowA = page.locator('[data-testid=stats-queues] tr[data-queue=A]');
    expect(await rowA.locator('[data-col=issued]').textContent()).toBe('3');
    expect(await rowA.locator('[data-col=served]').textContent()).toBe('2');
    expect(await page.locator('[data-testid=stats-clerks] tr[data-clerk=c07] [data-col=served]').textContent()).toBe('2');
    expect(await page.locator('[data-testid=hour-chart] [data-hour="9"]').getAttribute('aria-label')).toContain('取号 3');
    expect(await axeProblems(page)).toEqual([]);

    // Live: a new ticket and a long wait show without a reload (the page asks at most every 5 s).
    await issue(server.url, 'A');
    server.clock.advance(30 * MIN);
    await apiCall(server.url, 'POST', '/api/windows/10/next', {}, clerk); // A003 waited 40 min: over A's 15
    await expect.poll(() => head(page, 'issued'), { timeout: 15_000 }).toBe('4');
    await expect.poll(() => rowA.locator('[data-col=p90]').getAttribute('class'), { timeout: 15_000 }).toContain('level-over');

    // The figures file: UTF-8 with a BOM, the queue table and the clerk table.
    const figures = await download(page, '[data-testid=export-figures]');
    expect(figures.name).toBe('统计-2026-11-30.csv');
    expect(figures.text.charCodeAt(0)).toBe(0xfeff);
    expect(figures.text).toContain('\r\nA,企业开办,4,1,2,0,0,');
    expect(figures.text).toMatch(/\r\nc07,窗口人员07,10,2,/);

    // The tickets file: one line per ticket, no citizen data.
    const tickets = await download(page, '[data-testid=export-tickets]');
    expect(tickets.name).toBe('取号明细-2026-11-30.csv');
    const lines = tickets.text.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^号码,队列,队列名称,取号方式,优先级,取号时间,叫号时间/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['A001', 'A002', 'A003', 'A004']);
    expect(lines[1]).toContain('2026-11-30 09:00:00,2026-11-30 09:04:00');
    expect(lines[1]).toContain(',4,6,10,c07,窗口人员07,已办结,');

    // A past day the hall did not open: zeros, said as that day.
    await page.fill('[data-testid=stats-day]', '2026-11-29');
    await expect.poll(() => page.textContent('[data-testid=stats-note]')).toContain('2026-11-29');
    expect(await head(page, 'issued')).toBe('0');
    expect(await page.textContent('[data-testid=hour-chart]')).toContain('当天还没有取号');
    await page.click('[data-testid=stats-today]');
    await expect.poll(() => head(page, 'issued')).toBe('4');

    // 时间段: 本月 opens by itself; the month so far has today's four tickets, one column a day.
    await page.click('[data-testid=stats-range]');
    expect(await page.inputValue('[data-testid=stats-range-from]')).toBe('2026-11-01');
    expect(await page.inputValue('[data-testid=stats-range-to]')).toBe('2026-11-30');
    await page.waitForSelector('[data-testid=stats-days] [data-day="2026-11-30"]');
    expect(await page.textContent('[data-testid=stats-note]')).toContain('2026-11-01 至今天，共 30 天');
    expect(await head(page, 'issued')).toBe('4');
    expect(await page.locator('[data-testid=stats-days] [data-day]').count()).toBe(30);
    expect(await page.locator('[data-day="2026-11-30"]').getAttribute('aria-label')).toContain('取号 4');
    expect(await page.locator('[data-testid=stats-clerks] tr[data-clerk=c07] [data-col=served]').textContent()).toBe('2');
    expect(await page.locator('[data-testid=export-tickets]').count()).toBe(0);
    expect(await axeProblems(page)).toEqual([]);
    const rangeFile = await download(page, '[data-testid=export-figures]');
    expect(rangeFile.name).toBe('统计-2026-11-01至2026-11-30.csv');
    expect(rangeFile.text).toContain('\r\n2026-11-30,4,2,');

    // 上月: October, nobody served; a range the wrong way round is said, not asked for.
    await page.click('[data-testid=stats-range-lastMonth]');
    await expect.poll(() => page.textContent('[data-testid=stats-note]')).toContain('2026-10-01 至 2026-10-31，共 31 天');
    expect(await head(page, 'issued')).toBe('0');
    await page.fill('[data-testid=stats-range-from]', '2026-11-15');
    await page.fill('[data-testid=stats-range-to]', '2026-11-10');
    expect(await page.textContent('[data-testid=stats-range-error]')).toBe('开始日期不能晚于结束日期');
    expect(await page.locator('[data-testid=stats-heads]').count()).toBe(0);

    // A past day again leaves the range.
    await page.fill('[data-testid=stats-day]', '2026-11-29');
    await expect.poll(() => page.textContent('[data-testid=stats-note]')).toContain('2026-11-29 全天');
    expect(await page.locator('[data-testid=stats-range-bar]').count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('a past day after A’s target and name changed: its own targets and names; tickets without a stored target are said; a range’s tickets export', async () => {
    // A server of its own: this story starts on 2026-11-30 and moves on a day.
    const own = await startTestServer();
    onTestFinished(() => own.close());
    await serveTwo(own); // 2026-11-30: 10 and 20 minutes under 15: half within
    own.clock.advance(24 * 60 * MIN);
    const manager = await token(own.url, 'admin', 'admin');
    // The next day (the first command ends the old one) A's target goes to 30 and it is renamed.
    const changed = await apiCall(own.url, 'PUT', '/api/admin/queues/A', { targetWaitMinutes: 30, name: '企业开办一窗' }, manager);
    expect(changed.status).toBe(200);
    await issue(own.url, 'A'); // today's: waits under 30

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${own.url}/admin#stats`);
    await signIn(page, 'admin', 'admin');
    await page.waitForSelector('[data-testid=stats-queues]');
    expect(await rowA(page).locator('.qname').textContent()).toContain('企业开办一窗');
    expect(await page.locator('[data-testid=stats-untargeted]').count()).toBe(0);

    // Yesterday: judged by its own 15 minutes, named as it was; nothing to warn about.
    await page.fill('[data-testid=stats-day]', '2026-11-30');
    await expect.poll(() => page.textContent('[data-testid=stats-note]')).toContain('2026-11-30 全天 · 每张票按取号时队列的目标等候时长评判');
    await expect.poll(() => head(page, 'sla')).toBe('50.0%');
    expect(await rowA(page).locator('.qname').textContent()).toContain('企业开办');
    expect(await rowA(page).locator('.qname').textContent()).not.toContain('一窗');
    expect((await rowA(page).locator('[data-col=target]').textContent())?.trim()).toBe('15 分');
    expect(await rowA(page).locator('[data-col=target]').getAttribute('data-changed')).toBeNull();
    expect(await page.locator('[data-testid=stats-target-changed]').count()).toBe(0);
    expect(await page.locator('[data-testid=stats-untargeted]').count()).toBe(0);

    // A database from before targets were kept with each ticket: one of yesterday's has none.
    own.store.db.prepare("UPDATE tickets SET target_wait_minutes = NULL WHERE service_day = '2026-11-30' AND number = 'A001'").run();
    await page.click('[data-testid=stats-refresh]');
    await expect.poll(() => page.textContent('[data-testid=stats-untargeted]')).toContain('其中 1 张票');
    // A001 (10 minutes) against today's 30, A002 (20) against its 15: half within still; the row marks two targets.
    expect(await head(page, 'sla')).toBe('50.0%');
    expect(await rowA(page).locator('[data-col=target]').getAttribute('data-changed')).toBe('');
    expect(await rowA(page).locator('[data-col=target]').textContent()).toContain('*');
    expect(await page.textContent('[data-testid=stats-target-changed]')).toContain('这段时间内目标有调整');
    expect(await axeProblems(page)).toEqual([]);

    // 时间段 from the 29th to today: its tickets, day after day, as the day's file has them.
    await page.click('[data-testid=stats-range]');
    await page.fill('[data-testid=stats-range-from]', '2026-11-29');
    await expect.poll(() => page.textContent('[data-testid=stats-note]')).toContain('2026-11-29 至今天，共 3 天');
    expect(await page.locator('[data-testid=export-tickets]').count()).toBe(0);
    const file = await download(page, '[data-testid=export-range-tickets]');
    expect(file.name).toBe('取号明细-2026-11-29至2026-12-01.csv');
    expect(file.text.charCodeAt(0)).toBe(0xfeff);
    const lines = file.text.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^号码,队列,队列名称,取号方式,优先级,取号时间,叫号时间/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(' '))).toEqual(['A001 A', 'A002 A', 'A001 A']);
    expect(lines[1]).toContain('2026-11-30 09:00:00,2026-11-30 09:10:00');
    expect(lines[3]).toContain('2026-12-01 09:20:00');
    expect(await page.textContent('[data-testid=export-range-tickets]')).toBe('导出取号明细');

    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});

describe('statistics page: 求助 and 自动叫号', () => {
  it('shows the calls for help and each clerk’s share of automatic calls, zh and en, and exports them', async () => {
    // A hall of its own: c07 makes one call by 自动叫号 and one by hand, asks for help twice (one answered after 3 minutes, one left open).
    const own = await startTestServer();
    onTestFinished(() => own.close());
    const manager = await token(own.url, 'admin', 'admin');
    await mapWindows(own.url, manager, { 10: 'A' });
    const clerk = await token(own.url, 'c07', '1234');
    await apiCall(own.url, 'POST', '/api/windows/10/session', undefined, clerk);
    for (let i = 0; i < 2; i++) await issue(own.url, 'A');
    await apiCall(own.url, 'POST', '/api/windows/10/next', { ifIdle: true, auto: true }, clerk);
    own.clock.advance(2 * MIN);
    await apiCall(own.url, 'POST', '/api/windows/10/next', {}, clerk);

    const first = await apiCall<{ id: string }>(own.url, 'POST', '/api/windows/10/assist', { kind: 'conduct' }, clerk);
    own.clock.advance(3 * MIN);
    await apiCall(own.url, 'POST', `/api/assist/${first.body.id}/acknowledge`, {}, manager);
    await apiCall(own.url, 'POST', `/api/assist/${first.body.id}/resolve`, {}, manager);
    const second = await apiCall<{ id: string }>(own.url, 'POST', '/api/windows/10/assist', { kind: 'question' }, clerk); // left open

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${own.url}/admin#stats`);
    await signIn(page, 'admin', 'admin');
    const section = page.locator('[data-testid=stats-assist]');
    await section.waitFor();
    const figure = (name: string) => section.locator(`[data-figure=${name}] .value`).textContent();

    expect(await section.locator('h2').textContent()).toBe('求助');
    expect(await figure('total')).toBe('2');
    expect((await figure('median'))?.replace(/\s/g, '')).toBe('3分00秒');
    expect((await figure('longest'))?.replace(/\s/g, '')).toBe('3分00秒');
    expect(await figure('withdrawn')).toBe('0');
    expect(await figure('open')).toBe('1');
    expect(await section.locator('[data-figure=open] .sub').textContent()).toContain('1');
    expect(await section.locator('[data-testid=stats-assist-kinds] tr[data-kind=conduct]').textContent()).toContain('现场秩序');
    expect(await section.locator('[data-testid=stats-assist-windows] tr[data-window="10"] [data-col=count]').textContent()).toBe('2');
    expect(await section.locator('[data-testid=stats-assist-clerks] tr[data-clerk=c07] [data-col=count]').textContent()).toBe('2');
    const auto = page.locator('[data-testid=stats-clerks] tr[data-clerk=c07] [data-col=auto]');
    expect((await auto.textContent())?.replace(/\s/g, '')).toBe('50.0%1/2');
    expect(await axeProblems(page)).toEqual([]);

    // The figures file: the clerk's calls and the 求助 section.
    const csv = (await download(page, '[data-testid=export-figures]')).text;
    expect(csv).toContain('求助');
    expect(csv).toMatch(/c07,[^\r\n]*,2,1,50,0,0\r\n/); // then 延时服务: none (all inside 作息时间)
    expect(csv).toContain('现场秩序,1');

    // Live: a manager taking the open call shows without a hall change (求助 moves no seq). Past
    // the 5 s throttle first, so that no ask left over from the page's opening picks it up.
    await page.waitForTimeout(5_500);
    await apiCall(own.url, 'POST', `/api/assist/${second.body.id}/acknowledge`, {}, manager);
    await expect.poll(() => section.locator('[data-figure=total] .sub').textContent(), { timeout: 10_000 }).toContain('已响应 2 次');
    expect(await section.locator('[data-figure=open] .sub').textContent()).toBe('都已有人响应');

    await page.selectOption('[data-testid=lang]', 'en');
    expect(await section.locator('h2').textContent()).toBe('Calls for help');
    expect(await section.locator('[data-testid=stats-assist-kinds] tr[data-kind=conduct]').textContent()).toContain('Conduct');
    // Answers of 3 minutes and of none: a median of 1 min 30 s.
    expect((await section.locator('[data-figure=median] .value').textContent())?.replace(/\s/g, '')).toBe('1min30s');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('statistics page: 延时服务', () => {
  it('lists who served outside 作息时间, the most first, with the hall’s total (zh, en, the file); 作息时间 set on 大厅设置; not set is said', async () => {
    // A hall of its own (the demo's 09:00–12:00, 13:00–17:00, Monday to Friday): c07 serves over lunch and after closing, c08 across 17:00.
    const own = await startTestServer();
    onTestFinished(() => own.close());
    const at = (time: string) => Date.parse(`2026-11-30T${time}:00+08:00`);
    const manager = await token(own.url, 'admin', 'admin');
    await mapWindows(own.url, manager, { 10: 'A', 11: 'A' });
    const c07 = await token(own.url, 'c07', '1234');
    const c08 = await token(own.url, 'c08', '1234');
    await apiCall(own.url, 'POST', '/api/windows/10/session', undefined, c07);
    await apiCall(own.url, 'POST', '/api/windows/11/session', undefined, c08);
    for (let i = 0; i < 4; i++) await issue(own.url, 'A');
    const serve = async (clerk: string, no: number, from: string, to: string) => {
      own.clock.set(at(from));
      await apiCall(own.url, 'POST', `/api/windows/${no}/next`, {}, clerk);
      own.clock.set(at(to));
      await apiCall(own.url, 'POST', `/api/windows/${no}/complete`, {}, clerk);
    };
    await serve(c07, 10, '11:50', '12:30'); // 30 minutes over lunch
    await serve(c08, 11, '16:48', '17:00'); // inside
    await serve(c08, 11, '17:00', '17:12'); // 12 minutes after closing
    await serve(c07, 10, '17:10', '17:30'); // 20 more: c07 50 minutes, two services

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${own.url}/admin#stats`);
    await signIn(page, 'admin', 'admin');
    const section = page.locator('[data-testid=stats-overtime]');
    await section.locator('tbody tr').first().waitFor();
    expect(await section.locator('h2').textContent()).toBe('延时服务');
    // The one owed the most 调休 heads the list.
    expect(await section.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-clerk')))).toEqual(['c07', 'c08']);
    expect(await section.locator('tr[data-clerk=c07] [data-col=time]').textContent()).toBe('50 分');
    expect(await section.locator('tr[data-clerk=c07] [data-col=tickets]').textContent()).toBe('2');
    expect(await section.locator('tr[data-clerk=c08] [data-col=time]').textContent()).toBe('12 分');
    expect((await section.locator('[data-testid=stats-overtime-total]').textContent())?.replace(/\s/g, '')).toBe('合计1小时2分·3件·2人');
    expect(await section.textContent()).toContain('按作息时间：周一至周五 09:00–12:00、13:00–17:00');
    expect(await axeProblems(page)).toEqual([]);

    const csv = (await download(page, '[data-testid=export-figures]')).text;
    expect(csv).toContain(',延时服务（分钟）,延时件数\r\n');
    expect(csv).toMatch(/\r\nc07,窗口人员07,10,2,[^\r\n]*,50,2\r\n/);
    expect(csv).toContain('\r\n合计,,,,,,,,,,62,3\r\n');

    // The printed report: a column per person and the total in a sentence.
    await page.click('[data-testid=report-open]');
    await expect.poll(() => page.locator('[data-testid=report-over]').textContent()).toContain('延时服务合计 1 小时 2 分，3 件，涉及 2 人。');
    expect(await page.textContent('[data-testid=report-over]')).not.toMatch(/。\s/); // one paragraph: no half-width space after a 。
    expect((await page.locator('[data-testid=report-clerks] tr[data-clerk=c07] [data-col=overtime]').textContent())?.trim()).toBe('50 分 · 2 件');
    await page.click('[data-testid=report-close]');

    await page.selectOption('[data-testid=lang]', 'en');
    expect(await section.locator('h2').textContent()).toBe('Extended service');
    expect(await section.locator('tr[data-clerk=c07] [data-col=time]').textContent()).toBe('50 min');
    expect(await section.textContent()).toContain('By the working hours: Mon–Fri 09:00–12:00, 13:00–17:00');
    await page.selectOption('[data-testid=lang]', 'zh');

    // 大厅设置: the demo's hours; no working day ticked is refused beside the days; Saturday worked and 17:30 saved.
    await page.goto(`${own.url}/admin#hall`);
    const form = page.locator('[data-testid=work-hours]');
    await form.waitFor();
    expect(await form.locator('input.time').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['09:00', '12:00', '13:00', '17:00']);
    expect(await form.locator('[data-day] input:checked').evaluateAll((inputs) => inputs.map((i) => i.closest('[data-day]')?.getAttribute('data-day')))).toEqual(['1', '2', '3', '4', '5']);
    for (const d of ['1', '2', '3', '4', '5']) await form.locator(`[data-day="${d}"]`).click();
    await page.click('[data-testid=hall-save]');
    expect(await form.locator('.field-error').textContent()).toBe('请至少勾选一个工作日');
    expect(await axeProblems(page)).toEqual([]);
    for (const d of ['1', '2', '3', '4', '5', '6']) await form.locator(`[data-day="${d}"]`).click();
    await form.locator('input.time').nth(3).fill('17:30');
    await page.click('[data-testid=hall-save]');
    await page.waitForSelector('.actions .ok');
    const settings = await apiCall<{ workHours?: unknown }>(own.url, 'GET', '/api/admin/settings', undefined, manager);
    expect(settings.body.workHours).toEqual({ spans: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:30' }], days: [1, 2, 3, 4, 5, 6] });

    // Every span removed: not set, and 统计 says so rather than 0.
    await form.getByRole('button', { name: '删除' }).first().click();
    await form.getByRole('button', { name: '删除' }).first().click();
    expect(await form.locator('[data-testid=work-none]').textContent()).toBe('未设置：不统计延时服务');
    await page.click('[data-testid=hall-save]');
    await page.waitForSelector('.actions .ok');
    await page.goto(`${own.url}/admin#stats`);
    await expect.poll(() => page.locator('[data-testid=stats-overtime-not-set]').textContent()).toContain('未设置作息时间，不统计延时服务。');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('作息时间 lists 节假日 and 调休上班 as chips: a run of holidays, one list per date, 从预约休息日导入, saved; 预约’s 休息日 are the same chips', async () => {
    const manager = await token(server.url, 'admin', 'admin');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin#hall`);
    await signIn(page, 'admin', 'admin');
    const form = page.locator('[data-testid=work-hours]');
    await form.waitFor();
    // 节假日 and 调休上班: chips in order with their weekday; 国庆 as a run from its first day; a date
    // in one list only; 从预约休息日导入 adds the appointments' closed dates not listed yet.
    const off = form.locator('[data-testid=work-off]');
    const on = form.locator('[data-testid=work-on]');
    const chips = (list: Locator) => list.locator('.chip').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-date')} ${e.querySelector('.weekday')?.textContent}`));
    expect(await off.textContent()).toContain('未添加节假日');
    const today = (await apiCall<{ hall: { serviceDay: string } }>(server.url, 'GET', '/api/snapshot')).body.hall.serviceDay;
    expect(await page.inputValue('#work-off-pick')).toBe(today); // an empty list starts today
    await page.fill('#work-off-pick', '2026-10-01');
    for (let i = 0; i < 7; i++) await page.click('[data-testid=work-off-add]');
    const NATIONAL = ['2026-10-01 周四', '2026-10-02 周五', '2026-10-03 周六', '2026-10-04 周日', '2026-10-05 周一', '2026-10-06 周二', '2026-10-07 周三'];
    await expect.poll(() => chips(off)).toEqual(NATIONAL);
    expect(await page.textContent('[data-testid=work-off-count]')).toBe('7 天');
    await page.fill('#work-on-pick', '2026-10-10');
    await page.click('[data-testid=work-on-add]');
    await page.fill('#work-on-pick', '2026-10-01');
    await page.click('[data-testid=work-on-add]');
    await expect.poll(() => on.locator('.field-error').textContent()).toBe('2026-10-01 已列为节假日');
    expect(await chips(on)).toEqual(['2026-10-10 周六']);
    await off.getByRole('button', { name: '删除 2026-10-07 周三' }).click();
    await expect.poll(() => chips(off)).toEqual(NATIONAL.slice(0, 6));
    expect((await apiCall(server.url, 'PUT', '/api/citizen/settings', { closedDates: ['2026-10-10', '2027-01-01', '2026-10-01'] }, manager)).status).toBe(200);
    await page.click('[data-testid=work-import]');
    await expect.poll(() => page.textContent('[data-testid=work-imported]')).toBe('已导入 1 个日期，保存后生效'); // 10-01 listed, 10-10 is 调休上班
    expect(await chips(off)).toEqual([...NATIONAL.slice(0, 6), '2027-01-01 周五']);
    expect(await axeProblems(page)).toEqual([]);
    await page.click('[data-testid=hall-save]');
    await expect
      .poll(async () => (await apiCall<{ workHours?: WorkHours }>(server.url, 'GET', '/api/admin/settings', undefined, manager)).body.workHours)
      .toMatchObject({ offDates: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2027-01-01'], onDates: ['2026-10-10'] });
    await page.selectOption('[data-testid=lang]', 'en');
    await expect.poll(() => chips(on)).toEqual(['2026-10-10 Sat']);
    await page.selectOption('[data-testid=lang]', 'zh');
    // 预约与评价's 休息日 are the same chips.
    await page.goto(`${server.url}/admin#citizen`);
    const closed = page.locator('[data-field=closedDates]');
    await closed.locator('.chip').first().waitFor();
    expect(await chips(closed)).toEqual(['2026-10-01 周四', '2026-10-10 周六', '2027-01-01 周五']);
    expect(await page.inputValue('#cs-date-pick')).toBe('2027-01-02');
    await page.click('[data-testid=cs-date-add]');
    await page.click('[data-testid=cs-save]');
    await expect
      .poll(async () => (await apiCall<{ closedDates: string[] }>(server.url, 'GET', '/api/citizen/settings', undefined, manager)).body.closedDates)
      .toEqual(['2026-10-01', '2026-10-10', '2027-01-01', '2027-01-02']);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
