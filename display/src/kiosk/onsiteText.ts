/**
 * Words of 场内扫码取号, Chinese first: the QR panel on a kiosk's start screen, and what a phone is
 * told when the hall takes phone numbers only from its screens' QR (none scanned, or too old).
 */
import type { ApiError } from '../../../shared/errors';
import type { Lang } from '../shared/i18n';

const zh = {
  panelTitle: '手机扫码取号',
  panelHint: '用手机扫一扫，在手机上选业务、取号，不用在取号机前排队',
  panelFresh: '二维码每分钟更新，请在大厅内扫码',
  qrLabel: '手机扫码取号二维码',
  needScan: '本大厅手机取号需在大厅内扫码：请扫描大厅取号机屏幕上的二维码。',
  invalid: '请扫描大厅取号机屏幕上的二维码取号（海报或转发的二维码不能取号）。',
  expired: '二维码已过期，请重新扫描大厅取号机屏幕上的二维码后再取号。',
};

export type OnsiteWords = typeof zh;

const en: OnsiteWords = {
  panelTitle: 'Take a number on your phone',
  panelHint: 'Scan with your phone to choose a service and take a number there — no need to queue at the kiosk',
  panelFresh: 'The code changes every minute; scan it inside the hall',
  qrLabel: 'QR code for phone ticketing',
  needScan: "In this hall, phones take numbers only inside the hall: scan the QR code on a kiosk's screen.",
  invalid: "Please scan the QR code on a kiosk's screen in the hall (a poster or a forwarded code does not work).",
  expired: "That QR code has expired. Scan the one on a kiosk's screen again, then take your number.",
};

export const onsiteWords: Record<Lang, OnsiteWords> = { zh, en };

/** What a phone's refused ticket says for the 场内扫码 reasons, or null for other refusals. */
export function onsiteIssueError(e: ApiError, w: OnsiteWords): string | null {
  if (e.reason === 'onsite_code_invalid') return w.invalid;
  if (e.reason === 'onsite_code_expired') return w.expired;
  return null;
}
