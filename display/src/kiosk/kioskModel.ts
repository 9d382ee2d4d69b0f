/**
 * The kiosk's (and guide desk's) state and actions, for the components to show and call. It holds
 * the step the citizen is on, the catalogue, the settings, the access preferences and the issued
 * ticket; live hall data (people waiting, connection) comes from the displays' socket module.
 * Components never fetch or touch the socket themselves. The commands that take a number (取号,
 * 签到, the guide desk's issue and check-in) are in ticketCommands.ts, given this state.
 */
import { computed, ref, shallowRef, watch, type ComputedRef, type Ref, type ShallowRef } from 'vue';
import type { Appointment, CitizenSettings } from '../../../shared/citizen';
import type { OnsiteCode } from '../../../shared/mobile';
import type { Catalogue, Role, TicketDetail } from '../../../shared/schemas';
import type { HallConnection } from '../shared/hallSocket';
import type { Lang } from '../shared/i18n';
import { noticesIn } from '../shared/notices';
import { idCardWords } from './idCardText';
import type { kioskApi as KioskApiImpl } from './kioskApi';
import { kioskWords, type KioskWords } from './kioskText';
import { loadMyTickets, rememberTicket, type MyTicket } from './myTickets';
import { createOnsiteQr } from './onsite';
import type { Speaker } from './speech';
import { createTicketCommands, type TicketCommands } from './ticketCommands';
import { createTicketingState, type TicketingState } from './ticketingState';

export type { GuideCheckIn, GuideIssue } from './ticketCommands';

/** What a card is read for: a number of this queue and matter, or the check-in of the appointment with this code. */
export type CardPurpose = { queue: string; matterId: string | null } | { checkIn: string };

/** `mobile`: 扫码取号 — the kiosk's steps on the citizen's own phone; the ticket opens its phone page. */
export type Mode = 'kiosk' | 'guide' | 'mobile';

export type Step =
  | { name: 'start' }
  | { name: 'queues'; category: string }
  | { name: 'matters'; queue: string }
  | { name: 'confirm'; queue: string; matterId: string | null }
  /** 刷身份证取号 / 刷身份证签到: waiting for the card (reader or keypad) for what `purpose` says. */
  | { name: 'idcard'; purpose: CardPurpose }
  | { name: 'checkin' }
  | { name: 'signin' }
  | { name: 'guide' }
  | { name: 'ticket'; ticket: TicketDetail; appointment: boolean };

export interface KioskOptions {
  mode: Mode;
  hall: HallConnection;
  api: typeof KioskApiImpl;
  speaker: Speaker;
  /** Where a signed-in guide's token (session) or a kiosk device token (local) is kept. */
  tokenStore: Storage;
  /** `?signin`: a kiosk asks for its device account first (halls without public ticketing). */
  askSignIn: boolean;
  /** Print each ticket as soon as it is shown (`?print=0` turns it off on a kiosk with no printer). */
  autoPrint: boolean;
  /** Mobile mode: go to the ticket's own page (/t/:id), which follows it from there. */
  openTicket?: (ticketId: string) => void;
  /** Mobile mode: the code of the hall's QR this phone scanned (场内扫码取号), sent with its ticket. */
  onsiteScanned?: string | null;
}

/** Where each mode keeps its sign-in (kioskHelp.ts reads it too). */
export const TOKEN_KEY = { kiosk: 'hall.kiosk.token', guide: 'hall.guide.token', mobile: 'hall.mobile.token' } as const;
const SIGN_IN_ROLES: Record<Mode, readonly Role[]> = { kiosk: ['kiosk', 'manager'], guide: ['guide', 'manager'], mobile: [] };

export interface KioskModel extends TicketingState, TicketCommands {
  mode: Mode;
  lang: Ref<Lang>;
  words: ComputedRef<KioskWords>;
  large: Ref<boolean>;
  speakOn: Ref<boolean>;
  catalogue: ShallowRef<Catalogue | null>;
  catalogueFailed: Ref<boolean>;
  settings: ShallowRef<CitizenSettings | null>;
  step: ShallowRef<Step>;
  canGoBack: ComputedRef<boolean>;
  priority: Ref<boolean>;
  busy: Ref<boolean>;
  error: Ref<string | null>;
  /** The server is reachable (the live socket is in step). */
  online: ComputedRef<boolean>;
  status: HallConnection['status'];
  hallName: ComputedRef<string>;
  timezone: ComputedRef<string>;
  autoPrint: boolean;
  /** Where phones open a ticket's page (the QR code's base). */
  publicBase: ComputedRef<string>;
  signedIn: ComputedRef<boolean>;
  go(step: Step): void;
  back(): void;
  home(): void;
  /** The idle timer ran out: back to the start, preferences back to their defaults. */
  idle(): void;
  toggleLang(): void;
  toggleLarge(): void;
  toggleSpeak(): void;
  waitingOf(queue: string): number | null;
  /** The hall's notices (the walls scroll them), for the start screen: in English when switched to it, where a notice has English. */
  notices: ComputedRef<readonly string[]>;
  /** Kiosk mode: the QR of the minute for phones (场内扫码取号), or null (off, not yet, refused). */
  onsiteQr: ShallowRef<OnsiteCode | null>;
  /** Mobile mode: the hall takes phone numbers only from its screens' QR, and this phone brought none. */
  onsiteMissing: ComputedRef<boolean>;
  /** Mobile mode: the numbers this phone took today (newest first), each opening its page. */
  myTickets: ComputedRef<readonly MyTicket[]>;
  /** The appointment code typed on the check-in screen: kept while the citizen goes to the card step and back. */
  checkInCode: Ref<string>;
  /** The guide desk: today's appointment with this code (booked and not yet checked in), or null. */
  findAppointment(code: string): Promise<Appointment | null>;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
  loadCatalogue(): Promise<void>;
  speakStep(): void;
}

export function createKioskModel(o: KioskOptions): KioskModel {
  const lang = ref<Lang>('zh');
  const words = computed(() => kioskWords[lang.value]);
  const large = ref(false);
  const speakOn = ref(false);
  const catalogue = shallowRef<Catalogue | null>(null);
  const catalogueFailed = ref(false);
  const settings = shallowRef<CitizenSettings | null>(null);
  const token = ref<string | null>(o.tokenStore.getItem(TOKEN_KEY[o.mode]));
  const startStep = (): Step => (o.mode === 'guide' ? (token.value ? { name: 'guide' } : { name: 'signin' }) : o.askSignIn && !token.value ? { name: 'signin' } : { name: 'start' });
  const step = shallowRef<Step>(startStep());
  const history: Step[] = [];
  const depth = ref(0);
  const priority = ref(false);
  const checkInCode = ref('');
  const busy = ref(false);
  const error = ref<string | null>(null);
  let catalogueAt = 0;
  const mine = shallowRef<MyTicket[] | null>(null);
  const ticketing = createTicketingState(o.hall, o.mode);
  const onsiteQr = createOnsiteQr({
    // A kiosk that signs in after it loaded (public ticketing off) is answered at once, not on the retry.
    key: () => (o.mode === 'kiosk' && settings.value?.mobileOnSite === true ? `on:${token.value ?? ''}` : null),
    fetch: () => o.api.onsiteCode(token.value),
  });

  const online = computed(() => o.hall.status.value === 'live');
  const hallName = computed(() => {
    const h = o.hall.state.value?.hall;
    if (!h) return '';
    return lang.value === 'en' ? h.nameEn : h.name;
  });

  watch(large, (on) => document.documentElement.classList.toggle('large', on), { immediate: true });
  watch(words, (w) => (document.documentElement.lang = w.htmlLang), { immediate: true });

  function go(next: Step): void {
    history.push(step.value);
    depth.value = history.length;
    error.value = null;
    step.value = next;
    speakStep();
  }

  function back(): void {
    const prev = history.pop();
    depth.value = history.length;
    error.value = null;
    if (prev) step.value = prev;
    speakStep();
  }

  function home(): void {
    history.length = 0;
    depth.value = 0;
    error.value = null;
    priority.value = false;
    checkInCode.value = '';
    step.value = startStep();
    // The catalogue may have changed (a manager edits it live): refresh it between citizens.
    if (Date.now() - catalogueAt > 60_000) void loadCatalogue();
  }

  function speakStep(): void {
    if (!speakOn.value) return;
    const s = words.value.speech;
    const st = step.value;
    const text =
      st.name === 'start' ? s.start
      : st.name === 'queues' ? s.queues
      : st.name === 'matters' ? s.matters
      : st.name === 'confirm' ? s.confirm
      : st.name === 'checkin' ? s.checkin
      : st.name === 'idcard' ? idCardWords[lang.value].speech
      : st.name === 'ticket' ? s.ticket(st.ticket.number, st.ticket.ahead)
      : null;
    if (text) o.speaker.speak(text, lang.value);
  }

  async function loadCatalogue(): Promise<void> {
    const [c, s] = await Promise.all([o.api.catalogue(), o.api.settings()]);
    if (c.ok) {
      catalogue.value = c.data;
      catalogueAt = Date.now();
    }
    if (s.ok) settings.value = s.data;
    catalogueFailed.value = !c.ok;
  }

  function showTicket(ticket: TicketDetail, appointment: boolean): void {
    if (o.mode === 'mobile' && o.openTicket) {
      const day = o.hall.state.value?.hall.serviceDay ?? ticket.issuedAt.slice(0, 10);
      mine.value = rememberTicket(o.tokenStore, { id: ticket.id, number: ticket.number, day });
      o.openTicket(ticket.id);
      return;
    }
    history.length = 0;
    depth.value = 0;
    error.value = null;
    step.value = { name: 'ticket', ticket, appointment };
    speakStep();
  }

  const commands = createTicketCommands({
    mode: o.mode,
    hall: o.hall,
    api: o.api,
    speaker: o.speaker,
    onsiteScanned: o.onsiteScanned,
    lang,
    words,
    speakOn,
    priority,
    busy,
    error,
    token,
    step,
    showTicket,
    back,
    signOut,
    loadCatalogue,
  });

  async function findAppointment(code: string): Promise<Appointment | null> {
    const r = await o.api.todaysAppointments(token.value);
    if (!r.ok) return null;
    return r.data.find((a) => a.code === code && a.status === 'booked') ?? null;
  }

  async function signIn(username: string, password: string): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      const r = await o.api.login(username, password);
      if (!r.ok) {
        error.value = r.offline ? words.value.issueOffline : words.value.guide.badLogin;
        return;
      }
      if (!SIGN_IN_ROLES[o.mode].includes(r.data.user.role)) {
        error.value = words.value.guide.wrongRole;
        return;
      }
      token.value = r.data.token;
      o.tokenStore.setItem(TOKEN_KEY[o.mode], r.data.token);
      home();
    } finally {
      busy.value = false;
    }
  }

  function signOut(): void {
    token.value = null;
    o.tokenStore.removeItem(TOKEN_KEY[o.mode]);
    history.length = 0;
    depth.value = 0;
    step.value = startStep();
  }

  return {
    mode: o.mode,
    lang,
    words,
    large,
    speakOn,
    catalogue,
    catalogueFailed,
    settings,
    step,
    canGoBack: computed(() => depth.value > 0),
    priority,
    busy,
    error,
    online,
    status: o.hall.status,
    hallName,
    timezone: computed(() => o.hall.state.value?.hall.timezone ?? 'Asia/Shanghai'),
    autoPrint: o.autoPrint,
    publicBase: computed(() => settings.value?.publicBaseUrl || window.location.origin),
    signedIn: computed(() => token.value !== null),
    go,
    back,
    home,
    idle() {
      o.speaker.stop();
      home();
      if (o.mode === 'kiosk') {
        lang.value = 'zh';
        large.value = false;
      }
    },
    toggleLang() {
      lang.value = lang.value === 'zh' ? 'en' : 'zh';
      speakStep();
    },
    toggleLarge() {
      large.value = !large.value;
    },
    toggleSpeak() {
      speakOn.value = !speakOn.value;
      if (speakOn.value) speakStep();
      else o.speaker.stop();
    },
    waitingOf(queue) {
      return o.hall.state.value?.queues.find((q) => q.code === queue)?.waiting ?? null;
    },
    notices: computed(() => noticesIn(o.hall.state.value?.hall, lang.value)),
    onsiteQr,
    onsiteMissing: computed(() => o.mode === 'mobile' && settings.value?.mobileOnSite === true && !o.onsiteScanned),
    ...ticketing,
    myTickets: computed(() => {
      const today = o.hall.state.value?.hall.serviceDay;
      if (o.mode !== 'mobile' || !today) return [];
      return (mine.value ?? loadMyTickets(o.tokenStore, today)).filter((t) => t.day === today);
    }),
    ...commands,
    checkInCode,
    findAppointment,
    signIn,
    signOut,
    loadCatalogue,
    speakStep,
  };
}
