/**
 * 短信提醒 for a walk-in: the holder of a ticket (the ticket id is the secret, as for 取消) adds,
 * replaces or removes the phone its 快到您了 and 轮到您了 texts go to. Only a waiting ticket of
 * today, only while the hall texts either; the number is stored apart from the ticket (ticket_sms_phones),
 * answered and audited masked, and followed by the notify service's near-turn check.
 */
import type { CitizenSettings, TicketSms } from '../../shared/citizen';
import type { Reply } from '../../shared/errors';
import { NEAR_AHEAD } from '../../shared/notify';
import { maskPhone } from '../citizen/rules';
import type { SettingsRepo } from '../citizen/settings-repo';
import { aheadOf, type TicketRec } from '../domain';
import type { Actor } from '../service/actor';
import type { Clock } from '../service/clock';
import { err, ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import type { Db } from '../store';
import { ticketRef, type NotifyService } from './notify-service';
import { kindOn } from './rules';
import type { TicketPhoneRepo } from './ticket-phone-repo';

export interface TicketPhoneDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  settings: SettingsRepo;
  ticketPhones: TicketPhoneRepo;
  followed: NotifyService['followed'];
}

/** Does the hall text a ticket's holder at all (快到您了, 轮到您了)? The kiosk and the phone page hide the offer otherwise. */
export const textsTickets = (s: Pick<CitizenSettings, 'smsEnabled' | 'smsKinds'>): boolean => kindOn(s, 'near_turn') || kindOn(s, 'called');

export function createTicketPhoneService(deps: TicketPhoneDeps) {
  const { db, hall, clock, ticketPhones, followed } = deps;
  const hallId = hall.hallId;

  const takesPhone = (t: TicketRec): boolean => t.status === 'waiting' && t.serviceDay === hall.state().serviceDay;

  function view(t: TicketRec): TicketSms {
    const f = followed.of(t.id);
    const v: TicketSms = {
      available: textsTickets(deps.settings.get(hallId)) && takesPhone(t),
      near: t.status === 'waiting' && aheadOf(hall.state(), t) <= NEAR_AHEAD,
    };
    if (f) {
      v.phone = maskPhone(f.phone);
      v.source = f.source;
    }
    return v;
  }

  /** The ticket, if the holder may change its phone now; else the refusal (closed codes). */
  function changeable(ticketId: string): Reply<TicketRec> {
    const t = hall.findTicket(ticketId);
    if (!t) return err('UNKNOWN_TICKET', 'no such ticket');
    if (!textsTickets(deps.settings.get(hallId))) return err('INVALID_STATE', 'this hall does not text ticket holders (快到您了, 轮到您了)');
    if (t.serviceDay !== hall.state().serviceDay) return err('INVALID_STATE', 'only a ticket of today takes a phone');
    if (t.status !== 'waiting') return err('INVALID_STATE', `the ticket is ${t.status}: only a waiting ticket takes a phone`);
    if (followed.of(t.id)?.source === 'appointment') return err('CONFLICT', "this ticket's text goes to the phone its appointment was booked with");
    return ok(t);
  }

  const audited = (t: TicketRec, phone: string | undefined) => ({ ticketId: t.id, number: t.number, phone: phone === undefined ? null : maskPhone(phone) });

  return {
    get(ticketId: string): Reply<TicketSms> {
      const t = hall.findTicket(ticketId);
      return t ? ok(view(t)) : err('UNKNOWN_TICKET', 'no such ticket');
    },

    /** Adds or replaces the phone; audited with the number masked. */
    set(actor: Actor, ticketId: string, phone: string): Reply<TicketSms> {
      const c = changeable(ticketId);
      if (!c.ok) return c;
      const t = c.data;
      const before = followed.of(t.id)?.phone;
      db.transaction(() => {
        ticketPhones.put(hallId, t.id, t.serviceDay, phone, clock.now());
        hall.audit(actor, before === undefined ? 'TicketSmsPhoneAdded' : 'TicketSmsPhoneChanged', audited(t, before), audited(t, phone));
      })();
      followed.follow(t.id, phone);
      return ok(view(t));
    },

    /** Removes the phone (a text still waiting to go is dropped); audited. Removing none is a no-op. */
    remove(actor: Actor, ticketId: string): Reply<TicketSms> {
      const c = changeable(ticketId);
      if (!c.ok) return c;
      const t = c.data;
      const before = followed.of(t.id)?.phone;
      if (before !== undefined) {
        db.transaction(() => {
          ticketPhones.remove(hallId, t.id);
          hall.audit(actor, 'TicketSmsPhoneRemoved', audited(t, before), audited(t, undefined));
        })();
        followed.unfollow(t.id, ticketRef(t.serviceDay, t.number));
      }
      return ok(view(t));
    },
  };
}

export type TicketPhoneService = ReturnType<typeof createTicketPhoneService>;
