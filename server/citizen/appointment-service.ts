/**
 * Appointments: book, cancel, read, list, check in. Each command is one SQLite transaction; a
 * check-in issues its ticket through the hall service inside that same transaction (its commit
 * becomes a savepoint), so an appointment is never marked checked in without its ticket, nor
 * the other way round. Rules live in rules.ts; this file only loads, decides and writes.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Appointment, BlockedPhone, BookAppointmentBody, CheckInBody, CheckInResult, CitizenSettings, MissedPardon, PardonBody, SlotList } from '../../shared/citizen';
import type { Reply } from '../../shared/errors';
import type { Priority, Ticket, TicketDetail } from '../../shared/schemas';
import { serviceDayOf } from '../domain';
import { actorId, hasRole, type Actor } from '../service/actor';
import type { Clock } from '../service/clock';
import { err, ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import { newTicketId } from '../service/operations';
import type { Db } from '../store';
import type { AppointmentRec, AppointmentRepo } from './appointment-repo';
import type { IdCardService } from './idcard-service';
import type { PardonRepo } from './pardon-repo';
import { capacityOf, checkBooking, checkCancel, decideCheckIn, maskName, maskPhone, missedBlock, missedSince, slotsOfDay } from './rules';
import type { SettingsRepo } from './settings-repo';
import { appointmentView } from './views';

const MINUTE = 60_000;

const withRealName = (t: Ticket, realName: TicketDetail['realName']): TicketDetail => (realName ? { ...t, realName } : t);

/** Thrown inside a transaction to roll it back and answer with a refusal. */
class Refused extends Error {
  constructor(readonly reply: Reply<never>) {
    super(reply.ok ? 'refused' : reply.error.message);
  }
}

/**
 * What others hear of an appointment's life (the SMS outbox, server/notify). Called inside the
 * transaction that makes the change, so what they write commits or rolls back with it.
 */
export interface AppointmentEvents {
  booked(a: AppointmentRec): void;
  cancelled(a: AppointmentRec): void;
  /** Its ticket was issued (now in the hall's state). */
  checkedIn(a: AppointmentRec, ticketId: string): void;
}

export interface AppointmentServiceDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  appointments: AppointmentRepo;
  pardons: PardonRepo;
  settings: SettingsRepo;
  events?: AppointmentEvents | undefined;
  /** 刷身份证签到 (idcard-service.ts); absent: a check-in with a card is refused (a server built without 实名取号). */
  idCard?: Pick<IdCardService, 'checkIn'> | undefined;
}

export function createAppointmentService(deps: AppointmentServiceDeps) {
  const { db, hall, clock, appointments } = deps;
  const hallId = hall.hallId;
  const timezone = () => hall.state().timezone;
  const settings = (): CitizenSettings => deps.settings.get(hallId);
  const isManager = (actor: Actor) => hasRole(actor, ['manager']);

  function view(a: AppointmentRec, actor: Actor): Appointment {
    const ticket = a.ticketId ? hall.findTicket(a.ticketId) : undefined;
    return appointmentView(a, { reveal: isManager(actor), ticketNumber: ticket?.number });
  }

  /** Booked appointments whose check-in window has closed become missed. */
  function sweepMissed(now: number, s: CitizenSettings): number {
    const after = s.late === 'refuse' ? s.graceMinutes : s.missedAfterMinutes;
    return appointments.sweepMissed(hallId, now - after * MINUTE, now);
  }

  function newCode(): string {
    // 8 random digits; retried on the rare clash with any earlier appointment of the hall.
    for (;;) {
      const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
      if (!appointments.codeUsed(hallId, code)) return code;
    }
  }

  function run<T>(fn: () => Reply<T>): Reply<T> {
    try {
      return db.transaction(fn)();
    } catch (e) {
      if (e instanceof Refused) return e.reply;
      throw e;
    }
  }

  return {
    settings,

    /** Marks overdue appointments missed now (also done lazily before every appointment command). */
    sweep(): number {
      return sweepMissed(clock.now(), settings());
    },

    slots(date: string, queue: string): Reply<SlotList> {
      if (!hall.state().queues.has(queue)) return err('UNKNOWN_QUEUE', `queue ${queue} does not exist`);
      const s = settings();
      const now = clock.now();
      const defs = slotsOfDay(s, date, timezone());
      const taken = appointments.countDay(hallId, date, queue);
      const capacity = capacityOf(s, queue);
      return ok({
        date,
        queue,
        open: defs.length > 0 && capacity > 0,
        slots: defs.map((d) => {
          const booked = taken.get(d.slot) ?? 0;
          return {
            slot: d.slot,
            start: new Date(d.start).toISOString(),
            end: new Date(d.end).toISOString(),
            capacity,
            booked,
            available: d.start > now ? Math.max(0, capacity - booked) : 0,
          };
        }),
      });
    },

    book(actor: Actor, input: BookAppointmentBody): Reply<Appointment> {
      const state = hall.state();
      if (!state.queues.has(input.queue)) return err('UNKNOWN_QUEUE', `queue ${input.queue} does not exist`);
      const matters = [...new Set(input.matters ?? [])];
      for (const id of matters) {
        const m = hall.matter(id);
        if (!m) return err('BAD_REQUEST', `unknown matter ${id}`);
        if (m.queue !== input.queue) return err('BAD_REQUEST', `matter ${id} belongs to queue ${m.queue}, not ${input.queue}`);
      }
      const now = clock.now();
      const s = settings();
      return run(() => {
        // Marked first: the 爽约 count below must see every appointment whose window has closed.
        sweepMissed(now, s);
        const today = serviceDayOf(now, state.timezone);
        const decision = checkBooking({
          settings: s,
          timezone: state.timezone,
          date: input.date,
          slot: input.slot,
          queue: input.queue,
          today,
          now,
          booked: appointments.countSlot(hallId, input.date, input.queue, input.slot),
          phoneHasOne: appointments.phoneHasActive(hallId, input.phone, input.date, input.queue),
          // Staff booking on a citizen's behalf are held to it too (docs/citizen.md).
          missedDates: s.missedLimit > 0 ? appointments.missedDates(hallId, input.phone, missedSince(s, today)) : [],
        });
        if (!decision.ok) return err(decision.code, decision.message, decision.reason);
        const id = randomBytes(16).toString('base64url');
        appointments.insert({
          id,
          hallId,
          code: newCode(),
          date: input.date,
          slot: input.slot,
          slotStart: decision.start,
          slotEnd: decision.end,
          queue: input.queue,
          matters,
          name: input.name.trim(),
          phone: input.phone,
          externalRef: input.externalRef,
          createdAt: now,
          createdBy: actorId(actor),
        });
        const booked = appointments.byId(hallId, id)!;
        deps.events?.booked(booked);
        return ok(view(booked, actor));
      });
    },

    get(actor: Actor, id: string): Reply<Appointment> {
      return run(() => {
        sweepMissed(clock.now(), settings());
        const a = appointments.byId(hallId, id);
        return a ? ok(view(a, actor)) : err('NOT_FOUND', 'no such appointment');
      });
    },

    cancel(actor: Actor, id: string): Reply<Appointment> {
      const now = clock.now();
      return run(() => {
        sweepMissed(now, settings());
        const a = appointments.byId(hallId, id);
        if (!a) return err('NOT_FOUND', 'no such appointment');
        const c = checkCancel(a.status);
        if (!c.ok) return err(c.code, c.message);
        appointments.cancel(hallId, id, now, actorId(actor));
        const cancelled = appointments.byId(hallId, id)!;
        deps.events?.cancelled(cancelled);
        return ok(view(cancelled, actor));
      });
    },

    list(actor: Actor, f: { date?: string | undefined; queue?: string | undefined; status?: Appointment['status'] | undefined }): Reply<Appointment[]> {
      const now = clock.now();
      return run(() => {
        sweepMissed(now, settings());
        const date = f.date ?? serviceDayOf(now, timezone());
        return ok(appointments.list(hallId, { ...f, date }).map((a) => view(a, actor)));
      });
    },

    /** The phones the 爽约 rule blocks today, the longest block first (managers; the route checks). */
    blocked(): Reply<BlockedPhone[]> {
      const now = clock.now();
      return run(() => {
        const s = settings();
        sweepMissed(now, s);
        const today = serviceDayOf(now, timezone());
        const byPhone = new Map<string, { name: string; dates: string[] }>();
        for (const r of appointments.missedAll(hallId, missedSince(s, today))) {
          const p = byPhone.get(r.phone) ?? { name: r.name, dates: [] };
          p.dates.push(r.date);
          p.name = r.name; // dates ascend: the latest name wins
          byPhone.set(r.phone, p);
        }
        const out: BlockedPhone[] = [];
        for (const [phone, p] of byPhone) {
          const b = missedBlock(s, p.dates, today);
          if (b) out.push({ phone, name: p.name, count: b.count, from: b.from, last: b.last, until: b.until });
        }
        return ok(out.sort((a, b) => b.until.localeCompare(a.until) || a.phone.localeCompare(b.phone)));
      });
    },

    /**
     * 解除限制 (managers; the route checks): the phone's misses recorded up to now stop counting,
     * so its block is lifted; a miss recorded later counts again. Refused when the phone is not
     * blocked today. The pardon and its audit entry (the block lifted → the reason) land together.
     */
    pardon(actor: Actor, input: PardonBody): Reply<MissedPardon> {
      if (actor.kind !== 'user') return err('UNAUTHORIZED', 'sign in first');
      const now = clock.now();
      return run(() => {
        const s = settings();
        // Marked first: every miss up to this moment is what the pardon forgives.
        sweepMissed(now, s);
        const today = serviceDayOf(now, timezone());
        const dates = appointments.missedDates(hallId, input.phone, missedSince(s, today));
        const b = missedBlock(s, dates, today);
        if (!b) return err('INVALID_STATE', 'this phone number is not blocked for missed appointments');
        const name = appointments.lastMissedName(hallId, input.phone) ?? '';
        const lifted: BlockedPhone = { phone: input.phone, name, count: b.count, from: b.from, last: b.last, until: b.until };
        deps.pardons.insert(hallId, { phone: input.phone, at: now, reason: input.reason, by: actor.id });
        // The audit log is kept for ever: it gets the masked forms (the pardon row has the number
        // until the hall's 个人信息保存期限).
        const phone = maskPhone(input.phone);
        hall.audit(actor, 'MissedBlockPardoned', { ...lifted, phone, name: maskName(name) }, { phone, reason: input.reason });
        return ok({ phone: input.phone, reason: input.reason, at: new Date(now).toISOString(), by: actor.id, lifted });
      });
    },

    /**
     * Check-in at the kiosk (kiosk device, or anyone while the hall allows public ticketing) or by
     * a guide: the appointment becomes a ticket of its queue, channel `appointment`, arriving at
     * its slot start when on time (dispatch rule 4) or now when late (walk-in rule). With `idCard`
     * (刷身份证签到) the ticket is real-name like a kiosk's (idcard-service.ts); at `required` a
     * kiosk's check-in needs it.
     */
    checkIn(actor: Actor, input: CheckInBody): Reply<CheckInResult> {
      const state = hall.state();
      if (!hasRole(actor, ['kiosk', 'guide', 'manager']) && !state.settings.publicTicketing) {
        return err('UNAUTHORIZED', 'this hall checks appointments in only at kiosks and the guide desk');
      }
      const staff = hasRole(actor, ['guide', 'manager']);
      const now = clock.now();
      const s = settings();
      return run(() => {
        sweepMissed(now, s);
        const a = appointments.byCode(hallId, input.code);
        if (!a) return err('NOT_FOUND', 'no appointment has this code', 'unknown_code');
        const decision = decideCheckIn({
          status: a.status,
          date: a.date,
          slotStart: a.slotStart,
          slotEnd: a.slotEnd,
          today: serviceDayOf(now, state.timezone),
          now,
          settings: s,
          timezone: state.timezone,
          ticketNumber: a.ticketId ? hall.findTicket(a.ticketId)?.number : undefined,
        });
        if (!decision.ok) {
          if (decision.markMissed) appointments.markMissed(hallId, a.id, now);
          return err(decision.code, decision.message, decision.reason);
        }
        const ticketId = newTicketId();
        appointments.checkIn(hallId, a.id, now, actorId(actor), ticketId, decision.late);
        // 实名 (a card sent): the card's service may raise the priority (老年人优先), so the priority is its to give.
        const issue = (priority: Priority | undefined): Reply<TicketDetail> => {
          const r = hall.execute(actor, {
            type: 'issueTicket',
            id: ticketId,
            queue: a.queue,
            priority,
            channel: 'appointment',
            matters: a.matters,
            note: staff ? input.note : undefined,
            checklist: staff ? input.checklist : undefined,
            arrivedAt: decision.arrivedAt,
          });
          return r.ok ? ok(hall.ticketDetail(hall.findTicket(ticketId)!)) : r;
        };
        const issued = deps.idCard
          ? deps.idCard.checkIn(actor, { queue: a.queue, priority: input.priority, idCard: input.idCard }, issue)
          : input.idCard === undefined
            ? issue(input.priority)
            : err('INVALID_STATE', 'this server takes no ID cards');
        if (!issued.ok) throw new Refused(issued);
        const t = hall.findTicket(ticketId)!;
        const checkedIn = appointments.byId(hallId, a.id)!;
        deps.events?.checkedIn(checkedIn, ticketId);
        return ok({
          appointment: view(checkedIn, actor),
          // The kiosk gets the plain view, plus the real-name line of the card it just read (its screen and receipt show it).
          ticket: staff ? hall.ticketDetail(t) : withRealName(hall.ticketView(t), issued.data.realName),
        });
      });
    },
  };
}

export type AppointmentService = ReturnType<typeof createAppointmentService>;
