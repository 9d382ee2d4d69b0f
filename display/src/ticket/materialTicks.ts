/**
 * 等候时核对材料: the materials the citizen ticked as "brought" on the phone page, per ticket, kept
 * in the phone's own storage (nothing is sent: it is their own checklist). Pure but for the
 * storage handed in; only today's tickets are kept, a few at most.
 */
export type Ticks = Record<string, string[]>;

const KEY = 'hall.citizen.materials';
const MAX_TICKETS = 5;

interface Stored {
  ticketId: string;
  ticks: Ticks;
}

function readAll(storage: Pick<Storage, 'getItem'>): Stored[] {
  try {
    const raw: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.filter((x): x is Stored => typeof x === 'object' && x !== null && typeof (x as Stored).ticketId === 'string' && typeof (x as Stored).ticks === 'object');
  } catch {
    return [];
  }
}

export function loadTicks(storage: Pick<Storage, 'getItem'>, ticketId: string): Ticks {
  const found = readAll(storage).find((s) => s.ticketId === ticketId);
  if (!found || found.ticks === null) return {};
  const ticks: Ticks = {};
  for (const [matter, list] of Object.entries(found.ticks)) if (Array.isArray(list)) ticks[matter] = list.filter((m): m is string => typeof m === 'string');
  return ticks;
}

export function saveTicks(storage: Pick<Storage, 'getItem' | 'setItem'>, ticketId: string, ticks: Ticks): void {
  try {
    const others = readAll(storage).filter((s) => s.ticketId !== ticketId);
    storage.setItem(KEY, JSON.stringify([{ ticketId, ticks }, ...others].slice(0, MAX_TICKETS)));
  } catch {
    // Private mode or a full storage: the ticks last this visit only.
  }
}

export function toggleTick(ticks: Ticks, matter: string, material: string): Ticks {
  const list = ticks[matter] ?? [];
  return { ...ticks, [matter]: list.includes(material) ? list.filter((m) => m !== material) : [...list, material] };
}

/** How many materials of these matters are not ticked yet (those the catalogue lists now). */
export function stillMissing(ticks: Ticks, matters: readonly { id: string; materials: readonly string[] }[]): number {
  return matters.reduce((n, m) => n + m.materials.filter((x) => !(ticks[m.id] ?? []).includes(x)).length, 0);
}
