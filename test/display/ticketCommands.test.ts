/**
 * The kiosk's commands that take a number (display/src/kiosk/ticketCommands.ts), with the model's
 * state as plain refs and the server's answers injected: what each sends, that a ticket is shown
 * only when one came back, one command at a time, and the words of a refusal. The same commands
 * run against a real server in the kiosk's and guide desk's browser tests.
 */
import { describe, expect, it } from 'vitest';
import { computed, ref, shallowRef } from 'vue';
import type { ApiError } from '../../shared/errors';
import type { TicketDetail } from '../../shared/schemas';
import type { ApiResult } from '../../display/src/kiosk/kioskApi';
import type { Mode, Step } from '../../display/src/kiosk/kioskModel';
import { kioskWords } from '../../display/src/kiosk/kioskText';
import { idCardWords } from '../../display/src/kiosk/idCardText';
import { createTicketCommands } from '../../display/src/kiosk/ticketCommands';
import type { Lang } from '../../display/src/shared/i18n';

const ticket = { id: 't1', number: 'A001', queue: 'A', ahead: 0 } as TicketDetail;
const refused = (error: ApiError, offline = false): ApiResult<never> => ({ ok: false, error, offline });

/** The commands over fresh state; `answer` is what the server says to every call. */
function setup(mode: Mode, answer: () => Promise<ApiResult<unknown>>, start: Step = { name: 'confirm', queue: 'A', matterId: null }) {
  const sent: { path: 'issue' | 'checkIn'; body: unknown; token: string | null }[] = [];
  const shown: { ticket: TicketDetail; appointment: boolean }[] = [];
  const log: string[] = [];
  const lang = ref<Lang>('zh');
  const state = { busy: ref(false), error: ref<string | null>(null), token: ref<string | null>('tok'), priority: ref(false), step: shallowRef<Step>(start) };
  const commands = createTicketCommands({
    mode,
    hall: { state: shallowRef(null), status: ref('live') } as never,
    api: {
      issue: (body, token) => (sent.push({ path: 'issue', body, token }), answer() as Promise<ApiResult<TicketDetail>>),
      checkIn: (body, token) => (sent.push({ path: 'checkIn', body, token }), answer() as never),
    },
    speaker: { speak: (text: string) => log.push(`speak ${text}`), stop: () => undefined } as never,
    onsiteScanned: mode === 'mobile' ? 'k3-0123456789' : null,
    lang,
    words: computed(() => kioskWords[lang.value]),
    speakOn: ref(false),
    ...state,
    showTicket: (t, appointment) => shown.push({ ticket: t, appointment }),
    back: () => log.push('back'),
    signOut: () => log.push('signOut'),
    loadCatalogue: async () => void log.push('reload'),
  });
  return { commands, sent, shown, log, state, lang };
}

describe('取号', () => {
  it('a kiosk sends the queue, matters, 绿色通道 and card; shows the stored ticket', async () => {
    const s = setup('kiosk', async () => ({ ok: true, data: ticket }));
    s.state.priority.value = true;
    await s.commands.takeTicket('A', ['A-01'], { phone: '13900000000', code: '123456' }, '110101199003077777');
    // A kiosk's ticket is not a phone's: no channel, no phone, no onsite code.
    expect(s.sent).toEqual([{ path: 'issue', body: { queue: 'A', matters: ['A-01'], priority: 'priority', idCard: '110101199003077777' }, token: 'tok' }]);
    expect(s.shown).toEqual([{ ticket, appointment: false }]);
    expect([s.state.busy.value, s.state.error.value]).toEqual([false, null]);
  });

  it('a phone sends channel mobile, its verified number and the scanned code', async () => {
    const s = setup('mobile', async () => ({ ok: true, data: ticket }));
    await s.commands.takeTicket('E', [], { phone: '13900000000', code: '123456' });
    expect(s.sent[0]!.body).toEqual({ queue: 'E', matters: [], channel: 'mobile', phone: '13900000000', code: '123456', onsite: 'k3-0123456789' });
  });

  it('one at a time: a second tap while the first is on its way sends nothing', async () => {
    let answer!: (r: ApiResult<unknown>) => void;
    const s = setup('kiosk', () => new Promise((r) => (answer = r)));
    const first = s.commands.takeTicket('A', []);
    await s.commands.takeTicket('A', []);
    expect(await s.commands.guideIssue({ queue: 'A', matters: [], priority: false, note: '', checklist: [] })).toBe(false);
    expect(s.sent).toHaveLength(1);
    expect(s.state.busy.value).toBe(true);
    answer({ ok: true, data: ticket });
    await first;
    expect(s.state.busy.value).toBe(false);
    expect(s.shown).toHaveLength(1);
  });

  it.each<[string, ApiResult<never>, Mode, string]>([
    ['offline', refused({ code: 'INTERNAL', message: '' }, true), 'kiosk', kioskWords.zh.issueOffline],
    ['numbers used up', refused({ code: 'NUMBERS_EXHAUSTED', message: '' }), 'kiosk', kioskWords.zh.numbersExhausted],
    ['queue stopped', refused({ code: 'INVALID_STATE', message: '', reason: 'queue_stopped' }), 'kiosk', kioskWords.zh.queueStopped],
    ['a card misread', refused({ code: 'BAD_REQUEST', message: '', reason: 'id_card_invalid' }), 'kiosk', idCardWords.zh.invalid],
    ['not allowed, kiosk', refused({ code: 'FORBIDDEN', message: '' }), 'kiosk', kioskWords.zh.notAllowed],
    ['not allowed, phone', refused({ code: 'FORBIDDEN', message: '' }), 'mobile', kioskWords.zh.mobileNotAllowed],
    ['anything else', refused({ code: 'INTERNAL', message: '' }), 'kiosk', kioskWords.zh.issueFailed],
  ])('refused (%s): says why, shows no ticket', async (_what, answer, mode, words) => {
    const s = setup(mode, async () => answer);
    await s.commands.takeTicket('A', []);
    expect(s.shown).toEqual([]);
    expect(s.state.error.value).toBe(words);
  });

  it('an expired sign-in signs out, so the next try asks for it', async () => {
    const s = setup('kiosk', async () => refused({ code: 'UNAUTHORIZED', message: '' }));
    await s.commands.takeTicket('A', []);
    expect(s.log).toEqual(['signOut']);
    expect(s.state.error.value).toBe(kioskWords.zh.notAllowed);
  });
});

describe('签到 and the guide desk', () => {
  const checkedIn = async (): Promise<ApiResult<unknown>> => ({ ok: true, data: { appointment: { code: '482913' }, ticket } });

  it('a check-in shows its ticket as an appointment’s', async () => {
    const s = setup('kiosk', checkedIn);
    await s.commands.checkIn('482913');
    expect(s.sent).toEqual([{ path: 'checkIn', body: { code: '482913' }, token: 'tok' }]);
    expect(s.shown).toEqual([{ ticket, appointment: true }]);
  });

  it('a refusal about the appointment read at the card step goes back to the code; one about the card stays', async () => {
    const unknown = setup('kiosk', async () => refused({ code: 'NOT_FOUND', message: '' }), { name: 'idcard', purpose: { checkIn: '482913' } });
    await unknown.commands.checkIn('482913', '110101199003077777');
    expect(unknown.log).toEqual(['back']);
    const card = setup('kiosk', async () => refused({ code: 'BAD_REQUEST', message: '', reason: 'id_card_invalid' }), { name: 'idcard', purpose: { checkIn: '482913' } });
    await card.commands.checkIn('482913', '110101199003077777');
    expect(card.log).toEqual([]);
    expect(card.state.error.value).toBe(idCardWords.zh.invalid);
  });

  it('the desk issues on channel guide with its note and checklist, and says true only for a ticket', async () => {
    const s = setup('guide', async () => ({ ok: true, data: ticket }));
    const checklist = [{ matterId: 'A-01', material: '公司章程', status: 'ok' }] as never;
    expect(await s.commands.guideIssue({ queue: 'A', matters: ['A-01'], priority: true, note: '轮椅', checklist })).toBe(true);
    expect(s.sent[0]!.body).toEqual({ queue: 'A', matters: ['A-01'], channel: 'guide', note: '轮椅', checklist, priority: 'priority' });
    const no = setup('guide', async () => refused({ code: 'INTERNAL', message: '' }, true));
    expect(await no.commands.guideIssue({ queue: 'A', matters: [], priority: false, note: '', checklist: [] })).toBe(false);
    expect(no.state.error.value).toBe(kioskWords.zh.issueOffline);
  });

  it('the desk’s check-in sends its note, checklist and card, and an empty checklist not at all', async () => {
    const s = setup('guide', checkedIn);
    expect(await s.commands.guideCheckIn({ code: '482913', priority: false, note: '陪同', checklist: [], idCard: '110101199003077777' })).toBe(true);
    expect(s.sent[0]!.body).toEqual({ code: '482913', note: '陪同', idCard: '110101199003077777' });
    expect(s.shown[0]!.appointment).toBe(true);
  });
});
