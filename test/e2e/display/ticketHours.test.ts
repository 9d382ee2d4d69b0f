/**
 * 取号时间 and 停止取号 on the wall in Chromium against a real server: the footer says the hours,
 * and outside them that numbers are paused (until when) or over for the day, on server time; a
 * queue that stopped taking numbers says so in the waiting list; a hall without hours says nothing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/schemas';
import { api, login, startTestServer, type TestServer } from '../../support/server';
import { ensureDisplayBuilt, launchChromium } from './support';

const SCREENS = process.env.SCREENS_DIR ?? '/tmp/screens';
const at = (hhmm: string) => Date.parse(`2026-11-30T${hhmm}:00+08:00`);
let browser: Browser;
let server: TestServer;
let manager: string;
let guide: string;

beforeAll(async () => {
  await ensureDisplayBuilt();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  server = await startTestServer();
  manager = await login(server.url, 'admin', 'admin');
  guide = await login(server.url, 'guide', '1234');
});
afterEach(async () => {
  await server?.close();
});

async function setHours(hours: Array<{ start: string; end: string }>): Promise<void> {
  expect((await api(server.url, 'PUT', '/api/admin/settings', { token: manager, body: { ticketHours: hours, stopWhenUnfinishable: true } })).status).toBe(200);
}

/** A guide's ticket (guides are not bound by the hours): a change that carries the server's new time. */
async function guideTicket(queue: string): Promise<void> {
  expect((await api(server.url, 'POST', '/api/tickets', { token: guide, body: { queue, channel: 'guide' } })).status).toBe(201);
}

async function moveTo(hhmm: string): Promise<void> {
  server.clock.set(at(hhmm));
  await guideTicket('K');
}

async function openWall(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${server.url}/display?sound=off${query}`);
  await page.locator('.wall[data-status="live"]').waitFor({ timeout: 10_000 });
  return page;
}

const textOf = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('取号时间 on the wall', () => {
  it('says nothing in a hall without hours', async () => {
    const page = await openWall();
    await page.getByTestId('queue-board').waitFor();
    expect(await page.getByTestId('ticketing').count()).toBe(0);
    await page.close();
  });

  it('shows the hours, and outside them paused until the next span or over for today, on server time', async () => {
    await setHours([
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:00' },
    ]);
    await moveTo('10:00');
    const page = await openWall();
    await expect.poll(() => textOf(page, 'ticketing-hours')).toBe('取号时间 Ticket hours 08:30–12:00 13:30–17:00');
    expect(await page.getByTestId('ticketing-status').count()).toBe(0);

    await moveTo('12:10');
    await expect.poll(() => textOf(page, 'ticketing-status')).toBe('暂停取号，13:30 恢复 Numbers paused until 13:30');
    expect(await page.getByTestId('ticketing').getAttribute('data-kind')).toBe('paused');
    await page.screenshot({ path: `${SCREENS}/wall-ticketing-paused-live.png` });

    await moveTo('13:30');
    await expect.poll(() => page.getByTestId('ticketing-status').count()).toBe(0);
    await moveTo('17:05');
    await expect.poll(() => textOf(page, 'ticketing-status')).toBe('今日取号已结束 No more numbers today');
    await page.close();

    const en = await openWall('&lang=en');
    await expect.poll(() => textOf(en, 'ticketing-status')).toBe('No more numbers today');
    expect(await textOf(en, 'ticketing-hours')).toBe('Ticket hours 08:30–12:00 13:30–17:00');
    await en.close();
  });

  it('marks a queue that stopped taking numbers today in the waiting list', async () => {
    await setHours([
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:00' },
    ]);
    await moveTo('16:30');
    const page = await openWall('&lang=zh');
    const stopped = async () => (await api<Snapshot>(server.url, 'GET', '/api/snapshot')).body.queues.find((q) => q.code === 'F')?.stopped === true;
    // F (不动产) has nobody serving it: a few waiting and a newcomer could not be called before 17:00.
    for (let i = 0; i < 40 && !(await stopped()); i++) await guideTicket('F');
    expect(await stopped()).toBe(true);
    await expect.poll(() => page.locator('[data-queue="F"] [data-testid=queue-stopped]').textContent()).toBe('今日停止取号');
    expect(await page.locator('[data-queue="E"] [data-testid=queue-stopped]').count()).toBe(0);
    await page.screenshot({ path: `${SCREENS}/wall-queue-stopped-live.png` });
    await page.close();
  });
});
