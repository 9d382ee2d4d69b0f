/**
 * The kiosk's REST calls, on the light pages' request (display/src/shared/api.ts), without zod:
 * the kiosk app is also 扫码取号 on citizens' phones, where the schema library was ~28 kB gzip of
 * the ~113 kB loaded at start. A ticket is still shown only when the server answered with a real
 * one (ticketReply.ts checks the fields the kiosk shows and prints); the other replies are our own
 * server's and are typed. A network failure or timeout is `offline` (nothing was shown, whatever
 * the server did).
 */
import type { Appointment, CheckInBody, CheckInResult, CitizenSettings } from '../../../shared/citizen';
import type { MobileIssueBody, OnsiteCode } from '../../../shared/mobile';
import type { Catalogue, LoginResult, TicketDetail } from '../../../shared/schemas';
import { request, type ApiResult } from '../shared/api';
import { acceptCheckIn, acceptTicket } from './ticketReply';

export type { ApiResult };

/** A request id for issuing; crypto.randomUUID needs https, which a kiosk on the hall's LAN may not have. */
export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'kiosk-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface RetryOptions {
  attempts?: number;
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Issues a ticket, trying again while the server cannot be reached. Every try carries the same
 * request id, so a try whose answer was lost (the ticket was stored, the reply never came) is
 * answered with that ticket on the next one instead of a second ticket being issued.
 */
export async function issueWithRetry(
  body: MobileIssueBody,
  token: string | null,
  { attempts = 3, delayMs = 1000, sleep = (ms) => new Promise((r) => setTimeout(r, ms)) }: RetryOptions = {},
): Promise<ApiResult<TicketDetail>> {
  const withId: MobileIssueBody = { ...body, requestId: body.requestId ?? newRequestId() };
  const issue = (): Promise<ApiResult<TicketDetail>> => request('POST', '/api/tickets', { body: withId, token }, acceptTicket);
  let r = await issue();
  for (let i = 1; i < attempts && !r.ok && r.offline; i++) {
    await sleep(delayMs * i);
    r = await issue();
  }
  return r;
}

export const kioskApi = {
  catalogue: () => request<Catalogue>('GET', '/api/catalogue'),
  settings: () => request<CitizenSettings>('GET', '/api/citizen/settings'),
  /** A phone ticket in a hall that verifies phones also carries `phone` and `code` (扫码取号需验证手机号). */
  issue: (body: MobileIssueBody, token: string | null) => issueWithRetry(body, token),
  checkIn: (body: CheckInBody, token: string | null) => request<CheckInResult>('POST', '/api/appointments/check-in', { body, token }, acceptCheckIn),
  /** Today's appointments (guides and managers): the guide desk looks one up by its code. */
  todaysAppointments: (token: string | null) => request<Appointment[]>('GET', '/api/appointments', { token }),
  /** The QR of the minute for phones (场内扫码取号): the hall's own screens only, unless ticketing is public. */
  onsiteCode: (token: string | null) => request<OnsiteCode>('GET', '/api/mobile/onsite-code', { token }),
  login: (username: string, password: string) => request<LoginResult>('POST', '/api/auth/login', { body: { username, password } }),
};
