/**
 * The one socket module of the citizen-facing displays. It connects as an anonymous viewer,
 * feeds HallSync (the seq/resync rules) and exposes reactive state to the Vue components, which
 * never touch the socket themselves.
 */
import { io, type Socket } from 'socket.io-client';
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import type { Announce } from '../../../shared/announce';
import type { DeviceHello, DeviceStatus } from '../../../shared/devices';
import type { ServerToClientEvents, ViewerClientEvents } from '../../../shared/events';
import type { RatingPrompt } from '../../../shared/ratings';
import type { Call, Snapshot } from '../../../shared/schemas';
import { serverOffsetMs } from './clock';
import type { HallState } from './hallState';
import { HallSync, type ConnectionStatus } from './hallSync';
import type { HallTransport, HallTransportHandlers } from './transport';

/** How long to wait for the answer to `snapshot:get` before asking again. */
const SNAPSHOT_TIMEOUT_MS = 8000;

type ViewerSocket = Socket<ServerToClientEvents, ViewerClientEvents>;

/** A signed-in hall screen (the 评价器): its sign-in, what it tells the server, what it hears. */
export interface SignedInScreen {
  /** The device token now (read at every connection); null: connect as a viewer. */
  token: () => string | null;
  /** Handshake query, e.g. `{pad: '3'}`. */
  query?: Record<string, string>;
  /** `rating:prompt` (the 评价器 of this window). */
  onRatingPrompt?: (prompt: RatingPrompt) => void;
  /** The server refused the sign-in (expired or revoked): sign in again, then `reconnect`. */
  onRefused?: () => void;
}

/**
 * `device`: a hall screen saying who it is (设备状态); phones pass nothing. `signedIn`: a screen
 * that connects with a device token (the 评价器); the others connect as anonymous viewers.
 */
export function socketTransport(device?: DeviceHello, signedIn?: SignedInScreen): HallTransport & { reconnect(): void } {
  let socket: ViewerSocket | null = null;
  let started: HallTransportHandlers | null = null;
  // Every (re)connection sends the hello as it is then: a wall that went silent says so again.
  let hello = device;
  const transport: HallTransport & { reconnect(): void } = {
    start(handlers) {
      started = handlers;
      const s: ViewerSocket = io({
        // A signed-in screen's reconnect is a new socket: a recovered one would keep the old
        // session's identity (the server skips the sign-in for recovered connections).
        ...(signedIn ? { forceNew: true } : {}),
        path: '/socket.io',
        auth: (cb) => {
          const token = signedIn?.token() ?? null;
          cb({ ...(hello ? { device: hello } : {}), ...(token ? { token } : {}) });
        },
        ...(signedIn?.query ? { query: signedIn.query } : {}),
        // Forever, with a calm back-off: a display must come back by itself after any outage.
        reconnection: true,
        reconnectionDelay: 1000,
        reconnectionDelayMax: 5000,
      });
      socket = s;
      s.on('connect', () => handlers.opened());
      s.on('disconnect', (reason) => {
        handlers.lost();
        // After a server-side disconnect Socket.IO does not retry on its own; a display must.
        if (reason === 'io server disconnect') setTimeout(() => s.connect(), 2000);
      });
      s.on('snapshot', (snapshot) => handlers.snapshot(snapshot));
      s.on('hall:changed', (change) => handlers.change(change));
      s.on('call', (call) => handlers.call(call));
      s.on('announce', (announce) => handlers.announce(announce));
      if (signedIn?.onRatingPrompt) s.on('rating:prompt', signedIn.onRatingPrompt);
      // A refused sign-in is not retried by Socket.IO: the screen signs in again and reconnects.
      s.on('connect_error', (e) => {
        if (e.message === 'UNAUTHORIZED') signedIn?.onRefused?.();
      });
    },
    reconnect() {
      socket?.disconnect();
      socket = null;
      if (started) transport.start(started);
    },
    requestSnapshot() {
      return new Promise<Snapshot>((resolve, reject) => {
        if (socket === null) {
          reject(new Error('not started'));
          return;
        }
        socket.timeout(SNAPSHOT_TIMEOUT_MS).emit('snapshot:get', (err, reply) => {
          if (err) reject(err);
          else if (reply.ok) resolve(reply.data);
          else reject(new Error(reply.error.message));
        });
      });
    },
    reportStatus(status: DeviceStatus) {
      if (!hello) return;
      hello = { ...hello, ...status };
      socket?.emit('device:status', status);
    },
    stop() {
      socket?.disconnect();
      socket = null;
    },
  };
  return transport;
}

export interface HallConnection {
  state: ShallowRef<HallState | null>;
  status: Ref<ConnectionStatus>;
  /** Server time minus local time, for the clock. */
  clockOffsetMs: Ref<number>;
  /** Subscribe to live calls (the audio queue does). Returns the unsubscribe function. */
  onCall(listener: (call: Call) => void): () => void;
  /** Subscribe to 语音广播 (the wall does; window screens do not). Returns the unsubscribe function. */
  onAnnounce(listener: (announce: Announce) => void): () => void;
  /** 设备状态: tell the server this screen's sound changed. */
  reportDevice(status: DeviceStatus): void;
  close(): void;
}

export function connectHall(transport: HallTransport = socketTransport()): HallConnection {
  const state = shallowRef<HallState | null>(null);
  const status = ref<ConnectionStatus>('connecting');
  const clockOffsetMs = ref(0);
  const listeners = new Set<(call: Call) => void>();
  const announceListeners = new Set<(announce: Announce) => void>();
  // Snapshots, changes and calls carry the server's "now": the clock follows it (clock.ts).
  const followServerClock = (at: string): void => {
    clockOffsetMs.value = serverOffsetMs(at, Date.now(), clockOffsetMs.value);
  };

  const sync = new HallSync({
    requestSnapshot: () =>
      transport.requestSnapshot().then((snapshot) => {
        followServerClock(snapshot.at);
        return snapshot;
      }),
    onState: (next) => {
      state.value = next;
    },
    onCall: (call) => {
      followServerClock(call.at);
      for (const listener of listeners) listener(call);
    },
    onStatus: (next) => {
      status.value = next;
    },
  });

  transport.start({
    opened: () => sync.connectionOpened(),
    lost: () => sync.connectionLost(),
    snapshot: (snapshot) => {
      sync.receiveSnapshot(snapshot);
      followServerClock(snapshot.at);
    },
    change: (change) => {
      sync.receiveChange(change);
      followServerClock(change.at);
    },
    call: (call) => sync.receiveCall(call),
    announce: (announce) => {
      for (const listener of announceListeners) listener(announce);
    },
  });

  return {
    state,
    status,
    clockOffsetMs,
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onAnnounce(listener) {
      announceListeners.add(listener);
      return () => announceListeners.delete(listener);
    },
    reportDevice(status) {
      transport.reportStatus?.(status);
    },
    close() {
      transport.stop();
      listeners.clear();
      announceListeners.clear();
    },
  };
}
