/**
 * 亮证亮照 end to end in Chromium against a real server: a manager picks a landscape picture
 * for c01 in the 人员 page; the console crops it to a 240×320 JPEG, previews it and saves it; the
 * screen above c01's window shows it only once 大厅设置 turns on 窗口屏显示工作人员 (live, no
 * reload), a silhouette once the photo is removed, and no clerk again when the setting is off.
 * SCREENSHOT_DIR=… saves the staff dialog and the window screen at 800×480, 1280×720 and
 * 1920×1080, Chinese and bilingual, with and without a photo.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { StaffAccount } from '../../../shared/admin';
import { ensureAppBuilt } from '../../support/browser';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from './support';

let server: TestServer;
let browser: Browser;
const shots = process.env.SCREENSHOT_DIR;
const WINDOW = 14;
const SIZES = [
  [800, 480],
  [1280, 720],
  [1920, 1080],
] as const;

beforeAll(async () => {
  await ensureCounterBuilt();
  await ensureAppBuilt('display', ['wall.html', 'window.html', 'kiosk.html', 'ticket.html', 'rate.html']);
  server = await startTestServer();
  browser = await launchChromium();
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A 640×480 "photo" drawn in the page (a face left of centre on a blue wall), as PNG bytes. */
async function landscapePicture(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 640;
    c.height = 480;
    const g = c.getContext('2d')!;
    g.fillStyle = '#4d7cc0';
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#1d2b44';
    g.beginPath();
    g.ellipse(320, 500, 170, 130, 0, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#f1c9a5';
    g.beginPath();
    g.ellipse(320, 220, 80, 100, 0, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#2a1b12';
    g.beginPath();
    g.ellipse(320, 150, 88, 55, 0, Math.PI, Math.PI * 2);
    g.fill();
    return c.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** The window screen in each size and language, saved (only when SCREENSHOT_DIR is set). */
async function shootWindow(name: string): Promise<void> {
  if (!shots) return;
  for (const [w, h] of SIZES) {
    for (const lang of ['zh', 'bi'] as const) {
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      await page.goto(`${server.url}/display/window/${WINDOW}${lang === 'zh' ? '?lang=zh' : ''}`);
      await page.waitForSelector('[data-testid=window-number]');
      await page.waitForFunction(() => [...document.images].every((i) => i.complete));
      await page.screenshot({ path: `${shots}/window-${name}-${lang}-${w}x${h}.png` });
      await page.close();
    }
  }
}

describe('staff photo from the console to the window screen', () => {
  it('uploads a cropped photo, shows it on the window screen only with the setting on, removes it', async () => {
    const manager = await token(server.url, 'admin', 'admin');
    const clerk = await token(server.url, 'c01', '1234');
    const c01Id = server.store.users.byUsername('c01')!.id;
    // A real name (two or three characters): the demo's "窗口人员01" is shrunk to fit its column.
    await apiCall(server.url, 'PUT', `/api/admin/staff/${c01Id}`, { name: '王晓红' }, manager);
    await apiCall(server.url, 'POST', '/api/tickets', { queue: 'C' });
    await apiCall(server.url, 'POST', `/api/windows/${WINDOW}/session`, undefined, clerk);
    await apiCall(server.url, 'POST', `/api/windows/${WINDOW}/next`, {}, clerk);

    // The window screen, watching live from the start (800×480, bilingual).
    const screen = await browser.newPage({ viewport: { width: 800, height: 480 } });
    const screenErrors = collectErrors(screen);
    await screen.goto(`${server.url}/display/window/${WINDOW}`);
    await screen.waitForSelector('[data-testid=window-number]');
    expect(await screen.getByTestId('window-clerk').count()).toBe(0);

    // 人员 → c01 → 选择照片: the picked picture is cropped and previewed, not saved yet.
    const console = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = collectErrors(console);
    await console.goto(`${server.url}/admin#staff`);
    await signIn(console, 'admin', 'admin');
    await console.click('[data-edit=c01]');
    await console.waitForSelector('[data-testid=staff-photo-none]');
    await console.setInputFiles('[data-testid=staff-photo-file]', { name: 'me.png', mimeType: 'image/png', buffer: await landscapePicture(console) });
    const preview = console.getByTestId('staff-photo-preview');
    await preview.waitFor();
    expect(await preview.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([240, 320]);
    expect(server.store.photos.get(c01Id)).toBeUndefined();
    if (shots) await console.screenshot({ path: `${shots}/admin-staff-photo-preview-zh-1366.png` });

    await console.click('[data-testid=staff-photo-save]');
    await expect.poll(() => console.getByTestId('staff-photo-note').textContent()).toBe('照片已保存');
    const stored = server.store.photos.get(c01Id)!;
    expect(stored.mime).toBe('image/jpeg');
    // A few kB to a few tens of kB: a drawn picture compresses well; a real face is larger.
    expect(stored.bytes.length).toBeGreaterThan(2_000);
    expect(stored.bytes.length).toBeLessThan(60_000);
    await console.getByTestId('staff-photo-current').waitFor();
    await console.locator('[data-photo=c01]').waitFor(); // the list's thumbnail
    if (shots) await console.screenshot({ path: `${shots}/admin-staff-photo-saved-zh-1366.png` });

    // Still no clerk above the window: the hall has not turned it on.
    await screen.waitForTimeout(300);
    expect(await screen.getByTestId('window-clerk').count()).toBe(0);

    // 大厅设置 → 窗口屏显示工作人员: the screen shows photo, name and 工号 without a reload.
    await console.goto(`${server.url}/admin#hall`);
    await console.check('[data-testid=hall-window-shows-clerk]');
    await console.click('[data-testid=hall-save]');
    await console.waitForSelector('text=大厅设置已保存');
    if (shots) await console.screenshot({ path: `${shots}/admin-hall-shows-clerk-zh-1366.png`, fullPage: true });
    const photo = screen.getByTestId('window-clerk-photo');
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    expect(await screen.getByTestId('window-clerk-name').textContent()).toBe('王晓红');
    expect(await screen.getByTestId('window-clerk-no').textContent()).toBe('工号 c01');
    expect(await screen.getByTestId('window-clerk').textContent()).toContain('Staff No. c01');
    // Large on the small panel: the number at least a third of the height, the window label an eighth.
    const px = (sel: string) => screen.locator(sel).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await px('[data-testid=window-number]')).toBeGreaterThanOrEqual(150);
    expect(await px('[data-testid=window-label]')).toBeGreaterThanOrEqual(55);
    expect(await px('[data-testid=window-clerk-name]')).toBeGreaterThanOrEqual(30);
    await shootWindow('photo');

    // 光荣榜: an honoured clerk's title shows under their 工号, live.
    await apiCall(server.url, 'PUT', '/api/admin/settings', { honors: [{ clerkId: c01Id, title: '11月服务之星' }] }, manager);
    await expect.poll(() => screen.getByTestId('window-clerk-honor').textContent(), { timeout: 5_000 }).toBe('★ 11月服务之星');
    await shootWindow('honor');

    // 删除照片: the screen falls back to the silhouette, name and 工号 still shown.
    await console.goto(`${server.url}/admin#staff`);
    await console.click('[data-edit=c01]');
    await console.click('[data-testid=staff-photo-remove]');
    await expect.poll(() => console.getByTestId('staff-photo-note').textContent()).toBe('照片已删除');
    await screen.getByTestId('window-clerk-placeholder').waitFor();
    expect(await screen.getByTestId('window-clerk-photo').count()).toBe(0);
    const list = await apiCall<StaffAccount[]>(server.url, 'GET', '/api/admin/staff', undefined, manager);
    expect(list.body.find((a) => a.username === 'c01')?.photoUrl).toBeUndefined();
    await shootWindow('nophoto');

    // Paused: nobody is shown at a window that does not serve.
    await apiCall(server.url, 'POST', `/api/windows/${WINDOW}/pause`, { reason: 'break' }, clerk);
    await expect.poll(() => screen.getByTestId('window-clerk').count()).toBe(0);
    await apiCall(server.url, 'POST', `/api/windows/${WINDOW}/resume`, undefined, clerk);
    await screen.getByTestId('window-clerk').waitFor();

    // Off again: the clerk leaves the screen.
    await apiCall(server.url, 'PUT', '/api/admin/settings', { windowShowsClerk: false }, manager);
    await expect.poll(() => screen.getByTestId('window-clerk').count()).toBe(0);
    await shootWindow('off');
    expect(errors).toEqual([]);
    expect(screenErrors).toEqual([]);
  }, 90_000);
});
