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
