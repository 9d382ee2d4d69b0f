/** The pages' own addresses over HTTP: the landing page lists every screen; the tab icon answers. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(async () => {
  await s.close();
});

describe('pages', () => {
  it('the landing page links every screen, the 评价器 too', async () => {
    const html = await (await fetch(`${s.url}/`)).text();
    for (const path of ['/display', '/display/window/1', '/display/rate/1', '/kiosk', '/m', '/counter', '/admin']) expect(html).toContain(`href="${path}"`);
  });

  it('answers /favicon.ico (no 404 in every screen’s console)', async () => {
    const r = await fetch(`${s.url}/favicon.ico`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('image/svg+xml');
    expect(await r.text()).toMatch(/^<svg [^>]*viewBox="0 0 64 64"/);
  });
});
