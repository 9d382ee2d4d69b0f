/**
 * 自助机呼叫工作人员's one socket module for the kiosk and the guide desk: the `/kiosk-help`
 * namespace, multiplexed by socket.io on the page's hall connection. A kiosk connects saying which
 * it is (its 设备状态 id) and hears its own call; a guide desk connects with the guide's token and
 * hears every call (the live ones again on each reconnect). Components read the refs and call the
 * commands; they never touch the socket.
 */
import { io, type Socket } from 'socket.io-client';
import { computed, ref, shallowRef, type Ref } from 'vue';
import type { Reply } from '../../../shared/errors';
import type { KioskHelpCall, KioskHelpClientEvents, KioskHelpMine, KioskHelpServerEvents } from '../../../shared/kioskHelp';
import { KIOSK_HELP_NAMESPACE, isKioskHelpActive } from '../../../shared/kioskHelpNames';
import { sortCalls, upsertCall } from '../../../shared/kioskHelpList';

export type KioskHelpStatus = 'connecting' | 'online' | 'offline' | 'refused';

/** How long a command waits for the server's answer. */
const ACK_TIMEOUT_MS = 8_000;

export interface KioskHelpOptions {
  /** Who connects, read at every (re)connection: a kiosk's id (and device token, if any), or a desk's token. */
  auth: () => { kioskId?: string; token?: string };
  /** Don't connect until `restart` (a desk before its guide signs in). */
  lazy?: boolean;
  /** Server time minus local time (the hall connection's), so "3 分钟前" counts on the server's clock. */
  clockOffsetMs?: Ref<number>;
}

/** How often the minutes since a call are counted again. */
const TICK_MS = 5_000;

function isReply(x: unknown): x is Reply<unknown> {
  return typeof x === 'object' && x !== null && 'ok' in x;
}

export function createKioskHelp(opts: KioskHelpOptions) {
  const status = ref<KioskHelpStatus>('connecting');
  /** The kiosk's own live call (null: none). */
  const mine = shallowRef<KioskHelpMine | null>(null);
  /** A desk's calls: the live ones sent on connect, then every change pushed. */
  const calls = shallowRef<KioskHelpCall[]>([]);
  /** Incremented each time a desk is sent the live list (tests and the ring wait for it). */
  const loads = ref(0);
  const localNow = ref(Date.now());
  setInterval(() => (localNow.value = Date.now()), TICK_MS);
  /** The server's time now, to the tick. */
  const now = computed(() => localNow.value + (opts.clockOffsetMs?.value ?? 0));

  const socket: Socket<KioskHelpServerEvents, KioskHelpClientEvents> = io(KIOSK_HELP_NAMESPACE, {
    path: '/socket.io',
    autoConnect: opts.lazy !== true,
    auth: (cb) => cb(opts.auth()),
    reconnection: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 5000,
  });
  socket.on('connect', () => (status.value = 'online'));
  socket.on('disconnect', (reason) => {
    status.value = 'offline';
    // The server closed us on purpose (a restart, an ended session): socket.io will not retry by itself.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000);
  });
  socket.on('connect_error', (e: Error) => {
    // Refused (a desk whose sign-in ended, a clerk's account): no retry until someone signs in again.
    if (e.message === 'FORBIDDEN' || e.message === 'UNAUTHORIZED') {
      status.value = 'refused';
      socket.disconnect();
    } else status.value = 'offline';
  });
  socket.on('kioskHelp:mine', (m) => (mine.value = m));
  socket.on('kioskHelp:open', (list) => {
    calls.value = sortCalls(list);
    loads.value += 1;
  });
  socket.on('kioskHelp:changed', (c) => (calls.value = upsertCall(calls.value, c)));

  function send<T>(name: keyof KioskHelpClientEvents, payload: unknown): Promise<Reply<T>> {
    if (!socket.connected) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'offline' } });
    return new Promise((resolve) => {
      (socket as unknown as Socket).timeout(ACK_TIMEOUT_MS).emit(name, payload, (e: Error | null, reply: unknown) => {
        resolve(e || !isReply(reply) ? { ok: false, error: { code: 'INTERNAL', message: 'no answer' } } : (reply as Reply<T>));
      });
    });
  }

  /** The kiosk's own answer is shown at once (the push follows and changes nothing). */
  const own = (r: Reply<KioskHelpMine>): Reply<KioskHelpMine> => {
    if (r.ok) mine.value = isKioskHelpActive(r.data.status) ? r.data : null;
    return r;
  };
  const desk = (r: Reply<KioskHelpCall>): Reply<KioskHelpCall> => {
    if (r.ok) calls.value = upsertCall(calls.value, r.data);
    return r;
  };

  return {
    status,
    mine,
    calls,
    loads,
    now,
    /** 需要帮助？呼叫工作人员 (a second press answers the same call). */
    raise: async () => own(await send<KioskHelpMine>('kioskHelp:raise', {})),
    /** 不需要了. */
    cancel: async (id: string) => own(await send<KioskHelpMine>('kioskHelp:cancel', { id })),
    acknowledge: async (id: string) => desk(await send<KioskHelpCall>('kioskHelp:acknowledge', { id })),
    resolve: async (id: string) => desk(await send<KioskHelpCall>('kioskHelp:resolve', { id })),
    /** Connect again with the auth as it is now (a guide signed in or out). */
    restart(): void {
      calls.value = [];
      socket.disconnect();
      status.value = 'connecting';
      socket.connect();
    },
    stop(): void {
      calls.value = [];
      socket.disconnect();
      status.value = 'refused';
    },
  };
}

export type KioskHelp = ReturnType<typeof createKioskHelp>;
