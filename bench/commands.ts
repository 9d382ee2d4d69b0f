/**
 * End-to-end command latency and throughput: the real server (server/main.ts) in its own process
 * on a fresh SQLite file (WAL, synchronous=FULL), HTTP clients on loopback from this process, and N
 * Socket.IO viewers receiving every change.
 * Run: npx tsx bench/commands.ts [viewers=300]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { api, login } from '../test/support/server';

const viewers = Number(process.argv[2] ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'bench-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HALL_DB: join(dir, 'hall.db') },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolve) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /localhost:(\d+)/.exec(out);
    if (m) resolve(`http://127.0.0.1:${m[1]}`);
  });
});
const s = { url };
let serverSeq = (await api<{ seq: number }>(url, 'GET', '/api/snapshot')).body.seq;

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};
async function timed<T>(fn: () => Promise<T>, into: number[]): Promise<T> {
  const t = performance.now();
  const r = await fn();
  into.push(performance.now() - t);
  return r;
}

const sockets: Socket[] = [];
for (let i = 0; i < viewers; i++) sockets.push(connect(s.url, { transports: ['websocket'], forceNew: true }));
await Promise.all(sockets.map((so) => new Promise((r) => so.once('snapshot', r))));
let lastSeq = 0;
let received = 0;
const fanout: number[] = [];
const sentAt = new Map<number, number>();
for (const so of sockets) {
  so.on('hall:changed', (c: { seq: number }) => {
    received++;
    const t = sentAt.get(c.seq);
    if (t !== undefined) fanout.push(performance.now() - t);
    lastSeq = Math.max(lastSeq, c.seq);
  });
}

const windows = [9, 10, 11, 14, 15, 16, 19, 20, 21, 22, 23, 24];
const tokens = await Promise.all(windows.map((_, i) => login(s.url, `c${String(i + 1).padStart(2, '0')}`, '1234')));
await Promise.all(windows.map((w, i) => api(s.url, 'POST', `/api/windows/${w}/session`, { token: tokens[i] })));

const issueLat: number[] = [];
const nextLat: number[] = [];
const queues = ['A', 'C', 'E', 'F'];
const t0 = performance.now();
const tickets = 1200;
for (let i = 0; i < tickets; i += 12) {
  await Promise.all(
    Array.from({ length: 12 }, (_, k) => timed(() => api(s.url, 'POST', '/api/tickets', { body: { queue: queues[(i + k) % 4] } }), issueLat)),
  );
}
const issueSecs = (performance.now() - t0) / 1000;
const t1 = performance.now();
let called = 0;
for (let round = 0; called < tickets; round++) {
  const results = await Promise.all(
    windows.map((w, i) => {
      // Presses of one round run in order on the server; the first one's push is timed.
      if (i === 0) sentAt.set(serverSeq + 1, performance.now());
      return timed(() => api(s.url, 'POST', `/api/windows/${w}/next`, { token: tokens[i], body: { requestId: `b-${w}-${round}` } }), nextLat);
    }),
  );
  called += results.filter((r) => r.status === 200).length;
  serverSeq = (await api<{ seq: number }>(url, 'GET', '/api/snapshot')).body.seq;
  if (results.every((r) => r.status === 204)) break;
}
const nextSecs = (performance.now() - t1) / 1000;
await new Promise((r) => setTimeout(r, 300));

console.log(`SQLite file, synchronous=FULL; ${viewers} Socket.IO viewers connected; 12 windows; 2 cores`);
console.log(`issue: ${tickets} tickets, ${(tickets / issueSecs).toFixed(0)}/s, p50 ${pct(issueLat, 0.5).toFixed(1)} ms, p99 ${pct(issueLat, 0.99).toFixed(1)} ms`);
console.log(`next:  ${called} calls, ${(nextLat.length / nextSecs).toFixed(0)} presses/s, p50 ${pct(nextLat, 0.5).toFixed(1)} ms, p99 ${pct(nextLat, 0.99).toFixed(1)} ms`);
if (fanout.length) console.log(`push to every viewer: p50 ${pct(fanout, 0.5).toFixed(1)} ms, p99 ${pct(fanout, 0.99).toFixed(1)} ms (${received} deliveries)`);
for (const so of sockets) so.close();
server.kill('SIGTERM');
process.exit(0);
