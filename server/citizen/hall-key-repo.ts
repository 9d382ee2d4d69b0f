/** A hall's secret keys (migration 0021): made once, on first use, and kept for good. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../store';

/** 'onsite' signs 场内扫码取号's QR codes; 'idcard' keys the HMAC of 实名取号's card numbers. */
export type KeyPurpose = 'onsite' | 'idcard';

export function createHallKeyRepo(db: Db) {
  const s = {
    insert: db.prepare('INSERT OR IGNORE INTO hall_keys (hall_id, purpose, key, created_at) VALUES (?, ?, ?, ?)'),
    get: db.prepare('SELECT key FROM hall_keys WHERE hall_id = ? AND purpose = ?'),
  };
  const cache = new Map<string, string>();
  return {
    /** The hall's key for `purpose`; two processes asking at once both read the one that landed. */
    key(hallId: string, purpose: KeyPurpose, now: number): string {
      const id = `${hallId}\u0000${purpose}`;
      const known = cache.get(id);
      if (known !== undefined) return known;
      s.insert.run(hallId, purpose, randomBytes(32).toString('hex'), now);
      const row = s.get.get(hallId, purpose) as { key: string };
      cache.set(id, row.key);
      return row.key;
    },
  };
}

export type HallKeyRepo = ReturnType<typeof createHallKeyRepo>;
