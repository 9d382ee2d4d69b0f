/**
 * What a refused check-in means for the citizen, in their language. The server's `reason` says
 * which case it is (unknown code, already checked in, cancelled, missed, another day, too early);
 * an older server without reasons is read by code and its documented message. Pure.
 */
import type { ApiError } from '../../../shared/errors';
import type { KioskWords } from './kioskText';

export function checkInErrorText(error: ApiError, w: KioskWords): string {
  const e = w.checkInErrors;
  const ticket = () => /ticket ([A-Z]\d+)/.exec(error.message)?.[1] ?? null;
  const from = () => /from (\d\d:\d\d)/.exec(error.message)?.[1] ?? null;
  const day = () => /for (\d{4}-\d\d-\d\d)/.exec(error.message)?.[1];
  // The server's reason says which case it is; details (a time, a date) still come from the message.
  switch (error.reason) {
    case 'unknown_code':
      return e.notFound;
    case 'already_checked_in':
      return e.already(ticket());
    case 'cancelled':
      return e.cancelled;
    case 'missed':
      return e.missed;
    case 'too_early':
      return e.tooEarly(from());
    case 'not_today': {
      const d = day();
      if (d) return e.otherDay(d);
      break;
    }
    default:
      break;
  }
  // A server without reasons: read the code and the documented message.
  switch (error.code) {
    case 'NOT_FOUND':
      return e.notFound;
    case 'BAD_REQUEST':
      return e.badCode;
    case 'RATE_LIMITED':
      return e.tooMany;
    case 'CONFLICT':
      return e.already(ticket());
    case 'INVALID_STATE': {
      if (/too early/.test(error.message)) return e.tooEarly(from());
      if (/cancelled/.test(error.message)) return e.cancelled;
      if (/missed/.test(error.message)) return e.missed;
      const d = day();
      if (d) return e.otherDay(d);
      return e.missed;
    }
    default:
      return error.message;
  }
}
