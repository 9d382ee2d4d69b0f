/**
 * Editing one window's queue mapping (pure). Each operation returns the whole new mapping,
 * which the console sends as `window:mapping`; the server applies it at the window's next call.
 * A queue appears at most once per window.
 */
import type { MappingEntry, MappingRole } from '../../../../shared/schemas';

/** Add a queue (or change its role if present). Primary queues go after the last primary. */
export function addQueue(mapping: readonly MappingEntry[], queue: string, role: MappingRole, at?: number): MappingEntry[] {
  const rest = mapping.filter((m) => m.queue !== queue);
  const entry: MappingEntry = { queue, role };
  let index = at ?? (role === 'primary' ? lastIndexOfRole(rest, 'primary') + 1 : rest.length);
  index = Math.max(0, Math.min(index, rest.length));
  return [...rest.slice(0, index), entry, ...rest.slice(index)];
}

function lastIndexOfRole(mapping: readonly MappingEntry[], role: MappingRole): number {
  for (let i = mapping.length - 1; i >= 0; i--) if (mapping[i]?.role === role) return i;
  return -1;
}

export const removeQueue = (mapping: readonly MappingEntry[], queue: string): MappingEntry[] =>
  mapping.filter((m) => m.queue !== queue);

/** Move the entry at `from` to position `to` (both clamped). */
export function moveQueue(mapping: readonly MappingEntry[], from: number, to: number): MappingEntry[] {
  if (from < 0 || from >= mapping.length) return [...mapping];
  const next = [...mapping];
  const [item] = next.splice(from, 1);
  if (!item) return [...mapping];
  const target = Math.max(0, Math.min(to, next.length));
  next.splice(target, 0, item);
  return next;
}

export const setRole = (mapping: readonly MappingEntry[], queue: string, role: MappingRole): MappingEntry[] =>
  mapping.map((m) => (m.queue === queue ? { ...m, role } : m));

export const sameMapping = (a: readonly MappingEntry[], b: readonly MappingEntry[]): boolean =>
  a.length === b.length && a.every((m, i) => m.queue === b[i]?.queue && m.role === b[i]?.role);
