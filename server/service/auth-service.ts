/** Accounts: password login, expiring bearer tokens (stored hashed), login rate limiting. */
import bcrypt from 'bcryptjs';
import { createHash, randomBytes } from 'node:crypto';
import type { Reply } from '../../shared/errors';
import type { LoginResult, User } from '../../shared/schemas';
import type { Store } from '../store';
import type { Actor } from './actor';
import type { Clock } from './clock';
import { err, ok } from './errors';
import { FailureLimiter } from './rate-limit';

export const TOKEN_TTL_MS = 12 * 60 * 60 * 1000; // one working day
/**
 * A hall device's sign-in (role `kiosk`: kiosks, 评价器) lasts a season: the box runs day and
 * night and nobody should type its password every morning. It ends sooner when the manager
 * deactivates the account or gives it a new password.
 */
export const DEVICE_TOKEN_TTL_MS = 90 * 24 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function hashPassword(password: string, rounds = 10): string {
  return bcrypt.hashSync(password, rounds);
}

export function createAuthService(deps: { store: Store; clock: Clock }) {
  const { store, clock } = deps;
  const byAddress = new FailureLimiter(20, 10 * 60_000);
  const byUser = new FailureLimiter(8, 10 * 60_000);
  // Compared against when the user does not exist, so timing does not tell which usernames exist.
  const dummyHash = bcrypt.hashSync('not-a-password', 4);

  return {
    async login(username: string, password: string, address: string): Promise<Reply<LoginResult>> {
      const now = clock.now();
      if (byAddress.blocked(address, now) || byUser.blocked(username, now)) {
        return err('RATE_LIMITED', 'too many failed sign-ins; wait a few minutes');
      }
      const u = store.users.byUsername(username);
      const good = await bcrypt.compare(password, u?.password_hash ?? dummyHash);
      if (!u || !good || u.active !== 1) {
        byAddress.fail(address, now);
        byUser.fail(username, now);
        return err('UNAUTHORIZED', 'wrong username or password');
      }
      byUser.clear(username);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = now + (u.role === 'kiosk' ? DEVICE_TOKEN_TTL_MS : TOKEN_TTL_MS);
      store.users.insertSession(hashToken(token), u.id, new Date(now).toISOString(), expiresAt);
      const user: User = { id: u.id, username: u.username, name: u.name, role: u.role, skills: JSON.parse(u.skills) as string[] };
      return ok({ token, expiresAt: new Date(expiresAt).toISOString(), user });
    },

    authenticate(token: string | undefined): Actor | undefined {
      if (!token || token.length > 200) return undefined;
      const u = store.users.session(hashToken(token), clock.now());
      return u ? { kind: 'user', id: u.id, username: u.username, name: u.name, role: u.role } : undefined;
    },

    skillsOf(userId: string): string[] {
      const u = store.users.byId(userId);
      return u ? (JSON.parse(u.skills) as string[]) : [];
    },

    logout(token: string): void {
      store.users.deleteSession(hashToken(token));
    },

    purgeExpired(): void {
      store.users.purgeSessions(clock.now());
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
