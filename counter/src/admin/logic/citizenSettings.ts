/**
 * The 预约与评价 page's form (pure): the citizen-side settings as typed text, their checks
 * before sending (the bounds of CitizenSettings in shared/citizen.ts; tests check they agree),
 * the patch of what changed, and which field a server refusal names.
 */
import { PERSONAL_DATA_DAYS, SMS_REMINDER_HOURS, type CitizenSettings } from '../../../../shared/citizen';
import { SMS_KINDS, type SmsKind } from '../../../../shared/notify';
import { isDate, nextListedDate } from './dateList';

export type NumberField =
  | 'slotMinutes'
  | 'capacityPerSlot'
  | 'bookingDaysAhead'
  | 'earlyMinutes'
  | 'graceMinutes'
  | 'missedAfterMinutes'
  | 'missedLimit'
  | 'missedWindowDays'
  | 'missedBlockDays'
  | 'ratingHours'
  | 'kioskIdleSeconds'
  | 'smsReminderHour'
  | 'personalDataDays';

/** [min, max] of each whole-number setting, as the schema has them. */
export const BOUNDS: Record<NumberField, readonly [number, number]> = {
  slotMinutes: [5, 240],
  capacityPerSlot: [0, 1000],
  bookingDaysAhead: [0, 90],
  earlyMinutes: [0, 240],
  graceMinutes: [0, 240],
  missedAfterMinutes: [0, 1440],
  missedLimit: [0, 20],
  missedWindowDays: [1, 365],
  missedBlockDays: [1, 365],
  ratingHours: [1, 24 * 30],
  kioskIdleSeconds: [10, 600],
  smsReminderHour: SMS_REMINDER_HOURS,
  personalDataDays: PERSONAL_DATA_DAYS,
};
export const NUMBER_FIELDS = Object.keys(BOUNDS) as NumberField[];
export const QUEUE_CAPACITY_MAX = 1000;
export const SESSIONS_MAX = 6;
export const CLOSED_DATES_MAX = 400;
export const URL_MAX = 200;
/** Shown as the example of a public address (help and error). */
export const URL_EXAMPLE = 'https://zwfw.example.gov.cn';

export interface CitizenForm {
  numbers: Record<NumberField, string>;
  /** Index 0 = Sunday, as openDays counts. */
  openDays: boolean[];
  sessions: Array<{ start: string; end: string }>;
  closedDates: string[];
  /** Per queue code: '' = the default capacity, else a number typed. */
  capacityByQueue: Record<string, string>;
  late: 'walk_in' | 'refuse';
  publicBaseUrl: string;
  smsEnabled: boolean;
  /** Ticked kinds of message. */
  smsKinds: Record<SmsKind, boolean>;
}

export type CitizenErrorKey =
  | 'citizen.err.required'
  | 'citizen.err.int'
  | 'citizen.err.time'
  | 'citizen.err.sessionOrder'
  | 'citizen.err.sessionsCount'
  | 'citizen.err.date'
  | 'citizen.err.datesMax'
  | 'citizen.err.missedAfter'
  | 'citizen.err.url'
  | 'citizen.err.urlLong'
  | 'citizen.err.smsKinds';

export interface CitizenError {
  key: CitizenErrorKey;
  params?: Record<string, string | number>;
}

/**
 * Keyed by field: a setting's name ('slotMinutes'), a row of a list ('sessions.1',
 * 'closedDates.0') or a queue's override ('capacityByQueue.A').
 */
export type CitizenErrors = Record<string, CitizenError>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A time as typed, tidied to HH:MM: "9:00", "9：00" (a Chinese IME's colon), "9.00", "900" →
 * "09:00". Anything else is left as typed, for the check to point out.
 */
export function normalTime(typed: string): string {
  const m = /^(\d{1,2})[:：.]?(\d{2})$/.exec(typed.trim());
  if (!m?.[1] || !m[2]) return typed.trim();
  const t = `${m[1].padStart(2, '0')}:${m[2]}`;
  return TIME.test(t) ? t : typed.trim();
}

/** A new session row after one ending at `end`: the next hour, or blank to fill in when that is past midnight. */
export function nextSession(end: string): { start: string; end: string } {
  if (!TIME.test(end)) return { start: '', end: '' };
  const minutes = Number(end.slice(0, 2)) * 60 + Number(end.slice(3)) + 60;
  if (minutes >= 24 * 60) return { start: end, end: '' };
  return { start: end, end: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${end.slice(3)}` };
}

/** A new closed date: the day after the latest listed, or `today` (the rule of every date list, dateList.ts). */
export { nextListedDate as nextClosedDate };

export function toForm(s: CitizenSettings, queueCodes: readonly string[]): CitizenForm {
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(s[f])])) as Record<NumberField, string>;
  const capacityByQueue: Record<string, string> = {};
  for (const code of queueCodes) {
    const v = s.capacityByQueue[code];
    capacityByQueue[code] = v === undefined ? '' : String(v);
  }
  return {
    numbers,
    openDays: [0, 1, 2, 3, 4, 5, 6].map((d) => s.openDays.includes(d)),
    sessions: s.sessions.map((x) => ({ ...x })),
    closedDates: [...s.closedDates],
    capacityByQueue,
    late: s.late,
    publicBaseUrl: s.publicBaseUrl,
    smsEnabled: s.smsEnabled,
    smsKinds: Object.fromEntries(SMS_KINDS.map((k) => [k, s.smsKinds.includes(k)])) as Record<SmsKind, boolean>,
  };
}

function intError(value: string, min: number, max: number): CitizenError | undefined {
  const v = value.trim();
  if (!v) return { key: 'citizen.err.required' };
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) return { key: 'citizen.err.int', params: { min, max } };
  return undefined;
}

/** Everything the server would refuse, said per field; empty when the form may be sent. */
export function validateCitizen(f: CitizenForm): CitizenErrors {
  const e: CitizenErrors = {};
  const put = (field: string, err: CitizenError | undefined): void => {
    if (err) e[field] = err;
  };
  for (const field of NUMBER_FIELDS) put(field, intError(f.numbers[field], ...BOUNDS[field]));
  // Missed is counted from the slot end, so it cannot come before the grace is over.
  if (f.late === 'walk_in' && !e.missedAfterMinutes && !e.graceMinutes && Number(f.numbers.missedAfterMinutes) < Number(f.numbers.graceMinutes)) {
    e.missedAfterMinutes = { key: 'citizen.err.missedAfter', params: { grace: Number(f.numbers.graceMinutes) } };
  }
  if (f.sessions.length < 1 || f.sessions.length > SESSIONS_MAX) e.sessions = { key: 'citizen.err.sessionsCount', params: { max: SESSIONS_MAX } };
  f.sessions.forEach((s, i) => {
    if (!s.start || !s.end) put(`sessions.${i}`, { key: 'citizen.err.required' });
    else if (!TIME.test(s.start) || !TIME.test(s.end)) put(`sessions.${i}`, { key: 'citizen.err.time' });
    else if (s.start >= s.end) put(`sessions.${i}`, { key: 'citizen.err.sessionOrder' });
  });
  if (f.closedDates.length > CLOSED_DATES_MAX) e.closedDates = { key: 'citizen.err.datesMax', params: { max: CLOSED_DATES_MAX } };
  f.closedDates.forEach((d, i) => {
    if (!d) put(`closedDates.${i}`, { key: 'citizen.err.required' });
    else if (!isDate(d)) put(`closedDates.${i}`, { key: 'citizen.err.date' });
  });
  for (const [code, v] of Object.entries(f.capacityByQueue)) {
    if (v.trim()) put(`capacityByQueue.${code}`, intError(v, 0, QUEUE_CAPACITY_MAX));
  }
  if (f.smsEnabled && !SMS_KINDS.some((k) => f.smsKinds[k])) e.smsKinds = { key: 'citizen.err.smsKinds' };
  const url = f.publicBaseUrl.trim();
  if (url.length > URL_MAX) e.publicBaseUrl = { key: 'citizen.err.urlLong', params: { max: URL_MAX } };
  else if (url && !isWebAddress(url)) e.publicBaseUrl = { key: 'citizen.err.url', params: { example: URL_EXAMPLE } };
  return e;
}

/** Phones open the QR code's address: only http(s) makes sense (the schema takes any URL). */
function isWebAddress(v: string): boolean {
  if (!/^https?:\/\/[^\s/]+/.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

/**
 * The settings the form says, on top of `base` (overrides of queues the page does not show are
 * kept). Call after validateCitizen found nothing.
 */
export function fromForm(f: CitizenForm, base: CitizenSettings): CitizenSettings {
  const capacityByQueue = { ...base.capacityByQueue };
  for (const [code, v] of Object.entries(f.capacityByQueue)) {
    if (v.trim()) capacityByQueue[code] = Number(v.trim());
    else delete capacityByQueue[code];
  }
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((k) => [k, Number(f.numbers[k].trim())])) as Record<NumberField, number>;
  return {
    ...base,
    ...numbers,
    openDays: f.openDays.flatMap((on, d) => (on ? [d] : [])),
    sessions: f.sessions.map((s) => ({ start: s.start, end: s.end })),
    closedDates: [...new Set(f.closedDates)].sort(),
    capacityByQueue,
    late: f.late,
    publicBaseUrl: f.publicBaseUrl.trim(),
    smsEnabled: f.smsEnabled,
    smsKinds: SMS_KINDS.filter((k) => f.smsKinds[k]),
  };
}

/** A value compared without regard to key order or the order of openDays and smsKinds. */
function canonical(key: keyof CitizenSettings, v: unknown): string {
  if (key === 'openDays' && Array.isArray(v)) return JSON.stringify([...(v as number[])].sort((a, b) => a - b));
  if (key === 'smsKinds' && Array.isArray(v)) return JSON.stringify([...(v as string[])].sort());
  if (key === 'capacityByQueue' && v && typeof v === 'object') {
    return JSON.stringify(Object.entries(v as Record<string, number>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return JSON.stringify(v);
}

/** Only the settings that differ: what PUT /api/citizen/settings is sent. */
export function settingsPatch(before: CitizenSettings, after: CitizenSettings): Partial<CitizenSettings> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof CitizenSettings>) {
    if (canonical(key, before[key]) !== canonical(key, after[key])) patch[key] = after[key];
  }
  return patch as Partial<CitizenSettings>;
}

/**
 * The field a BAD_REQUEST message names ("sessions.0.start: …" → 'sessions.0',
 * "slotMinutes: …" → 'slotMinutes'), and the message after the path; null when it names none
 * the page shows.
 */
export function serverField(message: string, shown: ReadonlySet<string>): { field: string; text: string } | null {
  const m = /^([A-Za-z]+(?:\.[A-Za-z0-9_]+)*): (.*)$/s.exec(message);
  if (!m?.[1]) return null;
  const parts = m[1].split('.');
  for (const field of [parts.slice(0, 2).join('.'), parts[0] ?? '']) {
    if (shown.has(field)) return { field, text: m[2] ?? message };
  }
  return null;
}
