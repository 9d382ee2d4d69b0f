/**
 * 求助: a clerk at a window calls the duty manager (值班长) — a hard case, an agitated citizen,
 * a broken printer. The seed's window staff carry pressure from citizens' anger, from cases they
 * cannot settle alone and from being watched; help that comes quickly and visibly is the relief.
 * Staff only: nothing of it reaches a wall, a window screen or a phone page.
 */
import { z } from 'zod';
import { ASSIST_KINDS, ASSIST_NOTE_MAX } from './assistKinds';

export { ASSIST_KINDS, ASSIST_NOTE_MAX, isAssistActive, isAssistKind } from './assistKinds';

/** 业务疑难 (a case beyond the clerk), 现场秩序 (an agitated or abusive citizen), 设备故障, 其他. */
export const AssistKind = z.enum(ASSIST_KINDS);
export type AssistKind = z.infer<typeof AssistKind>;

/**
 * open → acknowledged (a manager is on the way) → resolved; open → cancelled by the clerk who
 * raised it (pressed by mistake, or settled before anyone came). A manager may resolve at once.
 */
export const AssistStatus = z.enum(['open', 'acknowledged', 'resolved', 'cancelled']);
export type AssistStatus = z.infer<typeof AssistStatus>;

export const AssistRaise = z.object({
  windowNo: z.coerce.number().int().positive(),
  kind: AssistKind,
  note: z.string().trim().max(ASSIST_NOTE_MAX).optional(),
});
export type AssistRaise = z.infer<typeof AssistRaise>;

export const AssistRef = z.object({ id: z.string().min(1).max(64) });
export type AssistRef = z.infer<typeof AssistRef>;

export const AssistClose = AssistRef.extend({
  /** What was done (resolving manager) — kept for the day's review. */
  outcome: z.string().trim().max(ASSIST_NOTE_MAX).optional(),
});
export type AssistClose = z.infer<typeof AssistClose>;

export const AssistQuery = z.object({
  /** A service day (YYYY-MM-DD); today when absent. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type AssistQuery = z.infer<typeof AssistQuery>;

const Person = z.object({ id: z.string(), name: z.string() });

export const AssistRequest = z.object({
  id: z.string(),
  serviceDay: z.string(),
  windowNo: z.number(),
  windowName: z.string(),
  /** The clerk who asked. */
  clerk: Person,
  kind: AssistKind,
  note: z.string(),
  /** The ticket at the window when help was asked for, if any (context for who comes). */
  ticketNumber: z.string().optional(),
  status: AssistStatus,
  raisedAt: z.string(),
  acknowledgedAt: z.string().optional(),
  acknowledgedBy: Person.optional(),
  closedAt: z.string().optional(),
  closedBy: Person.optional(),
  outcome: z.string(),
});
export type AssistRequest = z.infer<typeof AssistRequest>;

/** A day's requests, newest first, with how quickly help came. */
export interface AssistDay {
  serviceDay: string;
  requests: AssistRequest[];
  /** Median seconds from the ask to a manager's answer (acknowledged or resolved), of those answered. */
  medianAnswerSeconds: number | null;
}
