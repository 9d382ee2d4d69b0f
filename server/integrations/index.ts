/**
 * 好差评数据推送 as one module for createApp: the outbox of reports to the province's 好差评
 * platform, its sender (over RATING_WEBHOOK_URL, or none: reports wait as 未配置) and the
 * managers' routes. The reports themselves are queued by the rating service, in its own
 * transactions (rating-push-queue.ts). docs/protocol.md has the contract.
 */
import type { Router } from 'express';
import { postJson, publicTarget } from '../notify/webhook';
import type { Clock } from '../service/clock';
import type { HallService } from '../service/hall-service';
import type { Store } from '../store';
import type { RatingPushConfig } from './rating-push-config';
import { createRatingPushRepo } from './rating-push-repo';
import { createRatingPushSender, type PushTarget } from './rating-push-sender';
import { createRatingPushService } from './rating-push-service';
import { registerRatingPushRoutes } from './routes';

export type { RatingPushConfig } from './rating-push-config';
export { ratingPushConfigFromEnv } from './rating-push-config';

export interface RatingPushDeps {
  store: Store;
  hall: HallService;
  clock: Clock;
  /** The platform; absent: reports are kept and listed as 未配置, never sent. */
  config?: RatingPushConfig | undefined;
  log: (msg: string) => void;
}

/** The webhook end: each report one POST of its JSON, keyed `<hall>:<kind>:<ticket id>`. */
export function webhookPushTarget(config: RatingPushConfig): PushTarget {
  return { target: publicTarget(config.url), send: (key, payload) => postJson(config, key, payload) };
}

export function createRatingPush(deps: RatingPushDeps) {
  const repo = createRatingPushRepo(deps.store.db);
  const sender = createRatingPushSender({
    hallId: deps.hall.hallId,
    repo,
    clock: deps.clock,
    platform: deps.config ? webhookPushTarget(deps.config) : undefined,
    log: deps.log,
  });
  const service = createRatingPushService({ db: deps.store.db, hall: deps.hall, clock: deps.clock, repo, sender });
  // Reports left pending by the last run (a restart, a platform connected since) go out now.
  sender.kick();
  return {
    sender,
    /** After a rating or 整改 committed (its report queued with it): send soon. */
    kick: () => sender.kick(),
    /** The timer's work (every 30 s): retries that came due. */
    tick: (): Promise<number> => sender.deliverDue(),
    registerRoutes: (router: Router) => registerRatingPushRoutes(router, service),
    /** Stops sending; waits for a request under way. */
    close: () => sender.close(),
  };
}

export type RatingPush = ReturnType<typeof createRatingPush>;
