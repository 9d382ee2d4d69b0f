/**
 * The kiosk shows and prints a ticket only when a real one came back (display/src/kiosk/ticketReply.ts,
 * checked by hand now that the kiosk app carries no zod). A table of replies: ours, then the odd
 * ones a kiosk must refuse rather than print. Real server replies pass in test/citizen/kioskRetry.test.ts
 * and the kiosk's browser tests.
 */
import { describe, expect, it } from 'vitest';
import { acceptCheckIn, acceptTicket, isShownTicket } from '../../display/src/kiosk/ticketReply';
import { TicketDetail } from '../../shared/schemas';

const ticket = {
  id: 'L6W__N5mx11zB78hUs07ow',
  number: 'A023',
  queue: 'A',
  status: 'waiting',
  priority: 'normal',
  channel: 'kiosk',
  issuedAt: '2026-11-29T01:20:00.000Z',
  arrivedAt: '2026-11-29T01:20:00.000Z',
  recalls: 0,
  matters: ['A-01'],
  ahead: 4,
  etaSeconds: 420,
  etaRangeSeconds: [180, 600],
  realName: { masked: '110***********1234', age: 67, senior: true },
};
const without = (key: string): Record<string, unknown> => Object.fromEntries(Object.entries(ticket).filter(([k]) => k !== key));

describe('a reply the kiosk shows as a ticket', () => {
  it('our server\'s ticket passes, as the server\'s own schema says it is one', () => {
    expect(TicketDetail.safeParse(ticket).success).toBe(true);
    expect(acceptTicket(ticket)).toEqual({ data: ticket });
    expect(isShownTicket(without('etaRangeSeconds'))).toBe(true);
    expect(isShownTicket(without('realName'))).toBe(true);
    expect(isShownTicket({ ...ticket, matters: [], ahead: 0, etaSeconds: 0 })).toBe(true);
  });

  it.each<[string, unknown]>([
    ['nothing', null],
    ['an empty body made {}', {}],
    ['a list', [ticket]],
    ['an error-like body', { error: { code: 'INTERNAL' } }],
    ['a captive portal\'s JSON', { status: 'ok', redirect: 'http://login.example/' }],
    ['no id', without('id')],
    ['an empty number', { ...ticket, number: '' }],
    ['a number as a number', { ...ticket, number: 23 }],
    ['no queue', without('queue')],
    ['no status', without('status')],
    ['no priority', without('priority')],
    ['an unreadable issue time (the receipt would throw)', { ...ticket, issuedAt: 'yesterday-ish' }],
    ['people ahead negative', { ...ticket, ahead: -1 }],
    ['people ahead fractional', { ...ticket, ahead: 1.5 }],
    ['people ahead as text', { ...ticket, ahead: '4' }],
    ['no wait', without('etaSeconds')],
    ['a wait of NaN-ish text', { ...ticket, etaSeconds: 'soon' }],
    ['matters not a list', { ...ticket, matters: 'A-01' }],
    ['a matter not text', { ...ticket, matters: [1] }],
    ['a range of one end', { ...ticket, etaRangeSeconds: [180] }],
    ['a range of text', { ...ticket, etaRangeSeconds: ['3', '8'] }],
    ['a card line without its mask', { ...ticket, realName: { age: 67, senior: true } }],
    ['a card line with senior as text', { ...ticket, realName: { masked: '110***1234', age: 67, senior: 'yes' } }],
  ])('refused: %s', (_what, reply) => {
    expect(isShownTicket(reply)).toBe(false);
    expect(acceptTicket(reply)).toBeNull();
  });
});

describe('a check-in\'s reply', () => {
  const appointment = { id: 'ap1', code: '482913', queue: 'A', status: 'checked_in' };

  it('the appointment and a ticket pass; the ticket is the one shown', () => {
    expect(acceptCheckIn({ appointment, ticket })?.data.ticket).toEqual(ticket);
  });

  it.each<[string, unknown]>([
    ['nothing', null],
    ['a bare ticket', ticket],
    ['no appointment', { ticket }],
    ['an appointment without its code', { appointment: { id: 'ap1' }, ticket }],
    ['no ticket', { appointment }],
    ['a ticket that is not one', { appointment, ticket: without('number') }],
  ])('refused: %s', (_what, reply) => {
    expect(acceptCheckIn(reply)).toBeNull();
  });
});
