/**
 * Prints the receipt through the browser: sets the page to 80 mm × the receipt's length, then
 * window.print(). In kiosk Chromium started with --kiosk --kiosk-printing this prints at once to
 * the default printer with no dialog (docs/citizen.md).
 */
import { pageCss } from './printPage';

const STYLE_ID = 'receipt-page-size';

export function printReceipt(receipt: HTMLElement): void {
  let style = document.getElementById(STYLE_ID);
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    document.head.appendChild(style);
  }
  style.textContent = pageCss(receipt.getBoundingClientRect().height);
  window.print();
}
