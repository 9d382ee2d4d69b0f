/** What the citizen-side and SMS routes share: parse with a zod schema, the JSON body, a role check, a key check. */
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Reply } from '../../shared/errors';
import type { Role } from '../../shared/schemas';
import { actorOf } from '../http/auth';
import { sendError } from '../http/reply';
import { hasRole } from '../service/actor';
import { err, ok } from '../service/errors';

export function parse<S extends z.ZodType>(schema: S, payload: unknown): Reply<z.infer<S>> {
  const r = schema.safeParse(payload);
  if (r.success) return ok(r.data);
  const issue = r.error.issues[0];
  return err('BAD_REQUEST', issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'invalid payload');
}

export const body = (req: Request): Record<string, unknown> =>
  req.body !== null && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};

/** Refuses unless the caller holds one of the roles; answers the refusal itself. */
export function allowed(res: Response, roles: readonly Role[]): boolean {
  const actor = actorOf(res);
  if (actor.kind !== 'user') {
    sendError(res, 'UNAUTHORIZED', 'sign in first');
    return false;
  }
  if (!hasRole(actor, roles)) {
    sendError(res, 'FORBIDDEN', 'your role may not do this');
    return false;
  }
  return true;
}

/** An outside platform's key (X-Booking-Key, X-Receipt-Key) against ours, in constant time. */
export function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
