/**
 * The 统计 page's 求助 section and the clerk table's 自动叫号 share, in Chromium against a real
 * server: clerk c07 makes one call by 自动叫号 (`auto`) and one by hand, asks for help twice (one
 * answered after three minutes, one left open); the page shows it in Chinese and in English, and
 * the figures file carries it.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe('statistics page: 求助 and 自动叫号', () => {
  it('shows the calls for help and each clerk’s share of automatic calls, zh and en, and exports them', async () => {
    const manager = await token(server.url, 'admin', 'admin');
    const clerk = await token(server.url, 'c07', '1234');
    await apiCall(server.url, 'POST', '/api/windows/10/session', undefined, clerk);
    for (let i = 0; i < 2; i++) await issue(server.url, 'A');
    await apiCall(server.url, 'POST', '/api/windows/10/next', { ifIdle: true, auto: true }, clerk);
    server.clock.advance(2 * MIN);
    await apiCall(server.url, 'POST', '/api/windows/10/next', {}, clerk);

    const first = await apiCall<{ id: string }>(server.url, 'POST', '/api/windows/10/assist', { kind: 'conduct' }, clerk);
    server.clock.advance(3 * MIN);
    await apiCall(server.url, 'POST', `/api/assist/${first.body.id}/acknowledge`, {}, manager);
    await apiCall(server.url, 'POST', `/api/assist/${first.body.id}/resolve`, {}, manager);
    await apiCall(server.url, 'POST', '/api/windows/10/assist', { kind: 'question' }, clerk); // left open

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin#stats`);
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
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-figures]')]);
    const csv = await readFile(await file.path(), 'utf8');
    expect(csv).toContain('求助');
    expect(csv).toMatch(/c07,[^\r\n]*,2,1,50\r\n/);
    expect(csv).toContain('现场秩序,1');

    await page.selectOption('[data-testid=lang]', 'en');
    expect(await section.locator('h2').textContent()).toBe('Calls for help');
    expect(await section.locator('[data-testid=stats-assist-kinds] tr[data-kind=conduct]').textContent()).toContain('Conduct');
    expect((await section.locator('[data-figure=median] .value').textContent())?.replace(/\s/g, '')).toMatch(/^3/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
