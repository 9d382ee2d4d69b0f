import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import { CitizenSettings, PardonBody } from '../../shared/citizen';
import { DEFAULT_CITIZEN_SETTINGS } from '../../server/citizen/settings';
import {
  BOUNDS,
  NUMBER_FIELDS,
  fromForm,
  nextClosedDate,
  nextSession,
  normalTime,
  serverField,
  settingsPatch,
  toForm,
  validateCitizen,
  type CitizenForm,
} from '../../counter/src/admin/logic/citizenSettings';
import { citizenEn, citizenZh } from '../../counter/src/admin/citizenText';
import { describeAudit, isManagerAction } from '../../counter/src/admin/logic/audit';
import { PARDON_REASON_MAX, validatePardonReason } from '../../counter/src/admin/logic/pardon';
import { canRetry, smsState, type SmsState } from '../../counter/src/admin/logic/sms';
import type { SmsMessage } from '../../shared/notify';

const QUEUES = ['A', 'B', 'K'];
const base = (): CitizenSettings => structuredClone(DEFAULT_CITIZEN_SETTINGS);
const form = (change: (f: CitizenForm) => void = () => {}): CitizenForm => {
  const f = toForm(base(), QUEUES);
  change(f);
  return f;
};
/** What the schema says of the settings the form would send (the server's verdict). */
const schemaOk = (f: CitizenForm): boolean => CitizenSettings.safeParse(fromForm(f, base())).success;

describe('the 预约与评价 form', () => {
  it('the defaults pass, and an untouched form sends nothing', () => {
    expect(validateCitizen(form())).toEqual({});
    expect(settingsPatch(base(), fromForm(form(), base()))).toEqual({});
  });

  // Each whole-number setting: the browser refuses exactly what the schema refuses.
  it.each(NUMBER_FIELDS.flatMap((field) => {
    const [min, max] = BOUNDS[field];
    return [
      [field, min - 1, false],
      [field, min, true],
      [field, max, true],
      [field, max + 1, false],
    ] as const;
  }))('%s = %i: accepted %s (as the schema)', (field, value, ok) => {
    const f = form((x) => {
      x.numbers[field] = String(value);
      // Keep the missed/grace rule out of the way of the bounds being tested.
      if (field === 'graceMinutes') x.late = 'refuse';
    });
    if (field === 'missedAfterMinutes') f.numbers.graceMinutes = '0';
    const errors = validateCitizen(f);
    expect(errors[field] === undefined).toBe(ok);
    expect(Object.keys(errors).length === 0).toBe(ok);
    if (value >= 0) expect(schemaOk(f)).toBe(ok);
  });

  it.each<[string, (f: CitizenForm) => void, string | null]>([
    ['slotMinutes 4 refused', (f) => (f.numbers.slotMinutes = '4'), 'slotMinutes'],
    ['slotMinutes 5 ok', (f) => (f.numbers.slotMinutes = '5'), null],
    ['a decimal refused', (f) => (f.numbers.slotMinutes = '7.5'), 'slotMinutes'],
    ['empty refused', (f) => (f.numbers.ratingHours = ' '), 'ratingHours'],
    ['a session starting at its end refused', (f) => (f.sessions[0] = { start: '12:00', end: '12:00' }), 'sessions.0'],
    ['a session ending before its start refused', (f) => (f.sessions[1] = { start: '17:00', end: '13:30' }), 'sessions.1'],
    ['an unfinished session refused', (f) => (f.sessions[1] = { start: '13:30', end: '' }), 'sessions.1'],
    ['no session refused', (f) => (f.sessions = []), 'sessions'],
    ['seven sessions refused', (f) => (f.sessions = Array.from({ length: 7 }, (_, i) => ({ start: `0${i}:00`, end: `0${i}:30` }))), 'sessions'],
    ['missedAfter < grace with walk_in refused', (f) => ((f.numbers.graceMinutes = '30'), (f.numbers.missedAfterMinutes = '20')), 'missedAfterMinutes'],
    ['missedAfter = grace ok', (f) => ((f.numbers.graceMinutes = '30'), (f.numbers.missedAfterMinutes = '30')), null],
    ['missedAfter < grace with refuse ok', (f) => ((f.late = 'refuse'), (f.numbers.graceMinutes = '30'), (f.numbers.missedAfterMinutes = '20')), null],
    ['a blank closed date refused', (f) => f.closedDates.push(''), 'closedDates.0'],
    ['a closed date ok', (f) => f.closedDates.push('2026-10-01'), null],
    ['a queue override 1001 refused', (f) => (f.capacityByQueue.A = '1001'), 'capacityByQueue.A'],
    ['a queue override 0 ok', (f) => (f.capacityByQueue.A = '0'), null],
    ['a relative URL refused', (f) => (f.publicBaseUrl = 'zwfw.example.cn'), 'publicBaseUrl'],
    ['an https URL ok', (f) => (f.publicBaseUrl = 'https://zwfw.example.cn'), null],
    ['a 201-character URL refused', (f) => (f.publicBaseUrl = `https://a.cn/${'x'.repeat(188)}`), 'publicBaseUrl'],
    ['no open day ok (pauses appointments)', (f) => (f.openDays = f.openDays.map(() => false)), null],
  ])('%s', (_, change, field) => {
    const f = form(change);
    const errors = validateCitizen(f);
    if (field === null) expect(errors).toEqual({});
    else expect(Object.keys(errors)).toEqual([field]);
    // The schema agrees (a blank row is the form's own: the schema never sees one).
    if (!(field ?? '').startsWith('closedDates') && !(field === 'sessions.1' && f.sessions[1]?.end === '')) expect(schemaOk(f)).toBe(field === null);
  });
});

describe('a typed time', () => {
  it.each([
    ['9:00', '09:00'],
    ['9：30', '09:30'],
    ['9.30', '09:30'],
    ['930', '09:30'],
    ['1330', '13:30'],
    [' 17:00 ', '17:00'],
    ['24:00', '24:00'],
    ['9:5', '9:5'],
    ['noon', 'noon'],
  ])('%s → %s', (typed, tidy) => {
    expect(normalTime(typed)).toBe(tidy);
  });
});

describe('an added session', () => {
  it('starts where the last ends and lasts an hour; blank past midnight', () => {
    expect(nextSession('17:00')).toEqual({ start: '17:00', end: '18:00' });
    expect(nextSession('23:30')).toEqual({ start: '23:30', end: '' });
    expect(nextSession('')).toEqual({ start: '', end: '' });
  });
});

describe('an added closed date', () => {
  it('is the day after the latest, or today', () => {
    expect(nextClosedDate([], '2026-11-30')).toBe('2026-11-30');
    expect(nextClosedDate(['2026-10-03', '2026-10-01', ''], '2026-09-01')).toBe('2026-10-04');
    expect(nextClosedDate(['2026-12-31'], '2026-11-30')).toBe('2027-01-01');
  });
});

describe('the patch', () => {
  it('holds only what changed', () => {
    const f = form((x) => {
      x.numbers.slotMinutes = '20';
      x.numbers.missedLimit = '0';
    });
    expect(settingsPatch(base(), fromForm(f, base()))).toEqual({ slotMinutes: 20, missedLimit: 0 });
  });

  it('sends whole lists and the queue overrides; empty means the default', () => {
    const f = form((x) => {
      x.openDays[6] = true;
      x.sessions.push({ start: '18:00', end: '20:00' });
      x.closedDates.push('2026-10-02', '2026-10-01', '2026-10-02');
      x.capacityByQueue.K = '';
      x.capacityByQueue.B = '2';
    });
    expect(settingsPatch(base(), fromForm(f, base()))).toEqual({
      openDays: [1, 2, 3, 4, 5, 6],
      sessions: [...DEFAULT_CITIZEN_SETTINGS.sessions, { start: '18:00', end: '20:00' }],
      closedDates: ['2026-10-01', '2026-10-02'],
      capacityByQueue: { B: 2 },
    });
  });

  it('keeps overrides of queues the page does not show, and ignores key order', () => {
    const before = { ...base(), capacityByQueue: { Z: 1, K: 0 } };
    const f = toForm(before, QUEUES);
    expect(f.capacityByQueue).toEqual({ A: '', B: '', K: '0' });
    expect(settingsPatch(before, fromForm(f, before))).toEqual({});
    f.capacityByQueue.A = '3';
    expect(settingsPatch(before, fromForm(f, before))).toEqual({ capacityByQueue: { Z: 1, K: 0, A: 3 } });
  });
});

describe('a server refusal', () => {
  const shown = new Set(['slotMinutes', 'sessions', 'sessions.0', 'capacityByQueue', 'capacityByQueue.A']);
  it.each<[string, string | null]>([
    ['slotMinutes: Too small: expected number to be >=5', 'slotMinutes'],
    ['sessions.0.start: a time looks like 09:30', 'sessions.0'],
    ['sessions: each session must start before it ends', 'sessions'],
    ['capacityByQueue.A: Too big', 'capacityByQueue.A'],
    ['capacityByQueue.Q: Too big', 'capacityByQueue'],
    ['payload: invalid', null],
    ['something else', null],
  ])('%s → %s', (message, field) => {
    expect(serverField(message, shown)?.field ?? null).toBe(field);
  });
});

describe('the words', () => {
  it('zh has no English words left and en has every key', () => {
    expect(Object.keys(citizenEn).sort()).toEqual(Object.keys(citizenZh).sort());
    for (const [key, zh] of Object.entries(citizenZh)) {
      const words = zh.replace(/\{\w+\}/g, '');
      expect(words, key).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});

/** A manager's audit entry of a change outside the hall state (hall.audit writes {type, before, after}). */
const auditEntry = (type: string, before: unknown, after: unknown): AuditEntry => ({
  id: 1,
  seq: 1,
  at: '2026-12-03T01:00:00.000Z',
  actor: { id: 'm1', username: 'admin', name: '管理员' },
  type,
  data: { type, before, after },
});
const AUDIT_WORDS = { overflow: '溢出', settingName: (k: string) => k, pauseReason: (r: string) => r };

describe('解除限制', () => {
  it.each<[string, string | undefined]>([
    ['', 'form.required'],
    ['   ', 'form.required'],
    ['因病住院', undefined],
    [`  ${'很'.repeat(PARDON_REASON_MAX)}  `, undefined],
    ['很'.repeat(PARDON_REASON_MAX + 1), 'form.tooLong'],
  ])('the reason %j → %s, as the server decides', (reason, key) => {
    expect(validatePardonReason(reason)?.key).toBe(key);
    expect(PardonBody.safeParse({ phone: '13912345678', reason }).success).toBe(key === undefined);
  });

  it('the audit line names the number and the reason, as a manager action', () => {
    const e = auditEntry('MissedBlockPardoned', { phone: '13912345678', count: 3 }, { phone: '13912345678', reason: '因病\n住院' });
    expect(describeAudit(e, AUDIT_WORDS)).toEqual({ key: 'audit.MissedBlockPardoned', params: { phone: '13912345678', reason: '因病 住院' } });
    expect(isManagerAction(e, new Set())).toBe(true);
  });
});

describe('短信提醒 settings', () => {
  it('on with no kind ticked is said at the kinds; off with none is fine (nothing would be sent anyway)', () => {
    const none = (on: boolean) =>
      form((f) => {
        f.smsEnabled = on;
        f.smsKinds = { booked: false, reminder: false, near_turn: false, called: false };
      });
    expect(validateCitizen(none(true))).toEqual({ smsKinds: { key: 'citizen.err.smsKinds' } });
    expect(schemaOk(none(true))).toBe(false);
    expect(validateCitizen(none(false))).toEqual({});
    expect(schemaOk(none(false))).toBe(true);
  });

  it('sends the kinds ticked in a fixed order, and nothing when only their stored order differs', () => {
    const stored = { ...base(), smsKinds: ['near_turn', 'booked', 'reminder'] as CitizenSettings['smsKinds'] };
    expect(settingsPatch(stored, fromForm(toForm(stored, QUEUES), stored))).toEqual({});
    const f = toForm(stored, QUEUES);
    f.smsEnabled = true;
    f.smsKinds.reminder = false;
    f.numbers.smsReminderHour = '9';
    expect(settingsPatch(stored, fromForm(f, stored))).toEqual({ smsEnabled: true, smsKinds: ['booked', 'near_turn'], smsReminderHour: 9 });
  });

  it('the audit line of a retried message names the phone (masked) and the error it had', () => {
    const e = auditEntry('SmsRetried', { id: 7, phone: '139****5678', status: 'failed', lastError: 'HTTP 503' }, { id: 7, status: 'pending' });
    expect(describeAudit(e, AUDIT_WORDS)).toEqual({ key: 'audit.SmsRetried', params: { phone: '139****5678', error: 'HTTP 503' } });
    expect(isManagerAction(e, new Set())).toBe(true);
  });
});

describe('a message\'s state on the 短信提醒 page', () => {
  const msg = (over: Partial<SmsMessage>): SmsMessage => ({
    id: 1, kind: 'booked', phone: '139****0001', text: '…', ref: 'appointment:12345678', status: 'pending', attempts: 0,
    createdAt: '2026-11-30T01:00:00.000Z', expiresAt: '2026-12-01T01:30:00.000Z', ...over,
  });
  const now = Date.parse('2026-11-30T02:00:00.000Z');
  it.each<[string, Partial<SmsMessage>, boolean, SmsState, boolean]>([
    ['sent', { status: 'sent', attempts: 1 }, true, 'sent', false],
    ['waiting, gateway connected', {}, true, 'pending', false],
    ['waiting, no gateway: 未配置, never "sent"', {}, false, 'unconfigured', false],
    ['failed once, retried later', { attempts: 1, lastError: 'HTTP 500' }, true, 'retrying', false],
    ['failed for good', { status: 'failed', attempts: 3, lastError: 'HTTP 503' }, true, 'failed', true],
    ['failed, its moment passed', { status: 'failed', attempts: 3, lastError: 'HTTP 503', expiresAt: '2026-11-30T01:59:00.000Z' }, true, 'failed', false],
    ['expired', { status: 'failed', lastError: 'expired' }, true, 'expired', false],
    ['cancelled', { status: 'failed', lastError: 'cancelled' }, true, 'cancelled', false],
    ['短信回执: delivered', { status: 'sent', attempts: 1, delivery: 'delivered' }, true, 'delivered', false],
    ['短信回执: not delivered, may be sent again', { status: 'sent', attempts: 1, delivery: 'undelivered', deliveryError: '关机' }, true, 'undelivered', true],
    ['not delivered, its moment passed', { status: 'sent', attempts: 1, delivery: 'undelivered', expiresAt: '2026-11-30T01:59:00.000Z' }, true, 'undelivered', false],
  ])('%s', (_name, over, configured, state, retry) => {
    expect(smsState(msg(over), configured)).toBe(state);
    expect(canRetry(msg(over), now)).toBe(retry);
  });
});
