import { describe, expect, it } from 'vitest';
import {
  acknowledgeAssist,
  cancelAssist,
  medianAnswerSeconds,
  raiseAssist,
  resolveAssist,
  type AssistActor,
  type AssistRec,
  type RaiseInput,
} from '../../server/domain/assist';

const T0 = Date.parse('2026-11-30T01:00:00Z');
const clerk: AssistActor = { id: 'c09', role: 'clerk' };
const otherClerk: AssistActor = { id: 'c10', role: 'clerk' };
const manager: AssistActor = { id: 'm1', role: 'manager' };
const manager2: AssistActor = { id: 'm2', role: 'manager' };
const guide: AssistActor = { id: 'g1', role: 'guide' };

const ask = (over: Partial<RaiseInput> = {}): RaiseInput => ({
  id: 'r1',
  serviceDay: '2026-11-30',
  windowNo: 9,
  kind: 'conduct',
  note: '',
  signedIn: 'c09',
  ticketNumber: 'A001',
  active: undefined,
  ...over,
});

const rec = (status: AssistRec['status'], over: Partial<AssistRec> = {}): AssistRec => ({
  id: 'r1',
  serviceDay: '2026-11-30',
  windowNo: 9,
  clerkId: 'c09',
  kind: 'question',
  note: '',
  status,
  raisedAt: T0,
  outcome: '',
  ...(status === 'acknowledged' ? { acknowledgedBy: 'm1', acknowledgedAt: T0 + 30_000 } : {}),
  ...over,
});

describe('raising a call for help', () => {
  it('the clerk signed in at the window raises an open request with the ticket at the window', () => {
    const r = raiseAssist(clerk, ask(), T0);
    expect(r).toEqual({
      ok: true,
      changed: true,
      rec: { id: 'r1', serviceDay: '2026-11-30', windowNo: 9, clerkId: 'c09', kind: 'conduct', note: '', ticketNumber: 'A001', status: 'open', raisedAt: T0, outcome: '' },
    });
  });

  it.each([
    ['nobody is signed in there', clerk, { signedIn: undefined }],
    ['another clerk holds the window', otherClerk, {}],
    ['a manager who is not signed in there', manager, {}],
  ] as const)('is refused when %s', (_what, who, over) => {
    const r = raiseAssist(who, ask(over), T0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('NOT_SIGNED_IN');
  });

  it('a window with a live request answers that one unchanged (double tap, retry, pressing again)', () => {
    for (const status of ['open', 'acknowledged'] as const) {
      const live = rec(status);
      expect(raiseAssist(clerk, ask({ id: 'r2', kind: 'equipment', active: live }), T0 + 60_000)).toEqual({ ok: true, changed: false, rec: live });
    }
  });

  it('without a ticket at the window the request carries no number', () => {
    const r = raiseAssist(clerk, ask({ ticketNumber: undefined }), T0);
    expect(r.ok && 'ticketNumber' in r.rec).toBe(false);
  });
});

type Step = (who: AssistActor, r: AssistRec, now: number) => ReturnType<typeof acknowledgeAssist>;
const ackStep: Step = acknowledgeAssist;
const resolveStep: Step = (who, r, now) => resolveAssist(who, r, '已安抚', now);
const cancelStep: Step = cancelAssist;
const T1 = T0 + 90_000;

describe('answering, settling, withdrawing', () => {
  // [what, step, who, status before, expected status after or error code, changed]
  const table: [string, Step, AssistActor, AssistRec['status'], string, boolean][] = [
    ['a manager takes an open request', ackStep, manager, 'open', 'acknowledged', true],
    ['the same manager taking it again changes nothing', ackStep, manager, 'acknowledged', 'acknowledged', false],
    ['another manager cannot take a taken request', ackStep, manager2, 'acknowledged', 'CONFLICT', false],
    ['a clerk cannot take it', ackStep, clerk, 'open', 'FORBIDDEN', false],
    ['a guide cannot take it', ackStep, guide, 'open', 'FORBIDDEN', false],
    ['a settled request cannot be taken', ackStep, manager, 'resolved', 'INVALID_STATE', false],
    ['a withdrawn request cannot be taken', ackStep, manager, 'cancelled', 'INVALID_STATE', false],
    ['a manager settles a taken request', resolveStep, manager2, 'acknowledged', 'resolved', true],
    ['a manager settles an open request at once', resolveStep, manager, 'open', 'resolved', true],
    ['the clerk who asked settles it', resolveStep, clerk, 'acknowledged', 'resolved', true],
    ['another clerk cannot settle it', resolveStep, otherClerk, 'open', 'FORBIDDEN', false],
    ['a settled request is not settled twice', resolveStep, manager, 'resolved', 'INVALID_STATE', false],
    ['a withdrawn request is not settled', resolveStep, clerk, 'cancelled', 'INVALID_STATE', false],
    ['the clerk who asked withdraws an open request', cancelStep, clerk, 'open', 'cancelled', true],
    ['once a manager answered, it is settled, not withdrawn', cancelStep, clerk, 'acknowledged', 'INVALID_STATE', false],
    ['nobody else withdraws it', cancelStep, manager, 'open', 'FORBIDDEN', false],
    ['another clerk cannot withdraw it', cancelStep, otherClerk, 'open', 'FORBIDDEN', false],
  ];

  it.each(table)('%s', (_what, step, who, before, expected, changed) => {
    const r = step(who, rec(before), T1);
    if (expected === expected.toUpperCase()) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(expected);
    } else {
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.rec.status).toBe(expected);
        expect(r.changed).toBe(changed);
      }
    }
  });

  it('taking records who and when', () => {
    const r = acknowledgeAssist(manager, rec('open'), T1);
    expect(r.ok && r.rec).toMatchObject({ acknowledgedBy: 'm1', acknowledgedAt: T1 });
  });

  it('a manager settling an open request has answered it too; the clerk settling it has not', () => {
    const byManager = resolveAssist(manager, rec('open'), '设备已重启', T1);
    expect(byManager.ok && byManager.rec).toMatchObject({ acknowledgedBy: 'm1', acknowledgedAt: T1, closedBy: 'm1', closedAt: T1, outcome: '设备已重启' });
    const byClerk = resolveAssist(clerk, rec('open'), '', T1);
    expect(byClerk.ok && byClerk.rec.acknowledgedAt).toBeUndefined();
    expect(byClerk.ok && byClerk.rec).toMatchObject({ closedBy: 'c09', closedAt: T1 });
  });
});

describe('median answer time', () => {
  it.each([
    ['nothing answered', [rec('open'), rec('cancelled')], null],
    ['one answer after 30 s', [rec('acknowledged')], 30],
    ['odd count: the middle one', [rec('acknowledged', { acknowledgedAt: T0 + 10_000 }), rec('acknowledged', { acknowledgedAt: T0 + 50_000 }), rec('acknowledged', { acknowledgedAt: T0 + 200_000 })], 50],
    ['even count: between the middle two', [rec('resolved', { acknowledgedAt: T0 + 20_000 }), rec('resolved', { acknowledgedAt: T0 + 41_000 }), rec('open')], 31],
  ] as const)('%s', (_what, recs, expected) => {
    expect(medianAnswerSeconds(recs)).toBe(expected);
  });
});
