/**
 * Helpers for the display's browser tests and its heap bench: a built display (built here if
 * missing or older than its sources), Debian's Chromium through playwright-core, and a tiny
 * static server that serves the built pages at the paths the real server uses (for the
 * `?fixture` dev mode and the bench's pretend hall), and measures of text that is cut off or
 * breaks inside a phrase.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { phrases } from '../../../display/src/shared/phrases';
import { ensureAppBuilt, ROOT } from '../../support/browser';

export { CHROMIUM_ARGS, launchChromium, ROOT } from '../../support/browser';

export const DIST = join(ROOT, 'dist/display');

/** Build the display once (about two seconds); parallel test files wait for one builder. */
export const ensureDisplayBuilt = (): Promise<void> => ensureAppBuilt('display', ['wall.html', 'window.html', 'kiosk.html', 'ticket.html', 'rate.html']);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wav': 'audio/wav',
  '.svg': 'image/svg+xml',
};

/** Which built html a page path maps to, as the real server does it. */
export function pageFor(pathname: string): string | null {
  if (pathname === '/display' || pathname === '/display/') return 'wall.html';
  if (/^\/display\/window\/\d+\/?$/.test(pathname)) return 'window.html';
  if (pathname === '/kiosk') return 'kiosk.html';
  if (/^\/t\/[^/]+$/.test(pathname)) return 'ticket.html';
  return null;
}

/** Serves the built pages and /static/display/**; `extra` may answer other paths first. */
export function serveDisplay(
  server: Server = createServer(),
  extra?: (req: IncomingMessage, res: ServerResponse) => boolean,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (extra?.(req, res)) return;
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (pathname.startsWith('/socket.io')) return; // Socket.IO answers those itself
    const page = pageFor(pathname);
    let file: string | null = page === null ? null : join(DIST, page);
    if (pathname.startsWith('/static/display/')) {
      const rel = normalize(pathname.slice('/static/display/'.length));
      if (!rel.startsWith('..')) file = join(DIST, rel);
    }
    if (file === null || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        url: `http://127.0.0.1:${port}`,
        server,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

/**
 * Waits until what the page shows is final for a picture or a measure: its web fonts loaded, its
 * CSS animations started, and two frames drawn after that. `tickerMs` moves the wall's notice line
 * that far along its scroll (it starts off screen at the right), as if that long had passed, so a
 * picture shows some of it without the test waiting for it to scroll in.
 */
export async function drawn(page: Page, tickerMs = 0): Promise<void> {
  await page.evaluate(async (ms) => {
    await document.fonts.ready;
    await Promise.all(document.getAnimations().map((a) => a.ready));
    for (const track of document.querySelectorAll('[data-testid="notice"] .track')) {
      for (const a of track.getAnimations()) a.currentTime = Number(a.currentTime ?? 0) + ms;
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, tickerMs);
}

/** A valid WAV of silence, `ms` long (8 kHz mono 8-bit). */
export function silentWav(ms: number): Buffer {
  const samples = Math.round((8000 * ms) / 1000);
  const b = Buffer.alloc(44 + samples, 0x80);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + samples, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(8000, 28);
  b.writeUInt16LE(1, 32);
  b.writeUInt16LE(8, 34);
  b.write('data', 36);
  b.writeUInt32LE(samples, 40);
  return b;
}

/**
 * A TCP proxy in front of the server, so a test can cut a display off, "restart" the server
 * (point the proxy at a new one on another port) and let the display find its way back.
 * `target(null)` is a server that is down: connections are refused until a target is set.
 */
export async function tcpProxy(initialPort: number | null): Promise<{
  url: string;
  target(port: number | null): void;
  cutAll(): void;
  /** The line goes silent without closing (a pulled cable): bytes are dropped both ways. */
  silence(on: boolean): void;
  close(): Promise<void>;
}> {
  const { createServer: createTcpServer, connect } = await import('node:net');
  let targetPort = initialPort;
  let silent = false;
  const open = new Set<import('node:net').Socket>();
  const server = createTcpServer((client) => {
    if (targetPort === null) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    open.add(client);
    open.add(upstream);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    // By hand rather than pipe(), so silence() can drop bytes while the sockets stay open.
    client.on('data', (chunk: Buffer) => {
      if (!silent) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!silent) client.write(chunk);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  const cutAll = (): void => {
    for (const s of open) s.destroy();
    open.clear();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    target(p) {
      targetPort = p;
    },
    cutAll,
    silence(on) {
      silent = on;
    },
    close() {
      cutAll();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/**
 * Runs in the page: every element that holds text and is cut off — wider than its box, outside
 * the screen, or outside the nearest ancestor that clips. The scrolling notice line is exempt.
 * A string so the test code needs no DOM types.
 */
export const FIND_CUT_OFF_TEXT = `(() => {
  const cut = [];
  const vw = innerWidth, vh = innerHeight;
  for (const el of document.querySelectorAll('#app *')) {
    if (el.closest('[data-testid="notice"]')) continue;
    const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!hasText) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const style = getComputedStyle(el);
    const why = [];
    if (style.display !== 'inline' && el.scrollWidth > el.clientWidth + 1) why.push('wider than its box');
    if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1) why.push('off screen');
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).overflow === 'visible') continue;
      const ar = a.getBoundingClientRect();
      if (r.left < ar.left - 1 || r.right > ar.right + 1 || r.top < ar.top - 1 || r.bottom > ar.bottom + 1) why.push('clipped by ' + a.className);
      break;
    }
    if (why.length) cut.push(el.textContent.trim().slice(0, 30) + ': ' + why.join(', '));
  }
  return cut;
})()`;

/**
 * Runs in the page with a selector: for each element it matches, its text and where its lines
 * start (offsets into textContent, measured character by character, through inline boxes too).
 */
export const LINE_STARTS = `(selector) => [...document.querySelectorAll(selector)].map((el) => {
  const text = el.textContent;
  const starts = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let offset = 0, prevTop = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      if (node.data[i].trim() !== '') {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        if (r.height > 0) {
          if (prevTop !== null && r.top > prevTop + r.height / 2) starts.push(offset + i);
          prevTop = r.top;
        }
      }
    }
    offset += node.data.length;
  }
  return { text, starts };
})`;

/**
 * Every line break inside a phrase (display/src/shared/phrases.ts) of the texts the selector
 * matches, as "…before|after…": a line may start only where a phrase does.
 */
export async function breaksInsidePhrases(page: Page, selector: string): Promise<string[]> {
  const found = (await page.evaluate(`(${LINE_STARTS})(${JSON.stringify(selector)})`)) as { text: string; starts: number[] }[];
  const bad: string[] = [];
  for (const { text, starts } of found) {
    const bounds: number[] = [];
    let at = 0;
    for (const p of phrases(text)) bounds.push((at += p.length));
    for (const s of starts) {
      if (!bounds.some((b) => b <= s && text.slice(b, s).trim() === '')) bad.push(`${text.slice(0, s)}|${text.slice(s)}`);
    }
  }
  return bad;
}
