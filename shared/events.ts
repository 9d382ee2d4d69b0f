/**
 * The typed Socket.IO event maps. Server: `Server<StaffClientEvents, ServerToClientEvents>`;
 * apps: `Socket<ServerToClientEvents, ViewerClientEvents | StaffClientEvents>`.
 * Type-only: nothing here reaches a bundle.
 */
import type { Announce, AnnounceBody } from './announce';
import type { AssistClose, AssistDay, AssistQuery, AssistRaise, AssistRef, AssistRequest } from './assist';
import type { CareDay, CareMark } from './care';
import type { Faq, FaqQuery, MyQuestions, Question, QuestionAnswer, QuestionAsk, QuestionList, QuestionPublish, QuestionQuery, QuestionRef, QuestionsChanged } from './questions';
import type { AuditEntry, HallSettings, SettingsPatch, StaffAccount, StaffInput, StaffUpdate, TodayStats } from './admin';
import type { DeferralCancel, DeferralChanged, DeferralCreate, DeferralList, Deferral, DeferralQuery, DeferralRef } from './deferral';
import type { DeviceList, DeviceStatus } from './devices';
import type { HonorsHistory, MyHonor } from './honors';
import type { RatingPrompt } from './ratings';
import type { Reply } from './errors';
import type { MyPrefs, MyPrefsPatch } from './prefs';
import type {
  Call,
  CallPrompts,
  GuideChecklist,
  HallChange,
  IssueTicketBody,
  MappingEntry,
  PauseReason,
  Snapshot,
  Ticket,
  TicketDetail,
  Matter,
  QueueInfo,
  Window,
} from './schemas';
import type { DayQuery, DayStats, DayTickets, RangeQuery, RangeStats } from './stats';

export type Ack<T> = (reply: Reply<T>) => void;

/** A ticket pushed to its phone page, with the hall's seq of the change that moved it. */
export type TicketUpdate = Ticket & { seq: number };

/** Which rating changed: enough for a console to decide to reload and to name it. */
export interface RatingsChanged {
  serviceDay: string;
  number: string;
  score: number;
}

export interface ServerToClientEvents {
  /** Full state: on connect, and as the answer to `snapshot:get`. */
  snapshot: (snapshot: Snapshot) => void;
  /** Contract event: a window called or recalled a ticket. Carries the seq of its change. */
  call: (call: Call) => void;
  /** Every change of the hall, with its seq (one per change). */
  'hall:changed': (change: HallChange) => void;
  /** Staff only, after every change and on connect: which idle windows should call now (请叫号). */
  'hall:prompts': (prompts: CallPrompts) => void;
  /** To the watchers of one ticket (phone pages), with the seq of the change that moved it. */
  'ticket:updated': (ticket: TicketUpdate) => void;
  /** Viewers (walls): a manager's 语音广播 to speak now. Not hall state: no seq, not replayed by a snapshot. */
  announce: (announce: Announce) => void;
  /** Staff only: a rating arrived or a 差评's follow-up changed (the 好差评 page reloads). */
  'ratings:changed': (change: RatingsChanged) => void;
  /** Staff only: a 求助 was asked for, answered, settled or withdrawn (the whole request as it is now). */
  'assist:changed': (request: AssistRequest) => void;
  /** Staff only: a 容缺台账 record was made, brought, withdrawn or texted its 补齐提醒 (no personal data; the counts after it). */
  'deferral:changed': (change: DeferralChanged) => void;
  /** Staff only: a 疑难问题 was asked, answered, edited, published, unpublished or withdrawn (no text; who asked, the 待答复 count). */
  'questions:changed': (change: QuestionsChanged) => void;
  /** Managers only: a hall screen connected, went dark, or its sound changed (the whole list as it is now). */
  'devices:changed': (list: DeviceList) => void;
  /** The 评价器 of one window (signed in as a kiosk device or a manager): a ticket was just finished there: ask its holder to rate it. */
  'rating:prompt': (prompt: RatingPrompt) => void;
}

/** What an anonymous viewer (display, phone page) may send. No commands. */
export interface ViewerClientEvents {
  'snapshot:get': (ack: Ack<Snapshot>) => void;
  'ticket:watch': (payload: { ticketId: string }, ack: Ack<Ticket>) => void;
  'ticket:unwatch': (payload: { ticketId: string }) => void;
  /** A hall screen's sound changed (设备状态; shared/devices.ts). No answer. */
  'device:status': (payload: DeviceStatus) => void;
}

type W = { windowNo: number };

/** Staff (connected with `auth: {token}`): the viewer events plus the commands of the contract. */
export interface StaffClientEvents extends ViewerClientEvents {
  'ticket:issue': (payload: IssueTicketBody, ack: Ack<TicketDetail>) => void;
  'ticket:get': (payload: { ticketId: string }, ack: Ack<TicketDetail>) => void;
  'ticket:reinstate': (payload: { ticketId: string }, ack: Ack<TicketDetail>) => void;
  'ticket:cancel': (payload: { ticketId: string }, ack: Ack<TicketDetail>) => void;
  'window:signIn': (payload: W, ack: Ack<Window>) => void;
  'window:signOut': (payload: W, ack: Ack<Window>) => void;
  /**
   * `data` is null when nothing waits for this window (REST answers 204). `ifIdle`: call only
   * when no ticket is current at the window (else INVALID_STATE), for automatic calls. `auto`:
   * the call was made by 自动叫号, not pressed (recorded for the figures).
   */
  'window:next': (payload: W & { requestId?: string; ifIdle?: boolean; auto?: boolean }, ack: Ack<TicketDetail | null>) => void;
  'window:recall': (payload: W, ack: Ack<TicketDetail>) => void;
  'window:noShow': (payload: W, ack: Ack<TicketDetail>) => void;
  'window:start': (payload: W, ack: Ack<TicketDetail>) => void;
  'window:complete': (payload: W, ack: Ack<TicketDetail>) => void;
  /** `checklist` and `note`: the 转办交接 for the next window (optional). */
  'window:transfer': (payload: W & { queue: string; checklist?: GuideChecklist; note?: string }, ack: Ack<TicketDetail>) => void;
  'window:call': (payload: W & { number: string }, ack: Ack<TicketDetail>) => void;
  'window:pause': (payload: W & { reason: PauseReason }, ack: Ack<Window>) => void;
  'window:resume': (payload: W, ack: Ack<Window>) => void;
  'window:mapping': (payload: W & { mapping: MappingEntry[] }, ack: Ack<Window>) => void;
  // Extensions: today's figures (staff) and the manager console (managers).
  'stats:today': (payload: Record<string, never>, ack: Ack<TodayStats>) => void;
  'stats:day': (payload: DayQuery, ack: Ack<DayStats>) => void;
  'stats:tickets': (payload: DayQuery, ack: Ack<DayTickets>) => void;
  'stats:range': (payload: RangeQuery, ack: Ack<RangeStats>) => void;
  'admin:settings:get': (payload: Record<string, never>, ack: Ack<HallSettings>) => void;
  'admin:settings': (payload: SettingsPatch, ack: Ack<HallSettings>) => void;
  'admin:queue': (payload: Partial<Omit<QueueInfo, 'code'>> & { code: string }, ack: Ack<QueueInfo>) => void;
  'admin:staff:list': (payload: Record<string, never>, ack: Ack<StaffAccount[]>) => void;
  'admin:staff:create': (payload: StaffInput & { password: string }, ack: Ack<StaffAccount>) => void;
  'admin:staff:update': (payload: StaffUpdate, ack: Ack<StaffAccount>) => void;
  'admin:window': (payload: W & { enabled: boolean }, ack: Ack<Window>) => void;
  'admin:matter': (payload: Matter, ack: Ack<Matter>) => void;
  'admin:matter:remove': (payload: { id: string }, ack: Ack<{ id: string }>) => void;
  'admin:audit': (payload: { before?: number; limit?: number }, ack: Ack<AuditEntry[]>) => void;
  /** 语音广播 (managers): the walls speak this text now; answers the `announce` event it sent. */
  'announce:send': (payload: AnnounceBody, ack: Ack<Announce>) => void;
  /** 求助: the clerk signed in at the window calls the duty manager (a live request of the window is answered as is). */
  'assist:raise': (payload: AssistRaise, ack: Ack<AssistRequest>) => void;
  'assist:acknowledge': (payload: AssistRef, ack: Ack<AssistRequest>) => void;
  'assist:resolve': (payload: AssistClose, ack: Ack<AssistRequest>) => void;
  'assist:cancel': (payload: AssistRef, ack: Ack<AssistRequest>) => void;
  'assist:list': (payload: AssistQuery, ack: Ack<AssistDay>) => void;
  /** The signed-in person's own panel preferences (clerk panel: 自动叫号); `me:prefs` saves the groups given. */
  'me:prefs:get': (payload: Record<string, never>, ack: Ack<MyPrefs>) => void;
  'me:prefs': (payload: MyPrefsPatch, ack: Ack<MyPrefs>) => void;
  /** 设备状态 (managers): the hall's screens, online or gone. */
  'devices:list': (payload: Record<string, never>, ack: Ack<DeviceList>) => void;
  /** 设备状态 (managers): take an offline screen off the list (it left the hall); answers the list. */
  'devices:remove': (payload: { id: string }, ack: Ack<DeviceList>) => void;
  /** 容缺受理 (shared/deferral.ts): the clerk serving the ticket (or a manager) accepts a matter with 可容缺 materials missing; a double press answers the first record. */
  'deferral:create': (payload: DeferralCreate, ack: Ack<Deferral>) => void;
  /** 容缺台账 (clerks and managers): newest first, with the counts of 待补齐 and 逾期. */
  'deferral:list': (payload: DeferralQuery, ack: Ack<DeferralList>) => void;
  'deferral:done': (payload: DeferralRef, ack: Ack<Deferral>) => void;
  /** Withdraw a 待补齐 record, with the reason: managers any time, the clerk who accepted it on that service day. */
  'deferral:cancel': (payload: DeferralCancel, ack: Ack<Deferral>) => void;
  /** 历届光荣榜 (managers; shared/honors.ts): every stint on the 光荣榜, the newest first. */
  'admin:honors:history': (payload: Record<string, never>, ack: Ack<HonorsHistory>) => void;
  /** 我的荣誉: the signed-in person's own titles on the 光荣榜, the newest first. */
  'me:honors': (payload: Record<string, never>, ack: Ack<MyHonor[]>) => void;
  /** 关怀提醒 (managers; shared/care.ts): today's clerks who had a hard moment, and the 已关心 marks. */
  'admin:care': (payload: Record<string, never>, ack: Ack<CareDay>) => void;
  'admin:care:mark': (payload: CareMark, ack: Ack<CareDay>) => void;
  /** 疑难问题反映与解答 (shared/questions.ts): clerks ask and read their answers; managers answer and publish 常见问题. */
  'questions:ask': (payload: QuestionAsk, ack: Ack<Question>) => void;
  'questions:mine': (payload: Record<string, never>, ack: Ack<MyQuestions>) => void;
  'questions:seen': (payload: Record<string, never>, ack: Ack<MyQuestions>) => void;
  'questions:withdraw': (payload: QuestionRef, ack: Ack<Question>) => void;
  'questions:list': (payload: Partial<QuestionQuery>, ack: Ack<QuestionList>) => void;
  'questions:answer': (payload: QuestionAnswer, ack: Ack<Question>) => void;
  'questions:publish': (payload: QuestionPublish, ack: Ack<Question>) => void;
  'questions:faq': (payload: FaqQuery, ack: Ack<Faq[]>) => void;
}

export interface SocketData {
  userId?: string;
  role?: 'manager' | 'clerk' | 'guide' | 'kiosk';
}
