/**
 * 关怀提醒: which clerks had a hard day, so the duty manager goes to them. The seed's first advice
 * for window staff is 个性化关怀 — talk, let the bad feeling out — and after an 突发事件 or a hard
 * case, 因人而异耐心细致地疏通情绪. The hall already knows the moments: a 求助 about 现场秩序 (an
 * agitated or abusive citizen), a 差评, hours at the window without a break. Managers only: a
 * clerk never sees this list, and nothing of it reaches a screen.
 */
import { z } from 'zod';

/** 现场秩序求助, 差评 (scores 1–2), 连续工作 (at a window without a pause for `CARE_STRETCH_MINUTES`). */
export const CARE_SIGNAL_KINDS = ['conduct', 'complaint', 'stretch'] as const;
export const CareSignalKind = z.enum(CARE_SIGNAL_KINDS);
export type CareSignalKind = z.infer<typeof CareSignalKind>;

/** Two hours without a pause: past the panel's own 90-minute break hint, someone should send relief. */
export const CARE_STRETCH_MINUTES = 120;
export const CARE_NOTE_MAX = 200;

export const CareSignal = z.object({
  kind: CareSignalKind,
  /** How many today (conduct, complaint); for stretch, 1. */
  count: z.number().int(),
  /** For stretch: minutes at the window so far. */
  minutes: z.number().int().optional(),
  /** The latest of them (ISO). */
  lastAt: z.string(),
});
export type CareSignal = z.infer<typeof CareSignal>;

export const CareNote = z.object({
  clerkId: z.string(),
  /** The manager who went. */
  by: z.object({ id: z.string(), name: z.string() }),
  at: z.string(),
  note: z.string(),
});
export type CareNote = z.infer<typeof CareNote>;

export const CareItem = z.object({
  clerk: z.object({ id: z.string(), username: z.string(), name: z.string() }),
  /** The window they are at now, if any. */
  windowNo: z.number().int().optional(),
  signals: z.array(CareSignal),
  /** The last 已关心 of the day, if any. */
  cared: CareNote.optional(),
  /** True while nothing has happened since the last 已关心 (the item is settled, shown dimmed). */
  settled: z.boolean(),
});
export type CareItem = z.infer<typeof CareItem>;

export interface CareDay {
  serviceDay: string;
  /** Unsettled first, then by the latest signal, newest first. */
  items: CareItem[];
}

export const CareMark = z.object({
  clerkId: z.string().min(1).max(64),
  note: z.string().trim().max(CARE_NOTE_MAX).optional(),
});
export type CareMark = z.infer<typeof CareMark>;
