/** Ratings (好差评) in SQLite: one row per ticket, the primary key enforces "once per ticket". */
import type { RatingChannel, RatingReason, ServedCounts } from '../../shared/ratings';
import type { Db } from '../store';

export interface RatingRec {
  ticketId: string;
  hallId: string;
  serviceDay: string;
  number: string;
  queue: string;
  windowNo?: number;
  clerkId?: string;
  score: number;
  reasons: RatingReason[];
  comment?: string;
  ratedAt: number;
  channel: RatingChannel;
}

interface Row {
  ticket_id: string;
  hall_id: string;
  service_day: string;
  number: string;
  queue: string;
  window_no: number | null;
  clerk_id: string | null;
  score: number;
  reasons: string;
  comment: string | null;
  rated_at: number;
  channel: RatingChannel;
}

function fromRow(r: Row): RatingRec {
  const x: RatingRec = {
    ticketId: r.ticket_id,
    hallId: r.hall_id,
    serviceDay: r.service_day,
    number: r.number,
    queue: r.queue,
    score: r.score,
    reasons: JSON.parse(r.reasons) as RatingReason[],
    ratedAt: r.rated_at,
    channel: r.channel,
  };
  if (r.window_no !== null) x.windowNo = r.window_no;
  if (r.clerk_id !== null) x.clerkId = r.clerk_id;
  if (r.comment !== null) x.comment = r.comment;
  return x;
}

export function createRatingRepo(db: Db) {
  const s = {
    insert: db.prepare(`INSERT INTO ratings (ticket_id, hall_id, service_day, number, queue, window_no, clerk_id, score, reasons, comment, rated_at, channel)
      VALUES (@ticket_id, @hall_id, @service_day, @number, @queue, @window_no, @clerk_id, @score, @reasons, @comment, @rated_at, @channel)`),
    byTicket: db.prepare('SELECT * FROM ratings WHERE hall_id = ? AND ticket_id = ?'),
    bySpan: db.prepare('SELECT * FROM ratings WHERE hall_id = ? AND service_day BETWEEN ? AND ? ORDER BY rated_at LIMIT 50000'),
    // Read-only look at the tickets table (the hall's store writes it on every change): what
    // was served to the end, i.e. what could be rated. Grouped, so it stays one cheap scan of
    // the tickets_day index however long the span.
    served: db.prepare(`SELECT queue, window_no, served_by, COUNT(*) AS n FROM tickets
      WHERE hall_id = ? AND service_day BETWEEN ? AND ? AND status = 'done' GROUP BY queue, window_no, served_by`),
  };
  return {
    insert(x: RatingRec): void {
      s.insert.run({
        ticket_id: x.ticketId,
        hall_id: x.hallId,
        service_day: x.serviceDay,
        number: x.number,
        queue: x.queue,
        window_no: x.windowNo ?? null,
        clerk_id: x.clerkId ?? null,
        score: x.score,
        reasons: JSON.stringify(x.reasons),
        comment: x.comment ?? null,
        rated_at: x.ratedAt,
        channel: x.channel,
      });
    },
    byTicket(hallId: string, ticketId: string): RatingRec | undefined {
      const r = s.byTicket.get(hallId, ticketId) as Row | undefined;
      return r ? fromRow(r) : undefined;
    },
    /** Ratings of tickets of the service days from–to (inclusive), oldest first. */
    bySpan(hallId: string, from: string, to: string): RatingRec[] {
      return (s.bySpan.all(hallId, from, to) as Row[]).map(fromRow);
    },
    servedCounts(hallId: string, from: string, to: string): ServedCounts {
      const rows = s.served.all(hallId, from, to) as { queue: string; window_no: number | null; served_by: string | null; n: number }[];
      const c: ServedCounts = { total: 0, byQueue: {}, byWindow: {}, byClerk: {} };
      const add = (m: Record<string, number>, k: string, n: number): void => {
        m[k] = (m[k] ?? 0) + n;
      };
      for (const r of rows) {
        c.total += r.n;
        add(c.byQueue, r.queue, r.n);
        if (r.window_no !== null) add(c.byWindow, String(r.window_no), r.n);
        if (r.served_by !== null) add(c.byClerk, r.served_by, r.n);
      }
      return c;
    },
  };
}

export type RatingRepo = ReturnType<typeof createRatingRepo>;
