/**
 * The clerk's window as the panel shows it: the hall snapshot's window, overlaid with what an
 * acknowledged command said until the hall change catches up (so buttons never flicker back to
 * a state that would allow a second call), and what follows from it — the ticket at the window,
 * the buttons that can work, the window's queues, and the server's 请叫号 prompt for it.
 */
import { computed, shallowRef, type ComputedRef } from 'vue';
import type { Ticket, Window } from '../../../../shared/schemas';
import type { AssistStore } from '../../shared/assist';
import { activeAt } from '../../shared/assistList';
import type { HallConnection } from '../../shared/connection';
import { enabledActions } from '../logic/actions';
import { likelyNext, queueRows, totalWaiting } from '../logic/myQueues';
import { effectiveWindow, windowAfterTicket, windowOfClerk, type AckOverlay } from '../logic/windowView';
import type { Bilingual } from './notices';

export function createWindowView(deps: {
  conn: HallConnection;
  userId: string;
  /** The clerk's skills: a queue of the window without the skill never calls. */
  skills: readonly string[];
  assist: AssistStore;
  now: ComputedRef<number>;
}) {
  const { conn, userId, assist, now } = deps;
  const overlay = shallowRef<AckOverlay | null>(null);

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
  const skills = new Set(deps.skills);
  /** People this clerk may call here (a queue of the window without the skill never calls). */
  const waitingForMe = computed(() => totalWaiting(queues.value.filter((q) => skills.has(q.code))));

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

  const queueName = (code: string): Bilingual => {
    const q = allQueues.value.find((x) => x.code === code);
    return q ? { zh: q.name, en: q.nameEn } : { zh: code };
  };

  return {
    snapshot,
    online,
    recallLimit,
    myWindow,
    current,
    prompted,
    promptQueue,
    enabled,
    queues,
    nextFrom,
    allQueues,
    helpCalled,
    waitingForMe,
    overlayTicket,
    overlayWindow,
    queueName,
  };
}

export type WindowView = ReturnType<typeof createWindowView>;
