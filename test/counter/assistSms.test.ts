/**
 * 求助短信 on the console, pure: the form's checks agree with the server's schema (so what the
 * page lets through the server takes, and what it stops the server would refuse), the body sent,
 * and the audit line.
 */
import { describe, expect, it } from 'vitest';
import { AssistSmsSettings } from '../../shared/admin';
import { assistSmsBody, canAddPhone, toAssistForm, validateAssistSms, type AssistSmsForm } from '../../counter/src/admin/logic/assistSms';
import { describeAudit, isManagerAction } from '../../counter/src/admin/logic/audit';

const form = (phones: string[], minutes: string): AssistSmsForm => ({ phones, minutes });

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
  ])('%j → %j, as the schema says', (f, expected) => {
    const errors = validateAssistSms(f);
    expect(Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, e.key]))).toEqual(expected);
    const clean = Object.keys(expected).length === 0;
    if (clean) expect(AssistSmsSettings.safeParse(assistSmsBody(f)).success).toBe(true);
    else if (!('minutes' in expected && f.minutes.trim() === '')) {
      // What the page stops, sent as typed, the server refuses too.
      const raw = { dutyPhones: f.phones.map((p) => p.replace(/[\s-]/g, '')).filter(Boolean), minutes: Number(f.minutes) };
      expect(AssistSmsSettings.safeParse(raw).success).toBe(false);
    }
  });

  it('sends the numbers as digits, blank rows left out; shows one empty row when there are none; up to five rows', () => {
    expect(assistSmsBody(form(['', '139 1234 5678', ''], ' 3 '))).toEqual({ dutyPhones: ['13912345678'], minutes: 3 });
    expect(toAssistForm({ dutyPhones: [], minutes: 2 })).toEqual({ phones: [''], minutes: '2' });
    expect(canAddPhone(form(['1', '2', '3', '4'], '2'))).toBe(true);
    expect(canAddPhone(form(['1', '2', '3', '4', '5'], '2'))).toBe(false);
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
