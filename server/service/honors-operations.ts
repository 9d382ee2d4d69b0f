/**
 * 历届光荣榜 (shared/honors.ts): each save of the 光荣榜 records who entered and who left it, in the
 * save's own transaction; managers read the whole record, a clerk their own titles (我的荣誉).
 *
 * Names: a stint keeps the 工号 and name the account had when it was honoured, so an account
 * renamed or deactivated since (accounts are never deleted) still reads as the roll showed it.
 * Staff records are not citizen data: the 个人信息保存期限 clean-up leaves them alone.
 */
import { z } from 'zod';
import type { Reply } from '../../shared/errors';
import type { HonorsHistory, MyHonor } from '../../shared/honors';
import type { Role } from '../../shared/schemas';
import { honorsDiff, serviceDayOf, type HallSettings } from '../domain';
import type { HonorEntry, Store } from '../store';
import { err, ok } from './errors';
import type { HallService } from './hall-service';
import { define } from './operation';

const NoPayload = z.object({}).optional();
/** Who has a panel to show their own honours in: clerks, and managers covering a window. */
const PANEL_USERS: readonly Role[] = ['clerk', 'manager'];

/** 工号 and name for the record: the hall's active account; else the stored one (replaying the log). */
function entryOf(service: HallService, store: Store, clerkId: string, title: string): HonorEntry {
  const c = service.state().clerks.get(clerkId);
  if (c) return { clerkId, username: c.username, name: c.name, title };
  const u = store.users.byId(clerkId);
  return { clerkId, username: u?.username ?? '', name: u?.name ?? clerkId, title };
}

/**
 * The hall's record begins: the roll's earlier changes, as the event log holds them, are replayed
 * once (a hall upgraded with people on its roll keeps the day each was put there). Idempotent.
 */
export function beginHonorRecord(service: HallService, store: Store): void {
  const { hallId } = service;
  if (store.honors.begun(hallId)) return;
  const tz = service.state().timezone;
  store.db.transaction(() => {
    if (store.honors.begun(hallId)) return;
    for (const c of store.honors.loggedChanges(hallId)) {
      const d = honorsDiff(c.before, c.after);
      store.honors.record({ hallId, entered: d.entered.map((h) => entryOf(service, store, h.clerkId, h.title)), left: d.left, day: serviceDayOf(c.at, tz), at: c.at });
    }
    store.honors.begin(hallId, service.now());
  })();
}

/**
 * What a save of the roll writes beside the settings (the `alsoWrite` of its command, so both land
 * in one transaction): the change from the roll as it is now to the roll as the command left it.
 * Take it before the command runs.
 */
export function recordHonorsOnSave(service: HallService, store: Store): () => void {
  beginHonorRecord(service, store);
  const before: HallSettings['honors'] = (service.state().settings.honors ?? []).map((h) => ({ ...h }));
  return () => {
    const after = service.state().settings.honors;
    const d = honorsDiff(before, after);
    if (d.entered.length + d.left.length === 0) return;
    store.honors.record({
      hallId: service.hallId,
      entered: d.entered.map((h) => entryOf(service, store, h.clerkId, h.title)),
      left: d.left,
      day: service.state().serviceDay,
      at: service.now(),
    });
  };
}

export const honorsOperations = {
  'admin:honors:history': define({
    roles: ['manager'],
    schema: NoPayload,
    run({ service, store }): Reply<HonorsHistory> {
      beginHonorRecord(service, store);
      return ok({ today: service.state().serviceDay, stints: store.honors.list(service.hallId) });
    },
  }),

  'me:honors': define({
    roles: PANEL_USERS,
    schema: NoPayload,
    run({ service, store }, actor): Reply<MyHonor[]> {
      if (actor.kind !== 'user') return err('UNAUTHORIZED', 'sign in first');
      beginHonorRecord(service, store);
      return ok(store.honors.ofClerk(service.hallId, actor.id));
    },
  }),
};
