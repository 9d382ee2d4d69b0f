/**
 * Delivers the push outbox to the 好差评 platform in order, one report at a time: the oldest
 * pending report goes first, and while it waits for its retry nothing behind it is sent (the
 * platform gets each ticket's rating before its 整改, and a platform that is down is not hammered
 * with every new rating) — until it is stuck (rating-push-rules.ts `pushPass`): then the reports
 * of other tickets go past it. Each attempt is claimed in the database before the request goes
 * out (attempts + 1, the next try scheduled), as the SMS sender does; a retryable failure is
 * retried for ever on the SMS backoff, a refusal for good (4xx) is `failed` with its error and
 * the next report goes. Without a platform nothing is sent: reports wait, listed as 未配置.
 */
import type { Clock } from '../service/clock';
import { SendError } from '../notify/notifier';
import { afterFailure, retryDelay } from '../notify/rules';
import { createSerialRunner } from '../notify/serial-runner';
import type { PushRec, RatingPushRepo } from './rating-push-repo';
import { PUSH_MAX_ATTEMPTS, pushKey, pushPass, type PushOutcome } from './rating-push-rules';

/** The platform's end: one report per call; rejects with a SendError (retryable or not). */
export interface PushTarget {
  /** Where reports go, without credentials (shown to managers). */
  readonly target: string;
  send(idempotencyKey: string, payload: PushRec['payload']): Promise<void>;
}

export interface PushSenderDeps {
  hallId: string;
  repo: RatingPushRepo;
  clock: Clock;
  platform?: PushTarget | undefined;
  log: (msg: string) => void;
}

/** Pending reports one pass looks at; the rest wait for the next pass (a kick or the timer). */
const PASS_LIMIT = 500;

export function createRatingPushSender(deps: PushSenderDeps) {
  const { hallId, repo, clock, platform, log } = deps;
  const closed = (): boolean => runner.closed;

  async function attempt(head: PushRec, via: PushTarget): Promise<PushOutcome> {
    const claimed = repo.claim(hallId, head, clock.now() + retryDelay(head.attempts + 1));
    if (!claimed) return 'stale';
    try {
      await via.send(pushKey(hallId, claimed.kind, claimed.ref), claimed.payload);
      if (closed()) return 'stale'; // the store may be gone; the claim retries it after a restart
      // False: the 整改 changed while this went out; its row is pending with the new note.
      repo.sent(hallId, claimed, clock.now());
      return 'sent';
    } catch (e) {
      if (closed()) return 'stale';
      const error = e instanceof Error ? e.message : String(e);
      const retryable = !(e instanceof SendError) || e.retryable;
      if (afterFailure(claimed.attempts, PUSH_MAX_ATTEMPTS, retryable) === 'retry') {
        repo.attemptFailed(hallId, claimed, error);
        return 'failed';
      }
      repo.failed(hallId, claimed, error);
      log(`好差评推送 ${claimed.kind} ${claimed.ref} refused: ${error}`);
      return 'refused';
    }
  }

  /** One pass over the pending reports, oldest first, as `pushPass` says. */
  async function pass(via: PushTarget): Promise<number> {
    let sent = 0;
    const plan = pushPass();
    for (const r of repo.pending(hallId, PASS_LIMIT)) {
      if (closed()) return sent;
      const step = plan.step(r, clock.now());
      if (step === 'skip') continue;
      if (step === 'stop') return sent;
      const outcome = await attempt(r, via);
      if (outcome === 'sent') sent++;
      if (plan.after({ ref: r.ref, attempts: r.attempts + 1 }, outcome) === 'stop') return sent;
    }
    return sent;
  }

  const runner = createSerialRunner(
    () => (platform ? pass(platform) : Promise.resolve(0)),
    (e) => log(`好差评推送 failed: ${String(e)}`),
  );

  return {
    configured: platform !== undefined,
    target: platform?.target,
    /** Sends what is due, in order; a call while a pass runs makes it go round once more (and waits for it). */
    deliverDue: (): Promise<number> => runner.run(),
    /** After a report was queued: send soon, once the writing transaction has committed. */
    kick(): void {
      if (platform) runner.kick();
    },
    /** Stops sending and waits for the request under way (before the store closes). */
    close: (): Promise<void> => runner.close(),
  };
}

export type RatingPushSender = ReturnType<typeof createRatingPushSender>;
