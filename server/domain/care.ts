/**
 * 关怀提醒 (shared/care.ts), pure: from the day's hard moments per clerk — 现场秩序求助, 差评, hours
 * at a window without a pause — and the managers' 已关心 marks, the list a duty manager works
 * through. An item is settled while nothing new has happened since its last mark; something new
 * (another 差评, the next two hours without a break) brings it back.
 */
import { CARE_STRETCH_MINUTES, type CareItem, type CareNote, type CareSignal } from '../../shared/care';
import { iso } from './time';

const MIN = 60_000;

export interface CareMoment {
  clerkId: string;
  at: number;
}

export interface CareMarkRec {
  clerkId: string;
  byId: string;
  byName: string;
  at: number;
  note: string;
}

export interface CareInput {
  now: number;
  /** 工号 and name of a clerk (the hall's accounts; a deactivated one may still be found). */
  who: (clerkId: string) => { username: string; name: string } | undefined;
  /** Who is at which window now, and since when without a pause. */
  windows: Iterable<{ no: number; clerkId?: string | undefined; workingSince?: number | undefined; pauseReason?: string | undefined }>;
  /** The day's 求助 about 现场秩序, by the clerk who asked. */
  conduct: readonly CareMoment[];
  /** The day's 差评, by the clerk who served. */
  complaints: readonly CareMoment[];
  marks: readonly CareMarkRec[];
  stretchMinutes?: number;
}

interface Draft {
  clerkId: string;
  windowNo?: number;
  signals: (CareSignal & { lastMs: number })[];
}

function counted(kind: 'conduct' | 'complaint', moments: readonly CareMoment[], drafts: Map<string, Draft>): void {
  const byClerk = new Map<string, number[]>();
  for (const m of moments) byClerk.set(m.clerkId, [...(byClerk.get(m.clerkId) ?? []), m.at]);
  for (const [clerkId, times] of byClerk) {
    const lastMs = Math.max(...times);
    draftOf(drafts, clerkId).signals.push({ kind, count: times.length, lastAt: iso(lastMs), lastMs });
  }
}

function draftOf(drafts: Map<string, Draft>, clerkId: string): Draft {
  let d = drafts.get(clerkId);
  if (!d) {
    d = { clerkId, signals: [] };
    drafts.set(clerkId, d);
  }
  return d;
}

export function careList(input: CareInput): CareItem[] {
  const stretch = (input.stretchMinutes ?? CARE_STRETCH_MINUTES) * MIN;
  const drafts = new Map<string, Draft>();
  counted('conduct', input.conduct, drafts);
  counted('complaint', input.complaints, drafts);
  for (const w of input.windows) {
    if (!w.clerkId) continue;
    if (w.workingSince !== undefined && !w.pauseReason) {
      const worked = input.now - w.workingSince;
      if (worked >= stretch) {
        // It comes back every `stretch` without a pause: the crossing of the latest one is its time.
        const lastMs = w.workingSince + Math.floor(worked / stretch) * stretch;
        draftOf(drafts, w.clerkId).signals.push({ kind: 'stretch', count: 1, minutes: Math.floor(worked / MIN), lastAt: iso(lastMs), lastMs });
      }
    }
    const d = drafts.get(w.clerkId);
    if (d) d.windowNo = w.no;
  }

  const lastMark = new Map<string, CareMarkRec>();
  for (const m of input.marks) if ((lastMark.get(m.clerkId)?.at ?? -Infinity) <= m.at) lastMark.set(m.clerkId, m);

  const items: (CareItem & { latest: number })[] = [];
  for (const d of drafts.values()) {
    const person = input.who(d.clerkId);
    if (!person) continue;
    const latest = Math.max(...d.signals.map((s) => s.lastMs));
    const mark = lastMark.get(d.clerkId);
    const item: CareItem & { latest: number } = {
      clerk: { id: d.clerkId, username: person.username, name: person.name },
      signals: d.signals.map(({ lastMs: _ms, ...s }) => s),
      settled: mark !== undefined && mark.at >= latest,
      latest,
    };
    if (d.windowNo !== undefined) item.windowNo = d.windowNo;
    if (mark) item.cared = careNoteView(mark);
    items.push(item);
  }
  items.sort((a, b) => Number(a.settled) - Number(b.settled) || b.latest - a.latest || a.clerk.username.localeCompare(b.clerk.username));
  return items.map(({ latest: _l, ...item }) => item);
}

export function careNoteView(m: CareMarkRec): CareNote {
  return { clerkId: m.clerkId, by: { id: m.byId, name: m.byName }, at: iso(m.at), note: m.note };
}
