/**
 * What the kiosk, 扫码取号 and the guide desk send to take a number: a ticket (取号), an
 * appointment's check-in (预约签到), and the desk's own issue and check-in with its note, materials
 * checklist and card. Each is one call at a time (`busy`), clears the last error, and either shows
 * the ticket the server stored or says why not — never a ticket it did not answer with. The model
 * (kioskModel.ts) owns the state these share and passes it in; this file holds only the commands
 * and the words of their refusals.
 */
import type { ComputedRef, Ref, ShallowRef } from 'vue';
import type { CheckInBody, CheckInResult } from '../../../shared/citizen';
import type { MobileIssueBody } from '../../../shared/mobile';
import type { GuideChecklist, IssueTicketBody, TicketDetail } from '../../../shared/schemas';
import { hoursLabel } from '../../../shared/ticketHours';
import type { HallConnection } from '../shared/hallSocket';
import type { Lang } from '../shared/i18n';
import { checkInErrorText } from './checkInErrors';
import { cardModeChanged, deskIdCardIssueError, idCardCheckInError, idCardIssueError, idCardWords } from './idCardText';
import type { ApiResult, kioskApi as KioskApiImpl } from './kioskApi';
import type { Mode, Step } from './kioskModel';
import type { KioskWords } from './kioskText';
import { onsiteIssueError, onsiteWords } from './onsiteText';
import { phoneVerifyWords, verifyIssueError } from './phoneVerifyText';
import type { Speaker } from './speech';

export interface GuideIssue {
  queue: string;
  matters: string[];
  priority: boolean;
  note: string;
  checklist: GuideChecklist;
  idCard?: string | undefined;
}

/** The guide desk's check-in: `idCard` as for GuideIssue (刷身份证签到 at the desk). */
export interface GuideCheckIn {
  code: string;
  priority: boolean;
  note: string;
  checklist?: GuideChecklist;
  idCard?: string | undefined;
}

/** The model's state and steps the commands read and move. */
export interface TicketCommandContext {
  mode: Mode;
  hall: HallConnection;
  api: Pick<typeof KioskApiImpl, 'issue' | 'checkIn'>;
  speaker: Speaker;
  /** Mobile mode: the code of the hall's QR this phone scanned (场内扫码取号), sent with its ticket. */
  onsiteScanned?: string | null | undefined;
  lang: Ref<Lang>;
  words: ComputedRef<KioskWords>;
  speakOn: Ref<boolean>;
  /** The citizen's 绿色通道 choice on the confirm screen. */
  priority: Ref<boolean>;
  busy: Ref<boolean>;
  error: Ref<string | null>;
  token: Ref<string | null>;
  step: ShallowRef<Step>;
  /** Shows the stored ticket (or, on a phone, opens its page). */
  showTicket(ticket: TicketDetail, appointment: boolean): void;
  back(): void;
  signOut(): void;
  /** Reads the catalogue and settings again (实名取号 switched since the screen loaded). */
  loadCatalogue(): Promise<void>;
}

export interface TicketCommands {
  /**
   * `verified`: the phone and its texted code, in a hall that verifies phones (扫码取号需验证手机号);
   * `idCard`: the number a card reader (or the keypad) gave (实名取号).
   */
  takeTicket(queue: string, matters: string[], verified?: { phone: string; code: string }, idCard?: string): Promise<void>;
  /** `idCard`: the number the card step read (刷身份证签到; its own check passed). */
  checkIn(code: string, idCard?: string): Promise<void>;
  /** `idCard`: the card the guide desk read (实名取号; the desk's own check passed), sent as the kiosk sends it. */
  guideIssue(input: GuideIssue): Promise<boolean>;
  guideCheckIn(input: GuideCheckIn): Promise<boolean>;
}

type Failure = Extract<ApiResult<unknown>, { ok: false }>;

export function createTicketCommands(c: TicketCommandContext): TicketCommands {
  /** The error a failed issue shows: offline, numbers used up, not allowed, or generic. Never a ticket. */
  function issueError(r: Failure): string {
    const w = c.words.value;
    if (r.offline) return w.issueOffline;
    if (r.error.code === 'NUMBERS_EXHAUSTED') return w.numbersExhausted;
    if (r.error.reason === 'outside_hours') return w.outsideHours(hoursLabel(c.hall.state.value?.hall.ticketHours ?? []));
    if (r.error.reason === 'queue_stopped') return w.queueStopped;
    const lang = c.lang.value;
    const phone = verifyIssueError(r.error, phoneVerifyWords[lang]) ?? onsiteIssueError(r.error, onsiteWords[lang]) ?? idCardIssueError(r.error, idCardWords[lang]);
    if (phone !== null) return phone;
    if (r.error.code === 'UNAUTHORIZED' || r.error.code === 'FORBIDDEN') return c.mode === 'mobile' ? w.mobileNotAllowed : w.notAllowed;
    return w.issueFailed;
  }

  function failed(r: Failure, message: string): void {
    c.error.value = message;
    if (r.error.code === 'UNAUTHORIZED' && c.token.value) {
      // The token expired: sign in again before the next try.
      c.signOut();
    }
    if (c.speakOn.value) c.speaker.speak(c.words.value.speech.failed, c.lang.value);
  }

  /** Why a check-in was refused, for the citizen (kiosk) or the guide (desk); `card`: one was sent. */
  function checkInError(r: Failure, card: boolean): string {
    const w = c.words.value;
    if (r.offline) return w.issueOffline;
    if (r.error.code === 'UNAUTHORIZED') return w.notAllowed;
    const cardWords = idCardWords[c.lang.value];
    const aboutCard = card && c.mode === 'guide' ? deskIdCardIssueError(r.error, cardWords) : idCardCheckInError(r.error, cardWords);
    return aboutCard ?? checkInErrorText(r.error, w);
  }

  /** One command at a time: a second tap while the first is on its way does nothing (`idle`). */
  async function once<T>(idle: T, run: () => Promise<T>): Promise<T> {
    if (c.busy.value) return idle;
    c.busy.value = true;
    c.error.value = null;
    try {
      return await run();
    } finally {
      c.busy.value = false;
    }
  }

  async function runCheckIn(code: string, extra: { priority: boolean; note?: string; checklist?: GuideChecklist; idCard?: string | undefined }): Promise<ApiResult<CheckInResult>> {
    const body: CheckInBody = { code };
    if (extra.priority) body.priority = 'priority';
    if (extra.note) body.note = extra.note;
    if (extra.checklist && extra.checklist.length > 0) body.checklist = extra.checklist;
    if (extra.idCard !== undefined) body.idCard = extra.idCard;
    const r = await c.api.checkIn(body, c.token.value);
    if (r.ok) {
      c.showTicket(r.data.ticket, true);
      return r;
    }
    const card = extra.idCard !== undefined;
    const message = checkInError(r, card);
    // A refusal about the appointment (unknown code, too early…) read at the card step: back to the
    // code, where it can be put right; a refusal about the card stays with the card.
    if (c.step.value.name === 'idcard' && !r.offline && idCardCheckInError(r.error, idCardWords[c.lang.value]) === null) c.back();
    failed(r, message);
    // 实名取号 set to `required` or off since the screen loaded: read the settings again, and the buttons follow.
    if (!r.offline && cardModeChanged(r.error)) void c.loadCatalogue();
    return r;
  }

  return {
    takeTicket: (queue, matters, verified, idCard) =>
      once(undefined, async () => {
        const body: MobileIssueBody = { queue, matters };
        if (c.mode === 'mobile') body.channel = 'mobile';
        if (c.mode === 'mobile' && verified) Object.assign(body, verified);
        if (c.mode === 'mobile' && c.onsiteScanned) body.onsite = c.onsiteScanned;
        if (c.priority.value) body.priority = 'priority';
        if (idCard !== undefined) body.idCard = idCard;
        const r = await c.api.issue(body, c.token.value);
        if (r.ok) c.showTicket(r.data, false);
        else failed(r, issueError(r));
      }),

    checkIn: (code, idCard) =>
      once(undefined, async () => {
        await runCheckIn(code, { priority: c.priority.value, idCard });
      }),

    guideIssue: (input) =>
      once(false, async () => {
        const body: IssueTicketBody = { queue: input.queue, matters: input.matters, channel: 'guide' };
        if (input.note) body.note = input.note;
        if (input.checklist.length > 0) body.checklist = input.checklist;
        if (input.priority) body.priority = 'priority';
        if (input.idCard !== undefined) body.idCard = input.idCard;
        const r = await c.api.issue(body, c.token.value);
        if (r.ok) c.showTicket(r.data, false);
        else {
          // A refusal about the card is said to the guide, with the way to issue anyway (without it).
          const card = input.idCard !== undefined && !r.offline ? deskIdCardIssueError(r.error, idCardWords[c.lang.value]) : null;
          failed(r, card ?? issueError(r));
          // 实名取号 was turned off since the desk loaded: read the settings again, and the card area goes.
          if (card !== null && r.error.code === 'INVALID_STATE') void c.loadCatalogue();
        }
        return r.ok;
      }),

    guideCheckIn: (input) =>
      once(false, async () => {
        const extra: { priority: boolean; note: string; checklist?: GuideChecklist; idCard?: string | undefined } = { priority: input.priority, note: input.note, idCard: input.idCard };
        if (input.checklist) extra.checklist = input.checklist;
        return (await runCheckIn(input.code, extra)).ok;
      }),
  };
}
