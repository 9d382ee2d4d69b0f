/**
 * Past service days of served tickets straight into the tickets table, as the range benches and
 * the range worker's tests need them: each day from 09:00 Shanghai, every queue and clerk in turn,
 * waits and services from a fixed pseudo-random sequence (the same rows every run), 5% 过号.
 */
import { datesOf, type QueueDef } from '../server/domain';
import type { Store } from '../server/store';

const MIN = 60_000;

export interface StatsSeed {
  hallId: string;
  queues: readonly QueueDef[];
  /** Clerk ids, served by in turn. */
  clerks: readonly string[];
  from: string;
  to: string;
  perDay: number;
}

/** Inserts `perDay` tickets on each day from `from` to `to`, in one transaction. Returns the days. */
export function seedStatsDays(store: Store, s: StatsSeed): string[] {
  const days = datesOf(s.from, s.to);
  const insert = store.db.prepare(
    `INSERT INTO tickets (id, hall_id, service_day, number, queue, status, priority, channel, matters, issued_at, arrived_at, ord,
       called_at, started_at, finished_at, window_no, served_by, recalls, target_wait_minutes)
     VALUES (?, ?, ?, ?, ?, ?, 'normal', 'kiosk', '[]', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  );
  let seed = 1;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31); // repeatable
  store.db.transaction(() => {
    for (const day of days) {
      const open = Date.parse(`${day}T01:00:00Z`); // 09:00 Shanghai
      for (let i = 0; i < s.perDay; i++) {
        const q = s.queues[i % s.queues.length]!;
        const issued = open + Math.floor((i / s.perDay) * 8 * 60) * MIN;
        const called = issued + Math.floor(rand() * 40 * MIN);
        const started = called + MIN;
        const finished = started + Math.floor((3 + rand() * 12) * MIN);
        const noShow = rand() < 0.05;
        const clerk = s.clerks[i % s.clerks.length]!;
        insert.run(
          `${day}-${i}`,
          s.hallId,
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
  return days;
}
