/**
 * A real server on a free port: in-memory SQLite seeded with the demo hall, a manual clock,
 * the clip-pack voice (no espeak, for speed). Tests drive it with fetch and socket.io-client.
 */
import { io as connect, type Socket } from 'socket.io-client';
import type { ServerToClientEvents, StaffClientEvents } from '../../shared/events';
import type { LoginResult, Snapshot } from '../../shared/schemas';
import { createApp, type App } from '../../server/app';
import type { BackupConfig } from '../../server/backup/config';
import type { RatingPushConfig } from '../../server/integrations';
import type { SmsConfig } from '../../server/notify';
import { seedDemoIfEmpty } from '../../server/demo/seed';
import { ManualClock } from '../../server/service/clock';
import { createStore, openStore, type Store } from '../../server/store';
import { openDatabase } from '../../server/store/open';
import { createVoice } from '../../server/voice';

/** Monday 2026-11-30 09:00 in Shanghai. */
export const TEST_START = Date.parse('2026-11-30T01:00:00Z');

export interface TestServer {
  url: string;
  port: number;
  clock: ManualClock;
  store: Store;
  app: App;
  logs: string[];
  close(): Promise<void>;
}

/** `espeak: true` switches the notice voice on (about a second more to start; 语音广播 tests); `backup` gives 数据备份 a folder (off otherwise). */
export async function startTestServer(
  opts: { dbPath?: string; now?: number; distDir?: string; bookingKey?: string; espeak?: boolean; sms?: SmsConfig; ratingPush?: RatingPushConfig; backup?: BackupConfig } = {},
): Promise<TestServer> {
  const clock = new ManualClock(opts.now ?? TEST_START);
  const store = opts.dbPath ? openStore(opts.dbPath) : createStore(openDatabase(':memory:'));
  seedDemoIfEmpty(store, { now: clock.now(), bcryptRounds: 4 });
  const logs: string[] = [];
  const log = (m: string) => void logs.push(m);
  const app = createApp({ store, clock, voice: createVoice({ enableEspeak: opts.espeak === true, log }), log, bookingKey: opts.bookingKey, sms: opts.sms, ratingPush: opts.ratingPush, backup: opts.backup, ...(opts.distDir ? { distDir: opts.distDir } : {}) });
  const port = await app.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    clock,
    store,
    app,
    logs,
    async close() {
      await app.close();
      store.close();
    },
  };
}

export type ClientSocket = Socket<ServerToClientEvents, StaffClientEvents>;

export async function api<T = unknown>(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let payload: string | undefined;
  if (opts.raw !== undefined) {
    payload = opts.raw;
    headers['content-type'] ??= 'application/json';
  } else if (opts.body !== undefined) {
    payload = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(base + path, { method, headers, body: payload });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function login(base: string, username: string, password: string): Promise<string> {
  const r = await api<LoginResult>(base, 'POST', '/api/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status}`);
  return r.body.token;
}

/** Connects and waits for the first snapshot. */
export async function connectClient(base: string, token?: string, query?: Record<string, string>): Promise<{ socket: ClientSocket; snapshot: Snapshot }> {
  const socket: ClientSocket = connect(base, { transports: ['websocket'], forceNew: true, reconnection: false, ...(token ? { auth: { token } } : {}), ...(query ? { query } : {}) });
  const snapshot = await new Promise<Snapshot>((resolve, reject) => {
    socket.once('snapshot', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, snapshot };
}

/** Waits for the next `event` matching `pred`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  pred: (arg: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler as never);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const handler = (arg: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!pred(arg)) return;
      clearTimeout(timer);
      socket.off(event, handler as never);
      resolve(arg);
    };
    socket.on(event, handler as never);
  });
}
