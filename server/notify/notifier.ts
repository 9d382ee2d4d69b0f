/**
 * The port a centre's SMS platform plugs into. The sender hands over one message at a time and
 * learns only whether it was taken; adapters (webhook.ts) speak the platform's protocol.
 */
import type { SmsWebhookBody } from '../../shared/notify';

/** One message to deliver; `id` is stable across retries (the platform may dedupe on it). */
export type SmsToSend = SmsWebhookBody;

/** A refused or failed delivery; `retryable` false means trying again cannot help (a 400). */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface Notifier {
  /** Where messages go, without credentials (shown to managers). */
  readonly target: string;
  /** Resolves when the platform has taken the message; rejects with a SendError otherwise. */
  send(m: SmsToSend): Promise<void>;
}
