/**
 * REST calls of the staff apps (login, the catalogue, the manager's settings pages). Same reply
 * shape as socket commands, so screens handle both alike. Never throws.
 */
import type { ErrorCode } from '../../../shared/errors';
import type { LoginResult } from '../../../shared/schemas';
import type { ClientReply } from './reply';

const TIMEOUT_MS = 10_000;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null; // an HTML error page from a proxy, say: reported by status below
  }
}

export async function request<T>(
  method: Method,
  path: string,
  opts: { token?: string | undefined; body?: unknown } = {},
): Promise<ClientReply<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: controller.signal,
    });
    if (res.status === 204) return { ok: true, data: null as T };
    const text = await res.text();
    const json = parseJson(text);
    if (res.ok) return { ok: true, data: json as T };
    const err = (json as { error?: { code?: ErrorCode; message?: string } } | null)?.error;
    return {
      ok: false,
      error: { code: err?.code ?? 'INTERNAL', message: err?.message ?? `HTTP ${res.status}` },
    };
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') {
      return { ok: false, error: { code: 'TIMEOUT', message: 'no answer from the server in time' } };
    }
    return { ok: false, error: { code: 'OFFLINE', message: 'the server cannot be reached' } };
  } finally {
    clearTimeout(timer);
  }
}

export const login = (username: string, password: string): Promise<ClientReply<LoginResult>> =>
  request<LoginResult>('POST', '/api/auth/login', { body: { username, password } });

/** End the token on the server too (a shared counter PC must not keep a live token around). */
export const logout = (token: string): Promise<ClientReply<null>> => request<null>('POST', '/api/auth/logout', { token });
