/**
 * Delivers pending messages of the outbox through the Notifier, one at a time, oldest due first.
 * Each attempt is claimed in the database (attempts + 1, the next try scheduled) before the
 * request goes out, so a crash mid-send means one more attempt later, never a loop or a loss.
 * Times come from the injected clock; without a notifier nothing is sent and nothing expires:
 * the messages wait, listed as 未配置.
 */
import { SMS_EXPIRED } from '../../shared/notify';
import type { Clock } from '../service/clock';
import { SendError, type Notifier } from './notifier';
import type { OutboxRec, OutboxRepo } from './outbox-repo';
import { afterFailure, retryDelay } from './rules';
import { createSerialRunner } from './serial-runner';

const BATCH = 20;

export interface SenderDeps {
  hallId: string;
  outbox: OutboxRepo;
  clock: Clock;
  notifier?: Notifier | undefined;
  maxAttempts: number;
  log: (msg: string) => void;
}

export function createSmsSender(deps: SenderDeps) {
  const { hallId, outbox, clock, notifier, maxAttempts, log } = deps;
  const closed = (): boolean => runner.closed;

  async function attempt(m: OutboxRec, via: Notifier): Promise<boolean> {
    const attemptNo = m.attempts + 1;
    if (!outbox.claim(hallId, m, clock.now() + retryDelay(attemptNo))) return false;
    try {
      await via.send({ id: `${hallId}:${m.id}`, phone: m.phone, text: m.text, kind: m.kind, ref: m.ref });
      if (closed()) return true; // the store may be gone; the claim retries it after a restart
      outbox.sent(hallId, m.id, clock.now());
      return true;
    } catch (e) {
      if (closed()) return false;
      const error = e instanceof Error ? e.message : String(e);
      const retryable = !(e instanceof SendError) || e.retryable;
      if (afterFailure(attemptNo, maxAttempts, retryable) === 'retry') {
        outbox.attemptFailed(hallId, m.id, error);
      } else {
        outbox.failed(hallId, m.id, error);
        log(`SMS ${m.id} (${m.kind}) failed after ${attemptNo} attempt(s): ${error}`);
      }
      return false;
    }
  }

  /** One pass: gives up what expired, then sends what is due until nothing is. */
  async function pass(via: Notifier): Promise<number> {
    let sent = 0;
    outbox.expire(hallId, clock.now(), SMS_EXPIRED);
    for (;;) {
      const due = outbox.due(hallId, clock.now(), BATCH);
      if (due.length === 0 || closed()) return sent;
      for (const m of due) {
        if (closed()) return sent;
        if (await attempt(m, via)) sent++;
      }
    }
  }

  const runner = createSerialRunner(
    () => (notifier ? pass(notifier) : Promise.resolve(0)),
    (e) => log(`SMS delivery failed: ${String(e)}`),
  );

  return {
    configured: notifier !== undefined,
    target: notifier?.target,
    maxAttempts,
    /** Sends what is due; a call while a pass runs makes it go round once more (and waits for it). */
    deliverDue: (): Promise<number> => (notifier ? runner.run() : Promise.resolve(0)),
    /** After a message was written: send soon, once the writing transaction has committed. */
    kick(): void {
      if (notifier) runner.kick();
    },
    /** Stops sending and waits for the request under way (before the store closes). */
    close: (): Promise<void> => runner.close(),
  };
}

export type SmsSender = ReturnType<typeof createSmsSender>;
