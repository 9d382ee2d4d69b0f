/** 亮证亮照: staff photos (migration 0024), one per account, with the version screens cache by. */
import type { StaffPhotoType } from '../../shared/admin';
import type { Db } from './open';

export interface StaffPhoto {
  bytes: Buffer;
  mime: StaffPhotoType;
  version: string;
  updatedAt: string;
}

interface Row {
  bytes: Buffer;
  mime: StaffPhotoType;
  version: string;
  updated_at: string;
}

export function createPhotoRepo(db: Db) {
  const s = {
    get: db.prepare<[string], Row>('SELECT bytes, mime, version, updated_at FROM staff_photos WHERE user_id = ?'),
    version: db.prepare<[string], { version: string }>('SELECT version FROM staff_photos WHERE user_id = ?'),
    put: db.prepare<[string, Buffer, string, string, string]>(
      `INSERT INTO staff_photos (user_id, bytes, mime, version, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET bytes = excluded.bytes, mime = excluded.mime, version = excluded.version, updated_at = excluded.updated_at`,
    ),
    remove: db.prepare<[string]>('DELETE FROM staff_photos WHERE user_id = ?'),
  };
  return {
    /** The account's photo, or undefined when it has none. */
    get(userId: string): StaffPhoto | undefined {
      const r = s.get.get(userId);
      return r ? { bytes: r.bytes, mime: r.mime, version: r.version, updatedAt: r.updated_at } : undefined;
    },
    /** Only the version (no bytes read): what the snapshot and the staff list carry. */
    version: (userId: string): string | undefined => s.version.get(userId)?.version,
    put: (userId: string, p: StaffPhoto): void => void s.put.run(userId, p.bytes, p.mime, p.version, p.updatedAt),
    /** True when there was one to remove. */
    remove: (userId: string): boolean => s.remove.run(userId).changes > 0,
  };
}

export type PhotoRepo = ReturnType<typeof createPhotoRepo>;
