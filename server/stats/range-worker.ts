/**
 * The range worker: a thread of its own (started by range-runner.ts through range-worker-boot.mjs)
 * that answers range reports on its own read-only connection to the hall's database file. WAL lets
 * it read while the main connection writes, so a 季报's second of reading and counting never holds
 * up a clerk's 叫号 or the wall. It computes with the same function as the main thread (rangeReport).
 */
import Database from 'better-sqlite3';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { RangeStats } from '../../shared/stats';
import { createAssistRepo } from '../store/assist-repo';
import { createStatsRepo } from '../store/stats-repo';
import { createUserRepo } from '../store/user-repo';
import { rangeReport, type RangeAsk } from './range-report';

/** What the worker is started with. */
export interface RangeWorkerData {
  /** This file's URL (the boot file loads it). */
  entry: string;
  /** The hall's database file. */
  file: string;
}

export interface RangeRequest {
  id: number;
  ask: RangeAsk;
}

export type RangeAnswer = { id: number; ok: true; stats: RangeStats } | { id: number; ok: false; message: string };

/** The file, read-only (a SqliteError would reach the main thread as a bare `{code}`: its message is kept here). */
function open(path: string): Database.Database {
  try {
    return new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new Error(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * This thread below the hall's main thread (nice 10; Linux names a thread by its id in
 * /proc/thread-self): on a busy two-core machine the scheduler lets 叫号 and the wall's pushes go
 * first, and the report takes what is left. Elsewhere, or where not allowed, the same priority.
 */
function yieldToTheHall(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    // Never the process's own id: that is the main thread.
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: it competes as an equal.
  }
}

const port = parentPort;
if (!port) throw new Error('range-worker.ts runs as a worker thread only');
const { file } = workerData as RangeWorkerData;
yieldToTheHall();
const db = open(file);
db.pragma('busy_timeout = 5000');
const reads = { stats: createStatsRepo(db), users: createUserRepo(db), assist: createAssistRepo(db) };
// One read transaction a report: its days, users and 求助 are one snapshot, as they are inline
// (where nothing can write in between); the hall's writes go on meanwhile (WAL).
const report = db.transaction((ask: RangeAsk) => rangeReport(reads, ask));

port.on('message', ({ id, ask }: RangeRequest) => {
  let answer: RangeAnswer;
  try {
    answer = { id, ok: true, stats: report(ask) };
  } catch (e) {
    answer = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(answer);
});
