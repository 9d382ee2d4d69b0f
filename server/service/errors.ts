import type { ApiError, ErrorCode, Reply } from '../../shared/errors';

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const err = <T = never>(code: ErrorCode, message: string): Reply<T> => ({ ok: false, error: { code, message } });
export const failWith = <T = never>(error: ApiError): Reply<T> => ({ ok: false, error });
