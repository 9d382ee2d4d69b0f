/**
 * 补齐提醒's rule (server/deferral/reminders.ts), as tables with an injected now: the working day
 * before the deadline, the first working day after it (still open), only 09:00–18:00, never on
 * the day accepted, never twice, never for a closed record, a record without a (real) phone or
 * one long overdue; 节假日 and 调休上班 move the days.
 */
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../server/domain/overtime';
import { OVERDUE_LATE_DAYS, reminderDue, remindableSince, workingDayAfter, workingDayBefore, type ReminderFacts } from '../../server/deferral/reminders';

const MON_FRI = { spans: [], days: [1, 2, 3, 4, 5] };
const weekdays = (d: string) => isWorkingDay(d, MON_FRI);
// 国庆 2026: 10-01 … 10-07 off, Saturday 10-10 worked (调休上班).
const NATIONAL = { ...MON_FRI, offDates: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], onDates: ['2026-10-10'] };
const holidays = (d: string) => isWorkingDay(d, NATIONAL);

const at = (today: string, time = '10:00', isWorkingDay = weekdays) => {
  const [h, m] = time.split(':').map(Number);
  return { today, minutes: h! * 60 + m!, isWorkingDay };
};
// Accepted Monday 11-30 with 3 days: by Thursday 12-03.
const rec = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({ status: 'pending', phone: '13812345678', serviceDay: '2026-11-30', deadline: '2026-12-03', ...over });

describe('working days around a deadline', () => {
  it.each([
    ['Thursday: Wednesday before, Friday after', '2026-12-03', weekdays, '2026-12-02', '2026-12-04'],
    ['Monday: the Friday before', '2026-12-07', weekdays, '2026-12-04', '2026-12-08'],
    ['Friday: the Monday after', '2026-12-04', weekdays, '2026-12-03', '2026-12-07'],
    ['Saturday: Friday and Monday', '2026-12-05', weekdays, '2026-12-04', '2026-12-07'],
    ['国庆 ends 10-07: 09-30 before 10-08', '2026-10-08', holidays, '2026-09-30', '2026-10-09'],
    ['09-30, before 国庆: the first working day after is 10-08', '2026-09-30', holidays, '2026-09-29', '2026-10-08'],
    ['the 调休 Saturday 10-10 counts', '2026-10-12', holidays, '2026-10-10', '2026-10-13'],
  ] as const)('%s', (_n, day, isWorking, before, after) => {
    expect(workingDayBefore(day, isWorking)).toBe(before);
    expect(workingDayAfter(day, isWorking)).toBe(after);
  });
  it('a calendar with no working day nearby falls back to the day next to it', () => {
    expect(workingDayBefore('2026-12-03', () => false)).toBe('2026-12-02');
    expect(workingDayAfter('2026-12-03', () => false)).toBe('2026-12-04');
  });
});

describe('who is due a 补齐提醒 now', () => {
  it.each<[string, ReminderFacts, ReturnType<typeof at>, 'before' | 'overdue' | null]>([
    // The text before the deadline.
    ['two days before the deadline: not yet', rec(), at('2026-12-01'), null],
    ['the working day before, 09:00', rec(), at('2026-12-02', '09:00'), 'before'],
    ['the working day before, 08:59: not at night', rec(), at('2026-12-02', '08:59'), null],
    ['the working day before, 17:59', rec(), at('2026-12-02', '17:59'), 'before'],
    ['the working day before, 18:00: not in the evening', rec(), at('2026-12-02', '18:00'), null],
    ['the working day before, 23:30', rec(), at('2026-12-02', '23:30'), null],
    ['missed then (server down): the deadline day itself', rec(), at('2026-12-03'), 'before'],
    ['sent already', rec({ reminded: { before: 1 } }), at('2026-12-02'), null],
    ['a Monday deadline: texted on the Friday', rec({ serviceDay: '2026-12-02', deadline: '2026-12-07' }), at('2026-12-04'), 'before'],
    ['a Monday deadline: not on the Thursday', rec({ serviceDay: '2026-12-02', deadline: '2026-12-07' }), at('2026-12-03'), null],
    ['a Monday deadline, Friday missed: Saturday', rec({ serviceDay: '2026-12-02', deadline: '2026-12-07' }), at('2026-12-05'), 'before'],
    ['one day given: not on the day accepted', rec({ serviceDay: '2026-11-30', deadline: '2026-12-01' }), at('2026-11-30', '15:00'), null],
    ['one day given: the deadline morning', rec({ serviceDay: '2026-11-30', deadline: '2026-12-01' }), at('2026-12-01', '09:00'), 'before'],
    ['国庆: a 10-08 deadline is texted on 09-30', rec({ serviceDay: '2026-09-28', deadline: '2026-10-08' }), at('2026-09-30', '10:00', holidays), 'before'],
    ['国庆: not on 10-01 … 10-07 had 09-30 gone', rec({ serviceDay: '2026-09-28', deadline: '2026-10-08', reminded: { before: 1 } }), at('2026-10-03', '10:00', holidays), null],
    // The text after it.
    ['the deadline day: not overdue yet', rec({ reminded: { before: 1 } }), at('2026-12-03', '17:00'), null],
    ['the first working day after, 09:00', rec({ reminded: { before: 1 } }), at('2026-12-04', '09:00'), 'overdue'],
    ['the first working day after, 07:00', rec({ reminded: { before: 1 } }), at('2026-12-04', '07:00'), null],
    ['overdue without the first text (SMS was off then): the overdue one only', rec(), at('2026-12-04'), 'overdue'],
    ['overdue sent already: never a third', rec({ reminded: { before: 1, overdue: 2 } }), at('2026-12-04'), null],
    ['a Friday deadline: not on the weekend', rec({ serviceDay: '2026-12-01', deadline: '2026-12-04' }), at('2026-12-05'), null],
    ['a Friday deadline: the Monday', rec({ serviceDay: '2026-12-01', deadline: '2026-12-04' }), at('2026-12-07'), 'overdue'],
    [`missed: up to ${OVERDUE_LATE_DAYS} days after the first working day`, rec({ serviceDay: '2026-12-01', deadline: '2026-12-04' }), at('2026-12-10'), 'overdue'],
    ['long overdue (switched on late): never', rec({ serviceDay: '2026-12-01', deadline: '2026-12-04' }), at('2026-12-11'), null],
    ['国庆: a 09-30 deadline is overdue on 10-08', rec({ serviceDay: '2026-09-25', deadline: '2026-09-30' }), at('2026-10-08', '09:30', holidays), 'overdue'],
    ['国庆: not during the holiday', rec({ serviceDay: '2026-09-25', deadline: '2026-09-30' }), at('2026-10-04', '09:30', holidays), null],
    // Never for these.
    ['brought (已补齐)', rec({ status: 'done' }), at('2026-12-02'), null],
    ['withdrawn (已撤销)', rec({ status: 'cancelled' }), at('2026-12-02'), null],
    ['brought, after the deadline', rec({ status: 'done' }), at('2026-12-04'), null],
    ['no phone given', rec({ phone: '' }), at('2026-12-02'), null],
    ['a phone masked by the 个人信息保存期限 clean-up', rec({ phone: '138****5678' }), at('2026-12-04'), null],
  ])('%s', (_n, r, now, want) => {
    expect(reminderDue(r, now)).toBe(want);
  });

  it('never more than two texts however often it is asked, one day after another', () => {
    let r = rec();
    const sent: string[] = [];
    for (let day = 0; day < 20; day++) {
      const today = new Date(Date.UTC(2026, 10, 30 + day)).toISOString().slice(0, 10);
      for (const time of ['00:00', '08:00', '09:00', '12:00', '17:59', '18:00', '22:00']) {
        const step = reminderDue(r, at(today, time));
        if (step) {
          sent.push(`${today} ${time} ${step}`);
          r = { ...r, reminded: { ...r.reminded, [step]: day } };
        }
      }
    }
    expect(sent).toEqual(['2026-12-02 09:00 before', '2026-12-04 09:00 overdue']);
  });

  it("the repository's cut-off keeps every record the rule could still text", () => {
    // The latest possible overdue text: the first working day after (at most 14 days on) plus the late days.
    expect(remindableSince('2026-12-20')).toBe('2026-12-03');
  });
});
