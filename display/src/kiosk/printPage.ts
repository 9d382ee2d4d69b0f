/**
 * The receipt's page: 80 mm wide thermal paper, as long as the receipt itself (a fixed length
 * would waste paper or cut the QR code off). The kiosk measures the receipt and sets @page before
 * printing. Pure.
 */
export const RECEIPT_WIDTH_MM = 80;
const MM_PER_CSS_PX = 25.4 / 96;

export function receiptLengthMm(heightPx: number): number {
  // A little tail so the cutter never clips the last line.
  return Math.max(60, Math.ceil(heightPx * MM_PER_CSS_PX) + 6);
}

export function pageCss(heightPx: number): string {
  return `@page { size: ${RECEIPT_WIDTH_MM}mm ${receiptLengthMm(heightPx)}mm; margin: 0; }`;
}
