/** The pure logic of the kiosk, guide desk and phone page (no browser). */
import { describe, expect, it } from 'vitest';
import type { Catalogue, Matter, Ticket } from '../../shared/schemas';
import { categoriesOf, mattersOf, suggestedQueue } from '../../display/src/kiosk/catalogueView';
import { checkInErrorText } from '../../display/src/kiosk/checkInErrors';
import { buildGuideNote, guideChecklist, guideOwnNote, materialKey, NOTE_MAX } from '../../display/src/kiosk/guideNote';
import { categoryName, etaMinutes, etaRangeMinutes, etaText, kioskWords } from '../../display/src/kiosk/kioskText';
import { pageCss, receiptLengthMm } from '../../display/src/kiosk/printPage';
import { phonePageUrl, qrShape } from '../../display/src/kiosk/qr';
import { loadPrefs, savePrefs } from '../../display/src/ticket/prefs';
import { ticketWords } from '../../display/src/ticket/ticketText';
import { alertDue, ratingProblem, transferNote } from '../../display/src/ticket/ticketPhase';

const q = (code: string, category: string) => ({ code, name: code, nameEn: code, category, targetWaitMinutes: 15, priorityQueue: false, numberStart: 1, numberEnd: 999 });
const m = (id: string, queue: string, materials: string[] = []): Matter => ({ id, queue, name: `事项${id}`, nameEn: id, materials, timeLimitMinutes: 10 });
const catalogue: Catalogue = {
  queues: [q('A', '企业服务'), q('B', '企业服务'), q('D', '民生服务'), q('Y', '综合服务'), q('J', '部门专区')],
  matters: [m('A-01', 'A', ['章程', '身份证']), m('B-01', 'B'), m('D-01', 'D', ['户口簿'])],
};

describe('catalogue walk', () => {
  it('groups queues into categories in the hall order', () => {
    expect(categoriesOf(catalogue).map((c) => [c.name, c.queues.map((x) => x.code)])).toEqual([
      ['企业服务', ['A', 'B']],
      ['民生服务', ['D']],
      ['综合服务', ['Y']],
      ['部门专区', ['J']],
    ]);
    expect(mattersOf(catalogue, 'A').map((x) => x.id)).toEqual(['A-01']);
    expect(mattersOf(catalogue, 'J')).toEqual([]);
  });

  it.each([
    [[], null],
    [['A-01'], 'A'],
    [['A-01', 'A-01'], 'A'],
    [['A-01', 'D-01'], 'Y'],
    [['nope'], null],
  ] as [string[], string | null][])('matters %j go to queue %s', (ids, expected) => expect(suggestedQueue(catalogue, ids)).toBe(expected));

  it('without a one-stop queue, mixed matters go to the first matter’s queue', () => {
    expect(suggestedQueue({ ...catalogue, queues: catalogue.queues.filter((x) => x.code !== 'Y') }, ['D-01', 'A-01'])).toBe('D');
  });

  it('names categories in English when known, and keeps unknown ones', () => {
    expect(categoryName('en', '企业服务')).toBe('Business');
    expect(categoryName('en', '新专区')).toBe('新专区');
    expect(categoryName('zh', '企业服务')).toBe('企业服务');
  });
});

describe('guide note', () => {
  const a = m('A-01', 'A', ['公司章程', '股东身份证明', '住所使用证明']);
  const d = m('D-01', 'D', ['户口簿']);
  it('lists what each matter has and lacks, then the guide’s words', () => {
    const have = new Set([materialKey('A-01', '公司章程'), materialKey('D-01', '户口簿')]);
    expect(buildGuideNote({ matters: [a, d], have, note: '  已预约\n老人 ' })).toBe(
      '【导办】事项A-01：材料 1/3，缺：股东身份证明、住所使用证明；事项D-01：材料齐全 1/1。备注：已预约 老人',
    );
    expect(buildGuideNote({ matters: [d], have: new Set(), note: '' })).toBe('【导办】事项D-01：材料 0/1，缺：户口簿');
  });

  it('never exceeds 500 characters: the guide’s words are cut first', () => {
    const note = buildGuideNote({ matters: [a], have: new Set(), note: '很'.repeat(600) });
    expect([...note].length).toBeLessThanOrEqual(NOTE_MAX);
    expect(note.startsWith('【导办】事项A-01：材料 0/3')).toBe(true);
    expect(note.endsWith('很…')).toBe(true);
    const many = Array.from({ length: 30 }, (_, i) => m(`X-${i}`, 'A', ['一份很长很长的材料名称', '另一份材料']));
    expect([...buildGuideNote({ matters: many, have: new Set(), note: 'x' })].length).toBeLessThanOrEqual(NOTE_MAX);
  });
});

describe('guide checklist (structured, beside the note)', () => {
  const a = m('A-01', 'A', ['公司章程', '股东身份证明', '住所使用证明']);
  const b = m('B-01', 'B', []);
  it('lists every picked matter with what the citizen has, in catalogue order', () => {
    const have = new Set([materialKey('A-01', '住所使用证明'), materialKey('A-01', '公司章程'), materialKey('X-09', '公司章程')]);
    expect(guideChecklist([a, b], have)).toEqual([
      { matter: 'A-01', have: ['公司章程', '住所使用证明'] },
      { matter: 'B-01', have: [] },
    ]);
    expect(guideChecklist([], have)).toEqual([]);
  });

  it('the note is the guide’s own words only, on one line, at most 500 characters', () => {
    expect(guideOwnNote('  名称已预核准\n 老人  ')).toBe('名称已预核准 老人');
    expect(guideOwnNote('   ')).toBe('');
    const long = guideOwnNote('很'.repeat(600));
    expect([...long].length).toBe(NOTE_MAX);
    expect(long.endsWith('很…')).toBe(true);
  });
});

describe('check-in messages', () => {
  const w = kioskWords.zh;
  it.each([
    [{ code: 'NOT_FOUND', message: 'no appointment has this code' }, '未找到该预约码，请核对后重新输入。'],
    [{ code: 'BAD_REQUEST', message: 'code: an appointment code has 8 digits' }, '预约码为 8 位数字。'],
    [{ code: 'CONFLICT', message: 'this appointment is already checked in (ticket E003)' }, '该预约已签到，号码为 E003。'],
    [{ code: 'INVALID_STATE', message: 'too early: check in from 09:30' }, '还未到签到时间，请于 09:30 后签到。'],
    [{ code: 'INVALID_STATE', message: 'this appointment is for 2026-12-01, not today' }, '您的预约日期是 2026-12-01，不是今天。'],
    [{ code: 'INVALID_STATE', message: 'this appointment was cancelled' }, '该预约已取消。请直接取号。'],
    [{ code: 'INVALID_STATE', message: 'this appointment was missed; please take an ordinary ticket' }, '该预约已过期。请直接取号。'],
  ] as const)('%j → %s', (error, text) => expect(checkInErrorText(error, w)).toBe(text));

  // With the server's reason the case no longer depends on the message's wording.
  it.each([
    [{ code: 'NOT_FOUND', reason: 'unknown_code', message: '-' }, '未找到该预约码，请核对后重新输入。'],
    [{ code: 'CONFLICT', reason: 'already_checked_in', message: '-' }, w.checkInErrors.already(null)],
    [{ code: 'INVALID_STATE', reason: 'cancelled', message: '-' }, '该预约已取消。请直接取号。'],
    [{ code: 'INVALID_STATE', reason: 'missed', message: '-' }, '该预约已过期。请直接取号。'],
    [{ code: 'INVALID_STATE', reason: 'too_early', message: 'check in from 09:30' }, '还未到签到时间，请于 09:30 后签到。'],
  ] as const)('reason %j → %s', (error, text) => expect(checkInErrorText(error, w)).toBe(text));
});

describe('printing and links', () => {
  it('the page is 80 mm wide and as long as the receipt (at least 60 mm)', () => {
    expect(receiptLengthMm(400)).toBe(112); // 105.8 mm of receipt, rounded up, + 6 mm tail
    expect(receiptLengthMm(10)).toBe(60);
    expect(pageCss(400)).toBe('@page { size: 80mm 112mm; margin: 0; }');
  });

  it('the QR code opens the phone page of the ticket', () => {
    expect(phonePageUrl('https://hall.example.cn/', 'abc_-1')).toBe('https://hall.example.cn/t/abc_-1');
    expect(phonePageUrl('http://10.0.0.5:3000', 'x')).toBe('http://10.0.0.5:3000/t/x');
  });

  it('draws the QR code module by module: finder patterns in three corners', () => {
    const { size, d } = qrShape('http://10.0.0.5:3000/t/L6W__N5mx11zB78hUs07ow');
    expect(size).toBeGreaterThanOrEqual(29);
    const dark = (x: number, y: number) => d.includes(`M${x} ${y}h1v1h-1z`);
    for (const [ox, oy] of [[0, 0], [size - 7, 0], [0, size - 7]] as const) {
      // Outer ring dark, the ring inside it light, the 3×3 centre dark.
      expect([dark(ox, oy), dark(ox + 6, oy + 6), dark(ox + 1, oy + 1), dark(ox + 3, oy + 3)]).toEqual([true, true, false, true]);
    }
  });

  it('rounds the wait up to whole minutes', () => {
    expect([0, -5, 1, 60, 61, 599].map(etaMinutes)).toEqual([0, 0, 1, 1, 2, 10]);
  });

  it.each([
    // range in seconds → minutes shown (low end down, at least 1; high end up), null = one number
    [undefined, null],
    [[0, 0], null], // a window is free now
    [[200, 470], [3, 8]],
    [[180, 480], [3, 8]],
    [[20, 150], [1, 3]], // the low end never reads 0 minutes
    [[61, 119], null], // 1–2 min: no wider than a minute, one number says as much
    [[130, 170], null],
    [[130, 181], [2, 4]],
  ] as [[number, number] | undefined, [number, number] | null][])('range %j s is shown as %j min', (range, shown) => {
    expect(etaRangeMinutes(range)).toEqual(shown);
  });

  it.each([
    // etaSeconds, range, zh kiosk, en kiosk, zh phone
    [340, [200, 470], '预计等候约 3–8 分钟', 'Estimated wait: about 3–8 min', '预计等候约 3–8 分钟'],
    [340, undefined, '预计等候约 6 分钟', 'Estimated wait: about 6 min', '预计等候约 6 分钟'], // older server: one number
    [90, [61, 119], '预计等候约 2 分钟', 'Estimated wait: about 2 min', '预计等候约 2 分钟'],
    [0, [0, 0], '即将叫号', 'You will be called soon', '即将叫号，请留意'],
  ] as [number, [number, number] | undefined, string, string, string][])('eta %d s, range %j → %s', (etaSeconds, etaRangeSeconds, zh, en, phone) => {
    const t = { etaSeconds, etaRangeSeconds };
    // The dash is held to its numbers by word joiners and "8 min" by a no-break space; read as plain text.
    const shown = (s: string) => s.replaceAll('\u2060', '').replaceAll('\u00a0', ' ');
    expect(shown(etaText(kioskWords.zh, t))).toBe(zh);
    expect(shown(etaText(kioskWords.en, t))).toBe(en);
    expect(shown(etaText(ticketWords.zh, t))).toBe(phone);
    expect(shown(etaText(ticketWords.en, t))).toBe(en);
    if (etaRangeSeconds && etaRangeSeconds[1] > 0 && zh.includes('–')) expect(etaText(ticketWords.en, t)).toContain('\u2060–\u2060');
  });
});

describe('phone page', () => {
  it('explains a transfer (转办) while the ticket waits again, by the queues\' names', () => {
    const names: Record<string, string> = { A: '税务', B: '不动产登记' };
    const name = (code: string) => names[code] ?? null;
    const base = { status: 'waiting', queue: 'B', transferredFrom: 'A' } as Ticket;
    expect(transferNote(base, name)).toEqual({ from: '税务', to: '不动产登记' });
    expect(ticketWords.zh.transferred('税务', '不动产登记')).toBe('您的业务已由「税务」转至「不动产登记」，按原取号时间继续排队');
    // A queue the page does not know yet (no snapshot): its code rather than nothing.
    expect(transferNote({ ...base, transferredFrom: 'Z' }, name)).toEqual({ from: 'Z', to: '不动产登记' });
    // Nothing to say: never moved, or called / done since.
    const { transferredFrom: _from, ...notMoved } = base;
    expect(transferNote(notMoved, name)).toBeNull();
    expect(transferNote({ ...base, status: 'called' }, name)).toBeNull();
    expect(transferNote(null, name)).toBeNull();
  });
  const t = (over: Partial<Ticket>): Ticket => ({
    id: 'T1', number: 'A001', queue: 'A', status: 'waiting', priority: 'normal', channel: 'kiosk',
    issuedAt: '', arrivedAt: '', recalls: 0, matters: [], ahead: 0, etaSeconds: 0, ...over,
  });
  it.each([
    ['first seen waiting', null, t({}), false],
    ['first seen called (page opened late)', null, t({ status: 'called', windowNo: 3 }), true],
    ['waiting → called', t({}), t({ status: 'called', windowNo: 3 }), true],
    ['called, pushed again unchanged', t({ status: 'called', windowNo: 3 }), t({ status: 'called', windowNo: 3 }), false],
    ['recalled', t({ status: 'called', windowNo: 3 }), t({ status: 'called', windowNo: 3, recalls: 1 }), true],
    ['called to another window', t({ status: 'called', windowNo: 3 }), t({ status: 'called', windowNo: 5 }), true],
    ['called → serving', t({ status: 'called', windowNo: 3 }), t({ status: 'serving', windowNo: 3 }), false],
  ])('%s → ring: %s', (_name, prev, next, ring) => expect(alertDue(prev, next)).toBe(ring));

  it.each([
    [null, [], '', 'needScore'],
    [5, [], '', null],
    [3, [], '', null],
    [2, [], '', 'needReasons'],
    [1, ['slow'], '', null],
    [1, ['other'], '  ', 'needComment'],
    [1, ['other'], '没人', null],
  ] as const)('score %s reasons %j comment %j → %s', (score, reasons, comment, problem) => expect(ratingProblem(score, [...reasons], comment)).toBe(problem));

  it('remembers large type and language; anything odd in storage means the defaults', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadPrefs(storage)).toEqual({ large: false, lang: 'zh' });
    savePrefs(storage, { large: true, lang: 'en' });
    expect(loadPrefs(storage)).toEqual({ large: true, lang: 'en' });
    store.set('hall.citizen.prefs', '{not json');
    expect(loadPrefs(storage)).toEqual({ large: false, lang: 'zh' });
    store.set('hall.citizen.prefs', '{"large":"yes","lang":"fr"}');
    expect(loadPrefs(storage)).toEqual({ large: false, lang: 'zh' });
  });
});
