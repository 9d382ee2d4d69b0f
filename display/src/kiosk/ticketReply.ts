/**
 * The one reply the kiosk does not simply take as typed: the ticket it shows and prints (POST
 * /api/tickets, POST /api/appointments/check-in). A ticket is shown only when the server answered
 * with a real one, i.e. it was stored; an odd 2xx (a captive portal's JSON, a proxy that answered
 * for the server) must not come out of the printer as a number nobody will call. So the fields the
 * screen and the receipt read are checked by hand here — enough to know it is our ticket and that
 * drawing it cannot break — without the schema library (zod was ~28 kB gzip of 扫码取号's load).
 * Other replies are our own server's, typed (display/src/shared/api.ts says why that is sound).
 */
import type { CheckInResult } from '../../../shared/citizen';
import type { TicketDetail } from '../../../shared/schemas';

type Fields = Record<string, unknown>;

const isObject = (x: unknown): x is Fields => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const isSeconds = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
/** The receipt formats the time it was issued: an unreadable one would throw while printing. */
const isTime = (x: unknown): x is string => isText(x) && !Number.isNaN(Date.parse(x));

/** The ticket's fields the kiosk shows, prints, speaks or links to (TicketScreen, TicketReceipt, the QR). */
export function isShownTicket(x: unknown): x is TicketDetail {
  if (!isObject(x)) return false;
  if (!isText(x.id) || !isText(x.number) || !isText(x.queue) || !isText(x.status) || !isText(x.priority)) return false;
  if (!isTime(x.issuedAt) || !isCount(x.ahead) || !isSeconds(x.etaSeconds)) return false;
  if (!Array.isArray(x.matters) || !x.matters.every((m) => typeof m === 'string')) return false;
  const range = x.etaRangeSeconds;
  if (range !== undefined && !(Array.isArray(range) && range.length === 2 && range.every(isSeconds))) return false;
  const card = x.realName;
  if (card !== undefined && !(isObject(card) && isText(card.masked) && isCount(card.age) && typeof card.senior === 'boolean')) return false;
  return true;
}

/** For request's `accept`: the issued ticket, or null (the screen then says it failed, and prints nothing). */
export function acceptTicket(json: unknown): { data: TicketDetail } | null {
  return isShownTicket(json) ? { data: json } : null;
}

/** A check-in's answer: the appointment checked in and its ticket, which is shown like any other. */
export function acceptCheckIn(json: unknown): { data: CheckInResult } | null {
  if (!isObject(json) || !isObject(json.appointment) || !isText(json.appointment.code) || !isShownTicket(json.ticket)) return null;
  return { data: json as unknown as CheckInResult };
}
