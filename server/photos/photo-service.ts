/**
 * 亮证亮照: a manager adds, replaces or removes a staff account's photo. Each change is a hall
 * command (ClerkPhotoChanged, audited with who did it) committed with the photo's bytes, so the
 * windows where that clerk sits are pushed with the new photo URL at once.
 */
import type { StaffAccount } from '../../shared/admin';
import type { Reply } from '../../shared/errors';
import { iso } from '../domain';
import type { Actor } from '../service/actor';
import { err, ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import type { StaffPhoto, Store } from '../store';
import { accountOf } from '../service/admin-operations';
import { checkPhoto, photoVersion } from './photo-rules';

export function createPhotoService(deps: { service: HallService; store: Store }) {
  const { service, store } = deps;

  function accountIn(id: string) {
    const u = store.users.byId(id);
    return u && u.hall_id === service.hallId ? u : undefined;
  }

  function change(actor: Actor, id: string, next: StaffPhoto | null): Reply<StaffAccount> {
    const u = accountIn(id);
    if (!u) return err('UNKNOWN_USER', 'unknown account');
    const before = store.photos.version(u.id);
    const write = () => (next ? store.photos.put(u.id, next) : store.photos.remove(u.id));
    const r = service.execute(
      actor,
      { type: 'setClerkPhoto', clerk: { id: u.id, username: u.username, name: u.name }, photoVersion: next?.version ?? null, before },
      { alsoWrite: write },
    );
    return r.ok ? ok(accountOf(u, store.photos.version(u.id))) : r;
  }

  return {
    /** Adds or replaces the photo: JPEG or PNG bytes, checked against their declared type. */
    put(actor: Actor, id: string, bytes: Uint8Array, declared: string | undefined): Reply<StaffAccount> {
      if (!accountIn(id)) return err('UNKNOWN_USER', 'unknown account');
      const type = checkPhoto(bytes, declared);
      if (!type.ok) return type;
      return change(actor, id, { bytes: Buffer.from(bytes), mime: type.data, version: photoVersion(bytes), updatedAt: iso(service.now()) });
    },
    /** Removes it (nothing to remove is not an error: the account has no photo either way). */
    remove: (actor: Actor, id: string): Reply<StaffAccount> => change(actor, id, null),
    /** The photo for GET: only of an account of this hall. */
    get(id: string): StaffPhoto | undefined {
      return accountIn(id) ? store.photos.get(id) : undefined;
    },
  };
}

export type PhotoService = ReturnType<typeof createPhotoService>;
