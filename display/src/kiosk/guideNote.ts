/**
 * The guide's note for the clerk (导办 → 窗口): which materials the citizen has for each matter,
 * what is missing, and the guide's own words. It travels as the ticket's `note` (TicketDetail.note,
 * at most 500 characters), in Chinese for the clerk whatever language the guide desk shows. Pure.
 */
import type { Matter } from '../../../shared/schemas';

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
