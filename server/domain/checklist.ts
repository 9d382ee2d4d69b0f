/**
 * The guide desk's materials check (导办核验) as a ticket carries it. Pure: it checks a checklist
 * against the ticket's matters and the hall's catalogue, and puts it in one canonical form
 * (matters in the ticket's order, materials in the catalogue's order, no repeats), so the clerk
 * panel, the audit log and the database all hold the same thing.
 */
import type { GuideChecklistEntry, Matter } from '../../shared/schemas';

export type ChecklistCheck = { ok: true; value: GuideChecklistEntry[] } | { ok: false; message: string };

export function normalizeChecklist(
  catalogue: ReadonlyMap<string, Matter>,
  ticketMatters: readonly string[],
  checklist: readonly GuideChecklistEntry[],
): ChecklistCheck {
  const byMatter = new Map<string, Set<string>>();
  for (const entry of checklist) {
    if (byMatter.has(entry.matter)) return { ok: false, message: `matter ${entry.matter} appears twice in the checklist` };
    // Only the ticket's own matters: the clerk panel shows the checklist of those, nothing else.
    if (!ticketMatters.includes(entry.matter)) return { ok: false, message: `matter ${entry.matter} of the checklist is not a matter of the ticket` };
    const matter = catalogue.get(entry.matter);
    if (!matter) return { ok: false, message: `unknown matter ${entry.matter}` };
    const unknown = entry.have.find((m) => !matter.materials.includes(m));
    if (unknown !== undefined) return { ok: false, message: `${unknown} is not a material of matter ${entry.matter}` };
    byMatter.set(entry.matter, new Set(entry.have));
  }
  const value: GuideChecklistEntry[] = [];
  for (const id of ticketMatters) {
    const have = byMatter.get(id);
    if (!have) continue;
    value.push({ matter: id, have: catalogue.get(id)!.materials.filter((m) => have.has(m)) });
  }
  return { ok: true, value };
}
