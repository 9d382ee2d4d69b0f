/**
 * A ticket's 短信提醒 (GET/PUT/DELETE /api/tickets/:id/sms) and what the hall texts, for the phone
 * page and the kiosk's ticket screen; without zod (display/src/shared/api.ts says why).
 */
import type { CitizenSettings, TicketSms } from '../../../shared/citizen';
import { request } from './api';

const path = (ticketId: string) => `/api/tickets/${encodeURIComponent(ticketId)}/sms`;

export const ticketSmsApi = {
  get: (ticketId: string) => request<TicketSms>('GET', path(ticketId)),
  set: (ticketId: string, phone: string) => request<TicketSms>('PUT', path(ticketId), { body: { phone } }),
  remove: (ticketId: string) => request<TicketSms>('DELETE', path(ticketId)),
  /** The hall's public citizen settings: whether it texts ticket holders, and which texts (`smsKinds`). */
  settings: () => request<CitizenSettings>('GET', '/api/citizen/settings'),
};
