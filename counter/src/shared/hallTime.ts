/**
 * Times of day as the hall reads them (pure): every clock time the console shows is in the hall's
 * own zone (`snapshot.hall.timezone`, or a report's `timezone`), whatever the PC is set to — a
 * console on UTC must not show 01:00 for a ticket called at 09:00 in Shanghai.
 *
 * Always zh-CN digits with a 24-hour clock (hour12: false resolves to h23 there: 00:05, never
 * 24:05), in the English console too, as it always was.
 *
 * A zone not known yet (`undefined`, before the first snapshot) formats in the PC's own zone, as
 * Intl does. Pages that must not show such a time for a moment (数据备份, 设备状态) hold their
 * times back until the zone is known; that choice stays with them.
 */

/** An instant: a Date, epoch ms or an ISO string (as the server sends them). */
export type Instant = Date | number | string;
export type HallFormat = (at: Instant) => string;

const hm: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hour12: false };
const md: Intl.DateTimeFormatOptions = { month: '2-digit', day: '2-digit' };
const sec: Intl.DateTimeFormatOptions = { second: '2-digit' };

const KINDS = {
  /** 09:05 */
  clock: hm,
  /** 09:05:07 */
  clockSeconds: { ...hm, ...sec },
  /** 05/02 09:05 */
  dayTime: { ...md, ...hm },
  /** 05/02 09:05:07 */
  dayTimeSeconds: { ...md, ...hm, ...sec },
  /** 2024/05/02 09:05 */
  dateTime: { year: 'numeric', ...md, ...hm },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type HallTimeKind = keyof typeof KINDS;

// One Intl.DateTimeFormat per (kind, zone): building one costs far more than formatting with it,
// and a table of 200 audit rows would otherwise build 200. The PC's zone (unknown hall zone) is
// not kept: it is looked up when asked, as it was.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatOf(kind: HallTimeKind, timezone: string | undefined): Intl.DateTimeFormat {
  if (timezone === undefined) return new Intl.DateTimeFormat('zh-CN', KINDS[kind]);
  const key = `${kind} ${timezone}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('zh-CN', { ...KINDS[kind], timeZone: timezone });
    cache.set(key, f);
  }
  return f;
}

/** A formatter of one kind in the hall's zone (see the kinds above). */
export function hallTime(kind: HallTimeKind, timezone: string | undefined): HallFormat {
  const f = formatOf(kind, timezone);
  return (at) => f.format(typeof at === 'string' ? new Date(at) : at);
}

/** 09:05 — a time of today. */
export const hallClock = (timezone: string | undefined): HallFormat => hallTime('clock', timezone);
/** 09:05:07 — when figures were last read. */
export const hallClockSeconds = (timezone: string | undefined): HallFormat => hallTime('clockSeconds', timezone);
/** 05/02 09:05 — a time of some recent day. */
export const hallDayTime = (timezone: string | undefined): HallFormat => hallTime('dayTime', timezone);
/** 05/02 09:05:07 — the audit log's to-the-second time. */
export const hallDayTimeSeconds = (timezone: string | undefined): HallFormat => hallTime('dayTimeSeconds', timezone);
/** 2024/05/02 09:05 — a time that may be of another year (backups, printed reports). */
export const hallDateTime = (timezone: string | undefined): HallFormat => hallTime('dateTime', timezone);
