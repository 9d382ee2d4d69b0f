/**
 * 排队预警's rule (server/notify/queue-alert-rules.ts) and text, pure: which queues are due a text
 * with an injected now — over or not over its target, M minutes past it, the people threshold,
 * the cooldown, SMS off, closed hours (作息时间: spans, days, 节假日, 调休上班, none set).
 */
import { describe, expect, it } from 'vitest';
import { QUEUE_ALERT_DEFAULTS, QueueAlertSettings, type QueueAlertSettings as Settings } from '../../shared/queueAlert';
import { queueBoard } from '../../shared/queueBoard';
import { inOpenHours, queueAlertsDue } from '../../server/notify/queue-alert-rules';
import { queueAlertText, SMS_ONE_MESSAGE } from '../../server/notify/texts';
import type { WorkHours } from '../../server/domain/types';
import { queue, T0, window } from '../counter/fixtures';

const MIN = 60_000;
const ON: Settings = { minutes: 5, cooldownMinutes: 30, minWaiting: 0 };

/** One queue F, target 20 minutes: `waiting` people, the head `waited` minutes (and seconds). */
function rows(waiting: number, waited: number) {
  return queueBoard([queue('F', { waiting, longestWaitSeconds: Math.round(waited * 60), targetWaitMinutes: 20 })], [window(12, { state: 'open' })], T0);
}

interface Case {
  name: string;
  waiting: number;
  waited: number;
  settings?: Partial<Settings>;
  /** Minutes before T0 the queue was last texted today. */
  lastAgo?: number;
  smsOn?: boolean;
  open?: boolean;
  due: boolean;
}

describe('排队预警: which queues are due', () => {
  it.each<Case>([
    { name: 'within its target: not over', waiting: 14, waited: 19, due: false },
    { name: 'at its target exactly: not over', waiting: 14, waited: 20, due: false },
    { name: 'over, but fewer than M minutes past the target', waiting: 14, waited: 24.9, due: false },
    { name: 'M minutes past the target: due', waiting: 14, waited: 25, due: true },
    { name: 'long past: due', waiting: 14, waited: 38, due: true },
    { name: 'M = 0 is off', waiting: 14, waited: 60, settings: { minutes: 0 }, due: false },
    { name: 'M = 1: one minute past', waiting: 2, waited: 21, settings: { minutes: 1 }, due: true },
    { name: 'nobody waiting (the figure is stale): never', waiting: 0, waited: 60, due: false },
    { name: 'fewer people than the threshold', waiting: 4, waited: 38, settings: { minWaiting: 5 }, due: false },
    { name: 'as many people as the threshold', waiting: 5, waited: 38, settings: { minWaiting: 5 }, due: true },
    { name: 'texted 29 minutes ago: within the cooldown', waiting: 14, waited: 38, lastAgo: 29, due: false },
    { name: 'texted 30 minutes ago: the cooldown is over', waiting: 14, waited: 38, lastAgo: 30, due: true },
    { name: 'a shorter cooldown', waiting: 14, waited: 38, lastAgo: 10, settings: { cooldownMinutes: 10 }, due: true },
    { name: 'SMS off', waiting: 14, waited: 38, smsOn: false, due: false },
    { name: 'hall closed', waiting: 14, waited: 38, open: false, due: false },
  ])('$name', (c) => {
    const settings = { ...ON, ...c.settings };
    expect(QueueAlertSettings.safeParse(settings).success).toBe(true);
    const last = new Map(c.lastAgo === undefined ? [] : [['F', T0 - c.lastAgo * MIN]]);
    const due = queueAlertsDue({ rows: rows(c.waiting, c.waited), last, settings, smsOn: c.smsOn ?? true, open: c.open ?? true, now: T0 });
    expect(due.map((r) => r.queue.code)).toEqual(c.due ? ['F'] : []);
  });

  it('several queues: only those due, in the board order; the cooldown is per queue', () => {
    const board = queueBoard(
      [
        queue('A', { waiting: 3, longestWaitSeconds: 40 * 60, targetWaitMinutes: 15 }),
        queue('B', { waiting: 9, longestWaitSeconds: 10 * 60, targetWaitMinutes: 15 }),
        queue('F', { waiting: 14, longestWaitSeconds: 38 * 60, targetWaitMinutes: 20 }),
      ],
      [],
      T0,
    );
    const due = (last: [string, number][]) => queueAlertsDue({ rows: board, last: new Map(last), settings: ON, smsOn: true, open: true, now: T0 }).map((r) => r.queue.code);
    expect(due([])).toEqual(['A', 'F']);
    expect(due([['A', T0 - 5 * MIN]])).toEqual(['F']);
  });

  it('the longest wait ticks from the head arrival, as on the board', () => {
    const board = queueBoard([queue('F', { waiting: 3, longestWaitSeconds: 0, oldestArrivedAt: new Date(T0 - 25 * MIN).toISOString(), targetWaitMinutes: 20 })], [], T0);
    expect(queueAlertsDue({ rows: board, last: new Map(), settings: ON, smsOn: true, open: true, now: T0 })).toHaveLength(1);
  });

  it('the defaults are off and valid; the schema refuses out-of-range settings', () => {
    expect(QUEUE_ALERT_DEFAULTS.minutes).toBe(0);
    expect(QueueAlertSettings.safeParse(QUEUE_ALERT_DEFAULTS).success).toBe(true);
    for (const bad of [{ minutes: 61 }, { minutes: -1 }, { minutes: 1.5 }, { cooldownMinutes: 9 }, { cooldownMinutes: 241 }, { minWaiting: 100 }]) {
      expect(QueueAlertSettings.safeParse({ ...ON, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('排队预警: the hall open (作息时间)', () => {
  // 2026-11-30 is a Monday, 2026-12-05 a Saturday.
  const hours: WorkHours = {
    spans: [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '17:00' },
    ],
    days: [1, 2, 3, 4, 5],
    offDates: ['2026-12-01'],
    onDates: ['2026-12-05'],
  };
  const at = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  it.each<[string, WorkHours | undefined, string, string, boolean]>([
    ['a working morning', hours, '2026-11-30', '09:00', true],
    ['before the first span', hours, '2026-11-30', '08:59', false],
    ['the lunch break', hours, '2026-11-30', '12:00', false],
    ['the afternoon', hours, '2026-11-30', '16:59', true],
    ['after closing', hours, '2026-11-30', '17:00', false],
    ['a holiday (节假日) on a weekday', hours, '2026-12-01', '10:00', false],
    ['a make-up working Saturday (调休上班)', hours, '2026-12-05', '10:00', true],
    ['a Sunday', hours, '2026-12-06', '10:00', false],
    ['not set: a weekday within 08:00–18:00', undefined, '2026-11-30', '08:00', true],
    ['not set: a weekday at 18:00', undefined, '2026-11-30', '18:00', false],
    ['not set: a Saturday', undefined, '2026-12-05', '10:00', false],
    ['set without spans counts as not set', { spans: [], days: [0, 6] }, '2026-12-05', '10:00', false],
  ])('%s', (_name, h, date, time, open) => {
    expect(inOpenHours(h, { date, minutes: at(time) })).toBe(open);
  });
});

describe('排队预警: the text', () => {
  const base = { hall: '示范县政务服务中心', code: 'F', queue: '不动产登记', waiting: 14, minutes: 38, target: 20 };
  it('names the queue, the people, the wait against the target and the 调度建议', () => {
    expect(queueAlertText({ ...base, windowNo: 12 })).toBe('【示范县政务服务中心】排队预警：F 不动产登记 等候 14 人，最长已等 38 分钟（目标 20 分钟）。建议：12 号窗口兼办 F。');
    expect(queueAlertText(base)).toBe('【示范县政务服务中心】排队预警：F 不动产登记 等候 14 人，最长已等 38 分钟（目标 20 分钟）。请到场调度。');
  });
  it('one message with the demo hall longest names and big figures; a long name clipped, its letter kept', () => {
    for (const queue of ['跨省通办/全豫通办', '审批局无差别受理', '一件事一次办', '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十']) {
      const text = queueAlertText({ ...base, queue, waiting: 120, minutes: 185, target: 120, windowNo: 28 });
      expect(text.length, text).toBeLessThanOrEqual(SMS_ONE_MESSAGE);
      expect(text).toContain('排队预警：F ');
    }
    expect(queueAlertText({ ...base, queue: '一二三四五六七八九十一二三四五六七八九十', windowNo: 12 })).toMatch(/F 一二三.*… 等候 14 人/);
  });
  it('a hall name so long that no name fits leaves the queue by its letter', () => {
    const text = queueAlertText({ ...base, hall: '某'.repeat(40), windowNo: 12 });
    expect(text).toContain('排队预警：F 等候 14 人');
  });
});
