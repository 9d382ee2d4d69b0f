/**
 * The `webhook` adapter: each message is one POST of JSON {id, phone, text, kind, ref} to the
 * centre's URL (its SMS platform, or a small bridge in front of it), with an optional bearer
 * token and an Idempotency-Key header. 2xx: taken. 408, 429, 5xx, a timeout or no connection:
 * retried later (the sender's backoff). Any other 4xx: refused for good (a retry would be refused
 * again). docs/sms.md has the contract; 好差评推送 (server/integrations) posts the same way.
 */
import type { SmsConfig } from './config';
import { SendError, type Notifier, type SmsToSend } from './notifier';

const ERROR_MAX = 300;

/** The URL as managers may see it: no user, password or query (a token could hide there). */
export function publicTarget(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

/** Worth trying again: the platform timed out, is rate limiting, or is down. Any other 4xx is final. */
export const retryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/** Where and how to POST: the URL, an optional bearer token, how long one request may take. */
export type WebhookTarget = Pick<SmsConfig, 'url' | 'token' | 'timeoutMs'>;

/**
 * One POST of `body` as JSON with the Idempotency-Key header; resolves on a 2xx, throws a
 * SendError otherwise (retryable or not, as above). Redirects are not followed.
 */
export async function postJson(to: WebhookTarget, idempotencyKey: string, body: unknown): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': idempotencyKey };
  if (to.token) headers.authorization = `Bearer ${to.token}`;
  let res: Response;
  try {
    res = await fetch(to.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(to.timeoutMs),
      redirect: 'error',
    });
  } catch (e) {
    const timedOut = e instanceof DOMException && e.name === 'TimeoutError';
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
    throw new SendError(timedOut ? `no answer within ${to.timeoutMs} ms` : `cannot reach the gateway: ${cause}`, true);
  }
  if (res.ok) {
    await res.body?.cancel();
    return;
  }
  const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim();
  throw new SendError(`HTTP ${res.status}${text ? `: ${text}` : ''}`.slice(0, ERROR_MAX), retryableStatus(res.status));
}

export function createWebhookNotifier(config: WebhookTarget): Notifier {
  return {
    target: publicTarget(config.url),
    send: (m: SmsToSend): Promise<void> => postJson(config, m.id, { id: m.id, phone: m.phone, text: m.text, kind: m.kind, ref: m.ref }),
  };
}
