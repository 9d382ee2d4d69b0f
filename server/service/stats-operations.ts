/**
 * The manager's statistics page: a service day's figures and its tickets, or a range of days' figures (月报/周报). Today's come from the
 * hall's state (the same as `stats:today`), a past day's from the stored tickets.
 */
import type { Reply } from '../../shared/errors';
import type { Role } from '../../shared/schemas';
import { DayQuery, RangeQuery, type DayStats, type DayTickets, type RangeStats } from '../../shared/stats';
import { dayStats, dayTickets, todayInput, type ClerkName, type DayInput } from '../domain';
import { assistOf, clerksOf, rangeReport, type RangeAsk } from '../stats/range-report';
import type { Store } from '../store';
import { err, ok } from './errors';
import type { HallService } from './hall-service';
import { define } from './operation';

const MANAGER: readonly Role[] = ['manager'];

/** Everyone who ever had an account in the hall, deactivated ones too: old tickets name them. */
export function everyone(service: HallService, store: Store): Map<string, ClerkName> {
  return clerksOf(store.users, service.hallId);
}

/** A day asked for: today (none, or today's date), or a past one; not one to come. */
function askedDay(service: HallService, date: string | undefined): Reply<{ day: string; today: boolean }> {
  const today = service.state().serviceDay;
  if (date === undefined || date === today) return ok({ day: today, today: true });
  if (date > today) return err('BAD_REQUEST', `date: ${date} has not come yet (today is ${today})`);
  return ok({ day: date, today: false });
}

/** The figures' input for a day: today from memory, a past day from the tickets table. */
function inputOf(service: HallService, store: Store, date: string | undefined): Reply<DayInput> {
  const asked = askedDay(service, date);
  if (!asked.ok) return asked;
  const state = service.state();
  // Today too names everyone: a clerk deactivated this afternoon still served this morning.
  if (asked.data.today) return ok({ ...todayInput(state), clerks: everyone(service, store) });
  return ok({
    serviceDay: asked.data.day,
    timezone: state.timezone,
    live: false,
    // Each ticket is judged by the target it was issued under; the queues are named as they were.
    queues: [...state.queues.values()],
    queueChanges: store.stats.queueChanges(service.hallId),
    tickets: store.stats.ticketsOf(service.hallId, asked.data.day, asked.data.day),
    clerks: everyone(service, store),
    signedIn: new Map(),
    // 延时服务: the day is read by the 作息时间 it had.
    workHours: state.settings.workHours,
    workHoursChanges: store.stats.workHoursChanges(service.hallId),
  });
}

/**
 * A range asked for, with the hall's state now (what only the main thread has): the request the
 * range worker answers, or rangeReport inline. Refused when `to` has not come yet.
 */
export function rangeAsk(service: HallService, q: RangeQuery): Reply<RangeAsk> {
  const today = todayInput(service.state());
  if (q.to > today.serviceDay) return err('BAD_REQUEST', `to: ${q.to} has not come yet (today is ${today.serviceDay})`);
  return ok({
    hallId: service.hallId,
    from: q.from,
    to: q.to,
    today: today.serviceDay,
    timezone: today.timezone,
    queues: today.queues,
    // Copied only when read: a past range does not need them.
    liveTickets: q.to === today.serviceDay ? [...today.tickets] : [],
    signedIn: today.signedIn,
    workHours: today.workHours,
    now: service.now(),
  });
}

/** A range's figures computed here, on the caller's thread (the worker's fallback, and :memory: stores). */
export function rangeOf(service: HallService, store: Store, q: RangeQuery): Reply<RangeStats> {
  const ask = rangeAsk(service, q);
  return ask.ok ? ok(rangeReport(store, ask.data)) : ask;
}

export const statsOperations = {
  'stats:day': define({
    roles: MANAGER,
    schema: DayQuery,
    run({ service, store }, _actor, q): Reply<DayStats> {
      const input = inputOf(service, store, q.date);
      if (!input.ok) return input;
      const day = input.data.serviceDay;
      return ok({ ...dayStats(input.data, service.now()), assist: assistOf(store, service.hallId, day, day, input.data.clerks) });
    },
  }),

  'stats:range': define({
    roles: MANAGER,
    schema: RangeQuery,
    // Off the main thread when the app has a range worker: a quarter is a second of reading and counting.
    run({ service, store, ranges }, _actor, q): Reply<RangeStats> | Promise<Reply<RangeStats>> {
      const ask = rangeAsk(service, q);
      if (!ask.ok) return ask;
      return ranges ? ranges.report(ask.data).then(ok) : ok(rangeReport(store, ask.data));
    },
  }),

  'stats:tickets': define({
    roles: MANAGER,
    schema: DayQuery,
    run({ service, store }, _actor, q): Reply<DayTickets> {
      const asked = askedDay(service, q.date);
      if (!asked.ok) return asked;
      const { day, today } = asked.data;
      const state = service.state();
      const tickets = today ? state.tickets.values() : store.stats.reportOf(service.hallId, day);
      return ok({ serviceDay: day, timezone: state.timezone, tickets: dayTickets(tickets, everyone(service, store), state.timezone) });
    },
  }),
};
