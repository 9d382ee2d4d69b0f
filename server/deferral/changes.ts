/**
 * `deferral:changed` as it is pushed: which record, what happened, and the 台账's counts after it
 * (the board shows them as they come). Built after the change committed.
 */
import type { DeferralChanged } from '../../shared/deferral';
import type { Db } from '../store';
import { deferralRepoOf } from './deferral-repo';

export function deferralChange(db: Db, hallId: string, id: string, what: DeferralChanged['what'], today: string): DeferralChanged {
  return { id, what, today, counts: deferralRepoOf(db).counts(hallId, today) };
}
