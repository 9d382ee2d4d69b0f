/**
 * 月报/季报 off the main thread (server/stats/range-runner.ts): on a real database file the range
 * worker's figures are the inline ones exactly, for a past range and one ending today; two asked
 * at once both come back; a worker that cannot start or dies still gets each manager an answer
 * (computed inline, logged); close() stops it. The app asks the worker on a file database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RangeStats } from '../../shared/stats';
import { seedStatsDays } from '../../bench/stats-seed';
import { rangeAsk, rangeOf } from '../../server/service/stats-operations';
import { rangeReport, type RangeAsk } from '../../server/stats/range-report';
import { createRangeRunner, startRangeWorker, type RangeRunnerDeps } from '../../server/stats/range-runner';
import { api, login, startTestServer, type TestServer } from '../support/server';

const MIN = 60_000;
let s: TestServer;
let dir: string;
let admin: string;

/** Serves `n` tickets today at window 9 (c01), the k-th after k minutes: today's live tickets. */
async function serveToday(n: number): Promise<void> {
  const clerk = await login(s.url, 'c01', '1234');
  await api(s.url, 'POST', '/api/windows/9/session', { token: clerk });
  for (let k = 0; k < n; k++) await api(s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
  for (let k = 0; k < n; k++) {
    s.clock.advance(MIN);
    for (const step of ['next', 'start', 'complete']) await api(s.url, 'POST', `/api/windows/9/${step}`, { token: clerk });
  }
  // One more left waiting: today has an open ticket too.
  await api(s.url, 'POST', '/api/tickets', { body: { queue: 'B' } });
}

function ask(from: string, to: string): RangeAsk {
  const r = rangeAsk(s.app.service, { from, to });
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

/** A runner on the test server's file database, counting the workers it starts and keeping what it logs. */
function runner(start: (file: string) => Worker = startRangeWorker) {
  const logs: string[] = [];
  const workers: Worker[] = [];
  const deps: RangeRunnerDeps = {
    store: s.store,
    log: (m) => void logs.push(m),
    start(file) {
      const w = start(file);
      workers.push(w);
      return w;
    },
  };
  return { r: createRangeRunner(deps), logs, workers };
}

const exited = (w: Worker) => new Promise<number>((resolve) => w.once('exit', resolve));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stats-worker-'));
  s = await startTestServer({ dbPath: join(dir, 'hall.db') });
  const hallId = s.app.service.hallId;
  const queues = [...s.app.service.state().queues.values()];
  const clerks = s.store.users.list(hallId).filter((u) => u.role === 'clerk').map((u) => u.id);
  // Five past days × 50 tickets before today (Monday 2026-11-30), then a few served today.
  seedStatsDays(s.store, { hallId, queues, clerks, from: '2026-11-25', to: '2026-11-29', perDay: 50 });
  admin = await login(s.url, 'admin', 'admin');
  await serveToday(3);
});

afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the range worker', () => {
  // One runner through these tests, in order (each start loads TypeScript afresh: a second or more on a busy machine).
  const shared = { run: undefined as unknown as ReturnType<typeof runner> };
  beforeAll(() => {
    shared.run = runner();
  });
  afterAll(() => shared.run.r.close());

  it('answers exactly what the main thread computes: a range ending yesterday, one ending today', async () => {
    const { r, logs } = shared.run;
    for (const [from, to] of [
      ['2026-11-25', '2026-11-29'],
      ['2026-11-25', '2026-11-30'],
    ] as const) {
      const a = ask(from, to);
      const viaWorker = await r.report(a);
      expect(viaWorker).toStrictEqual(rangeReport(s.store, a));
      expect(viaWorker.live).toBe(to === '2026-11-30');
      expect(viaWorker.totals.issued).toBe(to === '2026-11-30' ? 254 : 250);
    }
    expect(logs).toEqual([]);
  });

  it('two managers asking at once both get their own answer', async () => {
    const { r } = shared.run;
    const month = ask('2026-11-25', '2026-11-30');
    const week = ask('2026-11-27', '2026-11-29');
    const [a, b] = await Promise.all([r.report(month), r.report(week)]);
    expect(a).toStrictEqual(rangeReport(s.store, month));
    expect(b).toStrictEqual(rangeReport(s.store, week));
    expect(a.days).toHaveLength(6);
    expect(b.days).toHaveLength(3);
  });

  it('the main thread turns its event loop while the worker computes (inline, it cannot)', async () => {
    const turns = async (r: ReturnType<typeof runner>['r']) => {
      let n = 0;
      let on = true;
      const spin = () => {
        n++;
        if (on) setImmediate(spin);
      };
      setImmediate(spin);
      await r.report(ask('2026-11-25', '2026-11-30'));
      on = false;
      return n;
    };
    expect(await turns(shared.run.r)).toBeGreaterThan(0);
    // The control: a runner that computes inline gives the loop no turn until it is done.
    const inline = runner(() => {
      throw new Error('no worker here');
    });
    expect(await turns(inline.r)).toBe(0);
  });

  it('is one worker, kept and reused', () => {
    expect(shared.run.workers).toHaveLength(1);
    expect(shared.run.logs).toEqual([]);
  });

  it('one that had answered and then died is replaced at the next range', async () => {
    const { r, logs, workers } = shared.run;
    const first = workers[0]!;
    const gone = exited(first);
    await first.terminate();
    await gone;
    expect(logs).toEqual(['统计: the range worker failed (exit 1); a new one starts at the next range']);
    const a = ask('2026-11-29', '2026-11-29');
    expect(await r.report(a)).toStrictEqual(rangeReport(s.store, a));
    expect(workers).toHaveLength(2);
  });

  it('close() stops the worker, and a range asked after it is still answered (inline)', async () => {
    const { r, workers } = shared.run;
    const gone = exited(workers[1]!);
    await r.close();
    await gone;
    const a = ask('2026-11-29', '2026-11-29');
    expect(await r.report(a)).toStrictEqual(rangeReport(s.store, a));
    expect(workers).toHaveLength(2);
  });
});

describe('when the worker fails, every range is still answered', () => {
  it('a worker that cannot start: the answer is computed inline, logged once, not tried again', async () => {
    const { r, logs, workers } = runner(() => new Worker(new URL('./no-such-worker.mjs', import.meta.url)));
    try {
      const a = ask('2026-11-25', '2026-11-30');
      expect(await r.report(a)).toStrictEqual(rangeReport(s.store, a));
      expect(await r.report(a)).toStrictEqual(rangeReport(s.store, a));
      expect(workers).toHaveLength(1);
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatch(/range worker failed.*main thread until restart/);
    } finally {
      await r.close();
    }
  });

  it('a worker whose start throws, or whose file is not there: inline too', async () => {
    const thrown = runner(() => {
      throw new Error('too many threads');
    });
    const a = ask('2026-11-28', '2026-11-29');
    expect(await thrown.r.report(a)).toStrictEqual(rangeReport(s.store, a));
    expect(thrown.logs).toEqual(['统计: the range worker did not start (too many threads); ranges are computed on the main thread']);
    // The real worker on a database file that is not there.
    const missing = runner(() => startRangeWorker(join(dir, 'gone', 'hall.db')));
    try {
      expect(await missing.r.report(a)).toStrictEqual(rangeReport(s.store, a));
      expect(missing.logs.join('\n')).toMatch(/gone.*hall\.db/);
    } finally {
      await missing.r.close();
    }
  });

  it('a worker that dies with a request in hand: that request is answered inline', async () => {
    const dies = () => new Worker(`require('node:worker_threads').parentPort.on('message', () => process.exit(3))`, { eval: true });
    const { r, logs } = runner(dies);
    try {
      const a = ask('2026-11-25', '2026-11-29');
      const [x, y] = await Promise.all([r.report(a), r.report(a)]);
      expect(x).toStrictEqual(rangeReport(s.store, a));
      expect(y).toStrictEqual(x);
      expect(logs).toEqual(['统计: the range worker failed (exit 3); ranges are computed on the main thread until restart']);
    } finally {
      await r.close();
    }
  });
});

describe('a stuck range worker', () => {
  it('one that never answers is stopped after the wait, and the request is answered inline', async () => {
    const silent = () => new Worker(`require('node:worker_threads').parentPort.on('message', () => {})`, { eval: true });
    const logs: string[] = [];
    const r = createRangeRunner({ store: s.store, log: (m) => void logs.push(m), start: silent, answerWithinMs: 300 });
    try {
      const a = ask('2026-11-25', '2026-11-29');
      const t0 = Date.now();
      expect(await r.report(a)).toStrictEqual(rangeReport(s.store, a));
      expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
      expect(logs).toEqual(['统计: the range worker failed (no answer in 0.3 s); ranges are computed on the main thread until restart']);
    } finally {
      await r.close();
    }
  });
});

describe('stats:range on a server with a database file', () => {
  it('GET /api/stats/range answers through the worker what rangeOf computes inline', async () => {
    const res = await api<RangeStats>(s.url, 'GET', '/api/stats/range?from=2026-11-25&to=2026-11-30', { token: admin });
    expect(res.status).toBe(200);
    // The manual clock stands still: `at` is the same both ways.
    const inline = rangeOf(s.app.service, s.store, { from: '2026-11-25', to: '2026-11-30' });
    if (!inline.ok) throw new Error(inline.error.message);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(inline.data)));
    expect(res.body.totals.issued).toBe(254);
    expect(s.logs.filter((m) => m.startsWith('统计'))).toEqual([]);
    // A day to come is still refused before anything is asked of the worker.
    expect((await api(s.url, 'GET', '/api/stats/range?from=2026-11-30&to=2026-12-01', { token: admin })).status).toBe(400);
  });
});
