/**
 * The policies compared by the simulator. `default` is the server's own policy, imported from
 * server/domain unchanged; the others are baselines built here for comparison only.
 */
import { DEFAULT_DISPATCH_TUNING, defaultPolicy, makeDispatchPolicy, type DispatchTuning, type DispatchCandidate, type DispatchPolicy, type QueueHead } from '../../server/domain';
import type { IdleOrder, Variant } from './engine';

function oldest(c: DispatchCandidate): QueueHead | undefined {
  const p = c.priorityHead;
  const n = c.normalHead;
  if (!p) return n;
  if (!n) return p;
  return p.arrivedAt < n.arrivedAt || (p.arrivedAt === n.arrivedAt && p.order < n.order) ? p : n;
}

/** Each window serves only its primary queues (no overflow), with the server's rules inside them. */
export const dedicatedPolicy: DispatchPolicy = (input) =>
  defaultPolicy({ ...input, candidates: input.candidates.filter((c) => c.role === 'primary') });

/** The oldest ticket across the whole mapping, ignoring roles and priority. */
export const pooledFifoPolicy: DispatchPolicy = (input) => {
  let best: { c: DispatchCandidate; h: QueueHead } | undefined;
  for (const c of input.candidates) {
    const h = oldest(c);
    if (!h) continue;
    if (!best || h.arrivedAt < best.h.arrivedAt || (h.arrivedAt === best.h.arrivedAt && h.order < best.h.order)) best = { c, h };
  }
  if (!best) return null;
  return { ticketId: best.h.id, queue: best.c.queue, priority: best.h.id === best.c.priorityHead?.id, reason: best.c.role === 'primary' ? 'primary' : 'overflow' };
};

const VARIANTS: Record<string, Omit<Variant, 'name'>> = {
  dedicated: { policy: dedicatedPolicy, idleOrder: 'random', mapping: 'scenario' },
  'pooled-fifo': { policy: pooledFifoPolicy, idleOrder: 'random', mapping: 'scenario' },
  default: { policy: defaultPolicy, idleOrder: 'random', mapping: 'scenario' },
  /** The server's policy with its idle-window order (an auto-call / prompt the panel would need). */
  'default+idle-order': { policy: defaultPolicy, idleOrder: 'server', mapping: 'scenario' },
  /** The policy as the design first stated it: SLA pull only once the target has passed. */
  'design-v0': { policy: makeDispatchPolicy({ ...DEFAULT_DISPATCH_TUNING, slaPullFraction: 1 }), idleOrder: 'random', mapping: 'scenario' },
  /** The server's policy on the hall layout's own mapping (before the proposed chain). */
  'default@layout': { policy: defaultPolicy, idleOrder: 'random', mapping: 'layout' },
};

/**
 * `tuned:key=value,…` builds the server's policy with other tuning, for exploring:
 * keys are DispatchTuning fields, plus `idle` (an IdleOrder) and `mapping` (scenario|layout).
 */
function tunedVariant(name: string): Variant {
  const tuning: Record<string, number | string> = { ...DEFAULT_DISPATCH_TUNING };
  let idleOrder: IdleOrder = 'random';
  let mapping: Variant['mapping'] = 'scenario';
  for (const kv of name.slice('tuned:'.length).split(',').filter(Boolean)) {
    const [k, v] = kv.split('=') as [string, string];
    if (k === 'idle') idleOrder = v as IdleOrder;
    else if (k === 'mapping') mapping = v === 'layout' ? 'layout' : 'scenario';
    else if (k in tuning) tuning[k] = typeof tuning[k] === 'number' ? Number(v) : v;
    else throw new Error(`unknown tuning ${k}`);
  }
  return { name, policy: makeDispatchPolicy(tuning as unknown as DispatchTuning), idleOrder, mapping };
}

export function variantNamed(name: string): Variant {
  if (name.startsWith('tuned:')) return tunedVariant(name);
  const v = VARIANTS[name];
  if (!v) throw new Error(`unknown policy ${name}; known: ${Object.keys(VARIANTS).join(', ')}`);
  return { name, ...v };
}

export const variantNames = (): string[] => Object.keys(VARIANTS);
