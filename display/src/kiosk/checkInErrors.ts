/**
 * What a refused check-in means for the citizen, in their language. The server's codes are the
 * closed list (NOT_FOUND, CONFLICT, INVALID_STATE, BAD_REQUEST); the case inside INVALID_STATE
 * (too early, another day, cancelled, missed) is read from its message, which docs/protocol.md
 * documents. Pure.
 */
import type { ApiError } from '../../../shared/errors';
import type { KioskWords } from './kioskText';

export function checkInErrorText(error: ApiError, w: KioskWords): string {
  const e = w.checkInErrors;
  switch (error.code) {
    case 'NOT_FOUND':
      return e.notFound;
    case 'BAD_REQUEST':
      return e.badCode;
    case 'CONFLICT':
      return e.already(/ticket ([A-Z]\d+)/.exec(error.message)?.[1] ?? null);
    case 'INVALID_STATE': {
      if (/too early/.test(error.message)) return e.tooEarly(/from (\d\d:\d\d)/.exec(error.message)?.[1] ?? null);
      if (/cancelled/.test(error.message)) return e.cancelled;
      if (/missed/.test(error.message)) return e.missed;
      const day = /for (\d{4}-\d\d-\d\d)/.exec(error.message)?.[1];
      if (day) return e.otherDay(day);
      return e.missed;
    }
    default:
      return error.message;
  }
}
