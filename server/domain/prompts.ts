/**
 * "请叫号" prompts: which idle windows should call now. A clerk who has just finished, or whose
 * queue was empty, is not always watching the screen; the panel of the right window lights up.
 * "Right" follows the simulator (docs/dispatch.md): for each queue, as many windows as it has
 * people waiting, among the idle windows whose next press would call from it — windows where it
 * is the primary queue first, then the one idle longest (longest-idle-server-first), which evens
 * out the work of a zone's clerks. Advice only; every clerk may still press next.
 */
import type { MappingRole } from '../../shared/schemas';
import { dispatchCandidates } from './decide';
import { defaultPolicy, idleWindowOrder, type DispatchPolicy } from './dispatch';
import type { HallState } from './types';

export interface CallPrompt {
  windowNo: number;
  queue: string;
}

export function callPrompts(state: HallState, now: number, policy: DispatchPolicy = defaultPolicy): CallPrompt[] {
  const byQueue = new Map<string, { no: number; idleSince: number; role: MappingRole }[]>();
  for (const w of state.windows.values()) {
    if (!w.clerkId || w.pauseReason || w.currentTicketId || w.enabled === false) continue;
    const skills = state.clerks.get(w.clerkId)?.skills ?? [];
    const choice = policy({
      now,
      candidates: dispatchCandidates(state, w, skills),
      priorityStreak: w.priorityStreak,
      prioritySwapAfter: state.settings.prioritySwapAfter,
    });
    if (!choice) continue;
    const role = w.mapping.find((m) => m.queue === choice.queue)?.role ?? 'overflow';
    const list = byQueue.get(choice.queue) ?? [];
    list.push({ no: w.no, idleSince: w.idleSince ?? 0, role });
    byQueue.set(choice.queue, list);
  }
  const prompts: CallPrompt[] = [];
  for (const [queue, windows] of byQueue) {
    const waiting = state.waiting.get(queue)?.size ?? 0;
    for (const w of idleWindowOrder(windows).slice(0, waiting)) prompts.push({ windowNo: w.no, queue });
  }
  return prompts.sort((a, b) => a.windowNo - b.windowNo);
}
