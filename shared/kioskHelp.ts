/**
 * 自助机呼叫工作人员: a citizen stuck at a self-service kiosk (刷身份证, choosing the matter, 预约签到)
 * asks for a person in one press; a guide (导办员) or the duty manager answers (我去处理) and settles
 * it (已处理), or the citizen withdraws it (不需要了).
 *
 * Its own record beside 求助 (shared/assist.ts), not a new kind of it: a 求助 is a clerk at a
 * window calling a manager (a window, a signed-in clerk, maybe a ticket, only managers answer),
 * while this is a citizen at a device with no account of their own, answered by whoever walks the
 * floor. Sharing the table would make every 求助 field optional and every rule a branch on kind.
 *
 * Live over the Socket.IO namespace `/kiosk-help` (events below); REST under `/api/kiosk-help`.
 * Staff lists carry only which kiosk and when: nothing about the citizen.
 */
import { z } from 'zod';
import { KIOSK_HELP_STATUSES } from './kioskHelpNames';

export { KIOSK_HELP_NAMESPACE, KIOSK_HELP_STATUSES, isKioskHelpActive } from './kioskHelpNames';

/** open → acknowledged (someone is coming) → resolved; open|acknowledged → cancelled by the kiosk. */
export const KioskHelpStatus = z.enum(KIOSK_HELP_STATUSES);
export type KioskHelpStatus = z.infer<typeof KioskHelpStatus>;

/** The same shape as a device id of 设备状态 (shared/devices.ts): the kiosk is that device. */
export const KioskId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const KioskHelpRaise = z.object({
  kioskId: KioskId,
  /** What the hall calls the kiosk (an outside vendor's machine says it here; ours say it in their hello). */
  name: z.string().trim().min(1).max(40).optional(),
});
export type KioskHelpRaise = z.infer<typeof KioskHelpRaise>;

export const KioskHelpRef = z.object({ id: z.string().min(1).max(64) });
export type KioskHelpRef = z.infer<typeof KioskHelpRef>;

/** 不需要了: the kiosk that asked withdraws its call (it names itself, as when it asked). */
export const KioskHelpCancel = KioskHelpRef.extend({ kioskId: KioskId });
export type KioskHelpCancel = z.infer<typeof KioskHelpCancel>;

export const KioskHelpQuery = z.object({
  /** A service day (YYYY-MM-DD); today when absent. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type KioskHelpQuery = z.infer<typeof KioskHelpQuery>;

const Person = z.object({ id: z.string(), name: z.string() });

/** One call as staff see it. */
export const KioskHelpCall = z.object({
  id: z.string(),
  serviceDay: z.string(),
  kioskId: z.string(),
  /** The kiosk's own name (`?name=东门取号机`, or the vendor's), when it has one. */
  kioskName: z.string().optional(),
  /** Without a name: its place among the hall's kiosks in 设备状态 (自助取号机 2), when known. */
  kioskNo: z.number().int().positive().optional(),
  status: KioskHelpStatus,
  raisedAt: z.string(),
  acknowledgedAt: z.string().optional(),
  acknowledgedBy: Person.optional(),
  closedAt: z.string().optional(),
  /** Who resolved it; absent when the kiosk withdrew it. */
  closedBy: Person.optional(),
});
export type KioskHelpCall = z.infer<typeof KioskHelpCall>;

/**
 * The kiosk's own call as its screen shows it: nothing of other kiosks. `helper` is the name of
 * who is coming only where the hall shows staff names (窗口屏显示工作人员), as for clerks.
 */
export const KioskHelpMine = z.object({
  id: z.string(),
  status: KioskHelpStatus,
  raisedAt: z.string(),
  acknowledgedAt: z.string().optional(),
  helper: z.string().optional(),
});
export type KioskHelpMine = z.infer<typeof KioskHelpMine>;

/** A day's calls, newest first (and live ones of earlier days), with how quickly someone came. */
export const KioskHelpDay = z.object({
  serviceDay: z.string(),
  calls: z.array(KioskHelpCall),
  /** Median seconds from the press to an answer (acknowledged or resolved), of those answered. */
  medianAnswerSeconds: z.number().nullable(),
});
export type KioskHelpDay = z.infer<typeof KioskHelpDay>;

type Ack<T> = (reply: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }) => void;

/** Pushed by the server on `/kiosk-help`. */
export interface KioskHelpServerEvents {
  /** To the kiosk (handshake `auth.kioskId`): its live call as it is now, or null (none, or it ended). On connect too. */
  'kioskHelp:mine': (call: KioskHelpMine | null) => void;
  /** To guides and managers: the live calls, on connect (a reconnecting desk starts from these). */
  'kioskHelp:open': (calls: KioskHelpCall[]) => void;
  /** To guides and managers: one call raised, answered, settled or withdrawn. */
  'kioskHelp:changed': (call: KioskHelpCall) => void;
}

/** Sent by clients on `/kiosk-help`, each answered by an acknowledgement. */
export interface KioskHelpClientEvents {
  /** The kiosk of the handshake asks (its live call is answered as it is). */
  'kioskHelp:raise': (payload: { name?: string }, ack: Ack<KioskHelpMine>) => void;
  'kioskHelp:cancel': (payload: KioskHelpRef, ack: Ack<KioskHelpMine>) => void;
  'kioskHelp:acknowledge': (payload: KioskHelpRef, ack: Ack<KioskHelpCall>) => void;
  'kioskHelp:resolve': (payload: KioskHelpRef, ack: Ack<KioskHelpCall>) => void;
  'kioskHelp:list': (payload: KioskHelpQuery, ack: Ack<KioskHelpDay>) => void;
}
