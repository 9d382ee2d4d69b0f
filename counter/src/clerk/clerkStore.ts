/**
 * The clerk panel's state and actions: one per signed-in clerk. It owns the connection, turns
 * button presses into commands (one at a time, never lost silently), and derives everything
 * the components show. Components read from here and call `press`; they never see the socket.
 */
import { computed, ref, shallowRef, watch } from 'vue';
import type { PauseReason, Ticket, Window } from '../../../shared/schemas';
import { logout } from '../shared/api';
import { useAssist } from '../shared/assist';
import { activeAt } from '../shared/assistList';
import { staffCommands } from '../shared/commands';
import { errorKey } from '../shared/commonText';
import { connectHall } from '../shared/connection';
import { openModals } from '../shared/modals';
import { beginNext, endNext, initialNextRequest } from '../shared/nextRequest';
import type { Params } from '../shared/i18n';
import type { ClientError, ClientReply } from '../shared/reply';
import type { StaffSession } from '../shared/session';
import { useServerNow } from '../shared/ticker';
import { secondsSince } from '../shared/time';
import { enabledActions } from './logic/actions';
import type { AutoFacts, AutoReason } from './logic/autoCall';
import { likelyNext, queueRows, totalWaiting } from './logic/myQueues';
import { assignKey, DEFAULT_KEYS, type KeyMap, type ShortcutTarget } from './logic/shortcuts';
import { undoPlan, undoSecondsLeft, type UndoOffer } from './logic/undo';
import { effectiveWindow, windowAfterTicket, windowOfClerk, type AckOverlay } from './logic/windowView';
import * as prefs from './prefs';
import { createAccountPrefs } from './store/accountPrefs';
import { createAutoCall } from './store/autoCall';
import { createDayFigures } from './store/dayFigures';
import { createTicketInfo } from './store/ticketInfo';
import { createWorkTimer } from './store/workTimer';
import { pick, t, type TextKey } from './text';

export type Dialog = 'pause' | 'transfer' | 'call' | 'settings' | 'signOut' | 'missing' | null;

/** A name the server gives in both languages (a window, a queue). */
export interface Bilingual {
  zh: string;
  en?: string | undefined;
}

/**
 * Kept as a key, not text, so switching the language re-renders it; for the same reason names
 * (window, queue) are kept in both languages and picked when shown.
 */
export interface Notice {
  kind: 'ok' | 'error';
  key: TextKey;
  params?: Params | undefined;
  names?: Record<string, Bilingual> | undefined;
  id: number;
}

const NOTICE_MS = 6_000;

export function createClerkStore(session: StaffSession, hooks: { onSignedOut: (reason?: string) => void }) {
  const conn = connectHall({ token: session.token });
  const cmd = staffCommands(conn);
  const now = useServerNow(conn.serverOffset);
  /** This clerk's own 求助 calls (the TopBar button shows the live one). */
  const assist = useAssist(conn, (r) => r.clerk.id === session.user.id);
  const userId = session.user.id;

  const overlay = shallowRef<AckOverlay | null>(null);
  const busy = ref<ShortcutTarget | 'signIn' | 'signOut' | null>(null);
  let nextRequest = initialNextRequest();
  const notice = shallowRef<Notice | null>(null);
  const undoOffer = shallowRef<UndoOffer | null>(null);
  const dialog = ref<Dialog>(null);
  const keys = ref<KeyMap>(prefs.loadKeys());

  // ---- derived state ----------------------------------------------------------------------

  const snapshot = conn.snapshot;
  /** The hall's recall limit: at it, 重呼 is disabled (the server would mark a no-show). */
  const recallLimit = computed<number | undefined>(() => snapshot.value?.hall.recallLimit);
  const online = computed(() => conn.status.value === 'online');

  const myWindow = computed<Window | undefined>(() => {
    const snap = snapshot.value;
    if (!snap) return undefined;
    const o = overlay.value;
    const no = o && snap.seq <= o.seq ? o.window.no : windowOfClerk(snap.windows, userId)?.no;
    if (no === undefined) return undefined;
    const w = effectiveWindow(
      snap.windows.find((x) => x.no === no),
      o,
      snap.seq,
    );
    return w && w.state !== 'closed' && w.clerk?.id === userId ? w : undefined;
  });

  /** The server asks this window to call now (请叫号): it is idle and first in line for a waiting ticket. */
  const prompted = computed(() => {
    const w = myWindow.value;
    return !!w && w.state === 'open' && conn.prompts.value.some((p) => p.windowNo === w.no);
  });

  const current = computed<Ticket | undefined>(() => {
    const c = myWindow.value?.current;
    // Staff get the window's ticket with its id (only public screens lose it).
    return c?.id !== undefined && (c.status === 'called' || c.status === 'serving') ? { ...c, id: c.id } : undefined;
  });

  const enabled = computed(() =>
    enabledActions({
      online: online.value,
      busy: false, // a press during a command waits in `press`; greying every button would flicker
      windowState: myWindow.value?.state ?? 'closed',
      ticketStatus: current.value?.status,
      recalls: current.value?.recalls,
      recallLimit: recallLimit.value,
    }),
  );

  const queues = computed(() => {
    const snap = snapshot.value;
    const w = myWindow.value;
    if (!snap || !w) return [];
    return queueRows(w.mapping, snap.queues, now.value);
  });
  const nextFrom = computed(() => likelyNext(queues.value));
  const allQueues = computed(() => snapshot.value?.queues ?? []);

  const undoLeft = computed(() => undoSecondsLeft(undoOffer.value, now.value));

  const info = createTicketInfo({ token: session.token, cmd, current, myWindow, now });
  const { detail } = info;
  const figures = createDayFigures({ conn, snapshot, userId, now });
  const recordDone = figures.recordDone;
  const work = createWorkTimer({ snapshot, myWindow, now, userId });

  /** The server's 请叫号 for this window: which queue it is for (the "why" of an automatic call). */
  const promptQueue = computed(() => {
    const w = myWindow.value;
    return w && prompted.value ? conn.prompts.value.find((p) => p.windowNo === w.no)?.queue : undefined;
  });
  /** The clerk's 求助 for this window is live: no citizen is called here until it is settled. */
  const helpCalled = computed(() => {
    const w = myWindow.value;
    return !!w && activeAt(assist.list.value, w.no) !== undefined;
  });
  const skills = new Set(session.user.skills);
  /** People this clerk may call here (a queue of the window without the skill never calls). */
  const waitingForMe = computed(() => totalWaiting(queues.value.filter((q) => skills.has(q.code))));
  const autoFacts = computed<AutoFacts>(() => {
    const w = myWindow.value;
    return {
      online: online.value,
      windowState: w?.state ?? null,
      hasTicket: current.value !== undefined,
      prompted: prompted.value,
      waiting: waitingForMe.value,
      // The panel's own dialogs, and any other box (the 求助 box keeps its own).
      dialog: dialog.value !== null || openModals.value > 0,
      helpCalled: helpCalled.value,
    };
  });
  /** The clerk's own settings, kept with the account (自动叫号). */
  const account = createAccountPrefs({
    conn,
    userId,
    onSaveFailed: () => say('error', 'prefs.saveFailed'),
    onSavedLater: () => say('ok', 'prefs.savedLater'),
  });
  const auto = createAutoCall({
    prefs: account.autoCall,
    facts: autoFacts,
    busy: computed(() => busy.value !== null),
    fire: (reason) => autoNext(reason),
  });

  // ---- keeping derived records in step ----------------------------------------------------

  /** The window was closed under us (a manager signed us out): the picker says so. */
  const lostWindow = ref<string | null>(null);
  let leaving = false;
  watch(
    () => myWindow.value,
    (w, old) => {
      if (w) lostWindow.value = null;
      else if (old && !leaving && snapshot.value) lostWindow.value = pick(old.name, old.nameEn);
    },
  );

  watch(conn.status, (s) => {
    if (s === 'unauthorized') hooks.onSignedOut(t('banner.unauthorized'));
  });

  // ---- results ------------------------------------------------------------------------------

  let noticeId = 0;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  function say(kind: Notice['kind'], key: TextKey, params?: Params, names?: Notice['names']): void {
    notice.value = { kind, key, params, names, id: ++noticeId };
    clearTimeout(noticeTimer);
    if (kind === 'ok') noticeTimer = setTimeout(() => (notice.value = null), NOTICE_MS);
  }
  const errorText = (e: ClientError): string => t(errorKey(e.code));

  /** Show the window as the acknowledgement says, until the hall change catches up. */
  function overlayTicket(ticket: Ticket | null): void {
    const w = myWindow.value;
    const snap = snapshot.value;
    if (!w || !snap) return;
    overlay.value = { seq: snap.seq, window: windowAfterTicket(w, ticket) };
  }
  function overlayWindow(window: Window): void {
    const snap = snapshot.value;
    if (snap) overlay.value = { seq: snap.seq, window };
  }

  async function run<T>(target: NonNullable<typeof busy.value>, send: () => Promise<ClientReply<T>>, ok: (data: T) => void): Promise<boolean> {
    busy.value = target;
    try {
      const r = await send();
      if (r.ok) ok(r.data);
      else say('error', errorKey(r.error.code));
      return r.ok;
    } finally {
      busy.value = null;
    }
  }

  const queueName = (code: string): Bilingual => {
    const q = allQueues.value.find((x) => x.code === code);
    return q ? { zh: q.name, en: q.nameEn } : { zh: code };
  };

  // ---- commands -----------------------------------------------------------------------------

  /**
   * 叫号, pressed or automatic (`auto`). An automatic call asks the server to call only if the
   * window is still free (another panel of this window may have called a moment ago): it never
   * completes anyone. A retry after a timeout reuses the request id, pressed or automatic.
   */
  async function next(no: number, auto?: AutoReason): Promise<void> {
    const begun = beginNext(nextRequest, Date.now(), () => crypto.randomUUID());
    nextRequest = begun.state;
    if (!begun.id) return; // a press is already in flight: a double press calls nobody twice
    const finishing = auto ? undefined : current.value;
    busy.value = 'next';
    try {
      const r = await cmd.next(no, begun.id, auto !== undefined);
      nextRequest = endNext(nextRequest, Date.now(), r.ok || r.error.code !== 'TIMEOUT');
      if (!r.ok) {
        // Refused because a ticket is at the window by now: it shows; nothing to report.
        if (!(auto && r.error.code === 'INVALID_STATE')) say('error', errorKey(r.error.code));
        return;
      }
      if (finishing) recordDone(finishing);
      if (r.data) detail.value = r.data;
      overlayTicket(r.data);
      if (r.data) say('ok', auto ? 'result.autoCalled' : 'result.called', { number: r.data.number });
      else say('ok', auto ? 'result.autoNothing' : 'result.nothing');
    } finally {
      busy.value = null;
    }
  }

  /** A countdown ran out: call, unless the panel no longer allows it (checked again here). */
  function autoNext(reason: AutoReason): void {
    const w = myWindow.value;
    if (!w || w.state !== 'open' || current.value || !enabled.value.next || dialog.value) return;
    void next(w.no, reason);
  }

  function cancelAutoCall(): void {
    if (auto.cancel()) say('ok', 'result.autoCancelled');
  }

  /**
   * A press that arrives while a command is in flight (start, then done, typed fast on a
   * keypad) waits for it and then goes through the same checks: after the first answer the
   * buttons reflect the new state, so a double press of 叫号 still calls only one ticket.
   */
  let queued: ShortcutTarget | null = null;
  watch(busy, (b) => {
    if (b !== null || !queued) return;
    const q = queued;
    queued = null;
    void press(q);
  });

  async function press(target: ShortcutTarget): Promise<void> {
    // Cancelling a countdown must never wait behind a command.
    if (target === 'cancelAuto') return cancelAutoCall();
    if (busy.value) {
      queued = target;
      return;
    }
    const w = myWindow.value;
    if (!w) return;
    if (target === 'undo') {
      auto.cancel(); // calling the no-show back is this window's next call
      return undo();
    }
    if (!enabled.value[target]) return;
    const no = w.no;
    switch (target) {
      case 'next':
        auto.cancel(); // pressed by hand during a countdown: this press is the call
        return next(no);
      case 'recall':
        await run('recall', () => cmd.recall(no), (tk) => {
          overlayTicket(tk);
          // Past the recall limit the server records a no-show instead.
          if (tk.status === 'no_show') offerUndo(tk);
          else say('ok', 'result.recalled', { number: tk.number });
        });
        return;
      case 'start':
        await run('start', () => cmd.start(no), (tk) => {
          overlayTicket(tk);
          say('ok', 'result.started', { number: tk.number });
        });
        return;
      case 'complete': {
        const finishing = current.value;
        await run('complete', () => cmd.complete(no), (tk) => {
          recordDone(finishing ? { ...finishing, startedAt: tk.startedAt ?? finishing.startedAt } : undefined);
          overlayTicket(tk);
          say('ok', 'result.completed', { number: tk.number });
          auto.completed(tk.number);
        });
        return;
      }
      case 'noShow':
        await run('noShow', () => cmd.noShow(no), (tk) => {
          overlayTicket(tk);
          offerUndo(tk);
        });
        return;
      case 'transfer':
      case 'call':
      case 'pause':
        dialog.value = target;
        return;
      case 'resume':
        await run('resume', () => cmd.resume(no), (win) => {
          overlayWindow(win);
          say('ok', 'result.resumed');
        });
        return;
      default:
        return assertNever(target);
    }
  }

  function offerUndo(tk: Ticket): void {
    undoOffer.value = { ticketId: tk.id, number: tk.number, at: now.value };
    say('ok', 'result.noShow', { number: tk.number });
  }

  async function undo(): Promise<void> {
    const offer = undoOffer.value;
    const w = myWindow.value;
    if (!offer || !w || undoSecondsLeft(offer, now.value) <= 0) return;
    const plan = undoPlan(current.value !== undefined || w.state === 'paused');
    const reinstated = await run('undo', () => cmd.reinstate(offer.ticketId), () => {
      undoOffer.value = null;
      say('ok', 'result.reinstated', { number: offer.number });
    });
    if (!reinstated || !plan.includes('callBack')) return;
    await run('undo', () => cmd.callNumber(w.no, offer.number), (tk) => {
      detail.value = tk;
      overlayTicket(tk);
      say('ok', 'result.calledBack', { number: tk.number });
    });
  }

  async function transfer(queue: string): Promise<boolean> {
    const w = myWindow.value;
    if (!w) return false;
    // Close at once: the next key press must reach the panel, not a dialog about to go.
    // A refusal shows in the notice bar.
    dialog.value = null;
    return run('transfer', () => cmd.transfer(w.no, queue), (tk) => {
      overlayTicket(tk);
      say('ok', 'result.transferred', { number: tk.number }, { queue: queueName(queue) });
    });
  }

  /** Returns the server's error text for the dialog to show next to the field. */
  async function callNumber(number: string): Promise<string | null> {
    const w = myWindow.value;
    if (!w) return null;
    let failure: string | null = null;
    busy.value = 'call';
    try {
      const finishing = current.value;
      const r = await cmd.callNumber(w.no, number);
      if (!r.ok) {
        failure = errorText(r.error);
        return failure;
      }
      if (finishing) recordDone(finishing);
      detail.value = r.data;
      overlayTicket(r.data);
      dialog.value = null;
      say('ok', 'result.called', { number: r.data.number });
      return null;
    } finally {
      busy.value = null;
    }
  }

  async function pause(reason: PauseReason): Promise<boolean> {
    const w = myWindow.value;
    if (!w) return false;
    dialog.value = null;
    return run('pause', () => cmd.pause(w.no, reason), (win) => {
      overlayWindow(win);
      say('ok', 'result.paused');
    });
  }

  async function signIn(no: number): Promise<ClientError | null> {
    busy.value = 'signIn';
    try {
      const r = await cmd.signIn(no);
      if (!r.ok) return r.error;
      overlayWindow(r.data);
      say('ok', 'result.signedIn', undefined, { window: { zh: r.data.name, en: r.data.nameEn } });
      return null;
    } finally {
      busy.value = null;
    }
  }

  async function signOut(): Promise<void> {
    const w = myWindow.value;
    leaving = true;
    if (w) {
      const ok = await run('signOut', () => cmd.signOut(w.no), (win) => overlayWindow(win));
      if (!ok) {
        leaving = false;
        return;
      }
    }
    dialog.value = null;
    void logout(session.token);
    hooks.onSignedOut();
  }

  function setKey(target: ShortcutTarget, id: string): ShortcutTarget | null {
    const r = assignKey(keys.value, target, id);
    keys.value = r.map;
    prefs.saveKeys(r.map);
    return r.swappedWith;
  }
  function resetKeys(): void {
    keys.value = { ...DEFAULT_KEYS };
    prefs.saveKeys(keys.value);
  }
  return {
    session,
    conn,
    assist,
    now,
    online,
    snapshot,
    myWindow,
    current,
    detail,
    enabled,
    prompted,
    busy,
    notice,
    dialog,
    undoOffer,
    undoLeft,
    catalogue: info.catalogue,
    currentMatters: info.currentMatters,
    windowMatters: info.windowMatters,
    checklist: info.checklist,
    guideChecklist: info.guideChecklist,
    service: info.service,
    toggleMaterial: info.toggleMaterial,
    queues,
    nextFrom,
    allQueues,
    today: figures.today,
    worked: work.worked,
    breakDue: work.breakDue,
    breakMinutes: work.breakMinutes,
    pausedFor: work.pausedFor,
    setBreakMinutes: work.setBreakMinutes,
    snoozeBreak: work.snoozeBreak,
    keys,
    autoCall: auto.state,
    /** null until the account's settings have come (the dialog says so; nothing counts down). */
    autoSettings: account.autoCall,
    prefsSync: account.sync,
    autoSecondsLeft: auto.secondsLeft,
    autoShareLeft: auto.shareLeft,
    setAutoSettings: account.setAutoCall,
    promptQueue,
    waitingForMe,
    helpCalled,
    recallLimit,
    lostWindow,
    press,
    transfer,
    callNumber,
    pause,
    signIn,
    signOut,
    setKey,
    resetKeys,
    dismissNotice: () => (notice.value = null),
    openDialog: (d: Exclude<Dialog, null>) => (dialog.value = d),
    closeDialog: () => (dialog.value = null),
    waitedMinutes: (tk: Ticket) => Math.floor(secondsSince(tk.arrivedAt, tk.calledAt ? Date.parse(tk.calledAt) : now.value) / 60),
    close: () => {
      auto.dispose();
      figures.dispose();
      conn.close();
    },
  };
}

export type ClerkStore = ReturnType<typeof createClerkStore>;

function assertNever(x: never): never {
  throw new Error(`unhandled ${String(x)}`);
}
