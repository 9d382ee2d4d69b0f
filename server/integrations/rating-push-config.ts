/** 好差评推送's platform, from the environment (main.ts) or given by tests. */
import { timeoutMsFromEnv, webhookUrlFromEnv } from '../notify/config';
import type { WebhookTarget } from '../notify/webhook';

/** The province's 好差评 platform (or a bridge to it): each report is POSTed to `url`. */
export type RatingPushConfig = WebhookTarget;

/**
 * RATING_WEBHOOK_URL (unset: nothing is pushed; reports are kept, shown as 未配置),
 * RATING_WEBHOOK_TOKEN (sent as a bearer token), RATING_TIMEOUT_MS (as SMS_TIMEOUT_MS: 100–60000,
 * default 5000). A bad value stops the start with a message naming it, as for SMS.
 */
export function ratingPushConfigFromEnv(env: Record<string, string | undefined>): RatingPushConfig | undefined {
  const url = webhookUrlFromEnv('RATING_WEBHOOK_URL', env.RATING_WEBHOOK_URL);
  if (!url) return undefined;
  return {
    url,
    token: env.RATING_WEBHOOK_TOKEN?.trim() || undefined,
    timeoutMs: timeoutMsFromEnv('RATING_TIMEOUT_MS', env.RATING_TIMEOUT_MS),
  };
}
