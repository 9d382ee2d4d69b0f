/**
 * REST calls of the light pages (the phone page, the 评价器, the kiosk app and 扫码取号), without zod. The phone page opens on
 * a citizen's phone, often on a weak signal in the hall, and the schema library alone was ~35 kB
 * gzip of its ~87 kB (bench/bundle-size.ts). These pages only read replies of our own server,
 * which builds them from the same shared types and whose shapes the server tests check over the
 * wire; so a reply is typed, not re-validated (the reply schemas have no defaults or transforms
 * that a parse would add). What can really go wrong on a phone — no network, a timeout, a proxy's
 * HTML page, an error reply — is still told apart here. Where a reply's shape really matters a
 * caller passes `accept`: the kiosk shows and prints a ticket only when a real one came back
 * (display/src/kiosk/ticketReply.ts checks the fields it prints).
 */
import type { ApiError } from '../../../shared/errors';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError; offline: boolean };

const TIMEOUT_MS = 10_000;

function isApiError(x: unknown): x is { error: ApiError } {
  if (typeof x !== 'object' || x === null || !('error' in x)) return false;
  const e = (x as { error: unknown }).error;
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

export interface RequestOptions {
  body?: unknown;
  token?: string | null;
}

/**
 * One call. A 2xx reply's JSON is `T` (204 or an empty body: null); `accept`, when given, checks
 * it first (null: the server answered something unexpected).
 */
export async function request<T>(
  method: string,
  path: string,
  opts: RequestOptions = {},
  accept?: (json: unknown) => { data: T } | null,
): Promise<ApiResult<T>> {
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
  if (!accept) return { ok: true, data: json as T };
  const accepted = accept(json);
  if (!accepted) return { ok: false, error: { code: 'INTERNAL', message: 'the server answered something unexpected' }, offline: false };
  return { ok: true, data: accepted.data };
}
