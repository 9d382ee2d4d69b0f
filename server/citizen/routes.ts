/**
 * REST for the citizen side, under /api (docs/protocol.md, "Citizen side"): appointments,
 * check-in, ratings and the settings. Thin: validate with the zod schemas of shared/citizen.ts and
 * shared/ratings.ts, check the role, call the service, send its reply.
 */
import type { Router } from 'express';
import { z } from 'zod';
import {
  AppointmentId,
  AppointmentQuery,
  BookAppointmentBody,
  CheckInBody,
  CitizenSettings,
  CitizenSettingsPatch,
  DateStr,
  PardonBody,
} from '../../shared/citizen';
import { FollowUpBody, RateBody, RatingQuery } from '../../shared/ratings';
import { QueueCode, TicketIdParam } from '../../shared/schemas';
import { actorOf } from '../http/auth';
import { sendError, sendReply } from '../http/reply';
import { hasRole } from '../service/actor';
import type { Clock } from '../service/clock';
import { FailureLimiter } from '../service/rate-limit';
import type { HallService } from '../service/hall-service';
import type { Store } from '../store';
import { createAppointmentRepo } from './appointment-repo';
import { createAppointmentService, type AppointmentEvents, type AppointmentServiceDeps } from './appointment-service';
import { createFollowUpRepo } from './follow-up-repo';
import { createPardonRepo } from './pardon-repo';
import { createRatingRepo } from './rating-repo';
import { createRatingService } from './rating-service';
import { createRetentionRepo } from './retention-repo';
import { createRetention } from './retention-service';
import { allowed, body, parse, sameKey } from './route-helpers';
import { createSettingsRepo } from './settings-repo';

/** Unknown codes an anonymous address may try per ten minutes before check-in is refused there. */
export const CHECK_IN_WRONG_CODES_MAX = 20;

const SlotQuery = z.object({ date: DateStr, queue: QueueCode });

export interface CitizenDeps {
  service: HallService;
  store: Store;
  clock: Clock;
  /** When set, booking needs this key (header X-Booking-Key: the province platform) or a staff token. */
  bookingKey?: string | undefined;
  /** Told of bookings, cancellations and check-ins (the SMS outbox). */
  events?: AppointmentEvents | undefined;
  /** 刷身份证签到: the card's checks for a check-in (absent: a check-in with a card is refused). */
  idCard?: AppointmentServiceDeps['idCard'];
}

export function registerCitizenRoutes(router: Router, deps: CitizenDeps) {
  const { service: hall, store, clock } = deps;
  const settingsRepo = createSettingsRepo(store.db);
  // Unknown check-in codes per address (anonymous callers): a typo now and then, not a search.
  const wrongCodes = new FailureLimiter(CHECK_IN_WRONG_CODES_MAX, 10 * 60_000);
  const appointments = createAppointmentService({
    db: store.db,
    hall,
    clock,
    appointments: createAppointmentRepo(store.db),
    pardons: createPardonRepo(store.db),
    settings: settingsRepo,
    events: deps.events,
    idCard: deps.idCard,
  });
  const ratings = createRatingService({
    db: store.db,
    hall,
    clock,
    ratings: createRatingRepo(store.db),
    followUps: createFollowUpRepo(store.db),
    settings: settingsRepo,
  });
  const retention = createRetention({ db: store.db, hall, clock, repo: createRetentionRepo(store.db), settings: settingsRepo });

  // ---- settings ----
  router.get('/citizen/settings', (_req, res) => {
    res.json(settingsRepo.get(hall.hallId));
  });
  router.put('/citizen/settings', (req, res) => {
    if (!allowed(res, ['manager'])) return;
    const patch = parse(CitizenSettingsPatch, req.body);
    if (!patch.ok) return sendReply(res, patch);
    const before = settingsRepo.get(hall.hallId);
    const next = parse(CitizenSettings, { ...before, ...patch.data });
    if (!next.ok) return sendReply(res, next);
    // The change and its audit entry (who, when, before → after) land together.
    store.db.transaction(() => {
      settingsRepo.put(hall.hallId, next.data);
      hall.audit(actorOf(res), 'CitizenSettingsChanged', before, next.data);
    })();
    res.json(next.data);
  });

  // 个人信息保存期限: the rule in force, what is due, what the last clean-up did; a clean-up now.
  router.get('/citizen/retention', (_req, res) => {
    if (!allowed(res, ['manager'])) return;
    res.json(retention.status());
  });
  router.post('/citizen/retention/run', (_req, res) => {
    if (!allowed(res, ['manager'])) return;
    retention.run(actorOf(res));
    res.json(retention.status());
  });

  // ---- appointments ----
  router.get('/appointments/slots', (req, res) => {
    const q = parse(SlotQuery, req.query);
    if (!q.ok) return sendReply(res, q);
    sendReply(res, appointments.slots(q.data.date, q.data.queue));
  });
  router.post('/appointments/check-in', (req, res) => {
    // Anonymous check-in (public ticketing) must not become a way to try codes until one fits.
    const actor = actorOf(res);
    const address = req.ip ?? 'unknown';
    const limited = actor.kind !== 'user';
    if (limited && wrongCodes.blocked(address, clock.now())) {
      return sendError(res, 'RATE_LIMITED', 'too many unknown check-in codes; ask at the guide desk');
    }
    const b = parse(CheckInBody, body(req));
    if (!b.ok) return sendReply(res, b);
    const r = appointments.checkIn(actor, b.data);
    if (limited && !r.ok && r.error.reason === 'unknown_code') wrongCodes.fail(address, clock.now());
    sendReply(res, r, 201);
  });
  router.post('/appointments', (req, res) => {
    if (deps.bookingKey && !hasRole(actorOf(res), ['guide', 'manager'])) {
      const key = req.get('x-booking-key');
      if (!key || !sameKey(key, deps.bookingKey)) return sendError(res, 'UNAUTHORIZED', 'booking needs the platform key (X-Booking-Key)');
    }
    const b = parse(BookAppointmentBody, body(req));
    if (!b.ok) return sendReply(res, b);
    sendReply(res, appointments.book(actorOf(res), b.data), 201);
  });
  router.get('/appointments/blocked', (_req, res) => {
    if (!allowed(res, ['manager'])) return;
    sendReply(res, appointments.blocked());
  });
  // 解除限制: one phone's 爽约 block lifted by a manager, with a reason (audited).
  router.post('/appointments/pardons', (req, res) => {
    if (!allowed(res, ['manager'])) return;
    const b = parse(PardonBody, body(req));
    if (!b.ok) return sendReply(res, b);
    sendReply(res, appointments.pardon(actorOf(res), b.data), 201);
  });
  router.get('/appointments', (req, res) => {
    if (!allowed(res, ['guide', 'manager'])) return;
    const q = parse(AppointmentQuery, req.query);
    if (!q.ok) return sendReply(res, q);
    sendReply(res, appointments.list(actorOf(res), q.data));
  });
  router.get('/appointments/:id', (req, res) => {
    const id = parse(AppointmentId, req.params.id);
    if (!id.ok) return sendError(res, 'NOT_FOUND', 'no such appointment');
    sendReply(res, appointments.get(actorOf(res), id.data));
  });
  router.post('/appointments/:id/cancel', (req, res) => {
    const id = parse(AppointmentId, req.params.id);
    if (!id.ok) return sendError(res, 'NOT_FOUND', 'no such appointment');
    sendReply(res, appointments.cancel(actorOf(res), id.data));
  });

  // ---- ratings (好差评) ----
  router.post('/tickets/:id/rating', (req, res) => {
    const id = parse(TicketIdParam, req.params.id);
    if (!id.ok) return sendError(res, 'UNKNOWN_TICKET', 'no such ticket');
    const b = parse(RateBody, body(req));
    if (!b.ok) return sendReply(res, b);
    sendReply(res, ratings.rate(id.data, b.data), 201);
  });
  router.get('/tickets/:id/rating', (req, res) => {
    const id = parse(TicketIdParam, req.params.id);
    if (!id.ok) return sendError(res, 'UNKNOWN_TICKET', 'no such ticket');
    // 204 while the ticket has no rating yet.
    sendReply(res, ratings.get(id.data));
  });
  router.get('/ratings', (req, res) => {
    if (!allowed(res, ['manager'])) return;
    const q = parse(RatingQuery, req.query);
    if (!q.ok) return sendReply(res, q);
    sendReply(res, ratings.list(q.data));
  });
  // The follow-up (整改) of a 差评: record or correct what was done; DELETE reopens it.
  router.put('/ratings/:ticketId/follow-up', (req, res) => {
    if (!allowed(res, ['manager'])) return;
    const id = parse(TicketIdParam, req.params.ticketId);
    if (!id.ok) return sendError(res, 'NOT_FOUND', 'this ticket has no rating');
    const b = parse(FollowUpBody, body(req));
    if (!b.ok) return sendReply(res, b);
    sendReply(res, ratings.followUp(actorOf(res), id.data, b.data.note));
  });
  router.delete('/ratings/:ticketId/follow-up', (req, res) => {
    if (!allowed(res, ['manager'])) return;
    const id = parse(TicketIdParam, req.params.ticketId);
    if (!id.ok) return sendError(res, 'NOT_FOUND', 'this ticket has no rating');
    sendReply(res, ratings.reopen(actorOf(res), id.data));
  });

  return { appointments, ratings, retention, settings: settingsRepo };
}
