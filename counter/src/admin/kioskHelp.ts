/**
 * 取号机呼叫 for the console: the `/kiosk-help` socket namespace (multiplexed by socket.io on the
 * console's one connection), signed in with the manager's token. The live calls are sent on each
 * (re)connect and kept current by the pushes; 我去处理 / 已处理 are commands with an answer. The
 * console's only other use of the calls, the 统计 page's day, reads them over REST.
 */
import { io, type Socket } from 'socket.io-client';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { Reply } from '../../../shared/errors';
import type { KioskHelpCall, KioskHelpClientEvents, KioskHelpServerEvents } from '../../../shared/kioskHelp';
import { KIOSK_HELP_NAMESPACE } from '../../../shared/kioskHelpNames';
import { liveCalls, sortCalls, upsertCall } from '../../../shared/kioskHelpList';

const ACK_TIMEOUT_MS = 8_000;

export function useKioskHelp(token: string) {
  const calls = shallowRef<KioskHelpCall[]>([]);
  /** Set once the first list has come: only calls new after it ring. */
  const loaded = ref(false);
  const online = ref(false);
  const socket: Socket<KioskHelpServerEvents, KioskHelpClientEvents> = io(KIOSK_HELP_NAMESPACE, {
    auth: { token },
    reconnectionDelay: 500,
    reconnectionDelayMax: 4_000,
  });
  socket.on('connect', () => (online.value = true));
  socket.on('disconnect', (reason) => {
    online.value = false;
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1_000);
  });
  socket.on('kioskHelp:open', (list) => {
    calls.value = sortCalls(list);
    loaded.value = true;
  });
  socket.on('kioskHelp:changed', (c) => (calls.value = upsertCall(calls.value, c)));
  onScopeDispose(() => socket.disconnect());

  function send(name: 'kioskHelp:acknowledge' | 'kioskHelp:resolve', id: string): Promise<Reply<KioskHelpCall>> {
    if (!socket.connected) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'offline' } });
    return new Promise((resolve) => {
      (socket as unknown as Socket).timeout(ACK_TIMEOUT_MS).emit(name, { id }, (e: Error | null, reply: Reply<KioskHelpCall> | undefined) => {
        const r: Reply<KioskHelpCall> = e || !reply ? { ok: false, error: { code: 'INTERNAL', message: 'no answer' } } : reply;
        if (r.ok) calls.value = upsertCall(calls.value, r.data);
        resolve(r);
      });
    });
  }

  return {
    calls,
    live: computed(() => liveCalls(calls.value)),
    loaded,
    online,
    acknowledge: (id: string) => send('kioskHelp:acknowledge', id),
    resolve: (id: string) => send('kioskHelp:resolve', id),
  };
}

export type KioskHelpStore = ReturnType<typeof useKioskHelp>;
