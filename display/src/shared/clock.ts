/**
 * The wall clock. A TV's own clock is often wrong, so the clock runs on server time: the offset
 * between the server's `at` and the local clock is measured when state arrives. Shown in the
 * hall's timezone, whatever the box is set to. Pure: `now` is passed in.
 */
import type { Lang } from './i18n';

const formatters = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

function formattersFor(lang: Lang, timeZone: string): { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat } {
  const key = `${lang}|${timeZone}`;
  let found = formatters.get(key);
  if (found === undefined) {
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    let zone: string | undefined = timeZone;
    try {
      new Intl.DateTimeFormat(locale, { timeZone: zone });
    } catch {
      zone = undefined; // unknown zone name: fall back to the box's own
    }
    found = {
      time: new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
      date: new Intl.DateTimeFormat(locale, {
        timeZone: zone,
        year: 'numeric',
        month: lang === 'zh' ? 'long' : 'short',
        day: 'numeric',
        weekday: lang === 'zh' ? 'long' : 'short',
      }),
    };
    formatters.set(key, found);
  }
  return found;
}

export function clockText(nowMs: number, timeZone: string, lang: Lang): { time: string; date: string } {
  const f = formattersFor(lang, timeZone);
  const at = new Date(nowMs);
  return { time: f.time.format(at), date: f.date.format(at) };
}

/**
 * Server time minus local time, from a server timestamp just received. Small offsets (under
 * two seconds: transit time) are ignored so the seconds do not jitter on every change.
 */
export function serverOffsetMs(serverAtIso: string, localNowMs: number, previousOffsetMs: number): number {
  const serverMs = Date.parse(serverAtIso);
  if (Number.isNaN(serverMs)) return previousOffsetMs;
  const offset = serverMs - localNowMs;
  return Math.abs(offset - previousOffsetMs) < 2000 ? previousOffsetMs : offset;
}
