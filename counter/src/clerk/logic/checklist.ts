/**
 * The materials checklist of the current ticket (一次性告知, pure). The clerk ticks what the
 * citizen brought; what is left is the one complete list of missing materials to hand over,
 * so nobody has to come back twice for the same matter. A ticket from the guide desk brings the
 * guide's ticks (TicketDetail.checklist): the list starts from them, once, and the clerk may
 * still untick or tick anything.
 */
import type { GuideChecklist, Matter } from '../../../../shared/schemas';

/** Ticked materials per matter id, for one ticket. */
export interface Checklist {
  ticketId: string;
  ticked: Record<string, string[]>;
  /** The guide's ticks were taken in: never again for this ticket, or an untick would come back. */
  seeded?: boolean;
}

export const emptyChecklist = (ticketId: string): Checklist => ({ ticketId, ticked: {} });

export function toggleMaterial(list: Checklist, matterId: string, material: string): Checklist {
  const current = list.ticked[matterId] ?? [];
  const next = current.includes(material) ? current.filter((m) => m !== material) : [...current, material];
  return { ...list, ticked: { ...list.ticked, [matterId]: next } };
}

export const isTicked = (list: Checklist, matterId: string, material: string): boolean =>
  (list.ticked[matterId] ?? []).includes(material);

export interface MissingItem {
  matter: Matter;
  missing: string[];
}

/** Per matter, the materials not ticked yet; matters with nothing missing are left out. */
export function missingMaterials(list: Checklist, matters: readonly Matter[]): MissingItem[] {
  return matters
    .map((matter) => ({ matter, missing: matter.materials.filter((m) => !isTicked(list, matter.id, m)) }))
    .filter((x) => x.missing.length > 0);
}

export function progress(list: Checklist, matters: readonly Matter[]): { ticked: number; total: number } {
  let ticked = 0;
  let total = 0;
  for (const m of matters) {
    total += m.materials.length;
    ticked += m.materials.filter((x) => isTicked(list, m.id, x)).length;
  }
  return { ticked, total };
}

/**
 * Takes in the guide's ticks (added to any the clerk made already), once per ticket. Unchanged
 * when already seeded, for another ticket, or when the guide checked nothing.
 */
export function seedFromGuide(list: Checklist, ticketId: string, guide: GuideChecklist | undefined): Checklist {
  if (list.seeded || list.ticketId !== ticketId || !guide || guide.length === 0) return list;
  const ticked: Record<string, string[]> = { ...list.ticked };
  for (const entry of guide) {
    const mine = ticked[entry.matter] ?? [];
    ticked[entry.matter] = [...mine, ...entry.have.filter((m) => !mine.includes(m))];
  }
  return { ticketId, ticked, seeded: true };
}

/** The guide ticked this material at the desk (whatever the clerk did since). */
export const guideHas = (guide: GuideChecklist | undefined, matterId: string, material: string): boolean =>
  guide?.some((e) => e.matter === matterId && e.have.includes(material)) ?? false;

export function parseChecklist(raw: string | null, ticketId: string): Checklist {
  if (!raw) return emptyChecklist(ticketId);
  try {
    const v = JSON.parse(raw) as Partial<Checklist>;
    if (v.ticketId !== ticketId || typeof v.ticked !== 'object' || v.ticked === null) return emptyChecklist(ticketId);
    const ticked: Record<string, string[]> = {};
    for (const [k, arr] of Object.entries(v.ticked)) {
      if (Array.isArray(arr)) ticked[k] = arr.filter((x): x is string => typeof x === 'string');
    }
    return v.seeded === true ? { ticketId, ticked, seeded: true } : { ticketId, ticked };
  } catch {
    return emptyChecklist(ticketId);
  }
}

/**
 * 转办交接: what this window hands over with a transfer — per matter of the ticket it looked at
 * (ticked something, or unticked the guide's), the materials ticked now, in the catalogue's
 * names only. Matters never touched are left out, so the ticket keeps the guide's check for them.
 */
export function handoverChecklist(list: Checklist, matters: readonly Matter[]): GuideChecklist {
  return matters.flatMap((m) => {
    const ticked = list.ticked[m.id];
    return ticked ? [{ matter: m.id, have: m.materials.filter((x) => ticked.includes(x)) }] : [];
  });
}
