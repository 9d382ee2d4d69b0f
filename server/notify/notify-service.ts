/**
 * What texts a citizen (短信提醒), and the manager's view of it. Four kinds, each once:
 * - 预约成功, written in the booking's own transaction;
 * - the reminder the day before, for tomorrow's booked appointments, from the reminder hour
 *   (written by tick(), which the app's timer runs);
 * - 快到您了, when a ticket that carries a phone (an appointment's check-in) gets NEAR_AHEAD or
 *   fewer people ahead, by the phone page's own rule (nearDue), checked after each hall change;
 *   the phone is the booking's, or one the holder of a walk-in ticket added (ticket-phone-service.ts);
 * - 轮到您了, when such a ticket is called (its first call: not a recall), checked the same way.
 * (A 求助 nobody answered, texted to the duty managers, is assist-sms.ts's; its tick runs here.)
 * Nothing is written while SMS is off or the kind unticked; the sender delivers what is.
 */
import { SMS_QUIET_FROM, type CitizenSettings } from '../../shared/citizen';
import type { Reply } from '../../shared/errors';
import { nearDue, SMS_CANCELLED, type NearLook, type SmsKind, type SmsList, type SmsMessage, type SmsReceiptsBody, type SmsReceiptsResult, type SmsStatus } from '../../shared/notify';
import type { AppointmentRec, AppointmentRepo } from '../citizen/appointment-repo';
import type { AppointmentEvents } from '../citizen/appointment-service';
import { addDays, localParts, zonedEpoch, timeOf } from '../domain/calendar';
import { maskPhone } from '../citizen/rules';
import type { SettingsRepo } from '../citizen/settings-repo';
import type { Actor } from '../service/actor';
import type { Clock } from '../service/clock';
import { err, ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import type { Publication } from '../service/publisher';
import { aheadOf, type TicketRec } from '../domain';
import type { Db } from '../store';
import type { NewMessage, OutboxRec, OutboxRepo } from './outbox-repo';
import { calledDue, CALLED_TTL_MS, kindOn, NEAR_TURN_TTL_MS, remindersDue } from './rules';
import type { SmsSender } from './sender';
import type { TicketPhoneRepo } from './ticket-phone-repo';
import { bookedText, calledText, nearTurnText, reminderText, type AppointmentFacts } from './texts';

const iso = (at: number): string => new Date(at).toISOString();

export const appointmentRef = (code: string): string => `appointment:${code}`;
export const ticketRef = (serviceDay: string, number: string): string => `ticket:${serviceDay}/${number}`;

export interface NotifyDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  settings: SettingsRepo;
  appointments: AppointmentRepo;
  outbox: OutboxRepo;
  ticketPhones: TicketPhoneRepo;
  sender: SmsSender;
  /** 短信回执 are taken (SMS_RECEIPT_KEY set): the list says so. */
  receipts?: boolean | undefined;
  log: (msg: string) => void;
}

/** The 6-digit code of a `verify` text, hidden (验证码 ******). */
export const maskCodeDigits = (text: string): string => text.replace(/\b\d{6}\b/g, '******');

export function smsView(m: OutboxRec, now: number): SmsMessage {
  const v: SmsMessage = {
    id: m.id,
    kind: m.kind,
    phone: maskPhone(m.phone),
    // A phone's code is the citizen's alone: the list shows that one went, not the digits.
    text: m.kind === 'verify' ? maskCodeDigits(m.text) : m.text,
    ref: m.ref,
    status: m.status,
    attempts: m.attempts,
    createdAt: iso(m.createdAt),
    expiresAt: iso(m.expiresAt),
  };
  if (m.lastError !== undefined) v.lastError = m.lastError;
  if (m.sentAt !== undefined) v.sentAt = iso(m.sentAt);
  if (m.status === 'pending' && m.attempts > 0 && m.nextAt > now) v.nextAttemptAt = iso(m.nextAt);
  if (m.delivery !== undefined) v.delivery = m.delivery;
  if (m.deliveryAt !== undefined) v.deliveryAt = iso(m.deliveryAt);
  if (m.deliveryError !== undefined) v.deliveryError = m.deliveryError;
  return v;
}

export function createNotifyService(deps: NotifyDeps) {
  const { db, hall, clock, outbox, sender } = deps;
  const hallId = hall.hallId;
  const settings = (): CitizenSettings => deps.settings.get(hallId);
  const queueName = (code: string): string => hall.state().queues.get(code)?.name ?? code;

  const facts = (a: { date: string; slot: string; queue: string; code: string }): AppointmentFacts => ({
    hall: hall.state().name,
    date: a.date,
    slot: a.slot,
    queue: queueName(a.queue),
    code: a.code,
  });

  /** Writes the message if its kind is on (and it is not there yet); true when written. */
  function write(s: CitizenSettings, kind: SmsKind, m: Omit<NewMessage, 'kind'>): boolean {
    return kindOn(s, kind) && outbox.enqueue(hallId, { kind, ...m });
  }

  // ---- 快到您了: the tickets that carry a phone, with what each looked like last ----------------

  /** What the near-turn rule needs of a ticket: its place only (a full view would compute its ETA). */
  type Look = NearLook & { queue: string };
  const lookOf = (t: TicketRec): Look => ({ id: t.id, status: t.status, ahead: aheadOf(hall.state(), t), queue: t.queue });
  /** `source`: the booking's phone, or one the ticket's holder added. */
  type Followed = { phone: string; source: 'appointment' | 'ticket'; last: Look };
  const tracked = new Map<string, Followed>();
  let trackedDay = '';

  // The ticket as it is now is the first look: one already NEAR_AHEAD or fewer ahead gets no text.
  function track(ticketId: string, phone: string, source: Followed['source']): void {
    const t = hall.findTicket(ticketId);
    if (t) tracked.set(ticketId, { phone, source, last: lookOf(t) });
  }

  /** A new service day starts empty; after a restart, today's checked-in tickets are picked up again. */
  function ensureDay(): void {
    const day = hall.state().serviceDay;
    if (day === trackedDay) return;
    tracked.clear();
    trackedDay = day;
    for (const r of deps.appointments.checkedInOn(hallId, day)) track(r.ticketId, r.phone, 'appointment');
    for (const r of deps.ticketPhones.onDay(hallId, day)) if (!tracked.has(r.ticketId)) track(r.ticketId, r.phone, 'ticket');
  }

  function ticketTexts(p: Publication): void {
    ensureDay();
    if (tracked.size === 0) return;
    const changed = new Set(p.ticketIds);
    const queues = new Set(p.queues);
    let s: CitizenSettings | undefined;
    let wrote = false;
    for (const [id, e] of tracked) {
      if (!changed.has(id) && !queues.has(e.last.queue)) continue;
      const t = hall.findTicket(id);
      if (!t) {
        tracked.delete(id);
        continue;
      }
      const next = lookOf(t);
      if (nearDue(e.last, next)) {
        s ??= settings();
        const now = clock.now();
        const text = nearTurnText({ hall: hall.state().name, number: t.number, ahead: next.ahead });
        wrote = write(s, 'near_turn', { phone: e.phone, text, ref: ticketRef(t.serviceDay, t.number), createdAt: now, expiresAt: now + NEAR_TURN_TTL_MS }) || wrote;
      }
      if (calledDue(e.last, next) && t.windowNo !== undefined) {
        s ??= settings();
        const now = clock.now();
        const text = calledText({ hall: hall.state().name, number: t.number, windowNo: t.windowNo });
        wrote = write(s, 'called', { phone: e.phone, text, ref: ticketRef(t.serviceDay, t.number), createdAt: now, expiresAt: now + CALLED_TTL_MS }) || wrote;
      }
      e.last = next;
      if (next.status === 'done' || next.status === 'cancelled') tracked.delete(id);
    }
    if (wrote) sender.kick();
  }

  // ---- the reminder the day before -------------------------------------------------------------

  /** Writes tomorrow's reminders when they are due; how many. */
  function queueReminders(): number {
    const s = settings();
    if (!kindOn(s, 'reminder')) return 0;
    const now = clock.now();
    const tz = hall.state().timezone;
    const local = localParts(now, tz);
    if (!remindersDue(local.minutes, s.smsReminderHour)) return 0;
    // One booked after today's reminder hour has just had its 预约成功 text (when that kind is on).
    const before = kindOn(s, 'booked') ? zonedEpoch(local.date, timeOf(s.smsReminderHour * 60), tz) : now + 1;
    const due = outbox.reminderCandidates(hallId, addDays(local.date, 1), before);
    if (due.length === 0) return 0;
    // Not sent from 22:00 (nor after midnight, when its "明天" would be wrong), even when retried.
    const quiet = zonedEpoch(local.date, timeOf(SMS_QUIET_FROM * 60), tz);
    const n = db.transaction(() => {
      let written = 0;
      for (const a of due) {
        if (write(s, 'reminder', { phone: a.phone, text: reminderText(facts(a)), ref: appointmentRef(a.code), createdAt: now, expiresAt: Math.min(quiet, a.slotStart) })) written++;
      }
      return written;
    })();
    if (n > 0) sender.kick();
    return n;
  }

  const events: AppointmentEvents = {
    booked(a: AppointmentRec): void {
      const s = settings();
      if (write(s, 'booked', { phone: a.phone, text: bookedText(facts(a)), ref: appointmentRef(a.code), createdAt: clock.now(), expiresAt: a.slotStart })) sender.kick();
    },
    cancelled(a: AppointmentRec): void {
      // A reminder (or booking text) still waiting would tell the citizen to come after all.
      outbox.dropPending(hallId, appointmentRef(a.code), SMS_CANCELLED);
    },
    checkedIn(a: AppointmentRec, ticketId: string): void {
      ensureDay();
      track(ticketId, a.phone, 'appointment');
    },
  };

  /** The walk-in's phone, for ticket-phone-service.ts (which stores and audits it). */
  const followed = {
    /** The phone a ticket's 快到您了 goes to today, and whose it is. */
    of(ticketId: string): { phone: string; source: Followed['source'] } | undefined {
      ensureDay();
      const e = tracked.get(ticketId);
      return e ? { phone: e.phone, source: e.source } : undefined;
    },
    /** Follows (or re-follows with another number) a ticket from its place now. */
    follow(ticketId: string, phone: string): void {
      ensureDay();
      const e = tracked.get(ticketId);
      if (e) e.phone = phone;
      else track(ticketId, phone, 'ticket');
    },
    /** Stops following; a 快到您了 still waiting to go is dropped (the holder took the number back). */
    unfollow(ticketId: string, ref: string): void {
      ensureDay();
      tracked.delete(ticketId);
      outbox.dropPending(hallId, ref, SMS_CANCELLED);
    },
  };

  return {
    events,
    followed,

    /** After each committed hall change (the app's publisher calls it): the 快到您了 check. */
    published(p: Publication): void {
      try {
        ticketTexts(p);
      } catch (e) {
        // A failed heads-up must never break the hall's broadcast.
        deps.log(`SMS ticket check (快到您了, 轮到您了) failed: ${String(e)}`);
      }
    },

    /** The timer's work: reminders when due, then whatever is due to send. */
    async tick(): Promise<number> {
      queueReminders();
      return sender.deliverDue();
    },

    list(q: { status?: SmsStatus | undefined; limit?: number | undefined }): Reply<SmsList> {
      const now = clock.now();
      return ok({
        gateway: { configured: sender.configured, ...(sender.target ? { target: sender.target } : {}), maxAttempts: sender.maxAttempts, receipts: deps.receipts === true },
        counts: outbox.counts(hallId),
        messages: outbox.list(hallId, { status: q.status, limit: q.limit ?? 100 }).map((m) => smsView(m, now)),
      });
    },

    /**
     * 短信回执 from the platform, by the webhook's ids (`<hall>:<n>`), in one transaction; each
     * receipt stamped with the hall's clock. Ids of another hall, malformed, or of a message that
     * never went out are returned as unknown, not refused: the platform need not know our halls.
     */
    receipts(items: SmsReceiptsBody['receipts']): Reply<SmsReceiptsResult> {
      const at = clock.now();
      const prefix = `${hallId}:`;
      const unknown: string[] = [];
      let applied = 0;
      let undelivered = 0;
      db.transaction(() => {
        for (const r of items) {
          const n = r.id.startsWith(prefix) ? Number(r.id.slice(prefix.length)) : NaN;
          const done = Number.isSafeInteger(n) && n > 0 && outbox.receipt(hallId, n, { delivered: r.delivered, at, error: r.error?.trim() || null });
          if (!done) unknown.push(r.id);
          else if (r.delivered) applied++;
          else {
            applied++;
            undelivered++;
          }
        }
      })();
      if (undelivered > 0) deps.log(`SMS receipts: ${undelivered} not delivered (see 短信提醒)`);
      return ok({ applied, unknown });
    },

    /** A failed (or undelivered) message tried again from its first attempt (managers; the route checks); audited. */
    retry(actor: Actor, id: number): Reply<SmsMessage> {
      const now = clock.now();
      const r = db.transaction((): Reply<SmsMessage> => {
        const m = outbox.byId(hallId, id);
        if (!m) return err('NOT_FOUND', 'no such message');
        if (m.status !== 'failed' && m.delivery !== 'undelivered') return err('INVALID_STATE', 'only a failed or undelivered message is sent again');
        if (m.lastError === SMS_CANCELLED) return err('INVALID_STATE', 'what it was about went away (an appointment cancelled, a phone removed, a call for help answered)');
        if (m.expiresAt <= now) return err('INVALID_STATE', `this message is out of date (it was worth sending until ${iso(m.expiresAt)})`);
        outbox.retry(hallId, id, now);
        const after = outbox.byId(hallId, id)!;
        const audited = (x: OutboxRec) => ({ id: x.id, kind: x.kind, phone: maskPhone(x.phone), status: x.status, attempts: x.attempts, lastError: x.lastError ?? null });
        hall.audit(actor, 'SmsRetried', audited(m), audited(after));
        return ok(smsView(after, now));
      })();
      if (r.ok) sender.kick();
      return r;
    },
  };
}

export type NotifyService = ReturnType<typeof createNotifyService>;
