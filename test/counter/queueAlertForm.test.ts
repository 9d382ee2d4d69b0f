/**
 * 排队预警 in the console, pure (counter/src/admin/logic/queueAlert.ts): the form's checks agree
 * with the server's schema on every edge, the body it sends, the line that says why nothing would
 * go out, the board's marks (today's only) and the audit line.
 */
import { describe, expect, it } from 'vitest';
import { QueueAlertSettings } from '../../shared/queueAlert';
import { describeAudit, isManagerAction } from '../../counter/src/admin/logic/audit';
import { marksByQueue, queueAlertBody, queueAlertWarning, toQueueAlertForm, validateQueueAlert } from '../../counter/src/admin/logic/queueAlert';

const OK = { minutes: '5', cooldownMinutes: '30', minWaiting: '0' };

describe('排队预警 form', () => {
  it.each<[Partial<typeof OK>, string[]]>([
    [{}, []],
    [{ minutes: '0' }, []],
    [{ minutes: '60', cooldownMinutes: '240', minWaiting: '99' }, []],
    [{ minutes: ' 7 ', cooldownMinutes: '10' }, []],
    [{ minutes: '61' }, ['minutes']],
    [{ minutes: '-1' }, ['minutes']],
    [{ minutes: '2.5' }, ['minutes']],
    [{ minutes: '' }, ['minutes']],
    [{ cooldownMinutes: '9' }, ['cooldownMinutes']],
    [{ cooldownMinutes: '241' }, ['cooldownMinutes']],
    [{ minWaiting: '100' }, ['minWaiting']],
    [{ minutes: 'x', minWaiting: '' }, ['minutes', 'minWaiting']],
  ])('%j → errors at %j, as the server schema says', (over, fields) => {
    const form = { ...OK, ...over };
    const errors = validateQueueAlert(form);
    expect(Object.keys(errors).sort()).toEqual([...fields].sort());
    // Whatever the form lets through, the server takes; whatever it stops, the server would refuse
    // (a blank field is the form's own stop: Number('') would be 0, off without saying so).
    const blank = Object.values(form).some((v) => v.trim() === '');
    if (!blank) expect(QueueAlertSettings.safeParse(queueAlertBody(form)).success).toBe(fields.length === 0);
  });

  it('round-trips the stored settings', () => {
    const s = { minutes: 8, cooldownMinutes: 45, minWaiting: 3 };
    expect(queueAlertBody(toQueueAlertForm(s))).toEqual(s);
  });

  it.each<[Parameters<typeof queueAlertWarning>[0], string | null]>([
    [{ settings: null, smsEnabled: false, gateway: false, dutyPhones: 0 }, null],
    [{ settings: { minutes: 0, cooldownMinutes: 30, minWaiting: 0 }, smsEnabled: true, gateway: true, dutyPhones: 2 }, 'queueAlert.off'],
    [{ settings: { minutes: 5, cooldownMinutes: 30, minWaiting: 0 }, smsEnabled: false, gateway: true, dutyPhones: 2 }, 'queueAlert.smsOff'],
    [{ settings: { minutes: 5, cooldownMinutes: 30, minWaiting: 0 }, smsEnabled: true, gateway: false, dutyPhones: 2 }, 'queueAlert.gatewayOff'],
    [{ settings: { minutes: 5, cooldownMinutes: 30, minWaiting: 0 }, smsEnabled: true, gateway: true, dutyPhones: 0 }, 'queueAlert.noPhones'],
    [{ settings: { minutes: 5, cooldownMinutes: 30, minWaiting: 0 }, smsEnabled: true, gateway: true, dutyPhones: 1 }, null],
    [{ settings: { minutes: 5, cooldownMinutes: 30, minWaiting: 0 }, smsEnabled: null, gateway: null, dutyPhones: null }, null],
  ])('why nothing goes out: %j → %s', (input, want) => {
    expect(queueAlertWarning(input)).toBe(want);
  });
});

describe('the board marks', () => {
  const mark = (queue: string) => ({ queue, at: '2026-11-30T06:05:00.000Z', count: 1, waiting: 14, longestMinutes: 25 });
  it("today's by queue; another day's (a board open overnight) or none: no mark", () => {
    const marks = { serviceDay: '2026-11-30', alerts: [mark('F'), mark('A')] };
    expect([...marksByQueue(marks, '2026-11-30').keys()]).toEqual(['F', 'A']);
    expect(marksByQueue(marks, '2026-12-01').size).toBe(0);
    expect(marksByQueue(null, '2026-11-30').size).toBe(0);
  });
});

describe('the audit line', () => {
  it('names the settings as they are now, as a manager action', () => {
    const e = {
      id: 1,
      seq: 0,
      at: '2026-11-30T01:00:00.000Z',
      actor: { id: 'u1', username: 'admin', name: '管理员' },
      type: 'QueueAlertSettingsChanged',
      data: { before: { minutes: 0, cooldownMinutes: 30, minWaiting: 0 }, after: { minutes: 5, cooldownMinutes: 45, minWaiting: 3 } },
    };
    expect(describeAudit(e, { overflow: '溢出', settingName: (k) => k, pauseReason: (r) => r })).toEqual({
      key: 'audit.QueueAlertSettingsChanged',
      params: { minutes: '5', cooldown: '45', waiting: '3' },
    });
    expect(isManagerAction(e, new Set())).toBe(true);
  });
});
