/**
 * The kiosk's REST calls. Every answer is checked against its schema before the screen uses it:
 * a ticket is shown only when the server answered 201 with a valid Ticket, i.e. it was stored.
 * A network failure or timeout is `offline` (nothing was shown, whatever the server did).
 */
import { z } from 'zod';
import { Appointment, CheckInResult, CitizenSettings, type CheckInBody } from '../../../shared/citizen';
import { OnsiteCode, type MobileIssueBody } from '../../../shared/mobile';
import type { ApiError } from '../../../shared/errors';
import { Catalogue, LoginResult, TicketDetail } from '../../../shared/schemas';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError; offline: boolean };

const TIMEOUT_MS = 10_000;

function isApiError(x: unknown): x is { error: ApiError } {
  if (typeof x !== 'object' || x === null || !('error' in x)) return false;
  const e = (x as { error: unknown }).error;
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

export async function request<S extends z.ZodType>(
  method: string,
  path: string,
  schema: S,
  opts: { body?: unknown; token?: string | null } = {},
): Promise<ApiResult<z.infer<S>>> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let res: Response;
  let text: string;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await res.text();
  } catch (e) {
    return { ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) }, offline: true };
  }
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page, say: treat it as the server being unreachable.
    return { ok: false, error: { code: 'INTERNAL', message: `unexpected answer (${res.status})` }, offline: res.status >= 500 };
  }
  if (!res.ok) {
    if (isApiError(json)) return { ok: false, error: json.error, offline: false };
    return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${res.status}` }, offline: res.status >= 502 };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, error: { code: 'INTERNAL', message: 'the server answered something unexpected' }, offline: false };
  return { ok: true, data: parsed.data };
}

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
): Promise<ApiResult<z.infer<typeof TicketDetail>>> {
  const withId: MobileIssueBody = { ...body, requestId: body.requestId ?? newRequestId() };
  let r = await request('POST', '/api/tickets', TicketDetail, { body: withId, token });
  for (let i = 1; i < attempts && !r.ok && r.offline; i++) {
    await sleep(delayMs * i);
    r = await request('POST', '/api/tickets', TicketDetail, { body: withId, token });
  }
  return r;
}

export const kioskApi = {
  catalogue: () => request('GET', '/api/catalogue', Catalogue),
  settings: () => request('GET', '/api/citizen/settings', CitizenSettings),
  /** A phone ticket in a hall that verifies phones also carries `phone` and `code` (扫码取号需验证手机号). */
  issue: (body: MobileIssueBody, token: string | null) => issueWithRetry(body, token),
  checkIn: (body: CheckInBody, token: string | null) => request('POST', '/api/appointments/check-in', CheckInResult, { body, token }),
  /** Today's appointments (guides and managers): the guide desk looks one up by its code. */
  todaysAppointments: (token: string | null) => request('GET', '/api/appointments', z.array(Appointment), { token }),
  /** The QR of the minute for phones (场内扫码取号): the hall's own screens only, unless ticketing is public. */
  onsiteCode: (token: string | null) => request('GET', '/api/mobile/onsite-code', OnsiteCode, { token }),
  login: (username: string, password: string) => request('POST', '/api/auth/login', LoginResult, { body: { username, password } }),
};
