/**
 * zod schemas for everything that crosses the wire; the TypeScript types are inferred from them.
 * Incoming payloads are validated with these at the edge (REST and Socket.IO alike).
 */
import { z } from 'zod';
import { HANDOVER_NOTE_MAX } from './handoverLimits';
import { IdCardText, RealName } from './idcard';

export const QueueCode = z.string().regex(/^[A-Z]$/, 'a queue code is one capital letter');
export const TicketNumber = z.string().regex(/^[A-Z]\d{1,4}$/, 'a ticket number looks like A001');
export const WindowNo = z.coerce.number().int().min(1).max(9999);
export const Priority = z.enum(['normal', 'priority']);
export const Channel = z.enum(['kiosk', 'guide', 'appointment', 'mobile']);
export const TicketStatus = z.enum(['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled']);
export const WindowKind = z.enum(['dedicated', 'comprehensive', 'special']);
export const WindowState = z.enum(['closed', 'open', 'calling', 'serving', 'paused']);
export const MappingRole = z.enum(['primary', 'overflow']);
export const Role = z.enum(['manager', 'clerk', 'guide', 'kiosk']);
export const PauseReason = z.enum(['break', 'meeting', 'system', 'other']);
/** A time of day in the hall's time zone, 24-hour. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time looks like 09:30');
/** A span of a day in the hall's zone: from `start` (included) to `end` (excluded). */
export const TimeRange = z.object({ start: TimeOfDay, end: TimeOfDay });
/**
 * 取号时间: when kiosks and phones may take tickets, up to six spans in order, apart; empty: all
 * day. (Guides and managers issue at all hours; booked citizens check in by their slot.)
 */
export const TicketHours = z
  .array(TimeRange)
  .max(6, 'at most 6 spans')
  .refine((h) => h.every((r) => r.start < r.end), 'each span must start before it ends')
  .refine((h) => h.every((r, i) => i === 0 || h[i - 1]!.end <= r.start), 'spans must be in order and apart');

/** Why a ticket left the queue without being served (beside `status`). */
export const ClosedReason = z.enum(['day_end', 'recall_limit', 'cancelled_by_holder', 'cancelled_by_staff']);

export const MappingEntry = z.object({ queue: QueueCode, role: MappingRole });
export const Mapping = z.array(MappingEntry).max(26);

// ---- what the server sends ------------------------------------------------------------------

export const Ticket = z.object({
  id: z.string(),
  number: TicketNumber,
  queue: QueueCode,
  status: TicketStatus,
  priority: Priority,
  channel: Channel,
  issuedAt: z.string(),
  /** When it counts as arrived for ordering (transfers keep it; appointments use the slot). */
  arrivedAt: z.string(),
  calledAt: z.string().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  windowNo: z.number().int().optional(),
  recalls: z.number().int(),
  matters: z.array(z.string()),
  closedReason: ClosedReason.optional(),
  ahead: z.number().int(),
  etaSeconds: z.number().int(),
  /** Waiting tickets only: 25th–75th percentile of the wait in seconds ([0, 0] = a window is free now). */
  etaRangeSeconds: z.tuple([z.number().int(), z.number().int()]).optional(),
  /** Set once a clerk transferred it (转办): the queue it came from, the last one if moved twice. */
  transferredFrom: QueueCode.optional(),
});

/**
 * The guide desk's materials check (导办核验), per matter of the ticket: the materials the citizen
 * HAS, by their names in the catalogue (Matter.materials). A matter listed with `have: []` was
 * checked and nothing was there; a matter of the ticket not listed was not checked. Bounded like
 * the catalogue itself (admin MatterInput: at most 30 materials of at most 100 characters).
 */
export const GuideChecklistEntry = z.object({
  matter: z.string().min(1).max(64),
  have: z.array(z.string().min(1).max(100)).max(30),
});
export const GuideChecklist = z.array(GuideChecklistEntry).max(20);

/** At most this many characters in a 转办说明 (zod-free, shared/handoverLimits.ts). */
export { HANDOVER_NOTE_MAX };

/**
 * 转办交接: what the window that transferred a ticket told the next one, so the citizen is not asked
 * again for what was already checked (the seed: 消除资料重复提交). Staff only, like the guide's note.
 */
export const TransferHandover = z.object({
  fromWindow: z.number().int(),
  fromQueue: QueueCode,
  /** The clerk who transferred it, by their name now (absent if the account is gone). */
  clerkName: z.string().optional(),
  /** 转办说明: what the next window should know ('' when the clerk wrote nothing). */
  note: z.string(),
  at: z.string(),
});

/**
 * What staff see of a ticket: the public ticket plus the guide's note and materials check.
 * Staff only: viewers (snapshot, hall:changed, call, phone page) get the plain Ticket.
 */
export const TicketDetail = Ticket.extend({
  note: z.string().optional(),
  /** The materials checked so far: the guide desk's, then those a window handed over with a transfer. */
  checklist: GuideChecklist.optional(),
  /** 转办交接: set once a window transferred it — the next clerk sees who sent it and why. Extension. */
  handover: TransferHandover.optional(),
  /** 实名取号: the card's masked number and the holder's age (老年人优先 says `senior`). Extension. */
  realName: RealName.optional(),
});

export const ClerkRef = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  /** 亮证亮照: where the clerk's photo is (`/api/staff/<id>/photo?v=<version>`); absent when there is none. Extension. */
  photoUrl: z.string().optional(),
});

/** 光荣榜: one honoured member of staff as public screens show them (the wall's notice line, the window screen's badge). */
export const HonorView = z.object({
  clerkId: z.string(),
  name: z.string(),
  /** The manager's words: 11月服务之星, 岗位标兵, 服务先锋. */
  title: z.string(),
  photoUrl: z.string().optional(),
});

/** The path of a staff photo, versioned so a screen's cache never shows an old one (GET answers it with ETag `"<version>"`). */
export function staffPhotoUrl(id: string, version: string): string {
  return `/api/staff/${encodeURIComponent(id)}/photo?v=${version}`;
}

/**
 * The ticket at a window. Its `id` goes to staff only: an id is its holder's key to the phone
 * page (rating, cancel), and windows are on every public screen.
 */
export const WindowTicket = Ticket.partial({ id: true });

export const Window = z.object({
  no: z.number().int(),
  name: z.string(),
  nameEn: z.string(),
  zone: z.string(),
  zoneEn: z.string().optional(),
  kind: WindowKind,
  state: WindowState,
  pauseReason: PauseReason.optional(),
  /** Taken out of service by a manager (停用): closed, and nobody may sign in. */
  disabled: z.boolean().optional(),
  clerk: ClerkRef.optional(),
  /** Staff only: since when the clerk has worked without a pause (absent while paused, or unknown after a restart). */
  workingSince: z.string().optional(),
  current: WindowTicket.optional(),
  mapping: Mapping,
});

export const QueueSummary = z.object({
  code: QueueCode,
  name: z.string(),
  nameEn: z.string(),
  waiting: z.number().int(),
  longestWaitSeconds: z.number().int(),
  /** Arrival time of the longest-waiting ticket, so screens can tick the wait live. */
  oldestArrivedAt: z.string().optional(),
  targetWaitMinutes: z.number().int(),
  priorityQueue: z.boolean(),
  /** The letter its ticket numbers start with, when it is not `code` (absent: numbers start with `code`). */
  prefix: QueueCode.optional(),
  /** 停止取号: kiosks and phones get no more tickets of it today (the wait would run past closing). */
  stopped: z.literal(true).optional(),
});

export const Call = z.object({
  seq: z.number().int(),
  number: TicketNumber,
  windowNo: z.number().int(),
  windowName: z.string(),
  queue: QueueCode,
  at: z.string(),
  recall: z.boolean(),
  audioUrl: z.string(),
});

export const HallInfo = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  serviceDay: z.string(),
  timezone: z.string(),
  voiceLanguages: z.array(z.enum(['zh', 'en'])),
  voiceRepeat: z.number().int(),
  notices: z.array(z.string()),
  /** English of each notice, by index ('' where it has none); extension, absent from older servers. */
  noticesEn: z.array(z.string()).optional(),
  /** Recalls allowed before a called ticket becomes a no-show (counter panels disable 重呼 at it). */
  recallLimit: z.number().int(),
  /** 取号时间 (kiosks say it; outside it they take no tickets). Absent or empty: all day. */
  ticketHours: z.array(TimeRange).optional(),
  /** 窗口屏显示工作人员: window screens show the signed-in clerk (photo, name, 工号); public windows then carry `clerk`. Extension; absent: off. */
  windowShowsClerk: z.boolean().optional(),
  /** 光荣榜: the staff the hall honours, with their titles, in order. Extension; absent or empty: none. */
  honors: z.array(HonorView).optional(),
});

export const Snapshot = z.object({
  seq: z.number().int(),
  at: z.string(),
  hall: HallInfo,
  queues: z.array(QueueSummary),
  windows: z.array(Window),
  recentCalls: z.array(Call),
});

/** Pushed to the hall room after every change: what changed, with the hall's new `seq`. */
export const HallChange = z.object({
  seq: z.number().int(),
  at: z.string(),
  windows: z.array(Window),
  queues: z.array(QueueSummary),
  hall: HallInfo.optional(),
  /** The matter catalogue changed: fetch GET /api/catalogue again. */
  catalogueChanged: z.boolean().optional(),
});

/** An idle window that should call now (请叫号): advice to its clerk, staff only. */
export const CallPrompt = z.object({ windowNo: z.number().int(), queue: QueueCode });
export const CallPrompts = z.object({ seq: z.number().int(), prompts: z.array(CallPrompt) });

export const User = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: Role,
  /** Queue codes the person may serve (人随事定): the windows they may sign in at follow from these. */
  skills: z.array(z.string()),
});
export const LoginResult = z.object({ token: z.string(), expiresAt: z.string(), user: User });

export const Matter = z.object({
  id: z.string(),
  queue: QueueCode,
  name: z.string(),
  nameEn: z.string(),
  materials: z.array(z.string()),
  timeLimitMinutes: z.number().int(),
  /**
   * 容缺受理清单 (shared/deferral.ts): the materials, each one of `materials`, that may be handed in
   * later on the citizen's written promise. Absent or empty: every material is needed at once.
   */
  deferrable: z.array(z.string()).optional(),
});

export const QueueInfo = z.object({
  code: QueueCode,
  name: z.string(),
  nameEn: z.string(),
  category: z.string(),
  targetWaitMinutes: z.number().int(),
  priorityQueue: z.boolean(),
  numberStart: z.number().int(),
  numberEnd: z.number().int(),
  /** The letter its ticket numbers start with, when it is not `code` (absent: numbers start with `code`). */
  prefix: QueueCode.optional(),
});

export const Catalogue = z.object({ queues: z.array(QueueInfo), matters: z.array(Matter) });

// ---- what clients send ----------------------------------------------------------------------

export const LoginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const IssueTicketBody = z.object({
  queue: QueueCode,
  priority: Priority.optional(),
  channel: Channel.optional(),
  matters: z.array(z.string().min(1).max(64)).max(20).optional(),
  note: z.string().max(500).optional(),
  /** The guide's materials check (guide and manager only, like the note): matters of `matters`, materials of the catalogue. */
  checklist: GuideChecklist.optional(),
  /**
   * Makes issuing safe to retry: a kiosk whose request timed out sends it again with the same id
   * and gets the ticket it was given the first time, not a second one.
   */
  requestId: z.string().min(1).max(100).optional(),
  /**
   * 实名取号: the 居民身份证 number read at a kiosk (card reader or its keypad) or the guide desk.
   * Checked (GB 11643-1999), never stored in clear; not accepted from phones. Extension.
   */
  idCard: IdCardText.optional(),
});

export const RequestId = z.string().min(1).max(100);
/**
 * `ifIdle: true` calls only when no ticket is current at the window (answered INVALID_STATE
 * otherwise) instead of completing it first: for automatic calls (自动叫号), so that two panels
 * of one window never complete a citizen just called.
 */
export const NextBody = z.object({
  requestId: RequestId.optional(),
  ifIdle: z.boolean().optional(),
  /** The panel's 自动叫号 made this call, not a press: recorded on the call for the figures (absent: false). */
  auto: z.boolean().optional(),
});
export const TransferBody = z.object({
  queue: QueueCode,
  /**
   * 转办交接 (extension): the materials this window checked, per matter of the ticket — they replace
   * what the ticket carried for those matters, so the next window starts from them.
   */
  checklist: GuideChecklist.optional(),
  /** 转办说明 for the next window (extension). */
  note: z.string().trim().max(HANDOVER_NOTE_MAX).optional(),
});
export const SpecialCallBody = z.object({ number: TicketNumber });
export const PauseBody = z.object({ reason: PauseReason });
export const TicketIdParam = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

// Socket.IO payloads: the same bodies plus the window they address.
export const WindowRef = z.object({ windowNo: WindowNo });
export const NextCommand = WindowRef.extend(NextBody.shape);
export const TransferCommand = WindowRef.extend(TransferBody.shape);
export const SpecialCallCommand = WindowRef.extend({ number: TicketNumber });
export const PauseCommand = WindowRef.extend({ reason: PauseReason });
export const MappingCommand = WindowRef.extend({ mapping: Mapping });
export const TicketRef = z.object({ ticketId: TicketIdParam });

export type QueueCode = z.infer<typeof QueueCode>;
export type Priority = z.infer<typeof Priority>;
export type Channel = z.infer<typeof Channel>;
export type TicketStatus = z.infer<typeof TicketStatus>;
export type WindowKind = z.infer<typeof WindowKind>;
export type WindowState = z.infer<typeof WindowState>;
export type MappingRole = z.infer<typeof MappingRole>;
export type MappingEntry = z.infer<typeof MappingEntry>;
export type Role = z.infer<typeof Role>;
export type PauseReason = z.infer<typeof PauseReason>;
export type ClosedReason = z.infer<typeof ClosedReason>;
export type Ticket = z.infer<typeof Ticket>;
export type TicketDetail = z.infer<typeof TicketDetail>;
export type GuideChecklistEntry = z.infer<typeof GuideChecklistEntry>;
export type GuideChecklist = z.infer<typeof GuideChecklist>;
export type TransferHandover = z.infer<typeof TransferHandover>;
export type ClerkRef = z.infer<typeof ClerkRef>;
export type Window = z.infer<typeof Window>;
export type WindowTicket = z.infer<typeof WindowTicket>;
export type QueueSummary = z.infer<typeof QueueSummary>;
export type TimeRange = z.infer<typeof TimeRange>;
export type Call = z.infer<typeof Call>;
export type HallInfo = z.infer<typeof HallInfo>;
export type HonorView = z.infer<typeof HonorView>;
export type Snapshot = z.infer<typeof Snapshot>;
export type HallChange = z.infer<typeof HallChange>;
export type User = z.infer<typeof User>;
export type CallPrompt = z.infer<typeof CallPrompt>;
export type CallPrompts = z.infer<typeof CallPrompts>;
export type LoginResult = z.infer<typeof LoginResult>;
export type Matter = z.infer<typeof Matter>;
export type QueueInfo = z.infer<typeof QueueInfo>;
export type Catalogue = z.infer<typeof Catalogue>;
export type LoginBody = z.infer<typeof LoginBody>;
export type IssueTicketBody = z.infer<typeof IssueTicketBody>;
