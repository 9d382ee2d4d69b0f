/**
 * The stored tickets as the figures read them (server/domain/stats-tally.ts `StatsTicket`): only
 * the columns they use, each row an array (`.raw()`) made into a record of one shape. A quarter
 * is 70,000 rows and more; `SELECT *` as row objects of 23 columns, the JSON of each ticket's
 * matters parsed, was most of a 92-day report's cost (bench/stats-range.ts). A day's ticket list
 * the same way (no matters, no note: a report holds nothing of the citizen). Beside them, the
 * queues' changes from the event log, so a past period's queues are named as they were. Read-only.
 */
import type { Channel, ClosedReason, Priority, TicketStatus } from '../../shared/schemas';
import { datesOf, type QueueChange, type QueueDef, type ReportTicket, type StatsTicket, type WorkHours, type WorkHoursChange } from '../domain';
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
  autoCalled: number,
];

/** Every key present (absent values as undefined): records of one shape stay fast to make and read. A report row starts the same. */
const statsTicket = (serviceDay: string, r: StatsRow | ReportRow): StatsTicket => ({
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
  autoCalled: r[11] === 1,
});

type ReportRow = [...StatsRow, number: string, channel: string, priority: string, recalls: number, closedReason: string | null, transferredFrom: string | null];

const STATS_COLUMNS = 'queue, status, issued_at, arrived_at, ord, called_at, started_at, finished_at, window_no, served_by, target_wait_minutes, auto_called';

/** A report row: the figures' fields and the ticket's own (nothing about the citizen: no note, no matters). */
const reportTicket = (serviceDay: string, r: ReportRow): ReportTicket => ({
  ...statsTicket(serviceDay, r),
  number: r[12],
  channel: r[13] as Channel,
  priority: r[14] as Priority,
  recalls: r[15],
  closedReason: (r[16] ?? undefined) as ClosedReason | undefined,
  transferredFrom: r[17] ?? undefined,
});

export function createStatsRepo(db: Db) {
  // One day at a time on tickets_day (hall_id, service_day): the day's text is then made once,
  // not once a row (a fifth faster than one BETWEEN over the range). No ORDER BY: the figures do
  // not depend on the order.
  const ofDay = db.prepare<[string, string], StatsRow>(`SELECT ${STATS_COLUMNS} FROM tickets WHERE hall_id = ? AND service_day = ?`).raw();
  const reportOfDay = db
    .prepare<[string, string], ReportRow>(
      `SELECT ${STATS_COLUMNS}, number, channel, priority, recalls, closed_reason, transferred_from
       FROM tickets WHERE hall_id = ? AND service_day = ? ORDER BY issued_at, ord`,
    )
    .raw();
  // On the events_type (hall_id, type, id) index: a handful of rows, however long the log.
  const queueChanges = db.prepare<[string], [at: number, data: string]>(`SELECT at, data FROM events WHERE hall_id = ? AND type = 'QueueChanged' ORDER BY id`).raw();
  // The same index; only 作息时间 is taken out of each settings change (the rest, notices and all, stays in SQLite).
  const workHoursChanges = db
    .prepare<[string], [at: number, before: string | null, after: string | null]>(
      `SELECT at, json_extract(data, '$.before.workHours'), json_extract(data, '$.settings.workHours')
       FROM events WHERE hall_id = ? AND type = 'SettingsChanged' ORDER BY id`,
    )
    .raw();
  return {
    /** Every change of the hall's queues (name, target …), as the event log recorded it, in order. */
    queueChanges(hallId: string): QueueChange[] {
      return queueChanges.all(hallId).map(([at, data]) => {
        const e = JSON.parse(data) as { queue: QueueDef; before: QueueDef };
        return { at, before: e.before, after: e.queue };
      });
    },
    /** Every change of the hall's 作息时间, as the event log recorded it, in order (settings changes that left them alone are skipped). */
    workHoursChanges(hallId: string): WorkHoursChange[] {
      const hours = (json: string | null): WorkHours | undefined => (json === null ? undefined : (JSON.parse(json) as WorkHours));
      return workHoursChanges
        .all(hallId)
        .filter(([, before, after]) => before !== after)
        .map(([at, before, after]) => ({ at, before: hours(before), after: hours(after) }));
    },
    /** A service day's tickets for its report (stats:tickets), in issue order. */
    reportOf(hallId: string, serviceDay: string): ReportTicket[] {
      return reportOfDay.all(hallId, serviceDay).map((r) => reportTicket(serviceDay, r));
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
