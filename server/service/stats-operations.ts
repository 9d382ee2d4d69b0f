/**
 * The manager's statistics page: a service day's figures and its tickets. Today's come from the
 * hall's state (the same as `stats:today`), a past day's from the stored tickets.
 */
import type { Reply } from '../../shared/errors';
import type { Role } from '../../shared/schemas';
import { DayQuery, type DayStats, type DayTickets } from '../../shared/stats';
import { dayStats, dayTickets, todayInput, type ClerkName, type DayInput } from '../domain';
import type { Store } from '../store';
import { err, ok } from './errors';
import type { HallService } from './hall-service';
import { define } from './operation';

const MANAGER: readonly Role[] = ['manager'];

/** Everyone who ever had an account in the hall, deactivated ones too: old tickets name them. */
export function everyone(service: HallService, store: Store): Map<string, ClerkName> {
  return new Map(store.users.list(service.hallId).map((u) => [u.id, { id: u.id, username: u.username, name: u.name }]));
}

/** The figures' input for a day: today from memory, a past day from the tickets table. */
function inputOf(service: HallService, store: Store, date: string | undefined): Reply<DayInput> {
  const state = service.state();
  // Today too names everyone: a clerk deactivated this afternoon still served this morning.
  if (date === undefined || date === state.serviceDay) return ok({ ...todayInput(state), clerks: everyone(service, store) });
  if (date > state.serviceDay) return err('BAD_REQUEST', `date: ${date} has not come yet (today is ${state.serviceDay})`);
  return ok({
    serviceDay: date,
    timezone: state.timezone,
    live: false,
    // Today's queues and targets judge a past day too: targets are not kept per day.
    queues: [...state.queues.values()],
    tickets: store.ticketHistory.ofDay(service.hallId, date),
    clerks: everyone(service, store),
    signedIn: new Map(),
  });
}

export const statsOperations = {
  'stats:day': define({
    roles: MANAGER,
    schema: DayQuery,
    run({ service, store }, _actor, q): Reply<DayStats> {
      const input = inputOf(service, store, q.date);
      return input.ok ? ok(dayStats(input.data, service.now())) : input;
    },
  }),

  'stats:tickets': define({
    roles: MANAGER,
    schema: DayQuery,
    run({ service, store }, _actor, q): Reply<DayTickets> {
      const input = inputOf(service, store, q.date);
      if (!input.ok) return input;
      const { serviceDay, timezone, tickets } = input.data;
      return ok({ serviceDay, timezone, tickets: dayTickets(tickets, everyone(service, store), timezone) });
    },
  }),
};
