/**
 * Ticket numbers: the queue's prefix letter + a zero-padded serial (A001), restarting each
 * service day. The prefix is the queue's code unless a manager set another (号码前缀).
 */
import type { HallState, QueueDef } from './types';

export function numberWidth(q: Pick<QueueDef, 'numberEnd'>): number {
  return Math.max(3, String(q.numberEnd).length);
}

/** The letter a queue's new numbers start with. */
export function prefixOf(q: Pick<QueueDef, 'code' | 'prefix'>): string {
  return q.prefix ?? q.code;
}

export function formatNumber(q: Pick<QueueDef, 'code' | 'prefix' | 'numberEnd'>, serial: number): string {
  return prefixOf(q) + String(serial).padStart(numberWidth(q), '0');
}

/**
 * Why `prefix` cannot be queue `code`'s prefix now, or undefined when it can. Numbers must stay
 * unique within a service day (tickets are found by number: 特呼, byNumber), so a letter is
 * taken while another queue numbers with it, or while a ticket of another queue issued today
 * carries it. A ticket counts as this queue's own only if it was issued here and never
 * transferred (the record keeps the last queue it left, not the one that issued it); its serial
 * is below the queue's next number, so reusing the letter cannot repeat it.
 */
export function prefixConflict(state: HallState, code: string, prefix: string): string | undefined {
  for (const q of state.queues.values()) {
    if (q.code !== code && prefixOf(q) === prefix) return `queue ${q.code} numbers with ${prefix} already`;
  }
  for (const t of state.tickets.values()) {
    if (t.number[0] !== prefix) continue;
    const own = t.queue === code && t.transferredFrom === undefined;
    if (!own) return `ticket ${t.number} of queue ${t.queue} issued today carries ${prefix}`;
  }
  return undefined;
}
