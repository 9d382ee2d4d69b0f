/**
 * The `webhook` adapter: each message is one POST of JSON {id, phone, text, kind, ref} to the
 * centre's URL (its SMS platform, or a small bridge in front of it), with an optional bearer
 * token and an Idempotency-Key header. 2xx: taken. 408, 429, 5xx, a timeout or no connection:
 * retried later (the sender's backoff). Any other 4xx: refused for good (a retry would be refused
 * again). docs/sms.md has the contract.
 */
import type { SmsConfig } from './config';
import { SendError, type Notifier, type SmsToSend } from './notifier';

const ERROR_MAX = 300;

/** The URL as managers may see it: no user, password or query (a token could hide there). */
export function publicTarget(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

const retryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

export function createWebhookNotifier(config: Pick<SmsConfig, 'url' | 'token' | 'timeoutMs'>): Notifier {
  return {
    target: publicTarget(config.url),
    async send(m: SmsToSend): Promise<void> {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': m.id };
      if (config.token) headers.authorization = `Bearer ${config.token}`;
      let res: Response;
      try {
        res = await fetch(config.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ id: m.id, phone: m.phone, text: m.text, kind: m.kind, ref: m.ref }),
          signal: AbortSignal.timeout(config.timeoutMs),
          redirect: 'error',
        });
      } catch (e) {
        const timedOut = e instanceof DOMException && e.name === 'TimeoutError';
        const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
        throw new SendError(timedOut ? `no answer within ${config.timeoutMs} ms` : `cannot reach the gateway: ${cause}`, true);
      }
      if (res.ok) {
        await res.body?.cancel();
        return;
      }
      const body = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim();
      throw new SendError(`HTTP ${res.status}${body ? `: ${body}` : ''}`.slice(0, ERROR_MAX), retryableStatus(res.status));
    },
  };
}
