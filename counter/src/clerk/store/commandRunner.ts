/**
 * One command at a time: `busy` says which one is in flight (a press meanwhile waits for it, see
 * windowCommands.ts), and `run` sends one, hands its data on, and says a refusal in the notice bar.
 */
import { ref } from 'vue';
import { errorKey } from '../../shared/commonText';
import type { ClientReply } from '../../shared/reply';
import type { ShortcutTarget } from '../logic/shortcuts';
import type { Say } from './notices';

export type BusyWith = ShortcutTarget | 'signIn' | 'signOut';

export function createCommandRunner(say: Say) {
  const busy = ref<BusyWith | null>(null);

  async function run<T>(target: BusyWith, send: () => Promise<ClientReply<T>>, ok: (data: T) => void): Promise<boolean> {
    busy.value = target;
    try {
      const r = await send();
      if (r.ok) ok(r.data);
      else say('error', errorKey(r.error.code));
      return r.ok;
    } finally {
      busy.value = null;
    }
  }

  return { busy, run };
}

export type CommandRunner = ReturnType<typeof createCommandRunner>;
