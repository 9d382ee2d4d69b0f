/**
 * What a quarter report (`stats:range`, 季报: 92 days × 800 tickets) costs the hall: the main
 * thread's longest stall while it is computed — every 叫号, ticket and wall update waits that
 * long — inline (on the main thread, as before) and in the range worker (server/stats/), with the
 * report's total time both ways. A 5 ms interval probes the event loop: its longest gap beyond the
 * 5 ms is the stall. Also a past day's `stats:day` (left inline: see docs/protocol.md).
 * Run: npx tsx bench/stats-range-loop.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { seedDemoIfEmpty } from '../server/demo/seed';
import { SYSTEM } from '../server/service/actor';
import { ManualClock } from '../server/service/clock';
import { createHallService } from '../server/service/hall-service';
import { rangeAsk, statsOperations } from '../server/service/stats-operations';
import { rangeReport } from '../server/stats/range-report';
import { createRangeRunner } from '../server/stats/range-runner';
import { openStore } from '../server/store';
import { createVoice } from '../server/voice';
import { seedStatsDays } from './stats-seed';

const RUNS = 4;
const NOW = Date.parse('2026-12-01T01:00:00Z'); // 09:00 in Shanghai

/** Runs `work` with the probe on: its time and the longest the event loop was held up meanwhile. */
async function probed<T>(work: () => Promise<T>): Promise<{ ms: number; stall: number; value: T }> {
  let last = performance.now();
  let stall = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last - 5);
    last = now;
  }, 5);
  // Let the probe tick once, so a stall at the very start counts.
  await new Promise((r) => setTimeout(r, 20));
  last = performance.now();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  await new Promise((r) => setTimeout(r, 10));
  clearInterval(probe);
  return { ms, stall: Math.max(stall, 0), value };
}

/** `work` RUNS times, one after the other. */
async function runs<T>(work: (k: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let k = 0; k < RUNS; k++) out.push(await work(k));
  return out;
}

const fmt = (xs: number[]) => xs.map((x) => Math.round(x)).join(' / ');

const dir = mkdtempSync(join(tmpdir(), 'stats-range-loop-'));
const store = openStore(join(dir, 'bench.db'));
const log = (m: string) => console.log(`  log: ${m}`);
const runner = createRangeRunner({ store, log });
try {
  seedDemoIfEmpty(store, { now: NOW, bcryptRounds: 4 });
  const hallId = store.halls.hallIds()[0]!;
  const service = createHallService({ store, clock: new ManualClock(NOW), voice: createVoice({ enableEspeak: false, log: () => undefined }), hallId, log: () => undefined });
  const queues = [...service.state().queues.values()];
  const clerks = store.users.list(hallId).filter((u) => u.role === 'clerk').map((u) => u.id);
  const days = seedStatsDays(store, { hallId, queues, clerks, from: '2026-08-31', to: '2026-11-30', perDay: 800 });
  const ask = rangeAsk(service, { from: days[0]!, to: days.at(-1)! });
  if (!ask.ok) throw new Error(ask.error.message);
  console.log(`quarter ${ask.data.from}…${ask.data.to}: ${days.length} days × 800 tickets`);

  // What the probe sees with nothing asked: this machine's own noise, to read the rest against.
  const idle = await runs(() => probed(() => new Promise((r) => setTimeout(r, 1000))));
  console.log(`nothing asked (1 s): longest main-thread stall ${fmt(idle.map((r) => r.stall))} ms`);

  // The worker first: its start is then measured before the inline runs leave their garbage behind.
  const worker = await runs(() => probed(() => runner.report(ask.data)));
  console.log(`worker: report ${fmt(worker.map((r) => r.ms))} ms (the first starts the worker); longest main-thread stall ${fmt(worker.map((r) => r.stall))} ms`);

  const two = await probed(() => Promise.all([runner.report(ask.data), runner.report(ask.data)]));
  console.log(`worker, two managers at once: both in ${Math.round(two.ms)} ms; longest stall ${Math.round(two.stall)} ms`);

  const inline = await runs(() => probed(async () => rangeReport(store, ask.data)));
  console.log(`inline: report ${fmt(inline.map((r) => r.ms))} ms; longest main-thread stall ${fmt(inline.map((r) => r.stall))} ms`);
  const same = worker.every((r) => isDeepStrictEqual(r.value, inline[0]!.value));
  console.log(`worker answers deep-equal the inline one: ${same}`);

  // A past day (stats:day) stays on the main thread: what it holds the loop for.
  const day = await runs((k) => probed(async () => statsOperations['stats:day'].run({ service, store }, SYSTEM, { date: days.at(-1 - k)! })));
  console.log(`stats:day for a past day (inline): ${fmt(day.map((r) => r.ms))} ms; longest stall ${fmt(day.map((r) => r.stall))} ms`);
  if (!same) process.exitCode = 1;
} finally {
  await runner.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
