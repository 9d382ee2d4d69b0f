/**
 * The one socket module of the staff apps. Components never touch the socket: they read the
 * reactive snapshot and connection status from here and send typed commands, each of which
 * ends in the server's reply or in a visible OFFLINE/TIMEOUT error.
 */
import { io, type Socket } from 'socket.io-client';
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import type { AssistRequest } from '../../../shared/assist';
import type { DeferralChanged } from '../../../shared/deferral';
import type { DeviceList } from '../../../shared/devices';
import type { QuestionsChanged } from '../../../shared/questions';
import type { Ack, RatingsChanged, ServerToClientEvents, StaffClientEvents } from '../../../shared/events';
import type { Call, CallPrompt, Snapshot } from '../../../shared/schemas';
import { emptySync, receiveCall, receiveChange, receiveSnapshot, startResync, type SyncState } from './hallSync';
import { asReply, offline, timedOut, type ClientReply } from './reply';
import { clockOffset } from './time';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unauthorized';

/** Events that carry a payload and answer with an acknowledgement. */
export type CommandName = Exclude<keyof StaffClientEvents, 'snapshot:get' | 'ticket:watch' | 'ticket:unwatch' | 'device:status'>;
export type CommandPayload<K extends CommandName> = Parameters<StaffClientEvents[K]>[0];
export type CommandData<K extends CommandName> = Parameters<StaffClientEvents[K]>[1] extends Ack<infer T> ? T : never;

export interface HallConnection {
  status: Readonly<Ref<ConnectionStatus>>;
  /** The hall as last known; kept (greyed out by the screens) while offline. */
  snapshot: Readonly<ShallowRef<Snapshot | null>>;
  /** The newest call or recall seen (for the console's ticker). */
  lastCall: Readonly<ShallowRef<Call | null>>;
  /** Server clock minus local clock, ms; timers add it to Date.now(). */
  serverOffset: Readonly<Ref<number>>;
  /** Incremented on every resync, so screens (and tests) can tell one happened. */
  resyncs: Readonly<Ref<number>>;
  /** Idle windows that should call now (请叫号), as the server last said. */
  prompts: Readonly<ShallowRef<readonly CallPrompt[]>>;
  /** The last rating that arrived or whose follow-up changed (the 好差评 page reloads on it). */
  ratingsChanged: Readonly<ShallowRef<RatingsChanged | null>>;
  /** The last 求助 request that was asked for, answered or settled (assist.ts keeps the list). */
  assistChanged: Readonly<ShallowRef<AssistRequest | null>>;
  /** Managers: the hall's screens as the server last pushed them (设备状态; devices.ts asks on connect). */
  devicesChanged: Readonly<ShallowRef<DeviceList | null>>;
  /** The last 容缺台账 change (made, brought, withdrawn, reminded) with the counts after it: the 台账, the board and the panel's citizen update on it. */
  deferralChanged: Readonly<ShallowRef<DeferralChanged | null>>;
  /** The last 疑难问题 change (asked, answered, published …; no text): the asker's panel, every panel's 常见问题 and the console ask again on it. */
  questionsChanged: Readonly<ShallowRef<QuestionsChanged | null>>;
  command<K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<ClientReply<CommandData<K>>>;
  /** Try to reconnect at once instead of waiting for the back-off. */
  retryNow(): void;
  close(): void;
}

export interface ConnectOptions {
  token: string | null;
  /** Server origin; default: the page's own. */
  url?: string;
  ackTimeoutMs?: number;
}

/** The minimal shape we need to emit generically; the typed surface is `command`. */
interface RawEmitter {
  timeout(ms: number): { emit(ev: string, payload: unknown, cb: (err: Error | null, reply: unknown) => void): void };
}

const DEFAULT_ACK_TIMEOUT_MS = 8_000;

export function connectHall(opts: ConnectOptions): HallConnection {
  const ackTimeoutMs = opts.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
  const status = ref<ConnectionStatus>('connecting');
  const snapshot = shallowRef<Snapshot | null>(null);
  const lastCall = shallowRef<Call | null>(null);
  const serverOffset = ref(0);
  const resyncs = ref(0);
  const prompts = shallowRef<readonly CallPrompt[]>([]);
  const ratingsChanged = shallowRef<RatingsChanged | null>(null);
  const assistChanged = shallowRef<AssistRequest | null>(null);
  const devicesChanged = shallowRef<DeviceList | null>(null);
  const deferralChanged = shallowRef<DeferralChanged | null>(null);
  const questionsChanged = shallowRef<QuestionsChanged | null>(null);
  let promptsSeq = -1;
  let sync: SyncState = emptySync();
  /** The first snapshot after (re)connecting replaces ours whatever its seq. */
  let forceNext = true;

  const socket: Socket<ServerToClientEvents, StaffClientEvents> = io(opts.url ?? '', {
    auth: opts.token ? { token: opts.token } : {},
    // Commands must not pile up while offline and fire minutes later: we refuse them instead.
    // (socket.io buffers emits while disconnected; we check `connected` before each emit.)
    reconnectionDelay: 500,
    reconnectionDelayMax: 4_000,
  });

  const publish = (next: SyncState): void => {
    sync = next;
    if (sync.snapshot !== snapshot.value) snapshot.value = sync.snapshot;
  };

  const requestSnapshot = (): void => {
    if (!socket.connected) return;
    publish(startResync(sync));
    socket.timeout(ackTimeoutMs).emit('snapshot:get', (err: Error | null, reply: unknown) => {
      if (err) {
        setTimeout(requestSnapshot, 1_000);
        return;
      }
      const r = asReply<Snapshot>(reply);
      if (r.ok) takeSnapshot(r.data);
    });
  };

  const takeSnapshot = (snap: Snapshot): void => {
    serverOffset.value = clockOffset(snap.at, Date.now());
    const r = receiveSnapshot(sync, snap, { force: forceNext });
    forceNext = false;
    resyncs.value += 1;
    publish(r.state);
    if (r.needResync) requestSnapshot();
  };

  socket.on('connect', () => {
    status.value = 'online';
    promptsSeq = -1;
    forceNext = true;
    // Hold changes until the fresh snapshot lands; the server pushes one on connect, and we
    // ask as well in case that push raced the connect handler.
    publish({ snapshot: sync.snapshot, resyncing: true, buffered: [] });
    requestSnapshot();
  });
  socket.on('disconnect', (reason) => {
    status.value = 'offline';
    // The server closed us on purpose (restart, kicked): socket.io will not retry by itself.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1_000);
  });
  socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    const code = err.data?.code ?? err.message;
    if (code === 'UNAUTHORIZED' || code === 'FORBIDDEN') {
      status.value = 'unauthorized';
      socket.disconnect();
      return;
    }
    status.value = 'offline';
  });
  socket.on('snapshot', (snap) => takeSnapshot(snap));
  socket.on('hall:changed', (change) => {
    serverOffset.value = clockOffset(change.at, Date.now());
    const r = receiveChange(sync, change);
    publish(r.state);
    if (r.outcome === 'gap') requestSnapshot();
  });
  socket.on('hall:prompts', (p) => {
    // Prompts follow changes; an older list arriving late must not replace a newer one.
    if (p.seq < promptsSeq) return;
    promptsSeq = p.seq;
    prompts.value = p.prompts;
  });
  socket.on('ratings:changed', (r) => {
    ratingsChanged.value = r;
  });
  socket.on('assist:changed', (r) => {
    assistChanged.value = r;
  });
  socket.on('devices:changed', (l) => {
    devicesChanged.value = l;
  });
  socket.on('deferral:changed', (c) => {
    deferralChanged.value = c;
  });
  socket.on('questions:changed', (c) => {
    questionsChanged.value = c;
  });
  socket.on('call', (call) => {
    lastCall.value = call;
    publish(receiveCall(sync, call));
  });

  // A page opened straight from a link asks for its data at once: before the first connection a
  // command waits for it (up to the ack timeout). After a drop it fails at once: the banner says why.
  const firstConnect = new Promise<void>((r) => socket.once('connect', () => r()));
  const command = <K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<ClientReply<CommandData<K>>> =>
    new Promise((resolve) => {
      const send = () =>
        (socket as unknown as RawEmitter).timeout(ackTimeoutMs).emit(name, payload, (err, reply) => {
          resolve(err ? timedOut() : asReply<CommandData<K>>(reply));
        });
      if (socket.connected) return send();
      if (status.value !== 'connecting') return resolve(offline());
      let waiting = true;
      const gaveUp = setTimeout(() => {
        waiting = false;
        resolve(offline());
      }, ackTimeoutMs);
      void firstConnect.then(() => {
        if (!waiting) return; // answered offline already: the command must not run late
        clearTimeout(gaveUp);
        send();
      });
    });

  return {
    status,
    snapshot,
    lastCall,
    serverOffset,
    resyncs,
    prompts,
    ratingsChanged,
    assistChanged,
    devicesChanged,
    deferralChanged,
    questionsChanged,
    command,
    retryNow: () => {
      if (!socket.connected) socket.connect();
    },
    close: () => {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
