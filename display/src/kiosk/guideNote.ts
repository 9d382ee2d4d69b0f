/**
 * What the guide desk hands the clerk (导办 → 窗口), pure. Two parts travel with the ticket:
 * - `checklist` (IssueTicketBody.checklist): per picked matter, the materials the citizen has, by
 *   their catalogue names; the clerk panel starts its own checklist from these ticks;
 * - `note`: only the guide's own words. The materials check used to be flattened into the note;
 *   it is not repeated there any more, because every clerk panel is served by the same server
 *   and reads `checklist` (a copy in the note would show the check twice on the clerk's screen).
 * `buildGuideNote` still writes the check out as one line: the guide's preview of what the window
 * will see, in Chinese for the clerk whatever language the guide desk shows.
 */
import type { GuideChecklist, Matter } from '../../../shared/schemas';

export const NOTE_MAX = 500;

/** The key of one material of one matter in the checklist. */
export const materialKey = (matterId: string, material: string): string => `${matterId}\u0000${material}`;

export interface ChecklistInput {
  matters: readonly Matter[];
  /** Keys (materialKey) of the materials the citizen has. */
  have: ReadonlySet<string>;
  note: string;
}

export function checklistLine(m: Matter, have: ReadonlySet<string>): string {
  const present = m.materials.filter((x) => have.has(materialKey(m.id, x)));
  const missing = m.materials.filter((x) => !have.has(materialKey(m.id, x)));
  const count = `${present.length}/${m.materials.length}`;
  if (m.materials.length === 0) return `${m.name}：无清单材料`;
  return missing.length === 0 ? `${m.name}：材料齐全 ${count}` : `${m.name}：材料 ${count}，缺：${missing.join('、')}`;
}

/** "【导办】企业设立登记：材料 3/4，缺：公司章程；… 备注：…", cut to 500 characters. */
export function buildGuideNote(input: ChecklistInput): string {
  const lines = input.matters.map((m) => checklistLine(m, input.have));
  const head = lines.length > 0 ? `【导办】${lines.join('；')}` : '【导办】';
  const own = input.note.trim().replace(/\s+/g, ' ');
  const full = own ? `${head}。备注：${own}` : head;
  if ([...full].length <= NOTE_MAX) return full;
  // Too long: the checklist is the point, so the guide's own words are cut first.
  const room = NOTE_MAX - [...head].length - '。备注：'.length - 1;
  if (own && room > 10) return `${head}。备注：${[...own].slice(0, room).join('')}…`;
  return `${[...head].slice(0, NOTE_MAX - 1).join('')}…`;
}

/**
 * The structured check of the picked matters: every picked matter was looked at, so each is
 * listed, with `have: []` when nothing was there; materials in the catalogue's order.
 */
export function guideChecklist(matters: readonly Matter[], have: ReadonlySet<string>): GuideChecklist {
  return matters.map((m) => ({ matter: m.id, have: m.materials.filter((x) => have.has(materialKey(m.id, x))) }));
}

/** The guide's own words as the note: one line, at most 500 characters. */
export function guideOwnNote(note: string): string {
  const own = note.trim().replace(/\s+/g, ' ');
  return [...own].length <= NOTE_MAX ? own : `${[...own].slice(0, NOTE_MAX - 1).join('')}…`;
}
