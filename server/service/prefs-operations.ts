/**
 * A signed-in person's own panel preferences (shared/prefs.ts): read and saved for the account of
 * the token, never anyone else's — no payload names a user, and the strict schemas refuse one that
 * tries. Not hall state: no event, no seq, no push, nothing in the audit log; viewers (no token)
 * are refused like any other staff call.
 */
import { z } from 'zod';
import type { Reply } from '../../shared/errors';
import { MyPrefsPatch, type MyPrefs } from '../../shared/prefs';
import type { Role } from '../../shared/schemas';
import { iso } from '../domain';
import { err, ok } from './errors';
import { define } from './operation';

/** The accounts that sign in to the clerk panel (/counter): clerks, and managers covering a window. */
const PANEL_USERS: readonly Role[] = ['clerk', 'manager'];

const NoPayload = z.strictObject({}).optional();

export const prefsOperations = {
  'me:prefs:get': define({
    roles: PANEL_USERS,
    schema: NoPayload,
    run: ({ store }, actor): Reply<MyPrefs> => (actor.kind === 'user' ? ok(store.prefs.get(actor.id)) : err('UNAUTHORIZED', 'sign in first')),
  }),

  'me:prefs': define({
    roles: PANEL_USERS,
    schema: MyPrefsPatch,
    run: ({ store, service }, actor, patch): Reply<MyPrefs> =>
      actor.kind === 'user' ? ok(store.prefs.save(actor.id, patch, iso(service.now()))) : err('UNAUTHORIZED', 'sign in first'),
  }),
};
