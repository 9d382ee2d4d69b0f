/** 容缺受理's pure rules: which matter may be accepted with what missing, the 补齐期限, a record's state on a day, and who may accept. */
import { describe, expect, it } from 'vitest';
import { MatterInput } from '../../shared/admin';
import { addDays } from '../../shared/citizen';
import { canonicalMatter, deadlineOf, deferralOffer, deferralState, inFilter, overdueDays, withdrawRight, type DeferralFilter, type DeferralState } from '../../shared/deferral';
import type { Matter } from '../../shared/schemas';
import type { DeferralRec } from '../../server/deferral/deferral-repo';
import { checkAccept, markDone, withdraw, type TicketFacts, type Who } from '../../server/deferral/rules';

const E02: Matter = { id: 'E-02', queue: 'E', name: '医保异地就医备案', nameEn: 'Filing', materials: ['身份证', '医保卡', '异地居住证明', '照片'], timeLimitMinutes: 20, deferrable: ['异地居住证明', '照片'] };
const PLAIN: Matter = { ...E02, id: 'E-01', deferrable: undefined };

describe('deferralOffer (which matter may be accepted now)', () => {
  it.each([
    [E02, [], { kind: 'complete' }],
    [E02, ['户口簿'], { kind: 'complete' }], // not a material of the matter
    [E02, ['异地居住证明'], { kind: 'offer', missing: ['异地居住证明'] }],
    [E02, ['照片', '异地居住证明'], { kind: 'offer', missing: ['异地居住证明', '照片'] }], // catalogue order
    [E02, ['身份证', '照片'], { kind: 'required', required: ['身份证'] }],
    [E02, ['医保卡', '身份证'], { kind: 'required', required: ['身份证', '医保卡'] }],
    [PLAIN, ['照片'], { kind: 'unlisted' }],
    [{ ...E02, deferrable: [] }, ['照片'], { kind: 'unlisted' }],
    [{ ...E02, deferrable: ['不在清单'] }, ['照片'], { kind: 'unlisted' }], // a stale tick counts for nothing
  ] as const)('%#: %j missing %j → %j', (m, missing, want) => {
    expect(deferralOffer(m, missing)).toEqual(want);
  });
});

describe('补齐期限: calendar days from the service day', () => {
  it.each([
    ['2026-11-30', 5, '2026-12-05'],
    ['2026-12-29', 5, '2027-01-03'],
    ['2028-02-27', 2, '2028-02-29'],
    ['2027-02-27', 2, '2027-03-01'],
    ['2026-10-01', 1, '2026-10-02'], // holidays count: calendar days
    ['2026-11-30', 30, '2026-12-30'],
  ])('%s + %i → %s', (day, n, want) => {
    expect(deadlineOf(day, n)).toBe(want);
    expect(addDays(want, -n)).toBe(day);
  });
});

describe('state on a day', () => {
  it.each([
    ['pending', '2026-12-05', '2026-12-04', 'pending', 0],
    ['pending', '2026-12-05', '2026-12-05', 'pending', 0], // the deadline day itself is in time
    ['pending', '2026-12-05', '2026-12-06', 'overdue', 1],
    ['pending', '2026-12-30', '2027-01-02', 'overdue', 3],
    ['done', '2026-12-05', '2026-12-20', 'done', 0],
    ['cancelled', '2026-12-05', '2026-12-20', 'cancelled', 0],
  ] as const)('%s due %s on %s → %s, %i days over', (status, deadline, today, state, over) => {
    expect(deferralState(status, deadline, today)).toBe(state);
    expect(overdueDays(status, deadline, today)).toBe(over);
  });

  it.each<[DeferralState, Record<DeferralFilter, boolean>]>([
    ['pending', { pending: true, overdue: false, done: false, all: true }],
    ['overdue', { pending: true, overdue: true, done: false, all: true }],
    ['done', { pending: false, overdue: false, done: true, all: true }],
    ['cancelled', { pending: false, overdue: false, done: false, all: true }],
  ])('%s is listed under %j', (state, want) => {
    for (const [f, v] of Object.entries(want)) expect([f, inFilter(state, f as DeferralFilter)]).toEqual([f, v]);
  });
});

describe('a matter as stored', () => {
  it('keeps 可容缺 in the catalogue order, only when it lists something; the console refuses one not among the materials', () => {
    expect(canonicalMatter({ ...E02, deferrable: ['照片', '异地居住证明'] }).deferrable).toEqual(['异地居住证明', '照片']);
    expect(canonicalMatter({ ...E02, deferrable: [] })).not.toHaveProperty('deferrable');
    expect(canonicalMatter(PLAIN)).not.toHaveProperty('deferrable');
    const input = { ...E02, deferrable: ['照片'] };
    expect(MatterInput.safeParse(input).success).toBe(true);
    const bad = MatterInput.safeParse({ ...E02, deferrable: ['户口簿'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['deferrable']);
  });
});

describe('checkAccept (who may accept which ticket)', () => {
  const clerk: Who = { id: 'c01', role: 'clerk' };
  const serving: TicketFacts = { id: 't1', status: 'serving', windowNo: 3, matters: ['E-02'] };
  const atWindow = { clerkId: 'c01', currentTicketId: 't1' };
  it.each([
    ['the clerk serving it', clerk, serving, atWindow, E02, ['照片'], { ok: true, value: ['照片'] }],
    ['called, not started yet', clerk, { ...serving, status: 'called' as const }, atWindow, E02, ['照片'], { ok: true, value: ['照片'] }],
    ['another clerk', { id: 'c02', role: 'clerk' as const }, serving, atWindow, E02, ['照片'], 'FORBIDDEN'],
    ['the clerk, once the ticket left the window', clerk, { ...serving, status: 'done' as const }, { clerkId: 'c01' }, E02, ['照片'], 'FORBIDDEN'],
    ['a guide', { id: 'g1', role: 'guide' as const }, serving, atWindow, E02, ['照片'], 'FORBIDDEN'],
    ['a manager, after it was completed', { id: 'm', role: 'manager' as const }, { ...serving, status: 'done' as const }, undefined, E02, ['照片'], { ok: true, value: ['照片'] }],
    ['a manager, a ticket still waiting', { id: 'm', role: 'manager' as const }, { ...serving, status: 'waiting' as const, windowNo: undefined }, undefined, E02, ['照片'], 'INVALID_STATE'],
    ['a matter not of the ticket', clerk, { ...serving, matters: ['E-01'] }, atWindow, E02, ['照片'], 'BAD_REQUEST'],
    ['no such matter', clerk, serving, atWindow, undefined, ['照片'], 'BAD_REQUEST'],
    ['a material not of the matter', clerk, serving, atWindow, E02, ['户口簿'], 'BAD_REQUEST'],
    ['a key material missing', clerk, serving, atWindow, E02, ['身份证', '照片'], 'INVALID_STATE'],
    ['a matter without a 容缺受理清单', clerk, { ...serving, matters: ['E-01'] }, atWindow, PLAIN, ['照片'], 'INVALID_STATE'],
  ] as const)('%s', (_name, who, ticket, window, matter, missing, want) => {
    const r = checkAccept(who, ticket, window, matter, missing);
    if (typeof want === 'string') expect(r.ok ? 'ok' : r.error.code).toBe(want);
    else expect(r).toEqual(want);
  });

  it('names the key material in the refusal, with its reason', () => {
    const r = checkAccept(clerk, serving, atWindow, E02, ['身份证', '照片']);
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_STATE', message: '缺少必要材料 身份证，不能容缺', reason: 'not_deferrable' } });
  });
});

describe('closing a record', () => {
  const rec = { id: 'd1', status: 'pending', clerkId: 'c02', serviceDay: '2026-11-30' } as DeferralRec;
  const who: Who = { id: 'c02', role: 'clerk' };
  it('已补齐 once; a second press changes nothing; a withdrawn one cannot be brought', () => {
    const done = markDone(who, rec, 5);
    expect(done).toEqual({ ok: true, value: { rec: { ...rec, status: 'done', closedBy: 'c02', closedAt: 5 }, changed: true } });
    if (!done.ok) return;
    expect(markDone(who, done.value.rec, 9)).toEqual({ ok: true, value: { rec: done.value.rec, changed: false } });
    expect(withdraw(who, done.value.rec, '放弃', 9, '2026-11-30').ok).toBe(false);
    const gone = withdraw(who, rec, '放弃', 7, '2026-11-30');
    expect(gone).toEqual({ ok: true, value: { rec: { ...rec, status: 'cancelled', closedBy: 'c02', closedAt: 7, cancelReason: '放弃' }, changed: true } });
    if (gone.ok) expect(markDone(who, gone.value.rec, 9).ok).toBe(false);
  });
});

describe('撤销: who may withdraw a 待补齐 record', () => {
  const rec = { id: 'd1', status: 'pending', clerkId: 'c02', serviceDay: '2026-11-30' } as DeferralRec;
  it.each([
    ['the clerk who accepted it, that day', { id: 'c02', role: 'clerk' }, '2026-11-30', 'ok'],
    ['the same clerk the next day', { id: 'c02', role: 'clerk' }, '2026-12-01', 'deferral_day_over'],
    ['another clerk, that day', { id: 'c03', role: 'clerk' }, '2026-11-30', 'deferral_not_own'],
    ['another clerk, later', { id: 'c03', role: 'clerk' }, '2026-12-05', 'deferral_not_own'],
    ['a guide with the same id', { id: 'c02', role: 'guide' }, '2026-11-30', 'deferral_not_own'],
    ['a manager, that day', { id: 'admin', role: 'manager' }, '2026-11-30', 'ok'],
    ['a manager, weeks later', { id: 'admin', role: 'manager' }, '2027-01-15', 'ok'],
  ] as const)('%s', (_name, who, today, want) => {
    expect(withdrawRight(who, rec, today)).toBe(want);
    const r = withdraw(who, rec, '选错事项', 7, today);
    if (want === 'ok') expect(r).toMatchObject({ ok: true, value: { changed: true, rec: { status: 'cancelled', cancelReason: '选错事项', closedBy: who.id } } });
    else expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) as string, reason: want } });
  });

  it('refuses before looking at the state: a stranger learns nothing of a brought record', () => {
    const done = { ...rec, status: 'done' } as DeferralRec;
    expect(withdraw({ id: 'c03', role: 'clerk' }, done, 'x', 7, '2026-11-30')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(withdraw({ id: 'c02', role: 'clerk' }, done, 'x', 7, '2026-11-30')).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });
});
