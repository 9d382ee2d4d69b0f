/**
 * The hall's state as the domain core sees it. Plain data: no I/O, no clock, no sockets.
 * Times are epoch milliseconds inside the domain; the edges turn them into ISO strings.
 */
import type {
  Channel,
  ClosedReason,
  GuideChecklistEntry,
  MappingEntry,
  Matter,
  PauseReason,
  Priority,
  Role,
  TicketStatus,
  TimeRange,
  WindowKind,
} from '../../shared/schemas';

export type { TimeRange };
import type { WaitList } from './waitlist';

export interface HallSettings {
  /** How many times a called ticket may be recalled; the next recall marks it no_show. */
  recallLimit: number;
  /** After this many priority calls in a row at one window, the longest-waiting ticket goes next. */
  prioritySwapAfter: number;
  /** Anyone may take a ticket through the public API (kiosks without a device token). */
  publicTicketing: boolean;
  voiceLanguages: ('zh' | 'en')[];
  voiceRepeat: number;
  notices: string[];
  /** English of each notice, by index ('' where it has none; an extension beside `notices`). */
  noticesEn: string[];
  /** 取号时间: when kiosks and phones may take tickets (local HH:MM, end exclusive); empty: all day. */
  ticketHours: TimeRange[];
  /** 停止取号: in the day's last session, a queue stops when a new ticket's wait would run past its end. */
  stopWhenUnfinishable: boolean;
  /** 窗口屏显示工作人员: window screens show the signed-in clerk's photo, name and 工号 (absent: off). */
  windowShowsClerk?: boolean;
  /** 光荣榜: staff accounts honoured on the public screens, with their titles, in order (absent: none). */
  honors?: { clerkId: string; title: string }[];
  /** 作息时间: working spans of a day and working days (0 = Sunday); absent or no spans: not set (延时服务 is not counted). */
  workHours?: WorkHours;
}

/** The hall's working time (shared/admin.ts WorkHours): spans of a day in the hall's zone, and the working days. */
export interface WorkHours {
  spans: TimeRange[];
  /** 0 = Sunday … 6 = Saturday. */
  days: number[];
  /** 法定节假日 and other days off (YYYY-MM-DD): counted whole, whatever their weekday. */
  offDates?: string[];
  /** 调休上班 (YYYY-MM-DD): worked with the usual spans, whatever their weekday. */
  onDates?: string[];
}

export interface QueueDef {
  code: string;
  name: string;
  nameEn: string;
  category: string;
  targetWaitMinutes: number;
  /** Tickets of this queue are `priority` unless said otherwise (老年人服务). */
  priorityQueue: boolean;
  numberStart: number;
  numberEnd: number;
  sort: number;
  /** The letter its numbers start with when it is not `code` (号码前缀); absent: `code`. */
  prefix?: string;
}

export interface QueueRuntime extends QueueDef {
  /** The next number to hand out today. */
  nextNumber: number;
  /** Moving average of service time (seconds), for ETA. */
  avgServiceSeconds: number;
}

export interface WindowRec {
  no: number;
  name: string;
  nameEn: string;
  zone: string;
  /** English zone name; empty or absent: screens fall back to `zone`. */
  zoneEn?: string;
  kind: WindowKind;
  mapping: MappingEntry[];
  clerkId?: string;
  pauseReason?: PauseReason;
  currentTicketId?: string;
  /** Priority calls in a row at this window (the swap rule's counter). */
  priorityStreak: number;
  /** False while a manager has taken the window out of service (停用). Absent means enabled. */
  enabled?: boolean;
  /** When the window last became free (kept in memory only; after a restart, idle windows count from then). */
  idleSince?: number;
  /**
   * Since when the clerk has worked without a break (sign-in or the end of the last pause); the
   * console shows it so a manager can send relief (seed: 集中工作时间较长的窗口人员安排调休). In
   * memory only, like idleSince: after a restart it is unknown until the next sign-in or resume.
   */
  workingSince?: number;
}

export interface Clerk {
  id: string;
  username: string;
  name: string;
  role: Role;
  /** Queue codes this person may serve (人随事定). Managers and clerks both may hold skills. */
  skills: string[];
  /** 亮证亮照: the version (content hash) of the account's photo; absent when it has none. */
  photoVersion?: string | undefined;
}

/** 转办交接 as the hall keeps it: the clerk by id (views show their name). */
export interface TransferHandoverRec {
  fromWindow: number;
  fromQueue: string;
  clerkId?: string;
  note: string;
  at: number;
}

export interface TicketRec {
  id: string;
  serviceDay: string;
  number: string;
  queue: string;
  status: TicketStatus;
  priority: Priority;
  channel: Channel;
  matters: string[];
  note?: string;
  /** The guide desk's materials check (导办核验), canonical (checklist.ts); staff only. */
  checklist?: GuideChecklistEntry[];
  issuedAt: number;
  arrivedAt: number;
  /** Ties on arrival are broken by issue order, so ordering is total and stable. */
  order: number;
  calledAt?: number;
  startedAt?: number;
  finishedAt?: number;
  windowNo?: number;
  servedBy?: string;
  recalls: number;
  closedReason?: ClosedReason;
  transferredFrom?: string;
  /** 转办交接 from the last window that transferred it (migration 0032); staff only. */
  handover?: TransferHandoverRec;
  /**
   * Its queue's target wait (minutes) when it joined that queue (issued, or transferred in): the
   * figures judge it by this, so a target changed later does not rewrite a past day's 达标率.
   * Absent only on a ticket stored before it was kept whose queue was gone by the upgrade
   * (migration 0011 gives the others theirs): its queue's current target, if any, judges it.
   */
  targetWaitMinutes?: number;
  /** Its (last) call was made by the clerk panel's 自动叫号, not pressed (migration 0012). */
  autoCalled?: boolean;
}

export interface HallState {
  id: string;
  name: string;
  nameEn: string;
  timezone: string;
  serviceDay: string;
  seq: number;
  settings: HallSettings;
  queues: Map<string, QueueRuntime>;
  windows: Map<number, WindowRec>;
  clerks: Map<string, Clerk>;
  /** The matter catalogue (事项清单), by id. */
  matters: Map<string, Matter>;
  /** Today's tickets (and any still open), by id. */
  tickets: Map<string, TicketRec>;
  /** Today's ticket ids by number. */
  byNumber: Map<string, string>;
  /** Waiting tickets per queue, ordered (see waitlist.ts). */
  waiting: Map<string, WaitList>;
  /** Highest issue order handed out so far. */
  lastOrder: number;
}
