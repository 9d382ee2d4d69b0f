/**
 * 作息时间's 节假日 and 调休上班 on the console (pure), and the date-list rules they share with
 * 预约's 休息日 (logic/dateList.ts): where a new date starts, a date added or refused, a date's
 * weekday, 从预约休息日导入, what is saved, and how 统计 names the dates.
 */
import { describe, expect, it } from 'vitest';
import { WorkHours } from '../../shared/admin';
import { addDate, mergeDates, nextListedDate, weekdayOf } from '../../counter/src/admin/logic/dateList';
import { nextClosedDate } from '../../counter/src/admin/logic/citizenSettings';
import { workHoursText } from '../../counter/src/admin/logic/overtime';
import { workDateRefusal, workHoursForm, workHoursPatch } from '../../counter/src/admin/logic/workHours';
import type { Translate } from '../../counter/src/admin/logic/stats';
import { adminEn, adminZh } from '../../counter/src/admin/text';
import { interpolate } from '../../counter/src/shared/i18n';

const DEMO: WorkHours = { spans: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }], days: [1, 2, 3, 4, 5] };

describe('a list of dates', () => {
  it.each([
    { dates: [], today: '2026-11-30', next: '2026-11-30', why: 'empty: today' },
    { dates: ['2026-10-03', '2026-10-01', ''], today: '2026-09-01', next: '2026-10-04', why: 'the day after the latest (a run of holidays)' },
    { dates: ['2026-12-31'], today: '2026-11-30', next: '2027-01-01', why: 'over the year' },
    { dates: ['2028-02-28'], today: '2026-11-30', next: '2028-02-29', why: 'a leap day' },
  ])('next date: $why', ({ dates, today, next }) => {
    expect(nextListedDate(dates, today)).toBe(next);
    expect(nextClosedDate(dates, today)).toBe(next); // 预约's 休息日 follow the same rule
  });

  it.each([
    ['2026-10-01', 4],
    ['2026-10-10', 6],
    ['2026-10-11', 0],
    ['1969-12-31', 3],
    ['2027-01-01', 5],
  ] as const)('%s is weekday %i', (date, day) => {
    expect(weekdayOf(date)).toBe(day);
  });

  it('adds a date in order, once, up to the most; refuses what is not a date', () => {
    expect(addDate(['2026-10-01', '2026-10-03'], '2026-10-02', 400)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03']);
    expect(addDate(['2026-10-01'], '2026-10-01', 400)).toEqual({ key: 'dates.err.listed', date: '2026-10-01' });
    expect(addDate(['2026-10-01'], '2026-10-02', 1)).toEqual({ key: 'dates.err.max', max: 1 });
    expect(addDate([], '', 400)).toEqual({ key: 'dates.err.date' });
    expect(addDate([], '2026-13-01', 400)).toEqual({ key: 'dates.err.date' });
  });

  it('merges 预约休息日: new ones only, none of the other list, sorted, up to the most', () => {
    const closed = ['2027-01-01', '2026-10-01', '2026-10-10', '2026-10-02'];
    expect(mergeDates(['2026-10-01'], closed, ['2026-10-10'], 400)).toEqual({ dates: ['2026-10-01', '2026-10-02', '2027-01-01'], added: 2 });
    expect(mergeDates(['2026-10-01'], ['2026-10-01'], [], 400)).toEqual({ dates: ['2026-10-01'], added: 0 });
    expect(mergeDates([], closed, [], 2)).toEqual({ dates: ['2026-10-01', '2026-10-02'], added: 2 });
  });
});

describe('作息时间 with dates', () => {
  it('opens with the saved lists sorted; old settings have none', () => {
    const f = workHoursForm({ ...DEMO, offDates: ['2026-10-02', '2026-10-01'], onDates: ['2026-10-10'] });
    expect(f.offDates).toEqual(['2026-10-01', '2026-10-02']);
    expect(f.onDates).toEqual(['2026-10-10']);
    expect(workHoursForm(DEMO)).toMatchObject({ offDates: [], onDates: [] });
  });

  it('a date is in one list: the other refuses it', () => {
    const f = { ...workHoursForm(DEMO), offDates: ['2026-10-01'], onDates: ['2026-10-10'] };
    expect(workDateRefusal(f, 'onDates', '2026-10-01')).toBe('work.err.inOff');
    expect(workDateRefusal(f, 'offDates', '2026-10-10')).toBe('work.err.inOn');
    expect(workDateRefusal(f, 'offDates', '2026-10-02')).toBeUndefined();
    expect(workDateRefusal(f, 'onDates', '2026-10-11')).toBeUndefined();
  });

  it('saves the lists sorted, leaves empty ones out (as saved halls have them), and what it saves the server takes', () => {
    const f = { ...workHoursForm(DEMO), offDates: ['2026-10-02', '2026-10-01'], onDates: [] };
    const patch = workHoursPatch(f, DEMO);
    expect(patch).toEqual({ ...DEMO, offDates: ['2026-10-01', '2026-10-02'] });
    expect(WorkHours.safeParse(patch).success).toBe(true);
    expect(workHoursPatch({ ...f, offDates: [] }, { ...DEMO, offDates: ['2026-10-01'] })).toEqual(DEMO);
    // A hall that never set 作息时间 but lists a holiday: saved, without spans (not counted yet).
    expect(workHoursPatch({ ...workHoursForm(undefined), onDates: ['2026-10-10'] }, undefined)).toEqual({ spans: [], days: [1, 2, 3, 4, 5], onDates: ['2026-10-10'] });
  });

  it('统计 says how many of the period’s days were 节假日 and 调休上班', () => {
    const zh: Translate = (key, params) => interpolate((adminZh as Record<string, string>)[key] ?? key, params);
    const en: Translate = (key, params) => interpolate((adminEn as Record<string, string>)[key] ?? key, params);
    const w = { ...DEMO, offDates: ['2026-10-01', '2026-10-02'], onDates: ['2026-10-10'] };
    expect(workHoursText(w, zh)).toBe('周一至周五 09:00–12:00、13:00–17:00；节假日 2 天、调休上班 1 天');
    expect(workHoursText(w, en)).toBe('Mon–Fri 09:00–12:00, 13:00–17:00; holidays: 2, make-up working days: 1');
    expect(workHoursText({ ...DEMO, offDates: ['2026-10-01'] }, zh)).toBe('周一至周五 09:00–12:00、13:00–17:00；节假日 1 天');
  });
});
