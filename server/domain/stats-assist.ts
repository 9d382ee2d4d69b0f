/**
 * 求助 in the 统计 page's figures: a period's calls for help counted by kind, window and clerk,
 * and how quickly a manager answered (the same median as the console's, assist.ts). Pure.
 */
import { ASSIST_KINDS } from '../../shared/assist';
import type { AssistStats } from '../../shared/stats';
import { isActive, longestAnswerSeconds, medianAnswerSeconds, type AssistRec } from './assist';
import type { ClerkName } from './stats';

/** Requests grouped by a key, each group in the order met. */
function groupBy<K>(recs: readonly AssistRec[], key: (r: AssistRec) => K): Map<K, AssistRec[]> {
  const out = new Map<K, AssistRec[]>();
  for (const r of recs) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}

/** A period's 求助 figures. A clerk unknown to `clerks` is named by their id (an account gone since). */
export function assistStats(recs: readonly AssistRec[], clerks: ReadonlyMap<string, ClerkName>): AssistStats {
  const kinds = groupBy(recs, (r) => r.kind);
  const windows = groupBy(recs, (r) => r.windowNo);
  const byClerk = [...groupBy(recs, (r) => r.clerkId)].map(([id, list]) => {
    const c = clerks.get(id);
    return { id, username: c?.username ?? id, name: c?.name ?? id, count: list.length };
  });
  return {
    total: recs.length,
    answered: recs.filter((r) => r.acknowledgedAt !== undefined).length,
    resolved: recs.filter((r) => r.status === 'resolved').length,
    withdrawn: recs.filter((r) => r.status === 'cancelled').length,
    open: recs.filter(isActive).length,
    unanswered: recs.filter((r) => r.status === 'open').length,
    medianAnswerSeconds: medianAnswerSeconds(recs),
    longestAnswerSeconds: longestAnswerSeconds(recs),
    byKind: ASSIST_KINDS.map((kind) => ({ kind, count: kinds.get(kind)?.length ?? 0 })),
    byWindow: [...windows]
      .sort(([a], [b]) => a - b)
      .map(([windowNo, list]) => ({ windowNo, count: list.length, medianAnswerSeconds: medianAnswerSeconds(list) })),
    byClerk: byClerk.sort((a, b) => b.count - a.count || a.username.localeCompare(b.username)),
  };
}
