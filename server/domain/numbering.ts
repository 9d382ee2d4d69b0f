/** Ticket numbers: queue letter + a zero-padded serial (A001), restarting each service day. */
import type { QueueDef } from './types';

export function numberWidth(q: Pick<QueueDef, 'numberEnd'>): number {
  return Math.max(3, String(q.numberEnd).length);
}

export function formatNumber(q: Pick<QueueDef, 'code' | 'numberEnd'>, serial: number): string {
  return q.code + String(serial).padStart(numberWidth(q), '0');
}
