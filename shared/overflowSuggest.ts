/**
 * 调度建议 (pure): which staffed window could take a crowded queue as overflow, so a manager
 * re-points it with one press instead of reading the board window by window. Overflow is
 * work-conserving (docs/dispatch.md): the window still calls its own queues first and takes the
 * crowded one when its own are empty or the crowded one's head passes its target. So a window is
 * only offered when its own queues are calm, and each window is offered once. One copy for the
 * console's board (its 采纳 button) and the server's 排队预警 text (server/notify/queue-alerts.ts).
 */
import type { Level, QueueBoardRow } from './queueBoard';
import type { MappingEntry, Window, WindowKind } from './schemas';

export interface Suggestion {
  /** The crowded queue. */
  queue: QueueBoardRow;
  /** The window that could take it. */
  window: Window;
  /** Its mapping with the queue added as overflow (what 采纳 sends). */
  mapping: MappingEntry[];
  /** People waiting per window in the window's own (primary) queues; 0 when they are empty. */
  ownLoad: number;
}

/** At most this many at once: a list longer than a glance is a list nobody reads in a rush. */
export const MAX_SUGGESTIONS = 3;

const SEVERITY: Record<Level, number> = { over: 2, near: 1, ok: 0 };
/** Comprehensive windows exist to absorb overflow; a specialised one is asked last. */
const KIND_ORDER: Record<WindowKind, number> = { comprehensive: 0, dedicated: 1, special: 2 };
const staffed = (w: Window): boolean => w.state === 'open' || w.state === 'calling' || w.state === 'serving';

export interface SuggestInput {
  rows: readonly QueueBoardRow[];
  windows: readonly Window[];
  /** A clerk's skills by clerk id; a clerk not listed (not loaded yet) is never suggested. */
  skills: ReadonlyMap<string, readonly string[]>;
  /** `<window>:<queue>` pairs the manager waved away (忽略) for now. */
  dismissed?: ReadonlySet<string>;
}

export const suggestionKey = (windowNo: number, queue: string): string => `${windowNo}:${queue}`;

/** Crowded: someone waits and the longest wait is at 80 % of the target or past it. */
const crowded = (r: QueueBoardRow): boolean => r.queue.waiting > 0 && r.level !== 'ok';
/** A queue the board does not list (gone from the hall) counts as calm. */
const isCrowded = (r: QueueBoardRow | undefined): boolean => r !== undefined && crowded(r);

export function suggestOverflow(input: SuggestInput): Suggestion[] {
  const byCode = new Map(input.rows.map((r) => [r.queue.code, r]));
  const pressed = input.rows
    .filter(crowded)
    .sort((a, b) => SEVERITY[b.level] - SEVERITY[a.level] || ratio(b) - ratio(a) || a.queue.code.localeCompare(b.queue.code));
  const used = new Set<number>();
  const out: Suggestion[] = [];
  for (const row of pressed) {
    if (out.length >= MAX_SUGGESTIONS) break;
    const candidates = input.windows
      .filter((w) => staffed(w) && !used.has(w.no) && !w.mapping.some((m) => m.queue === row.queue.code))
      .filter((w) => w.clerk !== undefined && (input.skills.get(w.clerk.id) ?? []).includes(row.queue.code))
      .filter((w) => !input.dismissed?.has(suggestionKey(w.no, row.queue.code)))
      // Never rob one crowded queue to help another: every queue the window serves must be calm.
      .filter((w) => w.mapping.every((m) => !isCrowded(byCode.get(m.queue))))
      .map((w) => ({ w, load: ownLoad(w, input.rows) }))
      .sort((a, b) => KIND_ORDER[a.w.kind] - KIND_ORDER[b.w.kind] || a.load - b.load || idleFirst(a.w) - idleFirst(b.w) || a.w.no - b.w.no);
    const best = candidates[0];
    if (!best) continue;
    used.add(best.w.no);
    out.push({ queue: row, window: best.w, mapping: [...best.w.mapping, { queue: row.queue.code, role: 'overflow' }], ownLoad: best.load });
  }
  return out;
}

/** How far past its target the longest wait is (1 = at the target). */
const ratio = (r: QueueBoardRow): number => (r.queue.targetWaitMinutes > 0 ? r.longestWait / (r.queue.targetWaitMinutes * 60) : 0);
const idleFirst = (w: Window): number => (w.state === 'open' ? 0 : 1);

/** People waiting per staffed window in the window's primary queues, summed over them. */
function ownLoad(w: Window, rows: readonly QueueBoardRow[]): number {
  let load = 0;
  for (const m of w.mapping) {
    if (m.role !== 'primary') continue;
    const r = rows.find((x) => x.queue.code === m.queue);
    if (!r) continue;
    load += r.queue.waiting / Math.max(1, r.primaryWindows.length);
  }
  return Math.round(load * 10) / 10;
}
