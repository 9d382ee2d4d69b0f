/** The SMS outbox in SQLite (migrations 0010, 0014, 0025): enqueue, the sender's claim and outcome, receipts, the manager's list. */
import type { SmsDelivery, SmsOutboxKind, SmsStatus } from '../../shared/notify';
import type { Db } from '../store';

export interface OutboxRec {
  id: number;
  hallId: string;
  kind: SmsOutboxKind;
  phone: string;
  text: string;
  ref: string;
  status: SmsStatus;
  attempts: number;
  lastError?: string;
  createdAt: number;
  nextAt: number;
  expiresAt: number;
  sentAt?: number;
  delivery?: SmsDelivery;
  deliveryAt?: number;
  deliveryError?: string;
}

interface Row {
  id: number;
  hall_id: string;
  kind: SmsOutboxKind;
  phone: string;
  text: string;
  ref: string;
  status: SmsStatus;
  attempts: number;
  last_error: string | null;
  created_at: number;
  next_at: number;
  expires_at: number;
  sent_at: number | null;
  delivery: SmsDelivery | null;
  delivery_at: number | null;
  delivery_error: string | null;
}

/** The refs that start with `prefix`, as a range [from, to). */
function refRange(prefix: string): { from: string; to: string } {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { from: prefix, to: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}

function fromRow(r: Row): OutboxRec {
  const x: OutboxRec = {
    id: r.id,
    hallId: r.hall_id,
    kind: r.kind,
    phone: r.phone,
    text: r.text,
    ref: r.ref,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.created_at,
    nextAt: r.next_at,
    expiresAt: r.expires_at,
  };
  if (r.last_error !== null) x.lastError = r.last_error;
  if (r.sent_at !== null) x.sentAt = r.sent_at;
  if (r.delivery !== null) x.delivery = r.delivery;
  if (r.delivery_at !== null) x.deliveryAt = r.delivery_at;
  if (r.delivery_error !== null) x.deliveryError = r.delivery_error;
  return x;
}

/** What a new message is given; the rest starts as pending, untried. */
export type NewMessage = Pick<OutboxRec, 'kind' | 'phone' | 'text' | 'ref' | 'createdAt' | 'expiresAt'>;

/** An appointment that is due a reminder: what the text says and where it goes. */
export interface ReminderCandidate {
  code: string;
  date: string;
  slot: string;
  slotStart: number;
  queue: string;
  phone: string;
}

export function createOutboxRepo(db: Db) {
  const s = {
    // OR IGNORE: the UNIQUE (hall_id, kind, ref) is what makes each message once.
    enqueue: db.prepare(`INSERT OR IGNORE INTO sms_outbox (hall_id, kind, phone, text, ref, created_at, next_at, expires_at)
      VALUES (@hall_id, @kind, @phone, @text, @ref, @created_at, @created_at, @expires_at)`),
    due: db.prepare(`SELECT * FROM sms_outbox WHERE hall_id = ? AND status = 'pending' AND next_at <= ? ORDER BY next_at, id LIMIT ?`),
    // The attempt is counted and the next one scheduled before sending: a crash mid-send retries later, never in a loop.
    claim: db.prepare(`UPDATE sms_outbox SET attempts = attempts + 1, next_at = ?
      WHERE id = ? AND hall_id = ? AND status = 'pending' AND attempts = ?`),
    sent: db.prepare(`UPDATE sms_outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ? AND hall_id = ?`),
    // Not over a 回执 that said it arrived meanwhile (the platform took an attempt whose answer failed).
    failed: db.prepare(`UPDATE sms_outbox SET status = 'failed', last_error = ? WHERE id = ? AND hall_id = ? AND coalesce(delivery, '') <> 'delivered'`),
    error: db.prepare(`UPDATE sms_outbox SET last_error = ? WHERE id = ? AND hall_id = ? AND status = 'pending'`),
    expire: db.prepare(`UPDATE sms_outbox SET status = 'failed', last_error = ? WHERE hall_id = ? AND status = 'pending' AND expires_at <= ?`),
    dropPending: db.prepare(`UPDATE sms_outbox SET status = 'failed', last_error = ? WHERE hall_id = ? AND ref = ? AND status = 'pending'`),
    // A failed one, or one the platform could not deliver (the phone was off): sent again afresh.
    retry: db.prepare(`UPDATE sms_outbox SET status = 'pending', attempts = 0, next_at = ?, last_error = NULL,
        sent_at = NULL, delivery = NULL, delivery_at = NULL, delivery_error = NULL
      WHERE id = ? AND hall_id = ? AND (status = 'failed' OR (status = 'sent' AND delivery = 'undelivered'))`),
    // 短信回执. Delivered: whatever we thought (an attempt whose answer was lost, still pending or
    // given up), it reached the phone — sent, retries over. Undelivered: only for a message we sent.
    delivered: db.prepare(`UPDATE sms_outbox SET status = 'sent', sent_at = coalesce(sent_at, @at), last_error = NULL,
        delivery = 'delivered', delivery_at = @at, delivery_error = NULL
      WHERE id = @id AND hall_id = @hall_id AND attempts > 0`),
    undelivered: db.prepare(`UPDATE sms_outbox SET delivery = 'undelivered', delivery_at = @at, delivery_error = @error
      WHERE id = @id AND hall_id = @hall_id AND status = 'sent' AND coalesce(delivery, '') <> 'delivered'`),
    undeliveredCount: db.prepare(`SELECT count(*) FROM sms_outbox WHERE hall_id = ? AND status = 'sent' AND delivery = 'undelivered'`).pluck(),
    byId: db.prepare('SELECT * FROM sms_outbox WHERE id = ? AND hall_id = ?'),
    byKindRef: db.prepare('SELECT * FROM sms_outbox WHERE hall_id = ? AND kind = ? AND ref = ?'),
    // A subject's messages of one kind: refs from the prefix up to (not including) the prefix with its
    // last character raised by one — a range on the UNIQUE (hall_id, kind, ref) index, not a scan.
    anyOfSubject: db.prepare('SELECT 1 FROM sms_outbox WHERE hall_id = @hall_id AND kind = @kind AND ref >= @from AND ref < @to LIMIT 1'),
    dropSubject: db.prepare(`UPDATE sms_outbox SET status = 'failed', last_error = @reason
      WHERE hall_id = @hall_id AND kind = @kind AND ref >= @from AND ref < @to AND status = 'pending'`),
    pendingOfKind: db.prepare(`SELECT * FROM sms_outbox WHERE hall_id = ? AND kind = ? AND status = 'pending' ORDER BY id`),
    list: db.prepare(`SELECT * FROM sms_outbox WHERE hall_id = @hall_id AND (@status IS NULL OR status = @status) ORDER BY id DESC LIMIT @limit`),
    counts: db.prepare('SELECT status, count(*) AS n FROM sms_outbox WHERE hall_id = ? GROUP BY status'),
    // A day's booked appointments made before a moment that have no reminder yet (appointments_slot,
    // then the outbox's UNIQUE index per appointment).
    reminderCandidates: db.prepare(`SELECT a.code, a.date, a.slot, a.slot_start, a.queue, a.phone FROM appointments a
      WHERE a.hall_id = @hall_id AND a.date = @date AND a.status = 'booked' AND a.created_at < @before
        AND NOT EXISTS (SELECT 1 FROM sms_outbox o WHERE o.hall_id = a.hall_id AND o.kind = 'reminder' AND o.ref = 'appointment:' || a.code)
      ORDER BY a.slot_start`),
  };
  return {
    /** Writes the message unless one of its kind about the same thing exists; true when written. */
    enqueue(hallId: string, m: NewMessage): boolean {
      return (
        s.enqueue.run({ hall_id: hallId, kind: m.kind, phone: m.phone, text: m.text, ref: m.ref, created_at: m.createdAt, expires_at: m.expiresAt }).changes === 1
      );
    },
    due(hallId: string, now: number, limit: number): OutboxRec[] {
      return (s.due.all(hallId, now, limit) as Row[]).map(fromRow);
    },
    /** Takes a due message for one attempt (false: someone else did); the retry time is set now. */
    claim(hallId: string, m: OutboxRec, retryAt: number): boolean {
      return s.claim.run(retryAt, m.id, hallId, m.attempts).changes === 1;
    },
    sent(hallId: string, id: number, at: number): void {
      s.sent.run(at, id, hallId);
    },
    failed(hallId: string, id: number, error: string): void {
      s.failed.run(error, id, hallId);
    },
    /** A failed attempt that will be retried at the time claim() set. */
    attemptFailed(hallId: string, id: number, error: string): void {
      s.error.run(error, id, hallId);
    },
    /** Gives up pending messages whose moment has passed; how many. */
    expire(hallId: string, now: number, reason: string): number {
      return s.expire.run(reason, hallId, now).changes;
    },
    /** Gives up what is still pending about `ref` (a cancelled appointment's reminder). */
    dropPending(hallId: string, ref: string, reason: string): number {
      return s.dropPending.run(reason, hallId, ref).changes;
    },
    /** A receipt: true when it applied to a message of this hall (see the statements for which). */
    receipt(hallId: string, id: number, r: { delivered: boolean; at: number; error: string | null }): boolean {
      const st = r.delivered ? s.delivered : s.undelivered;
      return st.run({ id, hall_id: hallId, at: r.at, ...(r.delivered ? {} : { error: r.error }) }).changes === 1;
    },
    /** A failed (or undelivered) message back to pending, with its attempts afresh; false unless it was one. */
    retry(hallId: string, id: number, now: number): boolean {
      return s.retry.run(now, id, hallId).changes === 1;
    },
    byId(hallId: string, id: number): OutboxRec | undefined {
      const r = s.byId.get(id, hallId) as Row | undefined;
      return r ? fromRow(r) : undefined;
    },
    byKindRef(hallId: string, kind: SmsOutboxKind, ref: string): OutboxRec | undefined {
      const r = s.byKindRef.get(hallId, kind, ref) as Row | undefined;
      return r ? fromRow(r) : undefined;
    },
    /** Was anything of `kind` written about a subject whose refs start with `prefix`? */
    anyOfSubject(hallId: string, kind: SmsOutboxKind, prefix: string): boolean {
      return s.anyOfSubject.get({ hall_id: hallId, kind, ...refRange(prefix) }) !== undefined;
    },
    /** Gives up what is still pending of `kind` about a subject (refs starting with `prefix`); how many. */
    dropSubject(hallId: string, kind: SmsOutboxKind, prefix: string, reason: string): number {
      return s.dropSubject.run({ hall_id: hallId, kind, reason, ...refRange(prefix) }).changes;
    },
    pendingOfKind(hallId: string, kind: SmsOutboxKind): OutboxRec[] {
      return (s.pendingOfKind.all(hallId, kind) as Row[]).map(fromRow);
    },
    /** Newest first. */
    list(hallId: string, f: { status?: SmsStatus | undefined; limit: number }): OutboxRec[] {
      return (s.list.all({ hall_id: hallId, status: f.status ?? null, limit: f.limit }) as Row[]).map(fromRow);
    },
    reminderCandidates(hallId: string, date: string, before: number): ReminderCandidate[] {
      const rows = s.reminderCandidates.all({ hall_id: hallId, date, before }) as (Omit<ReminderCandidate, 'slotStart'> & { slot_start: number })[];
      return rows.map(({ slot_start, ...r }) => ({ ...r, slotStart: slot_start }));
    },
    counts(hallId: string): Record<SmsStatus | 'undelivered', number> {
      const out: Record<SmsStatus | 'undelivered', number> = { pending: 0, sent: 0, failed: 0, undelivered: 0 };
      for (const r of s.counts.all(hallId) as { status: SmsStatus; n: number }[]) out[r.status] = r.n;
      out.undelivered = Number(s.undeliveredCount.get(hallId));
      return out;
    },
  };
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
