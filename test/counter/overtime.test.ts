/**
 * 延时服务 in the console (pure): the 作息时间 form checked as the schema checks it and saved only
 * when there is something to save; the 统计 list (most first); durations and working time in both
 * languages; the figures file's columns and the printed report's line.
 */
import { describe, expect, it } from 'vitest';
import { WorkHours } from '../../shared/admin';
import type { DayClerkStats, DayStats } from '../../shared/stats';
import { overtimeDuration, overtimeRows, workDaysText, workHoursText } from '../../counter/src/admin/logic/overtime';
import { buildReport } from '../../counter/src/admin/logic/report';
import type { Translate } from '../../counter/src/admin/logic/stats';
import { figuresCsv } from '../../counter/src/admin/logic/statsCsv';
import { validateWorkHours, workHoursForm, workHoursPatch, workHoursValid } from '../../counter/src/admin/logic/workHours';
import { adminEn, adminZh } from '../../counter/src/admin/text';
import { commonEn, commonZh } from '../../counter/src/shared/commonText';
import { interpolate } from '../../counter/src/shared/i18n';

const ZH: Record<string, string> = { ...commonZh, ...adminZh };
const EN: Record<string, string> = { ...commonEn, ...adminEn };
const zh: Translate = (key, params) => interpolate(ZH[key] ?? key, params);
const en: Translate = (key, params) => interpolate(EN[key] ?? key, params);

const DEMO: WorkHours = {
  spans: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
  days: [1, 2, 3, 4, 5],
};

describe('作息时间 form', () => {
  it('opens on the saved setting, or on no spans and Monday to Friday', () => {
    const none = { offDates: [], onDates: [] };
    expect(workHoursForm(DEMO)).toEqual({ spans: DEMO.spans, days: [false, true, true, true, true, true, false], ...none });
    expect(workHoursForm(undefined)).toEqual({ spans: [], days: [false, true, true, true, true, true, false], ...none });
  });

  it.each([
    { name: 'the demo’s', spans: DEMO.spans, days: [1, 2, 3, 4, 5], error: undefined },
    { name: 'no spans, no days (not set)', spans: [], days: [], error: undefined },
    { name: 'spans without a working day', spans: DEMO.spans, days: [], error: 'work.err.days' },
    { name: 'spans out of order', spans: [DEMO.spans[1]!, DEMO.spans[0]!], days: [1], error: 'hours.err.overlap' },
    { name: 'a span ending before it starts', spans: [{ start: '17:00', end: '13:00' }], days: [1], error: 'hours.err.order' },
  ])('$name: as the schema says', ({ spans, days, error }) => {
    const form = { spans, days: [0, 1, 2, 3, 4, 5, 6].map((d) => days.includes(d)), offDates: [], onDates: [] };
    const e = validateWorkHours(form);
    expect(e.days ?? e.spans.rows.find((x) => x !== undefined)).toBe(error);
    expect(workHoursValid(e)).toBe(error === undefined);
    expect(WorkHours.safeParse({ spans, days }).success).toBe(error === undefined);
  });

  it('saves nothing of an untouched form of a hall that never set them; else the setting, tidied', () => {
    expect(workHoursPatch(workHoursForm(undefined), undefined)).toBeUndefined();
    const typed = { spans: [{ start: '9:00', end: '12：00' }], days: [false, true, false, true, false, false, true], offDates: [], onDates: [] };
    expect(workHoursPatch(typed, undefined)).toEqual({ spans: [{ start: '09:00', end: '12:00' }], days: [1, 3, 6] });
    // Cleared on purpose: saved as no spans (not counted from now on).
    expect(workHoursPatch({ ...workHoursForm(DEMO), spans: [] }, DEMO)).toEqual({ spans: [], days: [1, 2, 3, 4, 5] });
  });
});

const clerk = (username: string, seconds: number | undefined, tickets: number | undefined): DayClerkStats => ({
  id: `id-${username}`,
  username,
  name: `人员${username}`,
  served: 3,
  avgServiceSeconds: 300,
  busySeconds: 900,
  spanSeconds: 3600,
  ...(seconds === undefined ? {} : { overtimeSeconds: seconds, overtimeTickets: tickets }),
});

describe('延时服务 in words', () => {
  it('lists the clerks owed the most first, bars against the longest; those without are counted', () => {
    const { rows, none } = overtimeRows([clerk('c01', 600, 1), clerk('c02', 0, 0), clerk('c03', 4800, 6), clerk('c04', 600, 2)]);
    expect(rows.map((r) => [r.username, r.seconds, r.tickets, r.pct])).toEqual([
      ['c03', 4800, 6, 100],
      ['c04', 600, 2, 13],
      ['c01', 600, 1, 13],
    ]);
    expect(none).toBe(1);
    expect(overtimeRows([clerk('c01', undefined, undefined)])).toEqual({ rows: [], none: 1 });
  });

  it.each([
    { s: 4800, zh: '1 小时 20 分', en: '1 h 20 min' },
    { s: 2700, zh: '45 分', en: '45 min' },
    { s: 3599, zh: '1 小时', en: '1 h' },
    { s: 10_800, zh: '3 小时', en: '3 h' },
    { s: 12, zh: '不足 1 分', en: 'under 1 min' },
    { s: 0, zh: '0 分', en: '0 min' },
  ])('$s s', ({ s, zh: z, en: e }) => {
    expect(overtimeDuration(s, zh)).toBe(z);
    expect(overtimeDuration(s, en)).toBe(e);
  });

  it.each([
    { days: [1, 2, 3, 4, 5], zh: '周一至周五', en: 'Mon–Fri' },
    { days: [1, 2, 3, 4, 5, 6], zh: '周一至周六', en: 'Mon–Sat' },
    { days: [0, 1, 2, 3, 4, 5, 6], zh: '每天', en: 'every day' },
    { days: [1, 3, 5], zh: '周一、周三、周五', en: 'Mon, Wed, Fri' },
    { days: [1, 2, 4, 5, 6], zh: '周一、周二、周四至周六', en: 'Mon, Tue, Thu–Sat' },
    { days: [6, 0], zh: '周六、周日', en: 'Sat, Sun' },
  ])('working days $days', ({ days, zh: z, en: e }) => {
    expect(workDaysText(days, zh)).toBe(z);
    expect(workDaysText(days, en)).toBe(e);
  });

  it('the working time as the page and the file say it', () => {
    expect(workHoursText(DEMO, zh)).toBe('周一至周五 09:00–12:00、13:00–17:00');
    expect(workHoursText(DEMO, en)).toBe('Mon–Fri 09:00–12:00, 13:00–17:00');
  });
});

const day = (more: Partial<DayStats>): DayStats => ({
  serviceDay: '2026-11-30',
  at: '2026-11-30T10:00:00.000Z',
  timezone: 'Asia/Shanghai',
  live: false,
  totals: { issued: 6, waiting: 0, served: 6, noShow: 0, cancelled: 0, avgWaitSeconds: 300, p90WaitSeconds: 600, slaAttainment: 1, avgServiceSeconds: 300 },
  queues: [],
  hours: [],
  clerks: [],
  ...more,
});
const words = { name: (c: string) => c, target: () => undefined };

describe('延时服务 in the figures file and the report', () => {
  const counted = day({ clerks: [clerk('c01', 4800, 6), clerk('c02', 0, 0)], overtime: { workHours: DEMO, seconds: 4800, tickets: 6 } });

  it('the clerk table gets its two columns, a total and the hours it was counted by', () => {
    const lines = figuresCsv(counted, '某县政务服务中心', words, zh).replace('\uFEFF', '').split('\r\n');
    expect(lines).toContain('工号,姓名,窗口,办结,平均办理（分钟）,办理时长（分钟）,忙碌占比（%）,叫号,自动叫号,自动叫号（%）,延时服务（分钟）,延时件数');
    expect(lines).toContain('c01,人员c01,,3,5,15,25,,,,80,6');
    expect(lines).toContain('c02,人员c02,,3,5,15,25,,,,0,0');
    expect(lines).toContain('合计,,,,,,,,,,80,6');
    expect(lines).toContain('按作息时间：周一至周五 09:00–12:00、13:00–17:00');
  });

  it('not counted (no 作息时间): no such columns, rather than zeros', () => {
    const csv = figuresCsv(day({ clerks: [clerk('c01', undefined, undefined)] }), '某县政务服务中心', words, zh);
    expect(csv).not.toContain('延时');
  });

  it('the report: a column per person and the total in a sentence; not set said so', () => {
    const rated = { ratings: [], served: { total: 0, byQueue: {}, byWindow: {}, byClerk: {} } };
    const r = buildReport(counted, rated, { ...words, clerk: () => undefined }, '2026-12-01');
    expect(r.overtime).toEqual({ seconds: 4800, tickets: 6, people: 1 });
    expect(r.clerks.map((c) => [c.username, c.overtimeSeconds, c.overtimeTickets])).toEqual([
      ['c01', 4800, 6],
      ['c02', 0, 0],
    ]);
    const plain = buildReport(day({ clerks: [clerk('c01', undefined, undefined)] }), rated, { ...words, clerk: () => undefined }, '2026-12-01');
    expect(plain.overtime).toBeNull();
    expect(plain.clerks[0]).not.toHaveProperty('overtimeSeconds');
  });
});
