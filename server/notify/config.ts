/** The SMS gateway's configuration, from the environment (main.ts) or given by tests. */

export interface SmsConfig {
  /** The webhook: each message is POSTed here (http or https). */
  url: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string | undefined;
  /** How long one request may take. */
  timeoutMs: number;
  /** Attempts per message before it is given up (failed). */
  maxAttempts: number;
  /** 短信回执: the key the platform sends (X-Receipt-Key) with delivery receipts; unset: none are taken. */
  receiptKey?: string | undefined;
}

/** A receipt key shorter than this is refused at the start: it guards what the console reports as delivered. */
export const RECEIPT_KEY_MIN = 16;

export const SMS_DEFAULTS = { timeoutMs: 5_000, maxAttempts: 5 } as const;

/** A whole number from the environment within [min, max]; unset or empty: `fallback`; anything else throws naming the variable. */
export function wholeFromEnv(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/** How long one webhook request may take, in ms: 100–60000, default 5000. */
export const timeoutMsFromEnv = (name: string, value: string | undefined): number => wholeFromEnv(name, value, SMS_DEFAULTS.timeoutMs, 100, 60_000);

/** A webhook's address from the environment: unset or blank is none; not an http(s) URL throws naming the variable. */
export function webhookUrlFromEnv(name: string, value: string | undefined): string | undefined {
  const url = value?.trim();
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${name} is not a URL: "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${name} must be http or https, not ${parsed.protocol}`);
  return url;
}

/** SMS_RECEIPT_KEY: unset or blank is none; a short one throws. */
export function receiptKeyFromEnv(value: string | undefined): string | undefined {
  const key = value?.trim();
  if (!key) return undefined;
  if (key.length < RECEIPT_KEY_MIN) throw new Error(`SMS_RECEIPT_KEY must be at least ${RECEIPT_KEY_MIN} characters`);
  return key;
}

/**
 * SMS_WEBHOOK_URL (unset: no gateway; messages are kept, shown as 未配置, never sent),
 * SMS_WEBHOOK_TOKEN, SMS_TIMEOUT_MS (default 5000), SMS_MAX_ATTEMPTS (default 5), SMS_RECEIPT_KEY
 * (短信回执; only with a webhook: receipts are of messages it sent). A bad value
 * stops the start with a message saying which: a centre must not believe texts go out when they do not.
 */
export function smsConfigFromEnv(env: Record<string, string | undefined>): SmsConfig | undefined {
  const url = webhookUrlFromEnv('SMS_WEBHOOK_URL', env.SMS_WEBHOOK_URL);
  if (!url) return undefined;
  return {
    url,
    token: env.SMS_WEBHOOK_TOKEN?.trim() || undefined,
    timeoutMs: timeoutMsFromEnv('SMS_TIMEOUT_MS', env.SMS_TIMEOUT_MS),
    maxAttempts: wholeFromEnv('SMS_MAX_ATTEMPTS', env.SMS_MAX_ATTEMPTS, SMS_DEFAULTS.maxAttempts, 1, 20),
    receiptKey: receiptKeyFromEnv(env.SMS_RECEIPT_KEY),
  };
}
