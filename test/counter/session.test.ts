import { describe, expect, it } from 'vitest';
import { clearSession, loadSession, saveSession, type StorageLike } from '../../counter/src/shared/session';

function memory(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const login = {
  token: 'tok',
  expiresAt: '2025-01-01T18:00:00Z',
  user: { id: 'u1', username: 'c01', name: '张三', role: 'clerk' as const, skills: ['A'] },
};

describe('staff session', () => {
  it('round-trips and clears', () => {
    const s = memory();
    saveSession(s, 'k', login);
    expect(loadSession(s, 'k', Date.parse('2025-01-01T09:00:00Z'))?.user.name).toBe('张三');
    clearSession(s, 'k');
    expect(loadSession(s, 'k', 0)).toBeNull();
  });
  it('drops an expired or malformed session', () => {
    const s = memory();
    saveSession(s, 'k', login);
    expect(loadSession(s, 'k', Date.parse('2025-01-01T18:00:01Z'))).toBeNull();
    s.setItem('k', '{"token":1}');
    expect(loadSession(s, 'k', 0)).toBeNull();
    s.setItem('k', 'not json');
    expect(loadSession(s, 'k', 0)).toBeNull();
  });
});
