/** Calendar helpers. Pure: the caller passes the instant and the hall's time zone. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timezone, f);
  }
  return f;
}

/** The service day (YYYY-MM-DD in the hall's zone) that contains `at`. */
export function serviceDayOf(at: number, timezone: string): string {
  return formatter(timezone).format(new Date(at));
}

export function iso(at: number): string {
  return new Date(at).toISOString();
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight in the hall's zone (09:30 → 570). */
export function localMinutesOf(at: number, timezone: string): number {
  let f = clocks.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clocks.set(timezone, f);
  }
  const parts = f.formatToParts(new Date(at));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/** '09:30' → 570. */
export function minutesOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
