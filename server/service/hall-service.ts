/**
 * The hall service: the only door to a hall's state. It keeps the hall in memory (one writer per
 * hall), runs each command through the pure domain, commits its events and state changes in one
 * transaction, then publishes the change. Nothing is applied to memory unless it was committed.
 */
import type { Announce } from '../../shared/announce';
import type { AssistRequest } from '../../shared/assist';
import type { DeferralChanged } from '../../shared/deferral';
import type { RatingsChanged } from '../../shared/events';
import type { Reply } from '../../shared/errors';
import type { Call, CallPrompts, HallChange, HallInfo, Matter, Snapshot, Ticket, TicketDetail, Window } from '../../shared/schemas';
import {
  alignNoticesEn,
  callPrompts,
  decide,
  evolve,
  honorsView,
  iso,
  queueStopped,
  queueSummary,
  reviewTicketing,
  serviceDayOf,
  sortedQueues,
  sortedWindows,
  ticketDetailView,
  ticketIdOf,
  ticketView,
  windowNoOf,
  windowView,
  type Clerk,
  type Command,
  type DomainEvent,
  type HallState,
  type TicketRec,
  type WindowRec,
} from '../domain';
import type { EventRecord, Store } from '../store';
import { actorId, SYSTEM, type Actor } from './actor';
import type { Clock } from './clock';
import { err, ok } from './errors';
import { nullPublisher, type Publisher } from './publisher';

export interface CallVoice {
  callAudioUrl(a: { number: string; windowNo: number; languages: ('zh' | 'en')[]; repeat: number }): string;
}

export interface HallServiceDeps {
  store: Store;
  clock: Clock;
  voice: CallVoice;
  hallId: string;
  publisher?: Publisher;
  log?: (msg: string) => void;
}

export interface Executed {
  events: DomainEvent[];
  seq: number;
}

/** Remember the reply of a request id in the same transaction as the command. */
export interface Remember<R> {
  scope: string;
  requestId: string;
  reply: (x: Executed) => Reply<R>;
}

export interface ExecuteOptions<R> {
  remember?: Remember<R> | undefined;
  /** Writes outside the hall state that must commit with the command (account passwords). */
  alsoWrite?: (() => void) | undefined;
}

/**
 * The snapshot's last calls: enough that a zone wall reloaded in a busy hall still finds its own
 * among them (30 windows calling, a quiet zone's last call is often 20–40 calls back).
 */
export const RECENT_CALLS = 60;

export function createHallService(deps: HallServiceDeps) {
  const { store, clock, voice, hallId } = deps;
  let publisher = deps.publisher ?? nullPublisher;
  // What modules beside the hall state add to a ticket's staff view (实名取号's realName).
  let detailExtras: ((ticketId: string) => Partial<TicketDetail>) | undefined;
  const log = deps.log ?? (() => {});

  const loaded = store.halls.load(hallId);
  if (!loaded) throw new Error(`hall ${hallId} is not in the database`);
  let state: HallState = loaded;
  let recentCalls: Call[] = store.events.recentCalls(hallId, state.serviceDay, RECENT_CALLS);
  // 停止取号 depends on windows, settings and the time, not only on a queue's own tickets: after
  // every change (and each minute, tick) the queues whose flag flipped get a TicketingChanged
  // event, so screens see a queue stop or reopen at once. Started from now: a restart logs no
  // stop that was already in force (screens read it from their snapshot).
  const stoppedShown = new Set<string>();
  function showStops(now: number): void {
    stoppedShown.clear();
    for (const code of state.queues.keys()) if (queueStopped(state, code, now)) stoppedShown.add(code);
  }
  showStops(clock.now());

  const snapshotOf = (v: TicketRec | WindowRec | undefined) => (v ? structuredClone(v) : undefined);

  function entityOf(e: DomainEvent): TicketRec | WindowRec | undefined {
    const tid = ticketIdOf(e);
    if (tid) return state.tickets.get(tid);
    const wno = windowNoOf(e);
    return wno === undefined ? undefined : state.windows.get(wno);
  }

  function hallInfo(): HallInfo {
    return {
      id: state.id,
      name: state.name,
      nameEn: state.nameEn,
      serviceDay: state.serviceDay,
      timezone: state.timezone,
      voiceLanguages: [...state.settings.voiceLanguages],
      voiceRepeat: state.settings.voiceRepeat,
      notices: [...state.settings.notices],
      noticesEn: alignNoticesEn(state.settings.notices, state.settings.noticesEn),
      recallLimit: state.settings.recallLimit,
      ticketHours: state.settings.ticketHours.map((r) => ({ ...r })),
      windowShowsClerk: state.settings.windowShowsClerk === true,
      honors: honorsView(state, state.settings.honors),
    };
  }

  function callOf(e: DomainEvent, seq: number): Call | undefined {
    if (e.type !== 'TicketCalled' && e.type !== 'TicketRecalled') return undefined;
    const t = state.tickets.get(e.ticketId);
    const w = state.windows.get(e.windowNo);
    if (!t || !w) return undefined;
    return {
      seq,
      number: t.number,
      windowNo: w.no,
      windowName: w.name,
      queue: t.queue,
      at: iso(e.at),
      recall: e.type === 'TicketRecalled',
      audioUrl: voice.callAudioUrl({
        number: t.number,
        windowNo: w.no,
        languages: state.settings.voiceLanguages,
        repeat: state.settings.voiceRepeat,
      }),
    };
  }

  /**
   * Runs one command: decide → apply → commit → publish. Returns the events, or the domain's
   * refusal. A failed commit reloads the hall from the database, so memory never runs ahead.
   */
  function execute<R = never>(actor: Actor, cmd: Command, opts: ExecuteOptions<R> = {}): Reply<Executed> | { ok: true; data: Executed; reply: Reply<R> } {
    const { remember } = opts;
    const now = clock.now();
    if (cmd.type !== 'startDay') ensureServiceDay(now);
    const d = decide(state, cmd, now);
    if (!d.ok) return { ok: false, error: d.error };
    if (d.events.length === 0 && !remember) return ok({ events: [], seq: state.seq });

    const events = [...d.events];
    const seq = events.length > 0 ? state.seq + 1 : state.seq;
    const records: EventRecord[] = [];
    const tickets = new Map<string, TicketRec>();
    const windows = new Map<number, WindowRec>();
    const queues = new Set<string>();
    const calls: Call[] = [];
    const clerks = { upsert: [] as Clerk[], remove: [] as string[] };
    const matters = { upsert: [] as Matter[], remove: [] as string[] };
    let settingsChanged = false;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      const before = snapshotOf(entityOf(e));
      evolve(state, e);
      records.push({ event: e, before, after: snapshotOf(entityOf(e)) });
      // Keep the record itself: a day change drops closed tickets from the maps but they must be saved.
      const tid = ticketIdOf(e);
      const t = tid ? state.tickets.get(tid) : undefined;
      if (t) {
        tickets.set(t.id, t);
        queues.add(t.queue);
        if (t.windowNo !== undefined) windows.set(t.windowNo, state.windows.get(t.windowNo)!);
      }
      if (e.type === 'TicketTransferred') queues.add(e.from);
      const wno = windowNoOf(e);
      const w = wno === undefined ? undefined : state.windows.get(wno);
      if (w) windows.set(w.no, w);
      if (e.type === 'DayStarted') {
        for (const q of state.queues.keys()) queues.add(q);
        for (const w2 of state.windows.values()) windows.set(w2.no, w2);
        recentCalls = [];
      }
      if (e.type === 'TicketingChanged') {
        for (const q of e.stopped) stoppedShown.add(q);
        for (const q of e.reopened) stoppedShown.delete(q);
        for (const q of [...e.stopped, ...e.reopened]) queues.add(q);
      }
      // The change's own review of 停止取号 comes last, on the state it left (reviewTicketing is one).
      if (i === events.length - 1 && e.type !== 'TicketingChanged') {
        const review = reviewTicketing(state, stoppedShown, now);
        if (review) events.push(review);
      }
      if (e.type === 'SettingsChanged') settingsChanged = true;
      if (e.type === 'QueueChanged') queues.add(e.queue.code);
      if (e.type === 'ClerkChanged') clerks.upsert.push(e.clerk);
      // 亮证亮照: the screens of the windows where that person sits show the new name or photo now;
      // turning 窗口屏显示工作人员 on or off gives every public window its clerk or takes it away.
      if (e.type === 'ClerkChanged' || e.type === 'ClerkPhotoChanged') {
        const id = e.type === 'ClerkChanged' ? e.clerk.id : e.clerkId;
        for (const w2 of state.windows.values()) if (w2.clerkId === id) windows.set(w2.no, w2);
      }
      if (e.type === 'SettingsChanged' && e.settings.windowShowsClerk !== e.before.windowShowsClerk) {
        for (const w2 of state.windows.values()) windows.set(w2.no, w2);
      }
      if (e.type === 'ClerkRemoved') clerks.remove.push(e.clerkId);
      if (e.type === 'MatterChanged') matters.upsert.push(e.matter);
      if (e.type === 'MatterRemoved') matters.remove.push(e.matterId);
      const call = callOf(e, seq);
      if (call) calls.push(call);
    }
    state.seq = seq;
    const executed: Executed = { events, seq };
    const reply = remember ? remember.reply(executed) : undefined;
    try {
      store.halls.commit({
        hallId,
        seq,
        serviceDay: state.serviceDay,
        at: now,
        actor: actorId(actor),
        events: records,
        tickets: [...tickets.values()],
        windows: [...windows.values()],
        queues: [...queues].map((q) => state.queues.get(q)).filter((q) => q !== undefined),
        calls,
        clerks,
        matters,
        ...(settingsChanged ? { settings: state.settings } : {}),
        ...(opts.alsoWrite ? { alsoWrite: opts.alsoWrite } : {}),
        ...(remember && reply ? { request: { scope: remember.scope, requestId: remember.requestId, reply } } : {}),
      });
    } catch (e) {
      log(`commit failed, reloading hall ${hallId}: ${String(e)}`);
      reload();
      return err('INTERNAL', 'the change could not be saved; nothing was changed');
    }
    if (events.length > 0) {
      recentCalls = [...[...calls].reverse(), ...recentCalls].slice(0, RECENT_CALLS);
      const summaries = [...queues].map((q) => state.queues.get(q)).filter((q) => q !== undefined).map((q) => queueSummary(state, q, now));
      const change: HallChange = {
        seq,
        at: iso(now),
        windows: [...windows.values()].sort((a, b) => a.no - b.no).map((w) => windowView(state, w)),
        queues: summaries,
      };
      // The 光荣榜 shows names and photos: an honoured person's change reaches the screens with the hall's info.
      const honored = new Set((state.settings.honors ?? []).map((h) => h.clerkId));
      const honoredChanged = events.some(
        (e) => (e.type === 'ClerkChanged' && honored.has(e.clerk.id)) || (e.type === 'ClerkPhotoChanged' && honored.has(e.clerkId)) || (e.type === 'ClerkRemoved' && honored.has(e.clerkId)),
      );
      if (settingsChanged || honoredChanged || events.some((e) => e.type === 'DayStarted')) change.hall = hallInfo();
      if (matters.upsert.length + matters.remove.length > 0) change.catalogueChanged = true;
      const completed = events.flatMap((e) => (e.type === 'TicketCompleted' ? [{ ticketId: e.ticketId, windowNo: e.windowNo }] : []));
      publisher.publish({ hallId, change, calls, ticketIds: [...tickets.keys()], queues: [...queues], prompts: callPrompts(state, now), completed });
    }
    return remember && reply ? { ok: true, data: executed, reply } : ok(executed);
  }

  function reload(): void {
    const fresh = store.halls.load(hallId);
    if (fresh) state = fresh;
    showStops(clock.now());
    recentCalls = store.events.recentCalls(hallId, state.serviceDay, RECENT_CALLS);
  }

  /** Starts a new service day when the calendar has moved on (checked before every command and by a timer). */
  function ensureServiceDay(now: number): void {
    const day = serviceDayOf(now, state.timezone);
    if (day > state.serviceDay) {
      log(`hall ${hallId}: service day ${state.serviceDay} ended, starting ${day}`);
      execute(SYSTEM, { type: 'startDay', serviceDay: day });
    }
  }

  return {
    hallId,
    execute,
    setPublisher(p: Publisher) {
      publisher = p;
    },
    /** A 语音广播 (announce-operations.ts): not hall state, so straight to the walls, no seq. */
    announce(a: Announce): void {
      publisher.announce?.(a);
    },
    /** Ratings live beside the hall state (server/citizen): consoles are told, no seq. */
    ratingsChanged(r: RatingsChanged): void {
      publisher.ratingsChanged?.(r);
    },
    /** 求助 (assist-operations.ts): beside the hall state, to staff only, no seq. */
    assistChanged(r: AssistRequest): void {
      publisher.assistChanged?.(r);
    },
    /** 容缺台账 (server/deferral): beside the hall state, to staff only, no seq. */
    deferralChanged(c: DeferralChanged): void {
      publisher.deferralChanged?.(c);
    },
    /** The timer's share: a new service day, and 停止取号 moved by time alone. */
    tick(): void {
      ensureServiceDay(clock.now());
      execute(SYSTEM, { type: 'reviewTicketing', shown: [...stoppedShown] });
    },
    state(): HallState {
      return state;
    },
    now: () => clock.now(),
    snapshot(): Snapshot {
      const now = clock.now();
      return {
        seq: state.seq,
        at: iso(now),
        hall: hallInfo(),
        queues: sortedQueues(state).map((q) => queueSummary(state, q, now)),
        windows: sortedWindows(state).map((w) => windowView(state, w)),
        recentCalls: [...recentCalls],
      };
    },
    /** Which idle windows should call now (请叫号). */
    prompts(): CallPrompts {
      return { seq: state.seq, prompts: callPrompts(state, clock.now()) };
    },
    /** A ticket of any day by id: today's from memory, older ones from the store. */
    findTicket(id: string): TicketRec | undefined {
      return state.tickets.get(id) ?? store.halls.ticket(hallId, id);
    },
    ticketByNumber(number: string): TicketRec | undefined {
      const id = state.byNumber.get(number);
      return id ? state.tickets.get(id) : undefined;
    },
    ticketView(t: TicketRec): Ticket {
      return ticketView(state, t);
    },
    ticketDetail(t: TicketRec): TicketDetail {
      const v = ticketDetailView(state, t);
      return detailExtras ? { ...v, ...detailExtras(t.id) } : v;
    },
    /** Set once at start: what another module adds to every staff view of a ticket. */
    setDetailExtras(fn: (ticketId: string) => Partial<TicketDetail>): void {
      detailExtras = fn;
    },
    windowView(no: number): Window | undefined {
      const w = state.windows.get(no);
      return w ? windowView(state, w) : undefined;
    },
    matter(id: string): Matter | undefined {
      return state.matters.get(id);
    },
    matters(): Matter[] {
      return [...state.matters.values()];
    },
    /** Writes an audit entry for a change the hall state does not hold (inside the caller's transaction). */
    audit(actor: Actor, type: string, before: unknown, after: unknown): void {
      store.halls.appendAudit(hallId, { seq: state.seq, at: clock.now(), actor: actorId(actor), type, data: { type, before, after }, before, after });
    },
    rememberedReply(scope: string, requestId: string): unknown {
      return store.halls.request(hallId, scope, requestId);
    },
  };
}

export type HallService = ReturnType<typeof createHallService>;
