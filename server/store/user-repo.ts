/** Accounts and their sessions (bearer tokens, stored only as hashes). */
import type { Role } from '../../shared/schemas';
import type { Db } from './open';

export interface UserRow {
  id: string;
  hall_id: string;
  username: string;
  name: string;
  role: Role;
  password_hash: string;
  skills: string;
  active: number;
  demo_password: number;
  created_at: string;
}

export interface NewUser {
  id: string;
  hallId: string;
  username: string;
  name: string;
  role: Role;
  passwordHash: string;
  skills: string[];
  demoPassword: boolean;
  createdAt: string;
}

export function createUserRepo(db: Db) {
  const s = {
    byUsername: db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?'),
    byId: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
    insert: db.prepare(`INSERT INTO users (id, hall_id, username, name, role, password_hash, skills, active, demo_password, created_at)
      VALUES (@id, @hallId, @username, @name, @role, @passwordHash, @skills, 1, @demo, @createdAt)`),
    list: db.prepare<[string], UserRow>('SELECT * FROM users WHERE hall_id = ? ORDER BY role, username'),
    setPassword: db.prepare<[string, string]>('UPDATE users SET password_hash = ?, demo_password = 0 WHERE id = ?'),
    setActive: db.prepare<[number, string]>('UPDATE users SET active = ? WHERE id = ?'),
    demoCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users WHERE demo_password = 1 AND active = 1'),
    insertSession: db.prepare<[string, string, string, number]>(
      'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    ),
    session: db.prepare<[string, number], UserRow & { expires_at: number }>(
      `SELECT u.*, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`,
    ),
    deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?'),
    endSessions: db.prepare<[string]>('DELETE FROM sessions WHERE user_id = ?'),
    purgeSessions: db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?'),
  };
  return {
    byUsername: (username: string) => s.byUsername.get(username),
    byId: (id: string) => s.byId.get(id),
    insert: db.transaction((users: NewUser[]) => {
      for (const u of users) s.insert.run({ ...u, skills: JSON.stringify(u.skills), demo: u.demoPassword ? 1 : 0 });
    }),
    list: (hallId: string) => s.list.all(hallId),
    insertOne: (u: NewUser) => void s.insert.run({ ...u, skills: JSON.stringify(u.skills), demo: u.demoPassword ? 1 : 0 }),
    setPassword: (id: string, hash: string) => void s.setPassword.run(hash, id),
    setActive: (id: string, active: boolean) => void s.setActive.run(active ? 1 : 0, id),
    demoPasswordsInUse: () => s.demoCount.get()?.n ?? 0,
    insertSession: (tokenHash: string, userId: string, createdAt: string, expiresAt: number) =>
      void s.insertSession.run(tokenHash, userId, createdAt, expiresAt),
    session: (tokenHash: string, now: number) => s.session.get(tokenHash, now),
    deleteSession: (tokenHash: string) => void s.deleteSession.run(tokenHash),
    /** Signs the account out everywhere (a new password: a stolen or forgotten sign-in must not outlive it). */
    endSessions: (userId: string) => void s.endSessions.run(userId),
    purgeSessions: (now: number) => void s.purgeSessions.run(now),
  };
}

export type UserRepo = ReturnType<typeof createUserRepo>;
