/** The built apps (display/, counter/) at the contract's paths, and their assets under /static. */
import express, { type Express, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ONSITE_CODE_PATTERN } from '../../shared/mobile';
import { compressedStatic } from './compressed-static';

/** Assets have hashed names: a new build is new names, so they may be kept a month. */
const STATIC_MAX_AGE_S = 30 * 24 * 3600;

const PAGES: { path: string; app: 'display' | 'counter'; file: string }[] = [
  { path: '/display', app: 'display', file: 'wall.html' },
  { path: '/display/window/:no', app: 'display', file: 'window.html' },
  { path: '/display/rate/:no', app: 'display', file: 'rate.html' },
  { path: '/kiosk', app: 'display', file: 'kiosk.html' },
  { path: '/t/:ticketId', app: 'display', file: 'ticket.html' },
  { path: '/counter', app: 'counter', file: 'counter.html' },
  { path: '/admin', app: 'counter', file: 'admin.html' },
];

const LANDING = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>排队叫号系统</title>
<style>body{font:18px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;max-width:40em;margin:3em auto;color:#1f2937}a{color:#1d4ed8}</style>
<h1>排队叫号系统 <small>Queue &amp; calling system</small></h1><ul>
<li><a href="/display">大厅叫号屏 Wall display</a></li><li><a href="/display/window/1">窗口屏 Window screen</a></li><li><a href="/display/rate/1">评价器 Rating pad</a></li>
<li><a href="/kiosk">取号机 Kiosk</a></li><li><a href="/m">手机取号 Phone ticketing</a></li><li><a href="/counter">窗口工作台 Counter panel</a></li>
<li><a href="/admin">管理后台 Manager console</a></li></ul></html>`;

/**
 * The tab icon: a ticket with 号 in the hall's blue. Browsers ask /favicon.ico of every page; an
 * answer keeps a 404 out of every screen's console and lets staff find the panel's tab.
 */
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect x="4" y="10" width="56" height="44" rx="8" fill="#0b4f9c"/><circle cx="4" cy="32" r="7" fill="#fff"/><circle cx="60" cy="32" r="7" fill="#fff"/><text x="32" y="43" font-size="30" font-weight="700" text-anchor="middle" fill="#fff" font-family="Noto Sans CJK SC, Microsoft YaHei, sans-serif">号</text></svg>`;

function notBuilt(res: Response): void {
  res
    .status(503)
    .type('html')
    .send('<!doctype html><meta charset="utf-8"><p>界面尚未构建。请先运行 <code>npm run build</code>。<br>The apps are not built yet: run <code>npm run build</code>.</p>');
}

export function registerPages(app: Express, distDir: string): void {
  app.get('/', (_req, res) => {
    res.type('html').send(LANDING);
  });
  app.get(['/favicon.ico', '/favicon.svg'], (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type('image/svg+xml').send(ICON);
  });
  // 扫码取号: the short address a poster's QR code carries; the kiosk's steps in phone mode. The QR
  // on a kiosk's screen (场内扫码取号) adds its code, `?c=`, which goes along only when well formed.
  app.get('/m', (req, res) => {
    const c = req.query.c;
    const code = typeof c === 'string' && ONSITE_CODE_PATTERN.test(c) ? `&c=${c}` : '';
    res.redirect(302, `/kiosk?mode=mobile${code}`);
  });
  for (const name of ['display', 'counter'] as const) {
    // Compressed first where the browser takes it (a phone's ticket page: 140 → ~50 kB), as is otherwise.
    app.use(`/static/${name}`, compressedStatic(join(distDir, name), STATIC_MAX_AGE_S), express.static(join(distDir, name), { index: false, immutable: true, maxAge: STATIC_MAX_AGE_S * 1000 }));
  }
  for (const p of PAGES) {
    const file = join(distDir, p.app, p.file);
    app.get(p.path, (_req, res) => {
      if (!existsSync(file)) return notBuilt(res);
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(file);
    });
  }
}
