/** 扫码取号 over HTTP: /m leads to the kiosk in phone mode; /m/poster is a printable page whose QR code carries the hall's phone address. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, login, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(async () => {
  await s.close();
});

describe('扫码取号 addresses', () => {
  it('/m redirects to the kiosk in phone mode', async () => {
    const r = await fetch(`${s.url}/m`, { redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('/kiosk?mode=mobile');
  });

  it('the poster names the hall and carries a QR code of /m, on the public address once one is set', async () => {
    const page = async () => {
      const r = await fetch(`${s.url}/m/poster`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('text/html');
      return r.text();
    };
    const first = await page();
    expect(first).toContain('<h1>手机扫码取号</h1>');
    expect(first).toContain('示范县政务服务中心');
    expect(first).toMatch(/<svg[^>]*viewBox="0 0 \d+ \d+"/);
    expect(first).toContain(`<p class="url">${s.url}/m</p>`);

    const manager = await login(s.url, 'admin', 'admin');
    expect((await api(s.url, 'PUT', '/api/citizen/settings', { token: manager, body: { publicBaseUrl: 'https://zwfw.example.gov.cn/' } })).status).toBe(200);
    const second = await page();
    expect(second).toContain('<p class="url">https://zwfw.example.gov.cn/m</p>');
    // A different address, a different code.
    const path = (html: string) => /<path stroke[^>]*d="([^"]+)"/.exec(html)?.[1];
    expect(path(second)).toBeDefined();
    expect(path(second)).not.toBe(path(first));

    // 场内扫码取号: a printed code could not take numbers, so the poster points to the kiosks.
    expect((await api(s.url, 'PUT', '/api/citizen/settings', { token: manager, body: { mobileOnSite: true } })).status).toBe(200);
    const third = await page();
    expect(third).toContain('<h1>手机扫码取号</h1>');
    expect(third).toContain('取号机屏幕上</strong>的二维码');
    expect(third).not.toContain('<svg');
    expect(third).not.toContain('class="url"');
  });
});
