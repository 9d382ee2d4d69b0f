/**
 * The apps' assets compressed on the wire: brotli or gzip as the browser says, the same bytes once
 * unpacked, as-is to a client that takes neither and for small or other files, nothing outside the
 * app's folder, a rebuilt file noticed. A real server over a temporary dist folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { pickEncoding } from '../../server/http/compressed-static';
import { startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** A raw GET (fetch would unpack the body and hide the encoding). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function dist(): { dir: string; script: string } {
  const dir = tempDir('dist-');
  mkdirSync(join(dir, 'display', 'assets'), { recursive: true });
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `请 A${String(i).padStart(3, '0')} 号到 ${i % 28} 号窗口办理`))};\n`;
  writeFileSync(join(dir, 'display', 'assets', 'ticket-abc123.js'), script);
  writeFileSync(join(dir, 'display', 'assets', 'tiny-1.js'), 'export {};\n');
  writeFileSync(join(dir, 'display', 'assets', 'photo.png'), Buffer.alloc(4096, 7));
  return { dir, script };
}

describe('compressed assets', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', null],
    ['*', 'gzip'],
    ['GZIP;q=0.5', 'gzip'],
    ['gzip;q=0', null],
  ])('Accept-Encoding %j → %s', (header, want) => {
    expect(pickEncoding(header)).toBe(want);
  });

  it('br, gzip or as is, the same bytes once unpacked; small, other and outside files left to express.static', async () => {
    const { dir, script } = dist();
    s = await startTestServer({ distDir: dir });
    const url = `${s.url}/static/display/assets/ticket-abc123.js`;

    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect([br.status, br.headers['content-encoding'], br.headers.vary]).toEqual([200, 'br', 'Accept-Encoding']);
    expect(br.headers['content-type']).toContain('javascript');
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 3);

    const gz = await get(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
    expect(gz.headers['cache-control']).toContain('immutable');

    const plain = await get(url);
    expect([plain.status, plain.headers['content-encoding']]).toEqual([200, undefined]);
    expect(plain.body.toString()).toBe(script);

    const head = await get(url, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect([head.status, head.headers['content-encoding'], head.body.length]).toEqual([200, 'gzip', 0]);

    const tiny = await get(`${s.url}/static/display/assets/tiny-1.js`, { 'accept-encoding': 'gzip' });
    expect([tiny.status, tiny.headers['content-encoding'], tiny.body.toString()]).toEqual([200, undefined, 'export {};\n']);
    const png = await get(`${s.url}/static/display/assets/photo.png`, { 'accept-encoding': 'gzip' });
    expect([png.status, png.headers['content-encoding']]).toEqual([200, undefined]);
    expect((await get(`${s.url}/static/display/assets/missing.js`, { 'accept-encoding': 'gzip' })).status).toBe(404);
    for (const sneaky of ['/static/display/..%2f..%2fpackage.json', '/static/display/%2e%2e/%2e%2e/x.js']) {
      const r = await get(`${s.url}${sneaky}`, { 'accept-encoding': 'gzip' });
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.status).not.toBe(200);
    }
  });

  it('a file rebuilt under the same name is sent as it is now', async () => {
    const { dir } = dist();
    s = await startTestServer({ distDir: dir });
    const url = `${s.url}/static/display/assets/ticket-abc123.js`;
    await get(url, { 'accept-encoding': 'gzip' });
    const changed = `export const x = ${JSON.stringify('新'.repeat(3000))};\n`;
    writeFileSync(join(dir, 'display', 'assets', 'ticket-abc123.js'), changed);
    const again = await get(url, { 'accept-encoding': 'gzip' });
    expect(gunzipSync(again.body).toString()).toBe(changed);
  });
});
