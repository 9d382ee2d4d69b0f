/** Bearer tokens on REST: who is asking, and the login route. */
import type { NextFunction, Request, Response, Router } from 'express';
import { LoginBody, type User } from '../../shared/schemas';
import { PUBLIC, type Actor } from '../service/actor';
import type { AuthService } from '../service/auth-service';
import { sendError, sendReply } from './reply';

export function bearerToken(header: string | undefined): string | undefined {
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m?.[1];
}

/** Sets `res.locals.actor`. A bad or expired token is a 401, not silently public. */
export function authenticate(auth: AuthService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      res.locals.actor = PUBLIC;
      return next();
    }
    const actor = auth.authenticate(token);
    if (!actor) return sendError(res, 'UNAUTHORIZED', 'the token is invalid or has expired; sign in again');
    res.locals.actor = actor;
    next();
  };
}

export function actorOf(res: Response): Actor {
  return (res.locals.actor as Actor | undefined) ?? PUBLIC;
}

export function registerAuthRoutes(router: Router, auth: AuthService): void {
  router.post('/auth/login', async (req, res) => {
    const body = LoginBody.safeParse(req.body);
    if (!body.success) return sendError(res, 'BAD_REQUEST', 'username and password are required');
    sendReply(res, await auth.login(body.data.username, body.data.password, req.ip ?? 'unknown'));
  });

  router.post('/auth/logout', (req, res) => {
    const token = bearerToken(req.headers.authorization);
    if (token) auth.logout(token);
    res.status(204).end();
  });

  router.get('/me', (_req, res) => {
    const actor = actorOf(res);
    if (actor.kind !== 'user') return sendError(res, 'UNAUTHORIZED', 'sign in first');
    const user: User = { id: actor.id, username: actor.username, name: actor.name, role: actor.role, skills: auth.skillsOf(actor.id) };
    res.json(user);
  });
}
