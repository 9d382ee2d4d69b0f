/**
 * The espeak-ng engine, seen from the server: a worker thread (espeak-worker.mjs) started on
 * first use, fed one request at a time, with a timeout per request.
 *
 * Failure policy (the server never crashes over voice):
 * - the worker cannot load espeak-ng → logged once, state 'failed', every request rejects
 *   with EspeakUnavailableError at once (the clip packs keep working);
 * - a request takes too long or the worker dies → that request rejects, the worker is
 *   restarted for the next one; after MAX_CRASHES in a row the engine gives up ('failed').
 */
import { Worker } from 'node:worker_threads';

export class EspeakUnavailableError extends Error {
  override name = 'EspeakUnavailableError';
}
export class EspeakBusyError extends Error {
  override name = 'EspeakBusyError';
}

export type EspeakState = 'idle' | 'starting' | 'ready' | 'failed';

export interface EspeakEngine {
  /** Speaks `text` with an espeak voice ('cmn', 'en-us'); resolves with the WAV file bytes. */
  speak(text: string, voice: string, opts?: { wordsPerMinute?: number }): Promise<Uint8Array>;
  state(): EspeakState;
  close(): Promise<void>;
}

export interface EspeakOptions {
  log: (msg: string) => void;
  /** Per request, from the moment the worker gets it. */
  timeoutMs?: number;
  /** Requests waiting beyond this are refused with EspeakBusyError. */
  maxQueue?: number;
  /** Module the worker imports; tests point it at a missing one. */
  moduleSpecifier?: string;
}

type WorkerReply =
  | { type: 'ready' }
  | { type: 'init-failed'; message: string }
  | { type: 'result'; id: number; wav: Uint8Array }
  | { type: 'error'; id: number; message: string };

interface Job {
  id: number;
  args: string[];
  text: string;
  resolve: (wav: Uint8Array) => void;
  reject: (e: Error) => void;
}

const MAX_CRASHES = 3;
const WORKER_URL = new URL('./espeak-worker.mjs', import.meta.url);

export function createEspeakEngine(opts: EspeakOptions): EspeakEngine {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxQueue = opts.maxQueue ?? 16;
  let state: EspeakState = 'idle';
  let worker: Worker | undefined;
  let current: Job | undefined;
  let timer: NodeJS.Timeout | undefined;
  let crashes = 0;
  let nextId = 1;
  let closed = false;
  const queue: Job[] = [];

  function fail(reason: string): void {
    if (state !== 'failed') opts.log(`voice: espeak-ng unavailable (${reason}); notices are off, calls use clip packs`);
    state = 'failed';
    const err = new EspeakUnavailableError(`espeak-ng is unavailable: ${reason}`);
    if (current) current.reject(err);
    current = undefined;
    for (const job of queue.splice(0)) job.reject(err);
    stopWorker();
  }

  function stopWorker(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const w = worker;
    worker = undefined;
    if (w) {
      w.removeAllListeners();
      w.on('error', () => {}); // a late error from a worker we are discarding is not news
      void w.terminate();
    }
  }

  /** The worker died or hung while working on `current`: reject it, maybe restart for the rest. */
  function crashed(reason: string): void {
    crashes++;
    const job = current;
    current = undefined;
    stopWorker();
    job?.reject(new Error(`espeak-ng failed: ${reason}`));
    if (crashes >= MAX_CRASHES) {
      fail(`${crashes} failures in a row, last: ${reason}`);
      return;
    }
    state = 'idle';
    if (queue.length) start();
  }

  function start(): void {
    state = 'starting';
    let w: Worker;
    try {
      w = new Worker(WORKER_URL, { workerData: { moduleSpecifier: opts.moduleSpecifier } });
    } catch (e) {
      fail((e as Error).message);
      return;
    }
    worker = w;
    w.unref(); // an idle synthesiser must not keep the process alive
    w.on('message', (msg: WorkerReply) => {
      if (w !== worker) return;
      if (msg.type === 'ready') {
        state = 'ready';
        pump();
      } else if (msg.type === 'init-failed') {
        fail(msg.message);
      } else if (current && msg.id === current.id) {
        if (timer) clearTimeout(timer);
        timer = undefined;
        const job = current;
        current = undefined;
        if (msg.type === 'result') {
          crashes = 0;
          job.resolve(msg.wav);
        } else {
          // espeak refused this input (an unknown voice …): the worker itself is fine.
          job.reject(new Error(`espeak-ng: ${msg.message}`));
        }
        pump();
      }
    });
    w.on('error', (e) => {
      if (w !== worker) return;
      if (state === 'starting') fail(e.message);
      else crashed(e.message);
    });
    w.on('exit', (code) => {
      if (w !== worker || closed) return;
      if (state === 'starting') fail(`worker exited with code ${code}`);
      else crashed(`worker exited with code ${code}`);
    });
  }

  function pump(): void {
    if (state !== 'ready' || current || !worker) return;
    const job = queue.shift();
    if (!job) return;
    current = job;
    timer = setTimeout(() => crashed(`no answer within ${timeoutMs} ms`), timeoutMs);
    timer.unref();
    worker.postMessage({ id: job.id, args: job.args, text: job.text });
  }

  return {
    speak(text, voice, speakOpts) {
      if (closed) return Promise.reject(new EspeakUnavailableError('the voice module is closed'));
      if (state === 'failed') return Promise.reject(new EspeakUnavailableError('espeak-ng is unavailable'));
      if (queue.length >= maxQueue) return Promise.reject(new EspeakBusyError('too many notices waiting to be spoken'));
      const args = ['-v', voice, '-s', String(speakOpts?.wordsPerMinute ?? 160)];
      return new Promise<Uint8Array>((resolve, reject) => {
        queue.push({ id: nextId++, args, text, resolve, reject });
        if (state === 'idle') start();
        else pump();
      });
    },
    state: () => state,
    async close() {
      if (closed) return;
      closed = true;
      const err = new EspeakUnavailableError('the voice module is closed');
      current?.reject(err);
      current = undefined;
      for (const job of queue.splice(0)) job.reject(err);
      stopWorker();
    },
  };
}
