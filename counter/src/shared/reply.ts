/**
 * What a command gives back in the staff apps: the server's Reply, or one of two failures
 * that happen on our side of the wire. A command is never silently lost: every press ends
 * in data or in one of these errors, and the screens show it.
 */
import type { ErrorCode, ErrorReason, Reply } from '../../../shared/errors';

/** Our own codes: `OFFLINE` (not sent: no connection), `TIMEOUT` (sent, no answer in time). */
export type ClientErrorCode = ErrorCode | 'OFFLINE' | 'TIMEOUT';

export interface ClientError {
  code: ClientErrorCode;
  message: string;
  /** The server's finer reason, where it gives one (shared/errors.ts ERROR_REASONS). */
  reason?: ErrorReason;
}

export type ClientReply<T> = { ok: true; data: T } | { ok: false; error: ClientError };

export const offline = (): ClientReply<never> => ({
  ok: false,
  error: { code: 'OFFLINE', message: 'not connected; the command was not sent' },
});

export const timedOut = (): ClientReply<never> => ({
  ok: false,
  error: { code: 'TIMEOUT', message: 'no answer from the server in time' },
});

/** Narrow an unknown ack payload to a Reply (a server bug must not crash the panel). */
export function asReply<T>(value: unknown): ClientReply<T> {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const v = value as Reply<T>;
    if (v.ok === true || (v.ok === false && typeof v.error === 'object' && v.error !== null)) return v;
  }
  return { ok: false, error: { code: 'INTERNAL', message: 'malformed reply' } };
}

/**
 * `TIMEOUT` leaves the outcome unknown: the command may have run. Anything that must not run
 * twice (calling the next ticket) retries with the same request id; see `nextRequest.ts`.
 */
export const outcomeUnknown = (e: ClientError): boolean => e.code === 'TIMEOUT';
