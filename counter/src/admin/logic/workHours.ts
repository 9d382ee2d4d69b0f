/**
 * 作息时间 on the 大厅设置 page (pure): the form's state from the saved setting and back, checked
 * as the server's WorkHours schema checks it — the spans by 取号时间's own rule (ticketHours.ts),
 * and a working day ticked whenever there are spans.
 */
import { WORK_DAYS_DEFAULT, type WorkHours } from '../../../../shared/admin';
import type { TimeRange } from '../../../../shared/schemas';
import { hoursValid, tidyHours, validateHours, type HoursErrors } from './ticketHours';

export interface WorkHoursForm {
  spans: TimeRange[];
  /** Index 0 = Sunday, as the setting counts. */
  days: boolean[];
}

export interface WorkHoursErrors {
  spans: HoursErrors;
  days?: 'work.err.days';
}

/** The form of a saved setting; none saved yet: no spans, Monday to Friday ticked. */
export function workHoursForm(saved: WorkHours | undefined): WorkHoursForm {
  const days = saved?.days ?? WORK_DAYS_DEFAULT;
  return { spans: (saved?.spans ?? []).map((r) => ({ ...r })), days: [0, 1, 2, 3, 4, 5, 6].map((d) => days.includes(d)) };
}

export function validateWorkHours(f: WorkHoursForm): WorkHoursErrors {
  const out: WorkHoursErrors = { spans: validateHours(f.spans) };
  if (f.spans.length > 0 && !f.days.some(Boolean)) out.days = 'work.err.days';
  return out;
}

export const workHoursValid = (e: WorkHoursErrors): boolean => hoursValid(e.spans) && !e.days;

/**
 * What to save: the setting as typed (spans tidied, days in order), or nothing when the hall never
 * had one and still has no spans — saving the page for another field must not log a change of 作息时间.
 */
export function workHoursPatch(f: WorkHoursForm, saved: WorkHours | undefined): WorkHours | undefined {
  if (saved === undefined && f.spans.length === 0) return undefined;
  return { spans: tidyHours(f.spans), days: f.days.flatMap((on, d) => (on ? [d] : [])) };
}
