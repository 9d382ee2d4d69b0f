/**
 * The 容缺台账 in SQLite (migrations 0027, 0028): one row per matter of a ticket accepted with 可容缺
 * materials missing, updated as it is closed (已补齐 or 已撤销) and as its 补齐提醒 are written. The 个人信息保存期限 clean-up masks
 * its name and phone from server/citizen/retention-repo.ts, with the other places a citizen's
 * number is kept.
 */
import type { DeferralFilter, DeferralReminderStep, DeferralStatus } from '../../shared/deferral';
import type { SmsStatus } from '../../shared/notify';
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
  /** When each 补齐提醒 was written to the outbox (epoch ms). */
  reminded?: Partial<Record<DeferralReminderStep, number>>;
  /** The outbox's status of each (read with the record; absent for a new one). */
  sms?: Partial<Record<DeferralReminderStep, SmsStatus>>;
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
  reminded_before: number | null;
  reminded_overdue: number | null;
  sms_before: SmsStatus | null;
  sms_overdue: SmsStatus | null;
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
  if (r.reminded_before !== null || r.reminded_overdue !== null) {
    x.reminded = {};
    x.sms = {};
    if (r.reminded_before !== null) x.reminded.before = r.reminded_before;
    if (r.reminded_overdue !== null) x.reminded.overdue = r.reminded_overdue;
    if (r.sms_before !== null) x.sms.before = r.sms_before;
    if (r.sms_overdue !== null) x.sms.overdue = r.sms_overdue;
  }
  return x;
}

const COLUMNS =
  'id, ticket_id, ticket_number, matter_id, matter_name, missing, service_day, days, deadline, name, phone, clerk_id, window_no, created_at, status, closed_by, closed_at, cancel_reason';
/** The outbox's status of a record's text of one step (by its UNIQUE (hall_id, kind, ref) index). */
const smsOf = (step: DeferralReminderStep): string =>
  `(SELECT o.status FROM sms_outbox o WHERE o.hall_id = deferrals.hall_id AND o.kind = 'deferral' AND o.ref = 'deferral:' || deferrals.id || '/${step}') AS sms_${step}`;
/** What is read: the record, when its reminders were written, and how they fared. */
const READ = `${COLUMNS}, reminded_before, reminded_overdue, ${smsOf('before')}, ${smsOf('overdue')}`;
/** The same without the outbox's word (the reminder run needs only the stamps; half the time of READ). */
const READ_STAMPS = `${COLUMNS}, reminded_before, reminded_overdue, NULL AS sms_before, NULL AS sms_overdue`;

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
    byId: db.prepare<[string, string], Row>(`SELECT ${READ} FROM deferrals WHERE hall_id = ? AND id = ?`),
    // Served by the partial unique index.
    pendingOf: db.prepare<[string, string, string], Row>(
      `SELECT ${READ} FROM deferrals WHERE hall_id = ? AND ticket_id = ? AND matter_id = ? AND status = 'pending'`,
    ),
    // Open records with a phone whose deadline is on or after `since` and that may still be due a text.
    remindable: db.prepare<[string, string], Row>(
      `SELECT ${READ_STAMPS} FROM deferrals WHERE hall_id = ? AND status = 'pending' AND deadline >= ? AND phone <> ''
        AND (reminded_before IS NULL OR reminded_overdue IS NULL) ORDER BY deadline, created_at`,
    ),
    remindedBefore: db.prepare<[number, string, string]>('UPDATE deferrals SET reminded_before = ? WHERE hall_id = ? AND id = ? AND reminded_before IS NULL'),
    remindedOverdue: db.prepare<[number, string, string]>('UPDATE deferrals SET reminded_overdue = ? WHERE hall_id = ? AND id = ? AND reminded_overdue IS NULL'),
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
      stmt = db.prepare<unknown[], Row>(`SELECT ${READ} FROM deferrals WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id LIMIT ?`);
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
    /** 待补齐 records with a phone, deadline on or after `since`, not yet texted both reminders. */
    remindable(hallId: string, since: string): DeferralRec[] {
      return s.remindable.all(hallId, since).map(fromRow);
    },
    /** Stamps a reminder written (once: false when it was stamped already). */
    markReminded(hallId: string, id: string, step: DeferralReminderStep, at: number): boolean {
      return (step === 'before' ? s.remindedBefore : s.remindedOverdue).run(at, hallId, id).changes === 1;
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
