/**
 * The 容缺台账 in SQLite (migration 0027): one row per matter of a ticket accepted with 可容缺
 * materials missing, updated as it is closed (已补齐 or 已撤销). The 个人信息保存期限 clean-up masks
 * its name and phone from server/citizen/retention-repo.ts, with the other places a citizen's
 * number is kept.
 */
import type { DeferralFilter, DeferralStatus } from '../../shared/deferral';
import type { Db } from '../store';

export interface DeferralRec {
  id: string;
  ticketId: string;
  ticketNumber: string;
  matterId: string;
  matterName: string;
  missing: string[];
  serviceDay: string;
  days: number;
  deadline: string;
  name: string;
  phone: string;
  clerkId: string;
  windowNo: number;
  createdAt: number;
  status: DeferralStatus;
  closedBy?: string;
  closedAt?: number;
  cancelReason?: string;
}

interface Row {
  id: string;
  ticket_id: string;
  ticket_number: string;
  matter_id: string;
  matter_name: string;
  missing: string;
  service_day: string;
  days: number;
  deadline: string;
  name: string;
  phone: string;
  clerk_id: string;
  window_no: number;
  created_at: number;
  status: string;
  closed_by: string | null;
  closed_at: number | null;
  cancel_reason: string | null;
}

function fromRow(r: Row): DeferralRec {
  const x: DeferralRec = {
    id: r.id,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    matterId: r.matter_id,
    matterName: r.matter_name,
    missing: JSON.parse(r.missing) as string[],
    serviceDay: r.service_day,
    days: r.days,
    deadline: r.deadline,
    name: r.name,
    phone: r.phone,
    clerkId: r.clerk_id,
    windowNo: r.window_no,
    createdAt: r.created_at,
    status: r.status as DeferralStatus,
  };
  if (r.closed_by !== null) x.closedBy = r.closed_by;
  if (r.closed_at !== null) x.closedAt = r.closed_at;
  if (r.cancel_reason !== null) x.cancelReason = r.cancel_reason;
  return x;
}

const COLUMNS =
  'id, ticket_id, ticket_number, matter_id, matter_name, missing, service_day, days, deadline, name, phone, clerk_id, window_no, created_at, status, closed_by, closed_at, cancel_reason';

/** The filter as SQL over `status` and `deadline` (`?` is today); 全部 lists 撤销 ones too. */
const FILTER_SQL: Record<DeferralFilter, string> = {
  pending: "status = 'pending'",
  overdue: "status = 'pending' AND deadline < ?",
  done: "status = 'done'",
  all: '1 = 1',
};

export interface DeferralFind {
  filter: DeferralFilter;
  today: string;
  /** A part of a ticket number, a name or a phone. */
  q?: string | undefined;
  ticketId?: string | undefined;
  limit: number;
}

/** LIKE with the user's % and _ taken literally. */
const likeOf = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createDeferralRepo(db: Db) {
  const s = {
    insert: db.prepare(`INSERT INTO deferrals (hall_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    close: db.prepare<[string, string | null, number | null, string | null, string, string]>(
      'UPDATE deferrals SET status = ?, closed_by = ?, closed_at = ?, cancel_reason = ? WHERE hall_id = ? AND id = ?',
    ),
    byId: db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM deferrals WHERE hall_id = ? AND id = ?`),
    // Served by the partial unique index.
    pendingOf: db.prepare<[string, string, string], Row>(
      `SELECT ${COLUMNS} FROM deferrals WHERE hall_id = ? AND ticket_id = ? AND matter_id = ? AND status = 'pending'`,
    ),
    counts: db.prepare<[string, string], { pending: number; overdue: number }>(
      `SELECT count(*) AS pending, coalesce(sum(deadline < ?), 0) AS overdue FROM deferrals WHERE hall_id = ? AND status = 'pending'`,
    ),
  };
  const finds = new Map<string, ReturnType<typeof db.prepare<unknown[], Row>>>();
  const findStmt = (filter: DeferralFilter, q: boolean, ticket: boolean) => {
    const key = `${filter}/${q}/${ticket}`;
    let stmt = finds.get(key);
    if (!stmt) {
      const where = ['hall_id = ?', FILTER_SQL[filter]];
      if (q) where.push("(ticket_number LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\')");
      if (ticket) where.push('ticket_id = ?');
      stmt = db.prepare<unknown[], Row>(`SELECT ${COLUMNS} FROM deferrals WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id LIMIT ?`);
      finds.set(key, stmt);
    }
    return stmt;
  };

  return {
    insert(hallId: string, r: DeferralRec): void {
      s.insert.run(
        hallId,
        r.id,
        r.ticketId,
        r.ticketNumber,
        r.matterId,
        r.matterName,
        JSON.stringify(r.missing),
        r.serviceDay,
        r.days,
        r.deadline,
        r.name,
        r.phone,
        r.clerkId,
        r.windowNo,
        r.createdAt,
        r.status,
        r.closedBy ?? null,
        r.closedAt ?? null,
        r.cancelReason ?? null,
      );
    },
    /** Writes how a record ended (已补齐 or 已撤销); what was promised never changes. */
    close(hallId: string, r: DeferralRec): void {
      s.close.run(r.status, r.closedBy ?? null, r.closedAt ?? null, r.cancelReason ?? null, hallId, r.id);
    },
    byId(hallId: string, id: string): DeferralRec | undefined {
      const r = s.byId.get(hallId, id);
      return r ? fromRow(r) : undefined;
    },
    /** The 待补齐 record of a ticket's matter, if any (at most one: the partial unique index). */
    pendingOf(hallId: string, ticketId: string, matterId: string): DeferralRec | undefined {
      const r = s.pendingOf.get(hallId, ticketId, matterId);
      return r ? fromRow(r) : undefined;
    },
    /** Newest first. */
    find(hallId: string, f: DeferralFind): DeferralRec[] {
      const args: unknown[] = [hallId];
      if (f.filter === 'overdue') args.push(f.today);
      if (f.q) args.push(likeOf(f.q), likeOf(f.q), likeOf(f.q));
      if (f.ticketId !== undefined) args.push(f.ticketId);
      args.push(f.limit);
      return findStmt(f.filter, Boolean(f.q), f.ticketId !== undefined)
        .all(...args)
        .map(fromRow);
    },
    /** 待补齐 (overdue ones included) and 逾期 over the whole 台账. */
    counts(hallId: string, today: string): { pending: number; overdue: number } {
      return s.counts.get(today, hallId) ?? { pending: 0, overdue: 0 };
    },
  };
}

export type DeferralRepo = ReturnType<typeof createDeferralRepo>;

/** One repository per database (the operations get the store, not their own repository). */
const repos = new WeakMap<Db, DeferralRepo>();
export function deferralRepoOf(db: Db): DeferralRepo {
  let repo = repos.get(db);
  if (!repo) {
    repo = createDeferralRepo(db);
    repos.set(db, repo);
  }
  return repo;
}
