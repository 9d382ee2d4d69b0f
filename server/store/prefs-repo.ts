/** Each account's own panel preferences (migration 0014, shared/prefs.ts). */
import { AutoCallPrefs, type MyPrefs, type MyPrefsPatch } from '../../shared/prefs';
import type { Db } from './open';

interface Row {
  prefs: string;
}

/**
 * The stored JSON, group by group: a group that does not pass its schema (hand-edited, or written
 * by a later version with other fields) reads as never saved rather than failing the whole panel.
 */
function fromJson(json: string): MyPrefs {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const autoCall = AutoCallPrefs.safeParse((raw as Record<string, unknown>).autoCall);
  return autoCall.success ? { autoCall: autoCall.data } : {};
}

export function createPrefsRepo(db: Db) {
  const s = {
    get: db.prepare<[string], Row>('SELECT prefs FROM user_prefs WHERE user_id = ?'),
    put: db.prepare<[string, string, string]>(
      `INSERT INTO user_prefs (user_id, prefs, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET prefs = excluded.prefs, updated_at = excluded.updated_at`,
    ),
  };
  const get = (userId: string): MyPrefs => {
    const r = s.get.get(userId);
    return r ? fromJson(r.prefs) : {};
  };
  return {
    /** The account's preferences; `{}` when it never saved any. */
    get,
    /** Writes the groups of `patch` over the stored ones (the others are kept) and returns the result. */
    save: db.transaction((userId: string, patch: MyPrefsPatch, at: string): MyPrefs => {
      const next: MyPrefs = { ...get(userId) };
      if (patch.autoCall !== undefined) next.autoCall = patch.autoCall;
      s.put.run(userId, JSON.stringify(next), at);
      return next;
    }),
  };
}

export type PrefsRepo = ReturnType<typeof createPrefsRepo>;
