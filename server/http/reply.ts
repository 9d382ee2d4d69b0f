/** From the one reply shape to HTTP: status codes per error code, JSON bodies. */
import type { Response } from 'express';
import type { ErrorCode, ErrorReason, Reply } from '../../shared/errors';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  UNKNOWN_QUEUE: 404,
  UNKNOWN_WINDOW: 404,
  UNKNOWN_TICKET: 404,
  UNKNOWN_USER: 404,
  WINDOW_HELD: 409,
  NOT_SIGNED_IN: 403,
  WINDOW_PAUSED: 409,
  WINDOW_CLOSED: 409,
  NO_CURRENT_TICKET: 409,
  INVALID_STATE: 409,
  NOT_SKILLED: 403,
  NUMBERS_EXHAUSTED: 409,
  CONFLICT: 409,
  INTERNAL: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function sendError(res: Response, code: ErrorCode, message: string, reason?: ErrorReason): void {
  res.status(statusOf(code)).json({ error: reason ? { code, message, reason } : { code, message } });
}

/** Success → `status` with the data (204 with no body when the data is null); error → its status. */
export function sendReply<T>(res: Response, reply: Reply<T>, status = 200): void {
  if (!reply.ok) return sendError(res, reply.error.code, reply.error.message, reply.error.reason);
  if (reply.data === null || reply.data === undefined) {
    res.status(204).end();
    return;
  }
  res.status(status).json(reply.data);
}
