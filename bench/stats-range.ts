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
import { ManualClock } from '../server/service/clock';
import { createHallService } from '../server/service/hall-service';
import { SYSTEM } from '../server/service/actor';
import { rangeOf, statsOperations } from '../server/service/stats-operations';
import { openStore } from '../server/store';
import { createVoice } from '../server/voice';
import { seedStatsDays } from './stats-seed';

const DAYS = 92;
const PER_DAY = 800;
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
  const t0 = performance.now();
  const days = seedStatsDays(store, { hallId, queues, clerks, from: '2026-08-31', to: '2026-11-30', perDay: PER_DAY });
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
