/**
 * The phone page's REST calls: its rating (好差评) and cancelling its ticket; the 评价器 rates
 * through it too. Replies are typed, not parsed with zod (see display/src/shared/api.ts: our own
 * server's replies, and zod would double what a phone downloads).
 */
import type { RateBody, Rating } from '../../../shared/ratings';
import type { Ticket } from '../../../shared/schemas';
import { request } from '../shared/api';

const path = (ticketId: string) => `/api/tickets/${encodeURIComponent(ticketId)}`;

export const ticketApi = {
  /** The rating, or null while there is none (204). */
  rating: (ticketId: string) => request<Rating | null>('GET', `${path(ticketId)}/rating`),
  rate: (ticketId: string, body: RateBody) => request<Rating>('POST', `${path(ticketId)}/rating`, { body }),
  cancel: (ticketId: string) => request<Ticket>('POST', `${path(ticketId)}/cancel`),
};
