/**
 * The 统计 page's CSV files (pure): the figures as a manager's report, and the ticket list, in
 * UTF-8 with a BOM for Excel, times in the hall's own zone, cells safe from formula injection.
 */
import type { AssistStats, DayStats, DayTicket, RangeStats } from '../../../../shared/stats';
import type { TextKey } from '../text';
import { workHoursText } from './overtime';
import { anyCalled, autoShare, busyShare, periodText, type QueueWords, type Translate } from './stats';

type Cell = string | number | undefined;

/** A spreadsheet might run a cell that starts like a formula: such text gets a leading apostrophe. */
function cell(v: Cell): string {
  if (v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark, so Excel in China opens the Chinese correctly; CRLF lines. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const minutes1 = (seconds: number | undefined): number | undefined => (seconds === undefined ? undefined : Math.round(seconds / 6) / 10);
const pct1 = (share: number | null): number | undefined => (share === null ? undefined : Math.round(share * 1000) / 10);

/**
 * A zone's offset from UTC (ms) at an instant, remembered per quarter hour: zones change their
 * offset only at whole quarter hours, and Intl formatting is slow (a quarter's ticket list has
 * 300,000 times to write: about 20 µs each through Intl, well under 1 µs so).
 */
const QUARTER = 15 * 60_000;
const zoneOffsets = new Map<string, { format: Intl.DateTimeFormat; byQuarter: Map<number, number> }>();
function zoneOffset(at: number, timezone: string): number {
  let zone = zoneOffsets.get(timezone);
  if (!zone) {
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    zoneOffsets.set(timezone, (zone = { format, byQuarter: new Map() }));
  }
  const q = Math.floor(at / QUARTER);
  let offset = zone.byQuarter.get(q);
  if (offset === undefined) {
    const start = q * QUARTER;
    const parts = zone.format.formatToParts(new Date(start));
    const p = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((x) => x.type === type)?.value ?? 0);
    offset = Date.UTC(p('year'), p('month') - 1, p('day'), p('hour') % 24, p('minute'), p('second')) - start;
    if (zone.byQuarter.size > 50_000) zone.byQuarter.clear(); // bounded memory
    zone.byQuarter.set(q, offset);
  }
  return offset;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** "2026-11-30 09:05:07" in the hall's time zone, whatever the manager's PC is set to. */
export function localDateTime(isoTime: string | undefined, timezone: string): string | undefined {
  if (isoTime === undefined) return undefined;
  const at = Date.parse(isoTime);
  const d = new Date(at + zoneOffset(at, timezone));
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}


/**
 * The per-queue and per-clerk tables, one after the other, as a manager's report; for a range
 * a day-by-day table after them (the 月报's daily lines).
 */
export function figuresCsv(day: DayStats | RangeStats, hallName: string, q: QueueWords, t: Translate): string {
  const min = (key: TextKey) => t('stats.csv.minutes', { label: t(key) });
  const share = (key: TextKey) => t('stats.csv.percent', { label: t(key) });
  const queueHead = [
    t('stats.col.queue'),
    t('stats.csv.queueName'),
    t('stats.col.issued'),
    t('stats.col.waiting'),
    t('stats.col.served'),
    t('stats.col.noShow'),
    t('stats.col.cancelled'),
    min('stats.col.avgWait'),
    min('stats.col.p90Wait'),
    t('stats.csv.targetMinutes'),
    share('stats.col.sla'),
    min('stats.col.avgService'),
  ];
  const figures = (f: DayStats['totals']): Cell[] => [
    f.issued,
    f.waiting,
    f.served,
    f.noShow,
    f.cancelled,
    minutes1(f.avgWaitSeconds),
    minutes1(f.p90WaitSeconds),
  ];
  // Left empty where they mean nothing: nobody called yet, nobody served.
  const shares = (f: DayStats['totals']): Cell[] => [
    anyCalled(f) ? pct1(f.slaAttainment) : undefined,
    f.served > 0 ? minutes1(f.avgServiceSeconds) : undefined,
  ];
  const rows: Cell[][] = [[t('stats.csv.title', { hall: hallName, day: periodText(day, t) })], [], [t('stats.byQueue')], queueHead];
  for (const r of day.queues) {
    rows.push([r.code, q.name(r.code), ...figures(r), q.target(r.code), ...shares(r)]);
  }
  const total = day.totals;
  rows.push([t('stats.total'), '', ...figures(total), undefined, ...shares(total)]);
  rows.push([], [t('stats.byClerk')]);
  // 延时服务's two columns only when it was counted (作息时间 set): not a column of zeros that means nothing.
  const overtime = day.overtime;
  rows.push([
    t('stats.csv.username'),
    t('stats.csv.clerkName'),
    t('stats.col.window'),
    t('stats.col.served'),
    min('stats.col.avgService'),
    min('stats.col.busy'),
    share('stats.col.busyShare'),
    t('stats.col.calls'),
    t('stats.col.autoShare'),
    share('stats.col.autoShare'),
    ...(overtime ? [min('overtime.col.time'), t('overtime.col.tickets')] : []),
  ]);
  for (const c of day.clerks) {
    const auto = autoShare(c);
    rows.push([
      c.username,
      c.name,
      c.windowNo,
      c.served,
      minutes1(c.avgServiceSeconds),
      minutes1(c.busySeconds),
      pct1(busyShare(c)),
      c.calls,
      c.autoCalls,
      auto === null ? undefined : pct1(auto),
      ...(overtime ? [minutes1(c.overtimeSeconds ?? 0), c.overtimeTickets ?? 0] : []),
    ]);
  }
  if (overtime) {
    rows.push([t('stats.total'), '', '', '', '', '', '', '', '', '', minutes1(overtime.seconds), overtime.tickets]);
    rows.push([t('overtime.by', { hours: workHoursText(overtime.workHours, t) })]);
  }
  if (day.assist) rows.push([], ...assistCsvRows(day.assist, t));
  if ('days' in day) {
    rows.push([], [t('stats.byDay')]);
    rows.push([t('stats.csv.date'), t('stats.col.issued'), t('stats.col.served'), min('stats.col.avgWait'), min('stats.col.p90Wait'), share('stats.col.sla')]);
    for (const d of day.days) {
      rows.push([d.date, d.issued, d.served, minutes1(d.avgWaitSeconds), minutes1(d.p90WaitSeconds), d.issued > 0 ? pct1(d.slaAttainment) : undefined]);
    }
  }
  return toCsv(rows);
}

/** 求助 in the figures file: its counts and answer times (minutes), then by kind, by window and by clerk. */
function assistCsvRows(a: AssistStats, t: Translate): Cell[][] {
  const min = (key: TextKey) => t('stats.csv.minutes', { label: t(key) });
  const answer = (s: number | null): Cell => (s === null ? undefined : minutes1(s));
  return [
    [t('stats.assist.title')],
    [t('stats.csv.assistFigure'), t('stats.csv.assistValue')],
    [t('stats.assist.total'), a.total],
    [t('stats.csv.assistAnswered'), a.answered],
    [min('stats.assist.median'), answer(a.medianAnswerSeconds)],
    [min('stats.assist.longest'), answer(a.longestAnswerSeconds)],
    [t('stats.assist.withdrawn'), a.withdrawn],
    [t('stats.assist.open'), a.open],
    [t('stats.csv.assistUnanswered'), a.unanswered],
    [],
    [t('stats.csv.assistKind'), t('stats.assist.count')],
    ...a.byKind.map((k): Cell[] => [t(`assist.kind.${k.kind}`), k.count]),
    [],
    [t('stats.col.window'), t('stats.assist.count'), min('stats.assist.medianCol')],
    ...a.byWindow.map((w): Cell[] => [w.windowNo, w.count, answer(w.medianAnswerSeconds)]),
    [],
    [t('stats.csv.username'), t('stats.csv.clerkName'), t('stats.assist.count')],
    ...a.byClerk.map((c): Cell[] => [c.username, c.name, c.count]),
  ];
}

/** The outcome of a ticket in words: its status, and why it closed when it did not end served. */
export function outcome(ticket: Pick<DayTicket, 'status' | 'closedReason'>, t: Translate): string {
  const status = t(`stats.status.${ticket.status}` as TextKey);
  return ticket.closedReason ? `${status}（${t(`stats.closed.${ticket.closedReason}` as TextKey)}）` : status;
}

/** One line per ticket of the day (no citizen names or phones: the tickets carry none). */
export function ticketsCsv(list: { timezone: string; tickets: readonly DayTicket[] }, q: QueueWords, t: Translate): string {
  const at = (iso: string | undefined) => localDateTime(iso, list.timezone);
  const rows: Cell[][] = [
    [
      t('stats.csv.number'),
      t('stats.col.queue'),
      t('stats.csv.queueName'),
      t('stats.csv.channel'),
      t('stats.csv.priority'),
      t('stats.csv.issuedAt'),
      t('stats.csv.calledAt'),
      t('stats.csv.startedAt'),
      t('stats.csv.finishedAt'),
      t('stats.csv.wait'),
      t('stats.csv.service'),
      t('stats.col.window'),
      t('stats.csv.username'),
      t('stats.csv.clerkName'),
      t('stats.csv.status'),
      t('stats.csv.recalls'),
      t('stats.csv.transferredFrom'),
    ],
  ];
  for (const x of list.tickets) {
    rows.push([
      x.number,
      x.queue,
      q.name(x.queue),
      t(`channel.${x.channel}` as TextKey),
      t(`priority.${x.priority}` as TextKey),
      at(x.issuedAt),
      at(x.calledAt),
      at(x.startedAt),
      at(x.finishedAt),
      minutes1(x.waitSeconds),
      minutes1(x.serviceSeconds),
      x.windowNo,
      x.clerkUsername,
      x.clerkName,
      outcome(x, t),
      x.recalls,
      x.transferredFrom,
    ]);
  }
  return toCsv(rows);
}

