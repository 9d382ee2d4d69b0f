/** The phone page's REST calls: its rating (好差评) and cancelling its ticket. */
import { Rating, type RateBody } from '../../../shared/ratings';
import { Ticket } from '../../../shared/schemas';
import { request } from '../kiosk/kioskApi';

const path = (ticketId: string) => `/api/tickets/${encodeURIComponent(ticketId)}`;

export const ticketApi = {
  /** The rating, or null while there is none (204). */
  rating: (ticketId: string) => request('GET', `${path(ticketId)}/rating`, Rating.nullable()),
  rate: (ticketId: string, body: RateBody) => request('POST', `${path(ticketId)}/rating`, Rating, { body }),
  cancel: (ticketId: string) => request('POST', `${path(ticketId)}/cancel`, Ticket),
};
