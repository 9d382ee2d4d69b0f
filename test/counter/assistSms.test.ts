/**
 * 求助短信 on the console, pure: the form's checks agree with the server's schema (so what the
 * page lets through the server takes, and what it stops the server would refuse), the body sent,
 * and the audit line.
 */
import { describe, expect, it } from 'vitest';
import { AssistSmsSettings } from '../../shared/admin';
import { assistSmsBody, canAddPhone, toAssistForm, validateAssistSms, type AssistSmsForm } from '../../counter/src/admin/logic/assistSms';
import { describeAudit, isManagerAction } from '../../counter/src/admin/logic/audit';

const form = (phones: string[], minutes: string, leaderPhones: string[] = [''], leaderMinutes = '0'): AssistSmsForm => ({ phones, minutes, leaderPhones, leaderMinutes });

describe('the 求助短信 form', () => {
  it.each([
    [form([''], '2'), {}],
    [form(['13912345678', '', '188 0000 0001'], '0'), {}],
    [form(['139-1234-5678'], '30'), {}],
    [form(['12912345678'], '2'), { 'phones.0': 'assistSms.err.phone' }],
    [form(['13912345678', '1391234567'], '2'), { 'phones.1': 'assistSms.err.phone' }],
    [form(['13912345678', '139 1234 5678'], '2'), { 'phones.1': 'assistSms.err.duplicate' }],
    [form(['13912345678'], '31'), { minutes: 'form.intRange' }],
    [form(['13912345678'], '1.5'), { minutes: 'form.intRange' }],
    [form(['13912345678'], ' '), { minutes: 'form.required' }],
    // The second tier: its own phone rules, and later than the first when both are on.
    [form(['13912345678'], '2', ['13800000001'], '10'), {}],
    [form([''], '0', ['13800000001'], '5'), {}],
    [form(['13912345678'], '5', ['13800000001'], '5'), { leaderMinutes: 'assistSms.err.leaderLater' }],
    [form(['13912345678'], '5', ['13800000001'], '3'), { leaderMinutes: 'assistSms.err.leaderLater' }],
    [form(['13912345678'], '2', ['1380000000'], '10'), { 'leaderPhones.0': 'assistSms.err.phone' }],
    [form(['13912345678'], '2', ['13800000001', '138 0000 0001'], '10'), { 'leaderPhones.1': 'assistSms.err.duplicate' }],
    [form(['13912345678'], '2', [''], '31'), { leaderMinutes: 'form.intRange' }],
  ])('%j → %j, as the schema says', (f, expected) => {
    const errors = validateAssistSms(f);
    expect(Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, e.key]))).toEqual(expected);
    const clean = Object.keys(expected).length === 0;
    if (clean) expect(AssistSmsSettings.safeParse(assistSmsBody(f)).success).toBe(true);
    else if (!('minutes' in expected && f.minutes.trim() === '')) {
      // What the page stops, sent as typed, the server refuses too.
      const list = (l: string[]) => l.map((p) => p.replace(/[\s-]/g, '')).filter(Boolean);
      const raw = { dutyPhones: list(f.phones), minutes: Number(f.minutes), leaderPhones: list(f.leaderPhones), leaderMinutes: Number(f.leaderMinutes) };
      expect(AssistSmsSettings.safeParse(raw).success).toBe(false);
    }
  });

  it('sends the numbers as digits, blank rows left out; shows one empty row when there are none; up to five rows', () => {
    expect(assistSmsBody(form(['', '139 1234 5678', ''], ' 3 ', ['138-0000-0001'], '9'))).toEqual({
      dutyPhones: ['13912345678'],
      minutes: 3,
      leaderPhones: ['13800000001'],
      leaderMinutes: 9,
    });
    expect(toAssistForm({ dutyPhones: [], minutes: 2, leaderPhones: [], leaderMinutes: 0 })).toEqual({ phones: [''], minutes: '2', leaderPhones: [''], leaderMinutes: '0' });
    expect(canAddPhone(['1', '2', '3', '4'])).toBe(true);
    expect(canAddPhone(['1', '2', '3', '4', '5'])).toBe(false);
    // A body without the second tier (an older console) is taken, with the second tier off.
    expect(AssistSmsSettings.parse({ dutyPhones: ['13912345678'], minutes: 2 })).toEqual({ dutyPhones: ['13912345678'], minutes: 2, leaderPhones: [], leaderMinutes: 0 });
  });

  it('the audit line names the masked phones and the minutes, as a manager action', () => {
    const e = {
      id: 1,
      seq: 0,
      at: '2026-11-30T01:00:00.000Z',
      actor: { id: 'u1', username: 'admin', name: '管理员' },
      type: 'AssistSmsSettingsChanged',
      data: { before: { dutyPhones: [], minutes: 2 }, after: { dutyPhones: ['138****0001', '138****0002'], minutes: 5 } },
    };
    expect(describeAudit(e, { overflow: '溢出', settingName: (k) => k, pauseReason: (r) => r })).toEqual({
      key: 'audit.AssistSmsSettingsChanged',
      params: { phones: '138****0001、138****0002', minutes: '5' },
    });
    expect(isManagerAction(e, new Set())).toBe(true);
  });
});
