/**
 * A range's ticket list (导出取号明细 for a 时间段), asked for a day at a time — the same answer as
 * a day's export, so the same columns and the same privacy — a few days at once. One answer for
 * a quarter (70,000 tickets, about 27 MB of JSON) would hold the server, and every call it pushes
 * to the hall, up for half a second; a day's answer takes a few milliseconds.
 */
import { datesOf, type DayTicket, type DayTickets } from '../../../../shared/stats';
import type { ClientError, ClientReply } from '../../shared/reply';

/** Days asked for at once: enough to hide the round trips, few enough to leave the server free between them. */
export const DAYS_AT_ONCE = 4;

export interface RangeTickets {
  from: string;
  to: string;
  timezone: string;
  /** Every ticket of the range, day by day, each day in issue order. */
  tickets: DayTicket[];
}

/**
 * Every ticket of the days from `from` to `to`, through `dayTickets` (GET /api/stats/tickets?date=),
 * at most DAYS_AT_ONCE asked at a time; `progress` after each day. The first refusal ends it.
 */
export async function rangeTickets(
  from: string,
  to: string,
  dayTickets: (date: string) => Promise<ClientReply<DayTickets>>,
  progress: (done: number, of: number) => void = () => undefined,
): Promise<ClientReply<RangeTickets>> {
  const dates = datesOf(from, to);
  const days: DayTickets[] = [];
  let next = 0;
  let done = 0;
  let failed: ClientError | undefined;
  async function worker(): Promise<void> {
    while (failed === undefined && next < dates.length) {
      const i = next++;
      const r = await dayTickets(dates[i]!);
      if (!r.ok) {
        failed ??= r.error;
        return;
      }
      days[i] = r.data;
      progress(++done, dates.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(DAYS_AT_ONCE, dates.length) }, worker));
  if (failed) return { ok: false, error: failed };
  return { ok: true, data: { from, to, timezone: days[0]?.timezone ?? '', tickets: days.flatMap((d) => d.tickets) } };
}
