/** 自助机呼叫工作人员 rules as tables: each step from each state, by each kind of person; one live call per kiosk; the median answer time. */
import { describe, expect, it } from 'vitest';
import {
  acknowledgeKioskHelp,
  cancelKioskHelp,
  kioskNumber,
  mayActAsKiosk,
  medianAnswerSeconds,
  raiseKioskHelp,
  resolveKioskHelp,
  type KioskHelpActor,
  type KioskHelpRec,
} from '../../server/kioskHelp/rules';

const T0 = Date.parse('2026-11-30T01:00:00Z');
const NOW = T0 + 90_000;
const KIOSK: KioskHelpActor = { id: 'k-acc', role: 'kiosk' };
const PUBLIC: KioskHelpActor = { id: 'public', role: 'public' };
const GUIDE: KioskHelpActor = { id: 'g1', role: 'guide' };
const GUIDE2: KioskHelpActor = { id: 'g2', role: 'guide' };
const MANAGER: KioskHelpActor = { id: 'm1', role: 'manager' };
const CLERK: KioskHelpActor = { id: 'c1', role: 'clerk' };

const rec = (over: Partial<KioskHelpRec> = {}): KioskHelpRec => ({
  id: 'h1',
  serviceDay: '2026-11-30',
  kioskId: 'kiosk-aaaaaaaa',
  status: 'open',
  raisedAt: T0,
  raisedBy: 'public',
  ...over,
});
const acked = rec({ status: 'acknowledged', acknowledgedBy: 'g1', acknowledgedAt: T0 + 30_000 });
const resolved = rec({ status: 'resolved', acknowledgedBy: 'g1', acknowledgedAt: T0 + 30_000, closedBy: 'g1', closedAt: T0 + 60_000 });
const cancelled = rec({ status: 'cancelled', closedBy: 'kiosk', closedAt: T0 + 10_000 });

const raiseInput = (over: Partial<Parameters<typeof raiseKioskHelp>[1]> = {}) => ({
  id: 'new',
  serviceDay: '2026-11-30',
  kioskId: 'kiosk-aaaaaaaa',
  kioskName: undefined,
  kioskNo: 2,
  publicTicketing: true,
  live: undefined,
  ...over,
});

describe('who may speak as a kiosk', () => {
  it.each([
    [KIOSK, false, true],
    [KIOSK, true, true],
    [PUBLIC, true, true],
    [PUBLIC, false, false],
    [GUIDE, true, false],
    [MANAGER, false, true],
    [CLERK, true, false],
  ] as const)('%o with public ticketing %s → %s', (actor, pub, expected) => {
    expect(mayActAsKiosk(actor, pub)).toBe(expected);
  });
});

describe('raise', () => {
  it.each([
    ['the kiosk account', KIOSK, {}, 'changed'],
    ['a kiosk without an account where tickets are public', PUBLIC, {}, 'changed'],
    ['a kiosk without an account where they are not', PUBLIC, { publicTicketing: false }, 'UNAUTHORIZED'],
    ['a guide', GUIDE, {}, 'FORBIDDEN'],
    ['a clerk', CLERK, {}, 'FORBIDDEN'],
    ['a second press while open', PUBLIC, { live: rec() }, 'same'],
    ['a second press while someone is coming', KIOSK, { live: acked }, 'same'],
  ] as const)('%s → %s', (_what, actor, over, expected) => {
    const r = raiseKioskHelp(actor, raiseInput(over), NOW);
    if (expected === 'changed' || expected === 'same') {
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.changed).toBe(expected === 'changed');
      if (expected === 'same') expect(r.rec).toBe(over.live);
      else expect(r.rec).toEqual({ id: 'new', serviceDay: '2026-11-30', kioskId: 'kiosk-aaaaaaaa', kioskNo: 2, status: 'open', raisedAt: NOW, raisedBy: actor.id });
    } else {
      expect(r).toMatchObject({ ok: false, error: { code: expected } });
    }
  });

  it('keeps the kiosk name when it has one', () => {
    const r = raiseKioskHelp(KIOSK, raiseInput({ kioskName: '东门取号机', kioskNo: undefined }), NOW);
    expect(r.ok && r.rec.kioskName).toBe('东门取号机');
    expect(r.ok && 'kioskNo' in r.rec).toBe(false);
  });
});

type Step = 'acknowledge' | 'resolve' | 'cancel';
const run = (step: Step, actor: KioskHelpActor, r: KioskHelpRec, kioskId = r.kioskId, pub = true) =>
  step === 'acknowledge' ? acknowledgeKioskHelp(actor, r, NOW) : step === 'resolve' ? resolveKioskHelp(actor, r, NOW) : cancelKioskHelp(actor, kioskId, pub, r, NOW);

describe('the steps from each state', () => {
  it.each([
    // step, who, from, → status or refusal
    ['acknowledge', GUIDE, rec(), 'acknowledged'],
    ['acknowledge', MANAGER, rec(), 'acknowledged'],
    ['acknowledge', CLERK, rec(), 'FORBIDDEN'],
    ['acknowledge', KIOSK, rec(), 'FORBIDDEN'],
    ['acknowledge', PUBLIC, rec(), 'FORBIDDEN'],
    ['acknowledge', GUIDE, acked, 'same'],
    ['acknowledge', GUIDE2, acked, 'CONFLICT'],
    ['acknowledge', GUIDE, resolved, 'INVALID_STATE'],
    ['acknowledge', GUIDE, cancelled, 'INVALID_STATE'],
    ['resolve', GUIDE, rec(), 'resolved'],
    ['resolve', MANAGER, acked, 'resolved'],
    ['resolve', GUIDE2, acked, 'resolved'],
    ['resolve', CLERK, acked, 'FORBIDDEN'],
    ['resolve', KIOSK, rec(), 'FORBIDDEN'],
    ['resolve', GUIDE, resolved, 'INVALID_STATE'],
    ['resolve', MANAGER, cancelled, 'INVALID_STATE'],
    ['cancel', PUBLIC, rec(), 'cancelled'],
    ['cancel', KIOSK, acked, 'cancelled'],
    ['cancel', GUIDE, rec(), 'FORBIDDEN'],
    ['cancel', CLERK, rec(), 'FORBIDDEN'],
    ['cancel', KIOSK, resolved, 'INVALID_STATE'],
    ['cancel', PUBLIC, cancelled, 'INVALID_STATE'],
  ] as const)('%s by %o from %o → %s', (step, actor, from, expected) => {
    const r = run(step, actor, from);
    if (expected === 'same') {
      expect(r).toEqual({ ok: true, rec: from, changed: false });
    } else if (expected === expected.toLowerCase()) {
      expect(r.ok && r.changed && r.rec.status).toBe(expected);
    } else {
      expect(r).toMatchObject({ ok: false, error: { code: expected } });
    }
  });

  it('a call resolved straight from open counts as answered then; one taken keeps its answer time', () => {
    const r = resolveKioskHelp(MANAGER, rec(), NOW);
    expect(r.ok && r.rec).toMatchObject({ acknowledgedBy: 'm1', acknowledgedAt: NOW, closedBy: 'm1', closedAt: NOW });
    const r2 = resolveKioskHelp(GUIDE2, acked, NOW);
    expect(r2.ok && r2.rec).toMatchObject({ acknowledgedBy: 'g1', acknowledgedAt: T0 + 30_000, closedBy: 'g2' });
  });

  it('only the kiosk that asked withdraws it, and only through the kiosk door', () => {
    expect(run('cancel', PUBLIC, rec(), 'kiosk-bbbbbbbb')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(run('cancel', PUBLIC, rec(), 'kiosk-aaaaaaaa', false)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const r = run('cancel', KIOSK, acked, 'kiosk-aaaaaaaa', false);
    expect(r.ok && r.rec).toMatchObject({ status: 'cancelled', closedBy: 'kiosk', closedAt: NOW, acknowledgedBy: 'g1' });
  });
});

describe('the day’s figures and names', () => {
  it.each([
    [[], null],
    [[rec()], null],
    [[acked], 30],
    [[acked, rec({ id: 'b', acknowledgedAt: T0 + 90_000 })], 60],
    [[acked, rec({ id: 'b', acknowledgedAt: T0 + 90_000 }), rec({ id: 'c', acknowledgedAt: T0 + 10_000 }), cancelled], 30],
  ] as const)('median of %#', (recs, expected) => {
    expect(medianAnswerSeconds(recs)).toBe(expected);
  });

  it.each([
    [['kiosk-b', 'kiosk-a', 'kiosk-c'], 'kiosk-b', 2],
    [['kiosk-b', 'kiosk-a'], 'kiosk-a', 1],
    [['kiosk-a', 'kiosk-a', 'kiosk-b'], 'kiosk-b', 2],
    [['kiosk-a'], 'kiosk-z', undefined],
  ] as const)('kiosk %s: number of %s is %s', (ids, id, expected) => {
    expect(kioskNumber(ids, id)).toBe(expected);
  });
});
