/**
 * Cost of a 92-day range report (`stats:range`, 月报/季报) at the demo hall's volume: a temp
 * SQLite file seeded with 92 past days × 800 tickets, then the service call the route makes,
 * timed (cold first, then warm); then each day's ticket list (`stats:tickets`), as the console
 * asks them for a 时间段's tickets file. Run: npx tsx bench/stats-range.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoIfEmpty } from '../server/demo/seed';
import { datesOf } from '../server/domain';
import { ManualClock } from '../server/service/clock';
import { createHallService } from '../server/service/hall-service';
import { SYSTEM } from '../server/service/actor';
import { rangeOf, statsOperations } from '../server/service/stats-operations';
import { openStore } from '../server/store';
import { createVoice } from '../server/voice';

const DAYS = 92;
const PER_DAY = 800;
const MIN = 60_000;
const TODAY = '2026-12-01';
const NOW = Date.parse(`${TODAY}T01:00:00Z`); // 09:00 in Shanghai

const dir = mkdtempSync(join(tmpdir(), 'stats-range-'));
const store = openStore(join(dir, 'bench.db'));
try {
  const log = () => undefined;
  seedDemoIfEmpty(store, { now: NOW, bcryptRounds: 4 });
  const hallId = store.halls.hallIds()[0]!;
  const service = createHallService({ store, clock: new ManualClock(NOW), voice: createVoice({ enableEspeak: false, log }), hallId, log });
  const queues = [...service.state().queues.values()];
  const clerks = store.users.list(hallId).filter((u) => u.role === 'clerk').map((u) => u.id);

  // The 92 days before today (the range then ends yesterday: all from the table).
  const days = datesOf('2026-08-31', '2026-11-30');
  const insert = store.db.prepare(
    `INSERT INTO tickets (id, hall_id, service_day, number, queue, status, priority, channel, matters, issued_at, arrived_at, ord,
       called_at, started_at, finished_at, window_no, served_by, recalls, target_wait_minutes)
     VALUES (?, ?, ?, ?, ?, ?, 'normal', 'kiosk', '[]', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  );
  let seed = 1;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31); // repeatable
  const t0 = performance.now();
  store.db.transaction(() => {
    for (const day of days) {
      const open = Date.parse(`${day}T01:00:00Z`); // 09:00 Shanghai
      for (let i = 0; i < PER_DAY; i++) {
        const q = queues[i % queues.length]!;
        const issued = open + Math.floor((i / PER_DAY) * 8 * 60) * MIN;
        const called = issued + Math.floor(rand() * 40 * MIN);
        const started = called + MIN;
        const finished = started + Math.floor((3 + rand() * 12) * MIN);
        const noShow = rand() < 0.05;
        const clerk = clerks[i % clerks.length]!;
        insert.run(
          `${day}-${i}`,
          hallId,
          day,
          `${q.code}${String(i + 1).padStart(3, '0')}`,
          q.code,
          noShow ? 'no_show' : 'done',
          issued,
          issued,
          i + 1,
          called,
          noShow ? null : started,
          noShow ? null : finished,
          (i % 30) + 1,
          clerk,
          q.targetWaitMinutes,
        );
      }
    }
  })();
  console.log(`seeded ${days.length} days × ${PER_DAY} tickets in ${Math.round(performance.now() - t0)} ms`);

  const q = { from: days[0]!, to: days.at(-1)! };
  const times: number[] = [];
  for (let k = 0; k < 6; k++) {
    const start = performance.now();
    const r = rangeOf(service, store, q);
    times.push(performance.now() - start);
    if (!r.ok) throw new Error(r.error.message);
    if (k === 0) console.log(`range ${q.from}…${q.to}: ${r.data.totals.issued} tickets, ${r.data.days.length} days, ${r.data.clerks.length} clerks`);
  }
  const read = performance.now();
  const rows = store.stats.ticketsOf(hallId, q.from, q.to).length;
  console.log(`of which reading ${rows} rows: ${Math.round(performance.now() - read)} ms`);
  console.log(`stats:range over ${DAYS} days: first ${Math.round(times[0]!)} ms, then ${times.slice(1).map((t) => Math.round(t)).join(' / ')} ms`);

  // The 时间段 tickets file is asked a day at a time: what each answer holds the server up for.
  const perDay: number[] = [];
  let bytes = 0;
  for (const date of days) {
    const start = performance.now();
    const r = statsOperations['stats:tickets'].run({ service, store }, SYSTEM, { date });
    if (!('ok' in r) || !r.ok) throw new Error('stats:tickets failed');
    bytes += JSON.stringify(r.data).length;
    perDay.push(performance.now() - start);
  }
  perDay.sort((a, b) => a - b);
  console.log(
    `stats:tickets for each of the ${DAYS} days (with its JSON): median ${perDay[DAYS >> 1]!.toFixed(1)} ms, longest ${perDay.at(-1)!.toFixed(1)} ms; ${(bytes / 1e6).toFixed(1)} MB in all`,
  );
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
