/** The hall's state tables and its event log: load at start-up, commit one change at a time. */
import { alignNoticesEn, buildHallState, DEFAULT_TICKETING, type Clerk, type DomainEvent, type HallSettings, type HallState, type QueueRuntime, type TicketRec, type WindowRec } from '../domain';
import type { Call, Matter } from '../../shared/schemas';
import type { CatalogueRepo } from './catalogue-repo';
import type { Db } from './open';
import {
  queueFromRow,
  queueToRow,
  ticketFromRow,
  ticketToRow,
  windowFromRow,
  windowToRow,
  type HallRow,
  type QueueRow,
  type TicketRow,
  type WindowRow,
} from './rows';

export interface EventRecord {
  event: DomainEvent;
  before?: unknown;
  after?: unknown;
}

/** Everything one command changed: written in one transaction. */
export interface Commit {
  hallId: string;
  seq: number;
  serviceDay: string;
  at: number;
  actor: string;
  events: EventRecord[];
  tickets: TicketRec[];
  windows: WindowRec[];
  queues: QueueRuntime[];
  settings?: HallSettings;
  /** Staff records whose name, role or skills changed (passwords go through `alsoWrite`). */
  clerks?: { upsert: Clerk[]; remove: string[] };
  matters?: { upsert: Matter[]; remove: string[] };
  /** Further writes that must land in the same transaction (e.g. a new account's password hash). */
  alsoWrite?: () => void;
  calls: Call[];
  /** The reply to remember for a request id (idempotent retries). */
  request?: { scope: string; requestId: string; reply: unknown };
}

export interface NewHall {
  id: string;
  name: string;
  nameEn: string;
  timezone: string;
  serviceDay: string;
  settings: HallSettings;
  queues: QueueRuntime[];
  windows: WindowRec[];
}

/**
 * The settings column as saved. A hall saved before a setting existed gets its default (tickets
 * any time, no stop, no English notices).
 */
function settingsOf(json: string): HallSettings {
  const saved = JSON.parse(json) as Omit<HallSettings, keyof typeof DEFAULT_TICKETING | 'noticesEn'> & { noticesEn?: string[] };
  return { ...DEFAULT_TICKETING, ...saved, noticesEn: alignNoticesEn(saved.notices, saved.noticesEn) };
}

export function createHallRepo(db: Db, catalogue: CatalogueRepo) {
  const s = {
    hall: db.prepare<[string], HallRow>('SELECT * FROM halls WHERE id = ?'),
    hallIds: db.prepare<[], { id: string }>('SELECT id FROM halls ORDER BY id'),
    queues: db.prepare<[string], QueueRow>('SELECT * FROM queues WHERE hall_id = ?'),
    windows: db.prepare<[string], WindowRow>('SELECT * FROM windows WHERE hall_id = ?'),
    tickets: db.prepare<[string, string], TicketRow>('SELECT * FROM tickets WHERE hall_id = ? AND service_day = ?'),
    ticketById: db.prepare<[string, string], TicketRow>('SELECT * FROM tickets WHERE hall_id = ? AND id = ?'),
    clerks: db.prepare<[string], { id: string; username: string; name: string; role: string; skills: string; photo_version: string | null }>(
      `SELECT u.id, u.username, u.name, u.role, u.skills, p.version AS photo_version
       FROM users u LEFT JOIN staff_photos p ON p.user_id = u.id WHERE u.hall_id = ? AND u.active = 1`,
    ),
    insertHall: db.prepare(
      'INSERT INTO halls (id, name, name_en, timezone, service_day, seq, settings) VALUES (@id, @name, @name_en, @timezone, @service_day, @seq, @settings)',
    ),
    updateHall: db.prepare<[number, string, string]>('UPDATE halls SET seq = ?, service_day = ? WHERE id = ?'),
    updateSettings: db.prepare<[string, string]>('UPDATE halls SET settings = ? WHERE id = ?'),
    upsertQueue: db.prepare(`INSERT INTO queues (hall_id, code, name, name_en, category, target_wait_minutes, priority_queue,
        number_start, number_end, sort, next_number, avg_service_seconds, prefix)
      VALUES (@hall_id, @code, @name, @name_en, @category, @target_wait_minutes,
        @priority_queue, @number_start, @number_end, @sort, @next_number, @avg_service_seconds, @prefix)
      ON CONFLICT (hall_id, code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, category = excluded.category,
        target_wait_minutes = excluded.target_wait_minutes, priority_queue = excluded.priority_queue,
        number_start = excluded.number_start, number_end = excluded.number_end, sort = excluded.sort,
        next_number = excluded.next_number, avg_service_seconds = excluded.avg_service_seconds, prefix = excluded.prefix`),
    upsertWindow: db.prepare(`INSERT INTO windows (hall_id, no, name, name_en, zone, kind, mapping, clerk_id, pause_reason,
        current_ticket_id, priority_streak, enabled, zone_en) VALUES (@hall_id, @no, @name, @name_en, @zone, @kind, @mapping, @clerk_id,
        @pause_reason, @current_ticket_id, @priority_streak, @enabled, @zone_en)
      ON CONFLICT (hall_id, no) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, zone = excluded.zone,
        kind = excluded.kind, mapping = excluded.mapping, clerk_id = excluded.clerk_id, pause_reason = excluded.pause_reason,
        current_ticket_id = excluded.current_ticket_id, priority_streak = excluded.priority_streak, enabled = excluded.enabled,
        zone_en = excluded.zone_en`),
    // Columns named: later migrations add columns at the end of the table. The note is set at
    // issue and never changes, so an update leaves it alone; a transfer changes the target (the
    // new queue's), the checklist and the handover (转办交接).
    upsertTicket: db.prepare(`INSERT INTO tickets (id, hall_id, service_day, number, queue, status, priority, channel, matters,
        note, issued_at, arrived_at, ord, called_at, started_at, finished_at, window_no, served_by, recalls, closed_reason,
        transferred_from, checklist, target_wait_minutes, auto_called, handover)
      VALUES (@id, @hall_id, @service_day, @number, @queue, @status, @priority,
        @channel, @matters, @note, @issued_at, @arrived_at, @ord, @called_at, @started_at, @finished_at, @window_no,
        @served_by, @recalls, @closed_reason, @transferred_from, @checklist, @target_wait_minutes, @auto_called, @handover)
      ON CONFLICT (id) DO UPDATE SET queue = excluded.queue, status = excluded.status, called_at = excluded.called_at,
        started_at = excluded.started_at, finished_at = excluded.finished_at, window_no = excluded.window_no,
        served_by = excluded.served_by, recalls = excluded.recalls, closed_reason = excluded.closed_reason,
        transferred_from = excluded.transferred_from, target_wait_minutes = excluded.target_wait_minutes,
        auto_called = excluded.auto_called, checklist = excluded.checklist, handover = excluded.handover`),
    insertEvent: db.prepare<[string, number, number, string, string, string, string | null, string | null]>(
      'INSERT INTO events (hall_id, seq, at, actor, type, data, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertRequest: db.prepare<[string, string, string, number, string]>(
      'INSERT OR REPLACE INTO requests (hall_id, scope, request_id, at, reply) VALUES (?, ?, ?, ?, ?)',
    ),
    request: db.prepare<[string, string, string], { reply: string }>(
      'SELECT reply FROM requests WHERE hall_id = ? AND scope = ? AND request_id = ?',
    ),
    insertCall: db.prepare<[string, string, number, string]>('INSERT INTO calls (hall_id, service_day, seq, call) VALUES (?, ?, ?, ?)'),
    updateClerk: db.prepare<[string, string, string, string]>('UPDATE users SET name = ?, role = ?, skills = ? WHERE id = ?'),
    deactivate: db.prepare<[string]>('UPDATE users SET active = 0 WHERE id = ?'),
    purgeRequests: db.prepare<[string, number]>('DELETE FROM requests WHERE hall_id = ? AND at < ?'),
  };

  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

  const commit = db.transaction((c: Commit) => {
    c.alsoWrite?.();
    for (const r of c.events) {
      s.insertEvent.run(c.hallId, c.seq, r.event.at, c.actor, r.event.type, JSON.stringify(r.event), json(r.before), json(r.after));
    }
    for (const t of c.tickets) s.upsertTicket.run(ticketToRow(c.hallId, t));
    for (const w of c.windows) s.upsertWindow.run(windowToRow(c.hallId, w));
    for (const q of c.queues) s.upsertQueue.run(queueToRow(c.hallId, q));
    for (const call of c.calls) s.insertCall.run(c.hallId, c.serviceDay, c.seq, JSON.stringify(call));
    for (const k of c.clerks?.upsert ?? []) s.updateClerk.run(k.name, k.role, JSON.stringify(k.skills), k.id);
    for (const id of c.clerks?.remove ?? []) s.deactivate.run(id);
    if (c.matters) catalogue.apply(c.hallId, c.matters.upsert, c.matters.remove);
    if (c.settings) s.updateSettings.run(JSON.stringify(c.settings), c.hallId);
    if (c.request) s.insertRequest.run(c.hallId, c.request.scope, c.request.requestId, c.at, JSON.stringify(c.request.reply));
    s.updateHall.run(c.seq, c.serviceDay, c.hallId);
  });

  return {
    hallIds(): string[] {
      return s.hallIds.all().map((r) => r.id);
    },

    load(hallId: string): HallState | undefined {
      const h = s.hall.get(hallId);
      if (!h) return undefined;
      const clerks = new Map<string, Clerk>();
      for (const u of s.clerks.all(hallId)) {
        const clerk: Clerk = { id: u.id, username: u.username, name: u.name, role: u.role as Clerk['role'], skills: JSON.parse(u.skills) as string[] };
        if (u.photo_version !== null) clerk.photoVersion = u.photo_version;
        clerks.set(u.id, clerk);
      }
      return buildHallState(
        {
          id: h.id,
          name: h.name,
          nameEn: h.name_en,
          timezone: h.timezone,
          serviceDay: h.service_day,
          seq: h.seq,
          settings: settingsOf(h.settings),
          queues: new Map(s.queues.all(hallId).map((r) => [r.code, queueFromRow(r)])),
          windows: new Map(s.windows.all(hallId).map((r) => [r.no, windowFromRow(r)])),
          clerks,
          matters: new Map(catalogue.matters(hallId).map((m) => [m.id, m])),
        },
        s.tickets.all(hallId, h.service_day).map(ticketFromRow),
      );
    },

    /** A ticket of any day (the in-memory state only holds today's). */
    ticket(hallId: string, id: string): TicketRec | undefined {
      const r = s.ticketById.get(hallId, id);
      return r ? ticketFromRow(r) : undefined;
    },

    insertHall: db.transaction((h: NewHall) => {
      s.insertHall.run({ id: h.id, name: h.name, name_en: h.nameEn, timezone: h.timezone, service_day: h.serviceDay, seq: 0, settings: JSON.stringify(h.settings) });
      for (const q of h.queues) s.upsertQueue.run(queueToRow(h.id, q));
      for (const w of h.windows) s.upsertWindow.run(windowToRow(h.id, w));
    }),

    commit(c: Commit): void {
      commit(c);
    },

    /**
     * An audit entry for a change outside the hall state (e.g. the citizen-side settings), under
     * the hall's current seq; call it inside the transaction that makes the change.
     */
    appendAudit(hallId: string, e: { seq: number; at: number; actor: string; type: string; data: unknown; before?: unknown; after?: unknown }): void {
      s.insertEvent.run(hallId, e.seq, e.at, e.actor, e.type, JSON.stringify(e.data), json(e.before), json(e.after));
    },

    request(hallId: string, scope: string, requestId: string): unknown {
      const r = s.request.get(hallId, scope, requestId);
      return r ? (JSON.parse(r.reply) as unknown) : undefined;
    },

    purgeRequests(hallId: string, olderThan: number): void {
      s.purgeRequests.run(hallId, olderThan);
    },
  };
}

export type HallRepo = ReturnType<typeof createHallRepo>;
