/** The catalogue as the kiosk walks it: category → queue → matter. Pure. */
import type { Catalogue, Matter, QueueInfo } from '../../../shared/schemas';

export interface Category {
  name: string;
  queues: QueueInfo[];
}

/** Categories in the hall's queue order (a category sits where its first queue sits). */
export function categoriesOf(catalogue: Catalogue): Category[] {
  const out: Category[] = [];
  for (const q of catalogue.queues) {
    let c = out.find((x) => x.name === q.category);
    if (!c) {
      c = { name: q.category, queues: [] };
      out.push(c);
    }
    c.queues.push(q);
  }
  return out;
}

export function mattersOf(catalogue: Catalogue, queue: string): Matter[] {
  return catalogue.matters.filter((m) => m.queue === queue);
}

/**
 * The queue a set of matters goes to: their own queue when they share one; otherwise the hall's
 * one-stop queue (一件事一次办, `Y`) when it has one, else the first matter's queue.
 */
export function suggestedQueue(catalogue: Catalogue, matterIds: readonly string[]): string | null {
  const queues = [...new Set(matterIds.map((id) => catalogue.matters.find((m) => m.id === id)?.queue).filter((q): q is string => q !== undefined))];
  if (queues.length === 0) return null;
  if (queues.length === 1) return queues[0]!;
  return catalogue.queues.some((q) => q.code === 'Y') ? 'Y' : queues[0]!;
}
