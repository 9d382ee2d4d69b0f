/** The address of a ticket's phone page (/t/:id), which the ticket's QR code carries. */
export function phonePageUrl(base: string, ticketId: string): string {
  return `${base.replace(/\/+$/, '')}/t/${encodeURIComponent(ticketId)}`;
}
