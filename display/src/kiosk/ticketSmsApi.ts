/** A ticket's 短信提醒 (GET/PUT/DELETE /api/tickets/:id/sms), for the kiosk's ticket screen and the phone page. */
import { TicketSms } from '../../../shared/citizen';
import { request } from './kioskApi';

const path = (ticketId: string) => `/api/tickets/${encodeURIComponent(ticketId)}/sms`;

export const ticketSmsApi = {
  get: (ticketId: string) => request('GET', path(ticketId), TicketSms),
  set: (ticketId: string, phone: string) => request('PUT', path(ticketId), TicketSms, { body: { phone } }),
  remove: (ticketId: string) => request('DELETE', path(ticketId), TicketSms),
};
