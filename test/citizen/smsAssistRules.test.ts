/**
 * 求助短信 and 轮到您了, pure parts: when a 求助 is due its text to the duty phones, when a call is
 * due 轮到您了 (not a recall), the texts (exact words; one 70-character SMS however long the
 * clerk's note), and the settings' schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AssistSmsSettings } from '../../shared/admin';
import { ASSIST_KINDS, ASSIST_NOTE_MAX } from '../../shared/assistKinds';
import { ASSIST_SMS_LATE_MS, assistSmsDue, calledDue, waitedMinutes } from '../../server/notify/rules';
import { assistText, calledText, SMS_ONE_MESSAGE } from '../../server/notify/texts';

const MIN = 60_000;
const T0 = Date.parse('2026-11-30T01:00:00Z');
const TODAY = '2026-11-30';

describe('when a 求助 is texted to the duty phones', () => {
  it.each([
    // status, minutes, raised minutes ago, its day, due?
    ['open', 2, 2, TODAY, true],
    ['open', 2, 1.99, TODAY, false],
    ['open', 2, 10, TODAY, true],
    ['open', 0, 10, TODAY, false], // 0: off
    ['acknowledged', 2, 5, TODAY, false], // someone is on the way
    ['resolved', 2, 5, TODAY, false],
    ['cancelled', 2, 5, TODAY, false], // withdrawn
    ['open', 2, 5, '2026-11-29', false], // left open overnight: the console's, not a morning text
    ['open', 30, 30, TODAY, true],
    ['open', 2, 2 + ASSIST_SMS_LATE_MS / MIN - 0.01, TODAY, true],
    ['open', 2, 2 + ASSIST_SMS_LATE_MS / MIN, TODAY, false], // long past: no sudden text (after a restart, or switched on late)
  ] as const)('%s, after %i min, raised %f min ago on %s → %s', (status, minutes, ago, day, due) => {
    const now = T0 + 3 * 60 * MIN;
    expect(assistSmsDue({ status, serviceDay: day, raisedAt: now - ago * MIN }, minutes, TODAY, now)).toBe(due);
  });

  it.each([
    [0.5, 1],
    [2, 2],
    [2.99, 2],
    [31, 31],
  ])('waited %f min → says %i', (ago, said) => expect(waitedMinutes(T0, T0 + ago * MIN)).toBe(said));
});

describe('when 轮到您了 is due', () => {
  it.each([
    ['waiting', 'called', true],
    ['called', 'called', false], // a recall
    ['waiting', 'waiting', false],
    ['called', 'serving', false],
    ['no_show', 'called', false], // only from waiting
    ['waiting', 'cancelled', false],
  ] as const)('%s → %s: %s', (prev, next, due) => expect(calledDue({ status: prev }, { status: next })).toBe(due));
});

describe('the texts', () => {
  const demo = JSON.parse(readFileSync(new URL('../../server/demo/demo-hall.json', import.meta.url), 'utf8')) as { name: string; windows: { no: number }[] };
  const hall = demo.name;
  const lastWindow = Math.max(...demo.windows.map((w) => w.no));
  const units = (s: string) => s.length;

  it('轮到您了 says the number and the window, as the wall speaks it', () => {
    expect(calledText({ hall, number: 'A012', windowNo: 3 })).toBe('【示范县政务服务中心】轮到您了：A012 号请到 3 号窗口办理。');
    expect(units(calledText({ hall, number: 'H999', windowNo: 9999 }))).toBeLessThanOrEqual(SMS_ONE_MESSAGE);
  });

  it('求助 says the window, the kind, how long; the note when there is one', () => {
    expect(assistText({ hall, windowNo: 3, kind: 'question', note: '', minutes: 2 })).toBe('【示范县政务服务中心】求助：3 号窗口（业务疑难）已等 2 分钟无人响应，请尽快前往。');
    expect(assistText({ hall, windowNo: 12, kind: 'equipment', note: '打印机卡纸', minutes: 5 })).toBe('【示范县政务服务中心】求助：12 号窗口（设备故障：打印机卡纸）已等 5 分钟无人响应，请尽快前往。');
    // A note typed over lines reads as one.
    expect(assistText({ hall, windowNo: 3, kind: 'conduct', note: '  群众\n情绪激动  ', minutes: 2 })).toContain('（现场秩序：群众 情绪激动）');
  });

  it('a long note is clipped with … so the text stays one message, for every kind and the widest numbers', () => {
    for (const kind of ASSIST_KINDS) {
      for (const note of ['长'.repeat(ASSIST_NOTE_MAX), 'x'.repeat(ASSIST_NOTE_MAX), '😡'.repeat(100), '短']) {
        const text = assistText({ hall, windowNo: Math.max(lastWindow, 9999), kind, note, minutes: 59 });
        expect(units(text), text).toBeLessThanOrEqual(SMS_ONE_MESSAGE);
        expect(text).toMatch(/已等 59 分钟无人响应，请尽快前往。$/);
        if (note.length > 3) expect(text).toContain('…）');
        expect(text).not.toMatch(/[\uD800-\uDBFF]…/); // never half an emoji
      }
    }
    // With the demo's numbers the room is used, not wasted: exactly one message.
    expect(units(assistText({ hall, windowNo: 3, kind: 'question', note: '长'.repeat(100), minutes: 2 }))).toBe(SMS_ONE_MESSAGE);
  });

  it('a hall name too long for any note leaves the note out rather than breaking the text', () => {
    const text = assistText({ hall: '某'.repeat(40), windowNo: 3, kind: 'other', note: '请来一下', minutes: 2 });
    expect(text).toBe(`【${'某'.repeat(40)}】求助：3 号窗口（其他）已等 2 分钟无人响应，请尽快前往。`);
  });
});

describe('the settings', () => {
  it.each([
    [{ dutyPhones: [], minutes: 2 }, true],
    [{ dutyPhones: ['13912345678', '18800000001'], minutes: 0 }, true],
    [{ dutyPhones: ['13912345678'], minutes: 30 }, true],
    [{ dutyPhones: ['13912345678'], minutes: 31 }, false],
    [{ dutyPhones: ['13912345678'], minutes: -1 }, false],
    [{ dutyPhones: ['13912345678'], minutes: 1.5 }, false],
    [{ dutyPhones: ['12912345678'], minutes: 2 }, false], // not a mobile number
    [{ dutyPhones: ['1391234567'], minutes: 2 }, false],
    [{ dutyPhones: ['13912345678', '13912345678'], minutes: 2 }, false], // twice
    [{ dutyPhones: ['13900000001', '13900000002', '13900000003', '13900000004', '13900000005'], minutes: 2 }, true],
    [{ dutyPhones: ['13900000001', '13900000002', '13900000003', '13900000004', '13900000005', '13900000006'], minutes: 2 }, false],
    [{ dutyPhones: ['13912345678'] }, false],
  ])('%j → %s', (v, ok) => expect(AssistSmsSettings.safeParse(v).success).toBe(ok));
});
