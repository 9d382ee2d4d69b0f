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
  /** 节假日 (counted whole) and 调休上班 (worked with the spans), sorted; a date in one of them at most. */
  offDates: string[];
  onDates: string[];
}

export interface WorkHoursErrors {
  spans: HoursErrors;
  days?: 'work.err.days';
}

/** The form of a saved setting; none saved yet: no spans, Monday to Friday ticked. */
export function workHoursForm(saved: WorkHours | undefined): WorkHoursForm {
  const days = saved?.days ?? WORK_DAYS_DEFAULT;
  return {
    spans: (saved?.spans ?? []).map((r) => ({ ...r })),
    days: [0, 1, 2, 3, 4, 5, 6].map((d) => days.includes(d)),
    offDates: [...(saved?.offDates ?? [])].sort(),
    onDates: [...(saved?.onDates ?? [])].sort(),
  };
}

export function validateWorkHours(f: WorkHoursForm): WorkHoursErrors {
  const out: WorkHoursErrors = { spans: validateHours(f.spans) };
  if (f.spans.length > 0 && !f.days.some(Boolean)) out.days = 'work.err.days';
  return out;
}

export const workHoursValid = (e: WorkHoursErrors): boolean => hoursValid(e.spans) && !e.days;

/**
 * What to save: the setting as typed (spans tidied, days in order, an empty list of dates left
 * out, as halls saved before the lists have them), or nothing when the hall never had one and
 * still has no spans nor dates — saving the page for another field must not log a change of 作息时间.
 */
export function workHoursPatch(f: WorkHoursForm, saved: WorkHours | undefined): WorkHours | undefined {
  if (saved === undefined && f.spans.length === 0 && f.offDates.length === 0 && f.onDates.length === 0) return undefined;
  return {
    spans: tidyHours(f.spans),
    days: f.days.flatMap((on, d) => (on ? [d] : [])),
    ...(f.offDates.length ? { offDates: [...f.offDates].sort() } : {}),
    ...(f.onDates.length ? { onDates: [...f.onDates].sort() } : {}),
  };
}

/** Why a date may not join one list of 作息时间: it is in the other (a day is off or on, not both). */
export function workDateRefusal(f: WorkHoursForm, list: 'offDates' | 'onDates', date: string): 'work.err.inOff' | 'work.err.inOn' | undefined {
  if (list === 'onDates' && f.offDates.includes(date)) return 'work.err.inOff';
  if (list === 'offDates' && f.onDates.includes(date)) return 'work.err.inOn';
  return undefined;
}
