/** 解除限制 (pure): the reason a manager gives for lifting a phone's 爽约 block, checked as the server checks it. */
import { PARDON_REASON_MAX } from '../../../../shared/citizen';
import type { FieldError } from './validate';

export { PARDON_REASON_MAX };

/** Required, at most PARDON_REASON_MAX characters once trimmed (PardonBody in shared/citizen.ts). */
export function validatePardonReason(reason: string): FieldError | undefined {
  const v = reason.trim();
  if (!v) return { key: 'form.required' };
  return v.length > PARDON_REASON_MAX ? { key: 'form.tooLong', params: { n: PARDON_REASON_MAX } } : undefined;
}
