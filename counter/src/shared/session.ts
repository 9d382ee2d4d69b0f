/**
 * The signed-in staff member, kept in sessionStorage: it survives a reload of the tab (a
 * clerk who presses F5 stays signed in) but not closing the browser at the end of the day.
 * Each page keeps its own key, so a manager and a clerk can share one PC.
 */
import type { LoginResult, User } from '../../../shared/schemas';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StaffSession {
  token: string;
  expiresAt: string;
  user: User;
}

const ROLES = new Set(['manager', 'clerk', 'guide', 'kiosk']);

function isSession(v: unknown): v is StaffSession {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<StaffSession>;
  const u = s.user as Partial<User> | undefined;
  return (
    typeof s.token === 'string' &&
    typeof s.expiresAt === 'string' &&
    typeof u === 'object' &&
    typeof u.id === 'string' &&
    typeof u.username === 'string' &&
    typeof u.name === 'string' &&
    typeof u.role === 'string' &&
    ROLES.has(u.role)
  );
}

export function loadSession(storage: StorageLike, key: string, now: number): StaffSession | null {
  const raw = storage.getItem(key);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!isSession(parsed)) return null;
    const expires = Date.parse(parsed.expiresAt);
    if (Number.isFinite(expires) && expires <= now) return null;
    return parsed;
  } catch {
    return null;
  }
}

export function saveSession(storage: StorageLike, key: string, login: LoginResult): StaffSession {
  const session: StaffSession = { token: login.token, expiresAt: login.expiresAt, user: login.user };
  storage.setItem(key, JSON.stringify(session));
  return session;
}

export function clearSession(storage: StorageLike, key: string): void {
  storage.removeItem(key);
}
