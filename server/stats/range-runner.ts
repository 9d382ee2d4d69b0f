/**
 * Where a range report (stats:range, 月报/季报) is computed: in one worker thread kept for the
 * app's life, so the main thread — every 叫号, ticket and wall update of the hall — is not held up
 * for the second a quarter takes (bench/stats-range-loop.ts). The main thread only gathers what its
 * state knows (RangeAsk) and waits for the answer.
 *
 * Inline instead (rangeReport on the main store, as before): an in-memory database (a worker
 * cannot open it), and when the worker fails or is stuck (no answer within two minutes). A reply
 * is never lost: a request the worker had when it failed is computed here. A worker that never answered is not started again (logged
 * once); one that had answered and then died is replaced at the next request.
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RangeStats } from '../../shared/stats';
import type { Db } from '../store';
import { rangeReport, type RangeAsk, type RangeReads } from './range-report';
import type { RangeAnswer, RangeRequest, RangeWorkerData } from './range-worker';

export interface RangeRunner {
  /** The range's figures (from the worker, or computed here). Rejects only if computing it here throws. */
  report(ask: RangeAsk): Promise<RangeStats>;
  /** Stops the worker (a request still in it is answered here). */
  close(): Promise<void>;
}

export interface RangeRunnerDeps {
  /** The main store: its file for the worker, its repositories for the inline path. */
  store: RangeReads & { db: Db };
  log: (msg: string) => void;
  /** Starts the worker on the database file; tests give a failing one. */
  start?: (file: string) => Worker;
  /** A request not answered in this long means the worker is stuck: it is stopped and the request computed here (default 2 min). */
  answerWithinMs?: number;
}

/** A quarter takes about a second in the worker; two minutes without an answer is a stuck worker, not a slow one. */
const ANSWER_WITHIN_MS = 120_000;

const BOOT = new URL('./range-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./range-worker.ts', import.meta.url).href;

/** The range worker on `file`. execArgv empty: the boot file registers tsx itself (see there), nothing else is wanted. */
export function startRangeWorker(file: string): Worker {
  const workerData: RangeWorkerData = { entry: ENTRY, file };
  return new Worker(BOOT, { workerData, execArgv: [] });
}

/** An error's words: one thrown in the worker may arrive as a plain object (a SqliteError as `{code}`). */
function reason(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null) {
    const o = e as { message?: unknown; code?: unknown };
    return String(o.message ?? o.code ?? JSON.stringify(e));
  }
  return String(e);
}

interface Pending {
  ask: RangeAsk;
  resolve: (stats: RangeStats) => void;
  reject: (e: unknown) => void;
  /** The stuck-worker check of this request (absent on the inline path). */
  timer?: NodeJS.Timeout;
}

export function createRangeRunner(deps: RangeRunnerDeps): RangeRunner {
  const inline = (ask: RangeAsk) => rangeReport(deps.store, ask);
  const { db } = deps.store;
  // An in-memory database (tests) is this connection's alone.
  if (db.memory || db.name === '' || db.name === ':memory:') {
    return { report: async (ask) => inline(ask), close: async () => undefined };
  }
  const file = resolve(db.name);
  const start = deps.start ?? startRangeWorker;
  const pending = new Map<number, Pending>();
  let worker: Worker | undefined;
  let answered = false;
  let disabled = false;
  let closed = false;
  let nextId = 1;

  const answerWithin = deps.answerWithinMs ?? ANSWER_WITHIN_MS;

  const settleInline = (p: Pending) => {
    clearTimeout(p.timer);
    try {
      p.resolve(inline(p.ask));
    } catch (e) {
      p.reject(e);
    }
  };

  /** The worker is gone (failed, or closed): what it held is computed here. */
  const drop = (w: Worker, why: string | undefined) => {
    if (worker !== w) return;
    worker = undefined;
    if (why !== undefined) {
      // One that never answered would fail the same way again: inline from now on.
      if (!answered) disabled = true;
      deps.log(`统计: the range worker failed (${why}); ${disabled ? 'ranges are computed on the main thread until restart' : 'a new one starts at the next range'}`);
    }
    void w.terminate();
    const held = [...pending.values()];
    pending.clear();
    for (const p of held) settleInline(p);
  };

  const spawn = (): Worker | undefined => {
    let w: Worker;
    try {
      w = start(file);
    } catch (e) {
      disabled = true;
      deps.log(`统计: the range worker did not start (${reason(e)}); ranges are computed on the main thread`);
      return undefined;
    }
    answered = false;
    w.on('message', (m: RangeAnswer) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      if (pending.size === 0) w.unref();
      if (m.ok) {
        answered = true;
        p.resolve(m.stats);
      } else {
        deps.log(`统计: the range worker could not compute ${p.ask.from}…${p.ask.to} (${m.message}); computed on the main thread`);
        settleInline(p);
      }
    });
    w.on('error', (e: unknown) => drop(w, reason(e)));
    w.on('messageerror', (e) => drop(w, reason(e)));
    w.on('exit', (code) => drop(w, closed ? undefined : `exit ${code}`));
    // Idle, it does not keep the process alive (ref'd again while it holds a request).
    w.unref();
    return w;
  };

  return {
    async report(ask) {
      if (closed || disabled) return inline(ask);
      worker ??= spawn();
      const w = worker;
      if (!w) return inline(ask);
      return new Promise<RangeStats>((resolve, reject) => {
        const id = nextId++;
        const request: RangeRequest = { id, ask };
        // A worker that never answers (a stuck read) would leave the manager waiting for ever.
        const timer = setTimeout(() => drop(w, `no answer in ${answerWithin / 1000} s`), answerWithin);
        timer.unref();
        pending.set(id, { ask, resolve, reject, timer });
        try {
          w.ref();
          w.postMessage(request);
        } catch (e) {
          // Something in the ask that cannot be cloned: a bug here, not the worker's; this one inline.
          pending.delete(id);
          clearTimeout(timer);
          deps.log(`统计: a range could not be sent to the worker (${reason(e)}); computed on the main thread`);
          settleInline({ ask, resolve, reject });
        }
      });
    },
    async close() {
      closed = true;
      const w = worker;
      if (!w) return;
      drop(w, undefined);
      await w.terminate();
    },
  };
}
