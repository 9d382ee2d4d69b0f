/**
 * 自助机呼叫工作人员 in Chromium against a real server: the citizen presses the kiosk's help button,
 * the guide desk lists the kiosk live (自助取号机 1), 我去处理 makes the kiosk say someone is coming,
 * the idle reset leaves the call on screen, 已处理 gives the kiosk its button back, 不需要了 takes the
 * call off the desk. Screenshots (kiosk portrait and landscape, guide desk; zh and en) go to /tmp.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, fileBrowser, HallPerTest, openGuideDesk, openKioskAt, shot } from './support';

const browser = fileBrowser();
const hall = new HallPerTest(browser, { viewport: { width: 1080, height: 1920 } });

const phase = (page: Page) => page.getAttribute('[data-testid="kiosk-help"]', 'data-phase');
const deskRows = (desk: Page) => desk.locator('[data-testid="kiosk-calls"] li');

describe('kiosk help (自助机呼叫工作人员)', () => {
  it('kiosk button → guide desk list → 我去处理 → the kiosk shows someone is coming; idle keeps it; 已处理 ends it', async () => {
    const kiosk = await openKioskAt(hall.context, hall.server.url, '/kiosk?idle=3');
    await expect.poll(() => phase(kiosk)).toBe('none');
    expect(await kiosk.locator('[data-testid="kiosk-help-call"]').textContent()).toContain('需要帮助？呼叫工作人员');
    const box = await kiosk.locator('[data-testid="kiosk-help-call"]').boundingBox();
    // Large enough for an elderly finger: most of the width, over 80 px tall.
    expect(box!.width).toBeGreaterThan(900);
    expect(box!.height).toBeGreaterThan(80);
    await shot(kiosk, 'kiosk-help-1-portrait-zh');

    const desk = await openGuideDesk(await browser().newContext(), hall.server.url);
    await expect.poll(() => desk.locator('[data-testid="kiosk-calls"]').textContent()).toContain('现在没有取号机在呼叫');

    await kiosk.click('[data-testid="kiosk-help-call"]');
    await expect.poll(() => phase(kiosk)).toBe('waiting');
    expect(await kiosk.locator('[data-testid="kiosk-help-state"]').textContent()).toBe('已通知工作人员，请在此稍候');
    expect(await kiosk.locator('[data-testid="kiosk-help"]').textContent()).toContain('刚刚呼叫');
    await expectAccessible(kiosk, 'kiosk help waiting');
    await shot(kiosk, 'kiosk-help-2-waiting-zh');

    // The desk hears it live, names the unnamed kiosk by its place in 设备状态, and flags the tab.
    await expect.poll(() => deskRows(desk).count()).toBe(1);
    expect(await deskRows(desk).first().textContent()).toContain('自助取号机 1');
    expect(await desk.title()).toMatch(/^【取号机呼叫】/);
    await expectAccessible(desk, 'guide desk with a kiosk call');
    await shot(desk, 'kiosk-help-3-desk-zh');

    // The citizen wanders into a step and leaves it: the idle reset goes back to the start, the call stays.
    await kiosk.click('[data-category="企业服务"]');
    await kiosk.locator('.kiosk[data-step="queues"]').waitFor();
    // In a step the call keeps its one line in the bottom bar, between 返回 and 首页.
    expect(await kiosk.locator('.nav [data-testid="kiosk-help-state"]').textContent()).toBe('已通知工作人员，请在此稍候');
    // One line (two would be about 80 px).
    const line = await kiosk.locator('.nav [data-testid="kiosk-help-state"]').boundingBox();
    expect(line!.height).toBeLessThan(55);
    // Whole, not cut short with an ellipsis.
    expect(await kiosk.locator('.nav [data-testid="kiosk-help-state"]').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await shot(kiosk, 'kiosk-help-2b-step-waiting-zh');
    await kiosk.locator('.kiosk[data-step="start"]').waitFor({ timeout: 8000 });
    expect(await phase(kiosk)).toBe('waiting');

    await desk.click('[data-testid="kiosk-call-take"]');
    await expect.poll(() => phase(kiosk)).toBe('coming');
    expect(await kiosk.locator('[data-testid="kiosk-help-state"]').textContent()).toBe('工作人员正在赶来');
    await expect.poll(() => deskRows(desk).first().textContent()).toContain('正在处理');
    await shot(kiosk, 'kiosk-help-4-coming-zh');

    await kiosk.click('[data-testid="lang"]');
    await expect.poll(() => kiosk.locator('[data-testid="kiosk-help-state"]').textContent()).toBe('Staff are on the way');
    await shot(kiosk, 'kiosk-help-5-coming-en');
    await desk.click('[data-testid="lang"]');
    await expect.poll(() => deskRows(desk).first().textContent()).toContain('Kiosk 1');
    await shot(desk, 'kiosk-help-6-desk-en');

    await desk.click('[data-testid="kiosk-call-resolve"]');
    await expect.poll(() => phase(kiosk)).toBe('none');
    await expect.poll(() => deskRows(desk).count()).toBe(0);
    expect(await desk.title()).not.toMatch(/取号机呼叫/);
    await desk.context().close();
  });

  it('the citizen withdraws it (不需要了); a double press is one call; landscape and English', async () => {
    await hall.context.close();
    hall.context = await browser().newContext({ viewport: { width: 1920, height: 1080 } });
    const kiosk = await openKioskAt(hall.context, hall.server.url, '/kiosk?name=东门取号机');
    const desk = await openGuideDesk(await browser().newContext(), hall.server.url);
    await kiosk.click('[data-testid="lang"]');
    expect(await kiosk.locator('[data-testid="kiosk-help-call"]').textContent()).toContain('Need help? Call staff');
    await shot(kiosk, 'kiosk-help-7-landscape-en');
    await kiosk.click('[data-testid="kiosk-help-call"]');
    await expect.poll(() => phase(kiosk)).toBe('waiting');
    expect(await kiosk.locator('[data-testid="kiosk-help-state"]').textContent()).toBe('Staff have been told. Please wait here');
    await shot(kiosk, 'kiosk-help-8-landscape-waiting-en');
    await kiosk.click('[data-testid="lang"]');
    await shot(kiosk, 'kiosk-help-9-landscape-waiting-zh');
    // Large type (white on black): the call's frame and words stay readable.
    await kiosk.click('[data-testid="large"]');
    await expectAccessible(kiosk, 'kiosk help waiting, large type');
    await shot(kiosk, 'kiosk-help-10-landscape-waiting-large');
    await kiosk.click('[data-testid="large"]');

    await expect.poll(() => deskRows(desk).count()).toBe(1);
    expect(await deskRows(desk).first().textContent()).toContain('东门取号机');
    // A second press from another tab of the same kiosk (the same device id) is the same call.
    const again = await hall.context.newPage();
    await again.goto(`${hall.server.url}/kiosk?name=东门取号机`);
    await expect.poll(() => phase(again)).toBe('waiting');
    expect(await deskRows(desk).count()).toBe(1);

    await kiosk.click('[data-testid="kiosk-help-withdraw"]');
    await expect.poll(() => phase(kiosk)).toBe('none');
    await expect.poll(() => phase(again)).toBe('none');
    await expect.poll(() => deskRows(desk).count()).toBe(0);
    await desk.context().close();

    // Large type in a step on a portrait kiosk: the button takes its own row over 返回 and 首页, overlapping neither.
    await hall.context.close();
    hall.context = await browser().newContext({ viewport: { width: 1080, height: 1920 } });
    const tall = await openKioskAt(hall.context, hall.server.url, '/kiosk?idle=600');
    await tall.click('[data-testid="large"]');
    await tall.click('[data-testid="lang"]');
    await tall.click('[data-category="企业服务"]');
    const call = await tall.locator('[data-testid="kiosk-help-call"]').boundingBox();
    for (const id of ['back', 'home']) {
      const b = await tall.locator(`[data-testid="${id}"]`).boundingBox();
      expect(call!.y + call!.height <= b!.y || b!.y + b!.height <= call!.y, id).toBe(true);
    }
    await shot(tall, 'kiosk-help-11-step-large-en');
  });
});
