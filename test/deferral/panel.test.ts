/** 容缺受理 at the counter, pure: what each matter of the ticket shows, the form's checks, dates as written on paper. */
import { describe, expect, it } from 'vitest';
import type { Deferral } from '../../shared/deferral';
import type { Matter } from '../../shared/schemas';
import { emptyChecklist, toggleMaterial } from '../../counter/src/clerk/logic/checklist';
import { matterOffers, mayWithdraw, paperDate, parseDays, phoneOk, previewDeadline, withdrawRefusal } from '../../counter/src/clerk/logic/deferral';
import { t } from '../../counter/src/clerk/text';

const E02: Matter = { id: 'E-02', queue: 'E', name: '医保异地就医备案', nameEn: 'Filing', materials: ['身份证', '医保卡', '异地居住证明'], timeLimitMinutes: 10, deferrable: ['异地居住证明'] };
const E01: Matter = { id: 'E-01', queue: 'E', name: '社保参保登记', nameEn: 'Enrolment', materials: ['身份证', '劳动合同'], timeLimitMinutes: 10 };

const ticked = (...pairs: [string, string][]) => pairs.reduce((l, [m, x]) => toggleMaterial(l, m, x), emptyChecklist('t1'));

describe('matterOffers', () => {
  it('offers 容缺受理 per matter by what is unticked, and shows a 待补齐 record instead', () => {
    const list = ticked(['E-02', '身份证'], ['E-02', '医保卡'], ['E-01', '身份证']);
    const offers = matterOffers(list, [E02, E01], []);
    expect(offers.map((o) => [o.matter.id, o.offer])).toEqual([
      ['E-02', { kind: 'offer', missing: ['异地居住证明'] }],
      ['E-01', { kind: 'unlisted' }],
    ]);
    expect(matterOffers(ticked(['E-02', '身份证']), [E02], [])[0]!.offer).toEqual({ kind: 'required', required: ['医保卡'] });
    expect(matterOffers(ticked(['E-02', '身份证'], ['E-02', '医保卡'], ['E-02', '异地居住证明']), [E02], [])[0]!.offer).toEqual({ kind: 'complete' });

    const rec = { id: 'd1', matterId: 'E-02', status: 'pending' } as Deferral;
    expect(matterOffers(list, [E02], [rec])[0]!.record).toBe(rec);
    expect(matterOffers(list, [E02], [{ ...rec, status: 'done' }])[0]!.record).toBeUndefined();
    expect(matterOffers(list, [E02], [{ ...rec, matterId: 'E-01' }])[0]!.record).toBeUndefined();
  });
});

describe('the form', () => {
  it.each([
    ['5', 5],
    [' 30 ', 30],
    ['1', 1],
    ['0', null],
    ['31', null],
    ['2.5', null],
    ['', null],
    ['五', null],
    ['-3', null],
  ])('days %j → %j', (text, want) => {
    expect(parseDays(text)).toBe(want);
  });
  it.each([
    ['', true],
    ['  ', true],
    ['13812345678', true],
    [' 13812345678 ', true],
    ['12812345678', false],
    ['1381234567', false],
    ['138-1234-5678', false],
  ])('phone %j ok: %j', (text, want) => {
    expect(phoneOk(text)).toBe(want);
  });
  it('previews the deadline as the server counts it, in the words of a paper form', () => {
    expect(previewDeadline('2026-11-30', 5)).toBe('2026-12-05');
    expect(previewDeadline('2026-11-30', null)).toBeNull();
    expect(paperDate('2026-12-05', 'zh')).toBe('2026年12月5日');
    expect(paperDate('2027-01-03', 'en')).toBe('3 Jan 2027');
  });
});

describe('撤销 at the counter', () => {
  const rec = { id: 'd1', status: 'pending', clerk: { id: 'c03', name: '窗口人员03' }, serviceDay: '2026-11-30' } as Deferral;
  it.each([
    ['own, today', { id: 'c03', role: 'clerk' }, rec, '2026-11-30', true],
    ['own, the next day', { id: 'c03', role: 'clerk' }, rec, '2026-12-01', false],
    ["another clerk's", { id: 'c07', role: 'clerk' }, rec, '2026-11-30', false],
    ['own, brought already', { id: 'c03', role: 'clerk' }, { ...rec, status: 'done' }, '2026-11-30', false],
    ['a manager at the panel, any day', { id: 'admin', role: 'manager' }, rec, '2026-12-09', true],
    ['before the first search (no day yet)', { id: 'c03', role: 'clerk' }, rec, '', false],
  ] as const)('%s', (_n, me, d, today, want) => {
    expect(mayWithdraw(me, d as Deferral, today)).toBe(want);
  });

  it("says why the server refused, in the clerk's words", () => {
    expect(t(withdrawRefusal('deferral_not_own')!)).toBe('只能撤销本人受理的记录');
    expect(t(withdrawRefusal('deferral_day_over')!)).toBe('已过受理当天，请联系管理员撤销');
    expect(withdrawRefusal('not_deferrable')).toBeNull();
    expect(withdrawRefusal(undefined)).toBeNull();
  });
});
