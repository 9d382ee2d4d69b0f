import type { ApiError, ErrorCode, ErrorReason, Reply } from '../../shared/errors';

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const err = <T = never>(code: ErrorCode, message: string, reason?: ErrorReason): Reply<T> => ({
  ok: false,
  error: reason ? { code, message, reason } : { code, message },
});
export const failWith = <T = never>(error: ApiError): Reply<T> => ({ ok: false, error });
