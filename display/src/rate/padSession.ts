/**
 * The 评价器's sign-in: the kiosk device account (or a manager's), kept in this browser's storage
 * so the pad comes back signed in after a power cut. The server sends a window's rating prompts
 * only to a signed-in pad (they carry the ticket's id, which rates it).
 */
import { ref, type Ref } from 'vue';
import type { Role } from '../../../shared/schemas';
import type { ApiResult } from '../shared/api';

const TOKEN_KEY = 'hall.pad.token';
const ROLES: readonly Role[] = ['kiosk', 'manager'];

export type SignInProblem = 'badLogin' | 'wrongRole' | 'signInOffline';

export interface PadSession {
  token: Ref<string | null>;
  signIn(username: string, password: string): Promise<SignInProblem | null>;
  signOut(): void;
}

export function createPadSession(
  storage: Storage | null,
  login: (username: string, password: string) => Promise<ApiResult<{ token: string; user: { role: Role } }>>,
): PadSession {
  const token = ref<string | null>(storage?.getItem(TOKEN_KEY) ?? null);
  return {
    token,
    async signIn(username, password) {
      const r = await login(username, password);
      if (!r.ok) return r.offline ? 'signInOffline' : 'badLogin';
      if (!ROLES.includes(r.data.user.role)) return 'wrongRole';
      token.value = r.data.token;
      storage?.setItem(TOKEN_KEY, r.data.token);
      return null;
    },
    signOut() {
      token.value = null;
      storage?.removeItem(TOKEN_KEY);
    },
  };
}
