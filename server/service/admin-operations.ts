/** The manager console's operations: settings, queues, staff, catalogue, audit, today's figures. */
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AuditQuery,
  MatterInput,
  MatterRef,
  QueueUpdate,
  SettingsPatch,
  StaffInput,
  StaffUpdate,
  WindowEnabledUpdate,
  type AuditEntry,
  type HallSettings,
  type StaffAccount,
  type TodayStats,
} from '../../shared/admin';
import type { Reply } from '../../shared/errors';
import { staffPhotoUrl, type Matter, type QueueInfo, type Role, type Window } from '../../shared/schemas';
import { dayStats, iso, queueInfo, todayInput, type Clerk, type Command } from '../domain';
import { everyone } from './stats-operations';
import type { Store, UserRow } from '../store';
import type { Actor } from './actor';
import { err, ok } from './errors';
import type { HallService } from './hall-service';
import { recordHonorsOnSave } from './honors-operations';
import { define } from './operation';

const MANAGER: readonly Role[] = ['manager'];
const NoPayload = z.object({}).optional();
const PASSWORD_ROUNDS = 10;

/** An account as the console sees it; `photoVersion`: its photo's (亮证亮照), when it has one. */
export function accountOf(u: UserRow, photoVersion?: string): StaffAccount {
  const a: StaffAccount = {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    skills: JSON.parse(u.skills) as string[],
    active: u.active === 1,
    demoPassword: u.demo_password === 1,
  };
  if (photoVersion !== undefined) a.photoUrl = staffPhotoUrl(u.id, photoVersion);
  return a;
}

function queueInfoOf(service: HallService, code: string): Reply<QueueInfo> {
  const q = service.state().queues.get(code);
  return q ? ok(queueInfo(q)) : err('UNKNOWN_QUEUE', `queue ${code} does not exist`);
}

/** Runs a set-up command and answers with `then()` when it was accepted. */
function run<R>(service: HallService, actor: Actor, cmd: Command, then: () => Reply<R>, alsoWrite?: () => void): Reply<R> {
  const r = service.execute(actor, cmd, { alsoWrite });
  return r.ok ? then() : r;
}

function account(store: Store, id: string): Reply<StaffAccount> {
  const u = store.users.byId(id);
  return u ? ok(accountOf(u, store.photos.version(id))) : err('UNKNOWN_USER', 'unknown account');
}

export const adminOperations = {
  'admin:settings:get': define({
    roles: MANAGER,
    schema: NoPayload,
    run: ({ service }): Reply<HallSettings> => ok(structuredClone(service.state().settings)),
  }),

  'admin:settings': define({
    roles: MANAGER,
    schema: SettingsPatch,
    // A new 光荣榜 is recorded (历届光荣榜) with the settings, in the same transaction.
    run: ({ service, store }, actor, patch): Reply<HallSettings> =>
      run(
        service,
        actor,
        { type: 'updateSettings', patch },
        () => ok(structuredClone(service.state().settings)),
        patch.honors === undefined ? undefined : recordHonorsOnSave(service, store),
      ),
  }),

  'admin:queue': define({
    roles: MANAGER,
    schema: QueueUpdate,
    run: ({ service }, actor, { code, ...patch }): Reply<QueueInfo> =>
      run(service, actor, { type: 'updateQueue', code, patch }, () => queueInfoOf(service, code)),
  }),

  'admin:staff:list': define({
    roles: MANAGER,
    schema: NoPayload,
    run: ({ service, store }): Reply<StaffAccount[]> => ok(store.users.list(service.hallId).map((u) => accountOf(u, store.photos.version(u.id)))),
  }),

  'admin:staff:create': define({
    roles: MANAGER,
    schema: StaffInput.extend({ password: StaffInput.shape.password.unwrap() }),
    async run({ service, store }, actor, input): Promise<Reply<StaffAccount>> {
      if (store.users.byUsername(input.username)) return err('CONFLICT', `username ${input.username} is taken`);
      const passwordHash = await bcrypt.hash(input.password, PASSWORD_ROUNDS);
      // The hash took a while: someone may have taken the name meanwhile.
      if (store.users.byUsername(input.username)) return err('CONFLICT', `username ${input.username} is taken`);
      const id = randomUUID();
      const clerk: Clerk = { id, username: input.username, name: input.name, role: input.role, skills: input.skills };
      const insert = () =>
        store.users.insertOne({
          id,
          hallId: service.hallId,
          username: input.username,
          name: input.name,
          role: input.role,
          passwordHash,
          skills: input.skills,
          demoPassword: false,
          createdAt: iso(service.now()),
        });
      return run(service, actor, { type: 'setClerk', clerk }, () => account(store, id), insert);
    },
  }),

  'admin:staff:update': define({
    roles: MANAGER,
    schema: StaffUpdate,
    async run({ service, store }, actor, input): Promise<Reply<StaffAccount>> {
      const u = store.users.byId(input.id);
      if (!u || u.hall_id !== service.hallId) return err('UNKNOWN_USER', 'unknown account');
      if (input.username !== undefined && input.username !== u.username) return err('BAD_REQUEST', 'a username cannot change');
      if (input.active === false && actor.kind === 'user' && actor.id === u.id) return err('FORBIDDEN', 'you cannot deactivate your own account');
      const hash = input.password ? await bcrypt.hash(input.password, PASSWORD_ROUNDS) : undefined;
      const writes = () => {
        if (hash) store.users.setPassword(u.id, hash);
        // Another account's new password signs it out everywhere (a kiosk's sign-in lasts 90 days);
        // a manager changing their own keeps the console they are typing in.
        if (hash && !(actor.kind === 'user' && actor.id === u.id)) store.users.endSessions(u.id);
        if (input.active !== undefined) store.users.setActive(u.id, input.active);
      };
      if (input.active === false) {
        if (u.active === 0) {
          writes();
          return account(store, u.id);
        }
        return run(service, actor, { type: 'removeClerk', clerkId: u.id }, () => account(store, u.id), writes);
      }
      const clerk: Clerk = {
        id: u.id,
        username: u.username,
        name: input.name ?? u.name,
        role: input.role ?? u.role,
        skills: input.skills ?? (JSON.parse(u.skills) as string[]),
      };
      // The photo is not the form's: kept as stored (a reactivated account gets it back).
      const photo = store.photos.version(u.id);
      if (photo !== undefined) clerk.photoVersion = photo;
      return run(service, actor, { type: 'setClerk', clerk }, () => account(store, u.id), writes);
    },
  }),

  'admin:window': define({
    roles: MANAGER,
    schema: WindowEnabledUpdate,
    run: ({ service }, actor, { windowNo, enabled }): Reply<Window> =>
      run(service, actor, { type: 'setWindowEnabled', windowNo, enabled }, () => {
        const w = service.windowView(windowNo);
        return w ? ok(w) : err('UNKNOWN_WINDOW', `window ${windowNo} does not exist`);
      }),
  }),

  'admin:matter': define({
    roles: MANAGER,
    schema: MatterInput,
    run: ({ service }, actor, matter): Reply<Matter> => run(service, actor, { type: 'setMatter', matter }, () => ok(service.matter(matter.id)!)),
  }),

  'admin:matter:remove': define({
    roles: MANAGER,
    schema: MatterRef,
    run: ({ service }, actor, { id }): Reply<{ id: string }> => run(service, actor, { type: 'removeMatter', matterId: id }, () => ok({ id })),
  }),

  'admin:audit': define({
    roles: MANAGER,
    schema: AuditQuery,
    run({ service, store }, _actor, q): Reply<AuditEntry[]> {
      const users = new Map(store.users.list(service.hallId).map((u) => [u.id, u]));
      const parse = (s: string | null) => (s === null ? undefined : (JSON.parse(s) as unknown));
      return ok(
        store.events.audit(service.hallId, q.before ?? Number.MAX_SAFE_INTEGER, q.limit ?? 100).map((r) => {
          const u = users.get(r.actor);
          const entry: AuditEntry = {
            id: r.id,
            seq: r.seq,
            at: iso(r.at),
            actor: u ? { id: r.actor, username: u.username, name: u.name } : { id: r.actor },
            type: r.type,
            data: parse(r.data),
          };
          if (r.before !== null) entry.before = parse(r.before);
          if (r.after !== null) entry.after = parse(r.after);
          return entry;
        }),
      );
    },
  }),

  'stats:today': define({
    roles: ['manager', 'clerk', 'guide'],
    schema: NoPayload,
    run: ({ service, store }): Reply<TodayStats> => ok(dayStats({ ...todayInput(service.state()), clerks: everyone(service, store) }, service.now())),
  }),
};
