/**
 * Ratings made the real way for the 好差评 page's browser test and screenshots: a clerk signs
 * in at a window, calls and completes tickets, and each citizen rates through the public API.
 */
import type { Ticket } from '../../../shared/schemas';
import { apiCall, issue, mapWindows, token } from './support';

export interface RatingPlan {
  window: number;
  clerk: string;
  queue: string;
  /** One entry per ticket served there: its rating, or null for a ticket left unrated. */
  ratings: ({ score: number; reasons?: string[]; comment?: string } | null)[];
}

/** Serves and rates as planned, window by window; returns the tickets with their ratings, in order. */
export async function seedRatings(base: string, managerToken: string, plans: RatingPlan[], advance: (ms: number) => void): Promise<Ticket[]> {
  await mapWindows(base, managerToken, Object.fromEntries(plans.map((p) => [p.window, p.queue])));
  const done: Ticket[] = [];
  for (const p of plans) {
    const clerk = await token(base, p.clerk, '1234');
    const signIn = await apiCall(base, 'POST', `/api/windows/${p.window}/session`, undefined, clerk);
    if (signIn.status !== 200) throw new Error(`sign-in ${p.clerk} at ${p.window}: ${signIn.status}`);
    for (const r of p.ratings) {
      const t = await issue(base, p.queue);
      const called = await apiCall<Ticket>(base, 'POST', `/api/windows/${p.window}/next`, {}, clerk);
      if (called.body?.id !== t.id) throw new Error(`window ${p.window} called ${called.body?.number}, not ${t.number}`);
      advance(4 * 60_000);
      const finished = await apiCall<Ticket>(base, 'POST', `/api/windows/${p.window}/complete`, {}, clerk);
      if (finished.status !== 200) throw new Error(`complete at ${p.window}: ${finished.status}`);
      if (r) {
        const rated = await apiCall(base, 'POST', `/api/tickets/${t.id}/rating`, r);
        if (rated.status !== 201) throw new Error(`rating ${t.number}: ${rated.status} ${JSON.stringify(rated.body)}`);
      }
      done.push(finished.body);
    }
  }
  return done;
}
