/**
 * The manager's set-up commands (settings, queues, staff, catalogue): decided like every other
 * command, so each change is an event in the audit log.
 */
import { canonicalMatter } from '../../shared/deferral';
import type { Command } from './commands';
import type { Decision } from './decide';
import type { DomainEvent } from './events';
import { honorsProblem } from './honors';
import { patchNotices } from './notices';
import { prefixConflict, prefixOf } from './numbering';
import type { HallState, QueueDef, WindowRec } from './types';

export type SetupCommand = Extract<
  Command,
  { type: 'updateSettings' | 'updateQueue' | 'setClerk' | 'removeClerk' | 'setClerkPhoto' | 'setMatter' | 'removeMatter' }
>;

const fail = (code: Extract<Decision, { ok: false }>['error']['code'], message: string): Decision => ({ ok: false, error: { code, message } });
const done = (events: DomainEvent[]): Decision => ({ ok: true, events });

export function decideSetup(state: HallState, cmd: SetupCommand, now: number, releaseCurrent: (w: WindowRec) => DomainEvent[]): Decision {
  switch (cmd.type) {
    case 'updateSettings': {
      const notices = patchNotices(state.settings, cmd.patch);
      if ('refused' in notices) return fail('BAD_REQUEST', notices.refused);
      const honorsRefused = cmd.patch.honors === undefined ? undefined : honorsProblem(state, cmd.patch.honors);
      if (honorsRefused) return fail('BAD_REQUEST', honorsRefused);
      const settings = { ...state.settings, ...cmd.patch, ...notices };
      if (JSON.stringify(settings) === JSON.stringify(state.settings)) return done([]);
      return done([{ type: 'SettingsChanged', at: now, settings, before: { ...state.settings } }]);
    }

    case 'updateQueue': {
      const q = state.queues.get(cmd.code);
      if (!q) return fail('UNKNOWN_QUEUE', `queue ${cmd.code} does not exist`);
      const { nextNumber: _n, avgServiceSeconds: _a, ...before } = q;
      const queue: QueueDef = { ...before, ...cmd.patch, code: q.code };
      // The default prefix is kept as no prefix, so the queue follows its code (and old halls stay as they were).
      if (queue.prefix === undefined || queue.prefix === q.code) delete queue.prefix;
      if (queue.numberStart > queue.numberEnd) return fail('BAD_REQUEST', 'the number range starts after it ends');
      if (queue.numberEnd < q.nextNumber - 1) return fail('BAD_REQUEST', `numbers up to ${q.nextNumber - 1} are already issued today`);
      if (prefixOf(queue) !== prefixOf(q)) {
        if (!/^[A-Z]$/.test(prefixOf(queue))) return fail('BAD_REQUEST', 'a number prefix is one capital letter');
        const taken = prefixConflict(state, q.code, prefixOf(queue));
        if (taken) return fail('CONFLICT', `prefix ${prefixOf(queue)} is taken: ${taken}`);
      }
      return done([{ type: 'QueueChanged', at: now, queue, before }]);
    }

    case 'setClerk': {
      const unknown = cmd.clerk.skills.find((s) => !state.queues.has(s));
      if (unknown) return fail('UNKNOWN_QUEUE', `queue ${unknown} does not exist`);
      const before = state.clerks.get(cmd.clerk.id);
      return done([{ type: 'ClerkChanged', at: now, clerk: { ...cmd.clerk, skills: [...cmd.clerk.skills] }, before }]);
    }

    case 'removeClerk': {
      if (!state.clerks.has(cmd.clerkId)) return fail('UNKNOWN_USER', 'unknown account');
      const events: DomainEvent[] = [];
      for (const w of state.windows.values()) {
        if (w.clerkId !== cmd.clerkId) continue;
        events.push(...releaseCurrent(w));
        events.push({ type: 'WindowSignedOut', at: now, windowNo: w.no, clerkId: cmd.clerkId });
      }
      events.push({ type: 'ClerkRemoved', at: now, clerkId: cmd.clerkId });
      return done(events);
    }

    case 'setClerkPhoto': {
      // The account and its stored photo (`before`) are the caller's: a deactivated account is not
      // in the hall state, and keeps its photo for when it comes back.
      const { id, username, name } = cmd.clerk;
      const after = cmd.photoVersion ?? undefined;
      if (after === cmd.before) return done([]);
      return done([{ type: 'ClerkPhotoChanged', at: now, clerkId: id, username, name, photoVersion: after, before: cmd.before }]);
    }

    case 'setMatter': {
      if (!state.queues.has(cmd.matter.queue)) return fail('UNKNOWN_QUEUE', `queue ${cmd.matter.queue} does not exist`);
      return done([{ type: 'MatterChanged', at: now, matter: canonicalMatter(cmd.matter), before: state.matters.get(cmd.matter.id) }]);
    }

    case 'removeMatter': {
      if (!state.matters.has(cmd.matterId)) return fail('NOT_FOUND', `matter ${cmd.matterId} does not exist`);
      return done([{ type: 'MatterRemoved', at: now, matterId: cmd.matterId }]);
    }
  }
}
