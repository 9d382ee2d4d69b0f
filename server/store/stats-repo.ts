/**
 * The stored tickets as the figures read them (server/domain/stats-tally.ts `StatsTicket`): only
 * the columns they use, each row an array (`.raw()`) made into a record of one shape. A quarter
 * is 70,000 rows and more; `SELECT *` as row objects of 23 columns, the JSON of each ticket's
 * matters parsed, was most of a 92-day report's cost (bench/stats-range.ts). Beside them, the
 * queues' changes from the event log, so a past period's queues are named as they were. Read-only.
 */
import type { TicketStatus } from '../../shared/schemas';
import { datesOf, type QueueChange, type QueueDef, type StatsTicket } from '../domain';
import type { Db } from './open';

type StatsRow = [
  queue: string,
  status: string,
  issuedAt: number,
  arrivedAt: number,
  ord: number,
  calledAt: number | null,
  startedAt: number | null,
  finishedAt: number | null,
  windowNo: number | null,
  servedBy: string | null,
  targetWaitMinutes: number | null,
];

/** Every key present (absent values as undefined): records of one shape stay fast to make and read. */
const statsTicket = (serviceDay: string, r: StatsRow): StatsTicket => ({
  serviceDay,
  queue: r[0],
  status: r[1] as TicketStatus,
  issuedAt: r[2],
  arrivedAt: r[3],
  order: r[4],
  calledAt: r[5] ?? undefined,
  startedAt: r[6] ?? undefined,
  finishedAt: r[7] ?? undefined,
  windowNo: r[8] ?? undefined,
  servedBy: r[9] ?? undefined,
  targetWaitMinutes: r[10] ?? undefined,
});

export function createStatsRepo(db: Db) {
  // One day at a time on tickets_day (hall_id, service_day): the day's text is then made once,
  // not once a row (a fifth faster than one BETWEEN over the range). No ORDER BY: the figures do
  // not depend on the order.
  const ofDay = db
    .prepare<[string, string], StatsRow>(
      'SELECT queue, status, issued_at, arrived_at, ord, called_at, started_at, finished_at, window_no, served_by, target_wait_minutes FROM tickets WHERE hall_id = ? AND service_day = ?',
    )
    .raw();
  // On the events_type (hall_id, type, id) index: a handful of rows, however long the log.
  const queueChanges = db.prepare<[string], [at: number, data: string]>(`SELECT at, data FROM events WHERE hall_id = ? AND type = 'QueueChanged' ORDER BY id`).raw();
  return {
    /** Every change of the hall's queues (name, target …), as the event log recorded it, in order. */
    queueChanges(hallId: string): QueueChange[] {
      return queueChanges.all(hallId).map(([at, data]) => {
        const e = JSON.parse(data) as { queue: QueueDef; before: QueueDef };
        return { at, before: e.before, after: e.queue };
      });
    },
    /** Every ticket of the service days from `from` to `to` (both included), as the figures read it, in no order. */
    ticketsOf(hallId: string, from: string, to: string): StatsTicket[] {
      const out: StatsTicket[] = [];
      for (const day of datesOf(from, to)) for (const r of ofDay.all(hallId, day)) out.push(statsTicket(day, r));
      return out;
    },
  };
}

export type StatsRepo = ReturnType<typeof createStatsRepo>;
