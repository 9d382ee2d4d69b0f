/**
 * 补齐提醒, pure: which open 容缺 record is due which text now. Two at most per record:
 * - `before`: on the working day before its deadline (or, the server down then, any later day up to
 *   the deadline itself), never on the day it was accepted (the applicant has just signed for it);
 * - `overdue`: still 待补齐, on the first working day after the deadline — the morning the centre
 *   opens again — or within OVERDUE_LATE_DAYS after it; never later, so records long overdue when
 *   the feature (or SMS) is switched on do not all text at once.
 * Only between DEFERRAL_SMS_HOURS of the hall's day; only to a real mobile number (a masked one,
 * 138****5678, after the 个人信息保存期限 clean-up, never). Table tests in test/deferral/reminders.test.ts.
 */
import { addDays } from '../../shared/citizen';
import { DEFERRAL_SMS_HOURS, type DeferralReminderStep, type DeferralStatus } from '../../shared/deferral';

/** An overdue text is written on the first working day after the deadline, or at most this many days after it. */
export const OVERDUE_LATE_DAYS = 3;
/** How far a working day is looked for (a long 节假日 such as 国庆 is 8 days). */
const SEARCH_DAYS = 14;
const MOBILE = /^1\d{10}$/;

export interface ReminderFacts {
  status: DeferralStatus;
  phone: string;
  serviceDay: string;
  deadline: string;
  reminded?: Partial<Record<DeferralReminderStep, number>> | undefined;
}

export interface ReminderNow {
  /** The hall's day (YYYY-MM-DD) and minutes since its midnight. */
  today: string;
  minutes: number;
  isWorkingDay: (day: string) => boolean;
}

/** The last working day before `day` (the day before it when none is found nearby). */
export function workingDayBefore(day: string, isWorkingDay: (d: string) => boolean): string {
  for (let i = 1; i <= SEARCH_DAYS; i++) if (isWorkingDay(addDays(day, -i))) return addDays(day, -i);
  return addDays(day, -1);
}

/** The first working day after `day` (the day after it when none is found nearby). */
export function workingDayAfter(day: string, isWorkingDay: (d: string) => boolean): string {
  for (let i = 1; i <= SEARCH_DAYS; i++) if (isWorkingDay(addDays(day, i))) return addDays(day, i);
  return addDays(day, 1);
}

/** Is it the time of day texts may go (09:00 up to 18:00)? */
export const smsHours = (minutes: number): boolean => minutes >= DEFERRAL_SMS_HOURS.from * 60 && minutes < DEFERRAL_SMS_HOURS.until * 60;

/** The text a record is due now, or null. */
export function reminderDue(r: ReminderFacts, now: ReminderNow): DeferralReminderStep | null {
  if (r.status !== 'pending' || !MOBILE.test(r.phone) || !smsHours(now.minutes)) return null;
  const { today } = now;
  if (today <= r.deadline) {
    if (r.reminded?.before !== undefined || today <= r.serviceDay) return null;
    return today >= workingDayBefore(r.deadline, now.isWorkingDay) ? 'before' : null;
  }
  if (r.reminded?.overdue !== undefined) return null;
  const first = workingDayAfter(r.deadline, now.isWorkingDay);
  return today >= first && today <= addDays(first, OVERDUE_LATE_DAYS) ? 'overdue' : null;
}

/** The earliest deadline a record still due a text may have today (the repository's cut-off). */
export const remindableSince = (today: string): string => addDays(today, -(SEARCH_DAYS + OVERDUE_LATE_DAYS));
