/**
 * The QR code of a ticket's phone page (npm qrcode), drawn as one SVG path of its dark modules:
 * no canvas, no HTML injection, and it prints sharp at any size. Loaded on demand (qrLoader.ts):
 * 扫码取号 on a phone never draws one, and need not download the encoder.
 */
import QRCode from 'qrcode';

export { phonePageUrl } from './phonePage';

export interface QrShape {
  /** Modules per side. */
  size: number;
  /** SVG path data: one unit square per dark module. */
  d: string;
}

export function qrShape(text: string): QrShape {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (modules.get(y, x)) d += `M${x} ${y}h1v1h-1z`;
    }
  }
  return { size, d };
}
