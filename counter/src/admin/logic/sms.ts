/**
 * 短信记录 (pure): how a message's state reads on the console — sent (and, by its 短信回执,
 * delivered or not), waiting, not configured, waiting to be retried, failed (may be sent again),
 * expired, cancelled — and whether 重发 is offered.
 */
import { SMS_CANCELLED, SMS_EXPIRED, type SmsMessage } from '../../../../shared/notify';

export type SmsState = 'sent' | 'delivered' | 'undelivered' | 'pending' | 'unconfigured' | 'retrying' | 'failed' | 'expired' | 'cancelled';

export function smsState(m: SmsMessage, configured: boolean): SmsState {
  if (m.status === 'sent') return m.delivery ?? 'sent';
  if (m.status === 'pending') {
    if (!configured) return 'unconfigured';
    return m.attempts > 0 ? 'retrying' : 'pending';
  }
  if (m.lastError === SMS_EXPIRED) return 'expired';
  if (m.lastError === SMS_CANCELLED) return 'cancelled';
  return 'failed';
}

/** The chip's colour per state. */
export const SMS_TONE: Record<SmsState, 'ok' | 'warn' | 'bad' | 'muted'> = {
  sent: 'ok',
  delivered: 'ok',
  undelivered: 'bad',
  pending: 'muted',
  unconfigured: 'warn',
  retrying: 'warn',
  failed: 'bad',
  expired: 'muted',
  cancelled: 'muted',
};

/** 重发: a failed or undelivered message whose moment has not passed (the server checks the same). */
export const canRetry = (m: SmsMessage, now: number): boolean => {
  const s = smsState(m, true);
  return (s === 'failed' || s === 'undelivered') && Date.parse(m.expiresAt) > now;
};
