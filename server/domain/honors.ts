/**
 * 光荣榜 (the seed's 评选"岗位标兵""服务先锋": recognition as a way to lift window staff): the
 * staff a manager put on the hall's honour roll, with their titles, as the public screens show
 * them. Pure: the hall state in, the view or a refusal out.
 */
import { staffPhotoUrl, type HonorView } from '../../shared/schemas';
import type { HallSettings, HallState } from './types';

/** The roll as screens show it: each honoured account still active in the hall, in the manager's order. */
export function honorsView(state: Pick<HallState, 'clerks'>, honors: HallSettings['honors']): HonorView[] {
  const out: HonorView[] = [];
  for (const h of honors ?? []) {
    const clerk = state.clerks.get(h.clerkId);
    if (!clerk) continue; // deactivated or removed since: off the public roll, kept in the settings
    const v: HonorView = { clerkId: clerk.id, name: clerk.name, title: h.title };
    if (clerk.photoVersion !== undefined) v.photoUrl = staffPhotoUrl(clerk.id, clerk.photoVersion);
    out.push(v);
  }
  return out;
}

/** Why a new roll is refused: an account the hall does not have, or one person twice. */
export function honorsProblem(state: Pick<HallState, 'clerks'>, honors: NonNullable<HallSettings['honors']>): string | undefined {
  const seen = new Set<string>();
  for (const h of honors) {
    if (!state.clerks.has(h.clerkId)) return `honors: no active account ${h.clerkId}`;
    if (seen.has(h.clerkId)) return `honors: ${h.clerkId} is listed twice`;
    seen.add(h.clerkId);
  }
  return undefined;
}

/** What a save did to the roll (历届光荣榜): who entered it and who left it, each with the title. */
export interface HonorsDiff {
  entered: { clerkId: string; title: string }[];
  left: { clerkId: string; title: string }[];
}

/**
 * The change from one roll to the next. A person and a title are one stint: a new title for the
 * same person ends the old stint and begins a new one; a new order, or the same roll saved again,
 * changes nothing. Entered in the new roll's order, left in the old one's.
 */
export function honorsDiff(before: HallSettings['honors'], after: HallSettings['honors']): HonorsDiff {
  const key = (h: { clerkId: string; title: string }): string => `${h.clerkId}\u0000${h.title}`;
  const was = new Set((before ?? []).map(key));
  const is = new Set((after ?? []).map(key));
  return {
    entered: (after ?? []).filter((h) => !was.has(key(h))).map(({ clerkId, title }) => ({ clerkId, title })),
    left: (before ?? []).filter((h) => !is.has(key(h))).map(({ clerkId, title }) => ({ clerkId, title })),
  };
}
