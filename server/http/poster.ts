/**
 * 扫码取号 poster (GET /m/poster): an A4 page with the hall's name and the QR code of its phone
 * ticketing address (/m), for the entrance and the waiting seats. Printed from the browser; the
 * QR is an SVG drawn here (npm qrcode), so it prints sharp at any size. The address is the hall's
 * public base (预约与评价 → 公网地址) when set, else the address the manager opened the console on.
 * While the hall takes phone numbers only by the kiosks' QR of the minute (场内扫码取号), a printed
 * code would only lead to "scan a kiosk's screen": the poster then points to the kiosks instead.
 */
import type { Express, Request } from 'express';
import QRCode from 'qrcode';

export interface PosterDeps {
  hallName: () => { zh: string; en: string };
  /** The hall's public base URL ('' when not set). */
  publicBase: () => string;
  /** 场内扫码取号 is on (citizen settings `mobileOnSite`). */
  onSite: () => boolean;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function mobileTicketingUrl(base: string, req: Request): string {
  const origin = base || `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  return `${origin.replace(/\/+$/, '')}/m`;
}

export function registerPoster(app: Express, deps: PosterDeps): void {
  app.get('/m/poster', async (req, res) => {
    const url = mobileTicketingUrl(deps.publicBase(), req);
    const onSite = deps.onSite();
    const svg = onSite ? '' : await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    const name = deps.hallName();
    const body = onSite
      ? `<p class="kiosks">请到取号机前，用手机扫描<strong>取号机屏幕上</strong>的二维码</p>
<ol><li>用手机扫描取号机屏幕上的二维码（每分钟更新）</li><li>在手机上选择要办理的业务，取号</li><li>留意叫号，轮到时到窗口办理</li></ol>
<p class="en">Scan the QR code on a kiosk's screen to take a number on your phone · ${escapeHtml(name.en)}</p>`
      : `<div class="qr" role="img" aria-label="手机取号二维码 ${escapeHtml(url)}">${svg}</div>
<ol><li>用手机扫描二维码</li><li>选择要办理的业务，取号</li><li>留意叫号，轮到时到窗口办理</li></ol>
<p class="en">Scan to take a number on your phone · ${escapeHtml(name.en)}</p>
<p class="url">${escapeHtml(url)}</p>`;
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(`<!doctype html><html lang="zh-CN"><meta charset="utf-8">
<title>手机扫码取号 · ${escapeHtml(name.zh)}</title>
<style>
@page{size:A4;margin:18mm}
body{font:20px/1.5 "Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;color:#111;text-align:center;margin:0}
main{max-width:170mm;margin:0 auto;padding:8mm 0}
h1{font-size:44px;margin:0 0 4mm}
.hall{font-size:24px;margin:0 0 10mm}
.qr{width:120mm;height:120mm;margin:0 auto 8mm}
.qr svg{width:100%;height:100%}
ol{display:inline-block;text-align:left;font-size:22px;margin:0 0 8mm}
.url{font-size:16px;color:#444;word-break:break-all}
.kiosks{font-size:34px;line-height:1.5;margin:20mm 0 12mm}
.en{color:#444;font-size:16px}
button{font:inherit;font-size:18px;padding:8px 24px;margin-top:8mm}
@media print{button{display:none}}
</style>
<main>
<h1>手机扫码取号</h1>
<p class="hall">${escapeHtml(name.zh)}</p>
${body}
<button type="button" onclick="print()">打印 Print</button>
</main></html>`);
  });
}
