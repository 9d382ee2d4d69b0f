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

/**
 * 转办交接: the part of a window's checklist the hall can still read — matters of the ticket that
 * the catalogue has, materials it lists for them, the first entry of a matter repeated. Lenient
 * where issuing is strict: the panel's catalogue may be a minute older than a manager's edit, and
 * a citizen must never be kept from the next window over a material renamed meanwhile.
 */
export function knownChecklist(
  catalogue: ReadonlyMap<string, Matter>,
  ticketMatters: readonly string[],
  checklist: readonly GuideChecklistEntry[],
): GuideChecklistEntry[] {
  const seen = new Set<string>();
  const kept: GuideChecklistEntry[] = [];
  for (const e of checklist) {
    const matter = catalogue.get(e.matter);
    if (!matter || !ticketMatters.includes(e.matter) || seen.has(e.matter)) continue;
    seen.add(e.matter);
    kept.push({ matter: e.matter, have: matter.materials.filter((m) => e.have.includes(m)) });
  }
  // In the ticket's order of matters, like every checklist the hall keeps.
  return ticketMatters.flatMap((id) => kept.filter((e) => e.matter === id));
}

/**
 * 转办交接: the checklist a ticket carries on after a window handed over its own. The window's
 * entries replace the ticket's for those matters (the clerk saw the papers last, and may have
 * unticked what the guide ticked); matters the window did not touch keep what they had. Both
 * canonical, so the result is too (in the ticket's order of matters).
 */
export function handOverChecklist(
  ticketMatters: readonly string[],
  carried: readonly GuideChecklistEntry[] | undefined,
  handed: readonly GuideChecklistEntry[],
): GuideChecklistEntry[] {
  const byMatter = new Map<string, readonly string[]>();
  for (const e of carried ?? []) byMatter.set(e.matter, e.have);
  for (const e of handed) byMatter.set(e.matter, e.have);
  return ticketMatters.flatMap((id) => {
    const have = byMatter.get(id);
    return have ? [{ matter: id, have: [...have] }] : [];
  });
}
