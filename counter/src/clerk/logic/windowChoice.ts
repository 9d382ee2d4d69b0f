/**
 * Which windows a clerk may pick at sign-in (pure): free windows whose queues the clerk has
 * skills for (人随事定), the window they already hold, and, shown but not pickable, windows held
 * by someone else or with none of their queues.
 */
import type { Window } from '../../../../shared/schemas';

export type Choice = 'mine' | 'free' | 'held' | 'unskilled';

export interface WindowChoice {
  window: Window;
  choice: Choice;
}

export function windowChoices(windows: readonly Window[], userId: string, skills?: ReadonlySet<string>): WindowChoice[] {
  const order: Record<Choice, number> = { mine: 0, free: 1, held: 2, unskilled: 3 };
  return windows
    .map((window): WindowChoice => {
      if (window.clerk?.id === userId && window.state !== 'closed') return { window, choice: 'mine' };
      if (window.clerk && window.state !== 'closed') return { window, choice: 'held' };
      if (skills && !window.mapping.some((m) => skills.has(m.queue))) return { window, choice: 'unskilled' };
      return { window, choice: 'free' };
    })
    .sort((a, b) => order[a.choice] - order[b.choice] || a.window.no - b.window.no);
}

export const pickable = (c: WindowChoice): boolean => c.choice === 'mine' || c.choice === 'free';
