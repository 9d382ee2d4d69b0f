/** The QR code of a ticket's phone page, as inline SVG (npm qrcode; no canvas, prints sharp). */
import QRCode from 'qrcode';

export function phonePageUrl(base: string, ticketId: string): string {
  return `${base.replace(/\/+$/, '')}/t/${encodeURIComponent(ticketId)}`;
}

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
}
