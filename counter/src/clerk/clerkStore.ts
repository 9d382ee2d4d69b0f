/**
 * The clerk panel's state and actions: one per signed-in clerk. It owns the connection and puts
 * the panel's parts together (store/): the window as shown (windowView), its commands
 * (windowCommands, one at a time through commandRunner, 撤销过号 in noShowUndo), sign-in and
 * sign-out (signInOut), 自动叫号 (autoCall, with the settings kept with the account in
 * accountPrefs), the notice bar (notices), the citizen at the window (ticketInfo), the day's
 * figures, the work timer and the key map. Components read from here and call `press`; they
 * never see the socket.
 */
import { computed, ref } from 'vue';
import type { Ticket } from '../../../shared/schemas';
import { useAssist } from '../shared/assist';
import { staffCommands } from '../shared/commands';
import { connectHall } from '../shared/connection';
import { openModals } from '../shared/modals';
import type { StaffSession } from '../shared/session';
import { useServerNow } from '../shared/ticker';
import { secondsSince } from '../shared/time';
import type { AutoFacts } from './logic/autoCall';
import { createAccountPrefs } from './store/accountPrefs';
import { createAutoCall } from './store/autoCall';
import { createCommandRunner } from './store/commandRunner';
import { createDayFigures } from './store/dayFigures';
import { createDeferrals } from './store/deferrals';
import type { Dialog } from './store/dialog';
import { createMyHonors } from './store/myHonors';
import { createNoShowUndo } from './store/noShowUndo';
import { createNotices } from './store/notices';
import { createQuestions } from './store/questions';
import { createShortcutKeys } from './store/shortcutKeys';
import { createSignInOut } from './store/signInOut';
import { createTicketInfo } from './store/ticketInfo';
import { createWindowCommands } from './store/windowCommands';
import { createWindowView } from './store/windowView';
import { createWorkTimer } from './store/workTimer';

export type { Dialog } from './store/dialog';
export type { Bilingual, Notice } from './store/notices';

export function createClerkStore(session: StaffSession, hooks: { onSignedOut: (reason?: string) => void }) {
  const conn = connectHall({ token: session.token });
  const cmd = staffCommands(conn);
  const now = useServerNow(conn.serverOffset);
  /** This clerk's own 求助 calls (the TopBar button shows the live one). */
  const assist = useAssist(conn, (r) => r.clerk.id === session.user.id);
  const userId = session.user.id;

  const dialog = ref<Dialog>(null);
  const { notice, say, dismiss } = createNotices();
  const runner = createCommandRunner(say);
  const { busy } = runner;
  const keys = createShortcutKeys();
  const view = createWindowView({ conn, userId, skills: session.user.skills, assist, now });
  const { snapshot, myWindow, current } = view;

  const info = createTicketInfo({ token: session.token, cmd, current, myWindow, now });
  const { detail } = info;
  const figures = createDayFigures({ conn, snapshot, userId, now });
  const work = createWorkTimer({ snapshot, myWindow, now, userId });

  const autoFacts = computed<AutoFacts>(() => {
    const w = myWindow.value;
    return {
      online: view.online.value,
      windowState: w?.state ?? null,
      hasTicket: current.value !== undefined,
      prompted: view.prompted.value,
      waiting: view.waitingForMe.value,
      // The panel's own dialogs, and any other box (the 求助 box keeps its own).
      dialog: dialog.value !== null || openModals.value > 0,
      helpCalled: view.helpCalled.value,
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
    // Only fires on a later tick, once `commands` below exists.
    fire: (reason) => commands.autoNext(reason),
  });

  const undo = createNoShowUndo({ cmd, view, run: runner.run, say, detail, now });
  const seat = createSignInOut({ session, conn, cmd, view, runner, dialog, say, onSignedOut: hooks.onSignedOut });
  /** 容缺受理: the current citizen's records, the box, the 告知承诺书 and 容缺补齐. */
  const deferrals = createDeferrals({ conn, current, dialog, say });
  /** 我的荣誉: the clerk's titles on the 光荣榜 over time (the settings dialog shows them). */
  const honors = createMyHonors({ conn, snapshot });
  /** 问题反映: this clerk's questions and answers, and the hall's 常见问题. */
  const questions = createQuestions({ conn, userId, currentMatters: info.currentMatters });
  const commands = createWindowCommands({ cmd, view, runner, dialog, say, auto, undo, detail, recordDone: figures.recordDone });

  return {
    session,
    conn,
    assist,
    now,
    online: view.online,
    snapshot,
    myWindow,
    current,
    detail,
    enabled: view.enabled,
    prompted: view.prompted,
    busy,
    notice,
    dialog,
    undoOffer: undo.undoOffer,
    undoLeft: undo.undoLeft,
    catalogue: info.catalogue,
    currentMatters: info.currentMatters,
    windowMatters: info.windowMatters,
    checklist: info.checklist,
    guideChecklist: info.guideChecklist,
    service: info.service,
    toggleMaterial: info.toggleMaterial,
    deferrals,
    questions,
    queues: view.queues,
    nextFrom: view.nextFrom,
    allQueues: view.allQueues,
    today: figures.today,
    worked: work.worked,
    breakDue: work.breakDue,
    breakMinutes: work.breakMinutes,
    pausedFor: work.pausedFor,
    setBreakMinutes: work.setBreakMinutes,
    snoozeBreak: work.snoozeBreak,
    keys: keys.keys,
    autoCall: auto.state,
    /** null until the account's settings have come (the dialog says so; nothing counts down). */
    autoSettings: account.autoCall,
    prefsSync: account.sync,
    myHonors: honors.list,
    autoSecondsLeft: auto.secondsLeft,
    autoShareLeft: auto.shareLeft,
    setAutoSettings: account.setAutoCall,
    promptQueue: view.promptQueue,
    waitingForMe: view.waitingForMe,
    helpCalled: view.helpCalled,
    recallLimit: view.recallLimit,
    lostWindow: seat.lostWindow,
    press: commands.press,
    transfer: commands.transfer,
    callNumber: commands.callNumber,
    pause: commands.pause,
    signIn: seat.signIn,
    signOut: seat.signOut,
    setKey: keys.setKey,
    resetKeys: keys.resetKeys,
    dismissNotice: dismiss,
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
