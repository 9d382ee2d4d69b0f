/** Errors that reach Express (bad JSON, oversized bodies, bugs) become coded JSON replies. */
import type { NextFunction, Request, Response } from 'express';
import { sendError } from './reply';

function errorType(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'type' in err && typeof err.type === 'string' ? err.type : undefined;
}

export function apiErrorHandler(log: (msg: string) => void) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    const type = errorType(err);
    if (type === 'entity.parse.failed') return sendError(res, 'BAD_REQUEST', 'the body is not valid JSON');
    if (type === 'entity.too.large') return sendError(res, 'PAYLOAD_TOO_LARGE', 'the body is larger than 100 kB');
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') return sendError(res, 'BAD_REQUEST', 'unsupported body encoding');
    log(`unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    sendError(res, 'INTERNAL', 'internal error');
  };
}
