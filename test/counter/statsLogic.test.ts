/** The 统计 page's pure parts: words for figures, levels, hour bars, the CSV files, the live throttle. */
import { describe, expect, it } from 'vitest';
import type { AssistStats, DayStats, DayTicket, RangeStats } from '../../shared/stats';
import {
  autoShare,
  busyShare,
  dayColumns,
  duration,
  durationParts,
  hourBars,
  p90Level,
  percent,
  periodText,
  quickRange,
  rangeProblem,
  slaText,
  throttle,
  type QueueWords,
  type Translate,
} from '../../counter/src/admin/logic/stats';
import { figuresCsv, localDateTime, outcome, ticketsCsv, toCsv } from '../../counter/src/admin/logic/statsCsv';
import { adminEn, adminZh, t as translate } from '../../counter/src/admin/text';
import { commonEn, commonZh } from '../../counter/src/shared/commonText';
import { interpolate } from '../../counter/src/shared/i18n';

// Built once: spreading the whole dictionary on every call made the 92-day test take seconds.
const ZH: Record<string, string> = { ...commonZh, ...adminZh };
const EN: Record<string, string> = { ...commonEn, ...adminEn };
const zh: Translate = (key, params) => interpolate(ZH[key] ?? key, params);
const en: Translate = (key, params) => interpolate(EN[key] ?? key, params);

describe('figures in words', () => {
  it.each([
    { share: 1, text: '100.0%' },
    { share: 2 / 3, text: '66.7%' },
    { share: 0, text: '0.0%' },
    { share: null, text: '—' },
  ])('percent($share) = $text', ({ share, text }) => {
    expect(percent(share, zh)).toBe(text);
  });

  it.each([
    { s: 0, zh: '0 分 00 秒', en: '0 min 00 s', parts: ['0分', '00秒'] },
    { s: 725, zh: '12 分 05 秒', en: '12 min 05 s', parts: ['12分', '05秒'] },
    { s: 3725, zh: '1 小时 02 分', en: '1 h 02 min', parts: ['1小时', '02分'] },
  ])('$s s', ({ s, zh: z, en: e, parts }) => {
    expect(duration(s, zh)).toBe(z);
    expect(duration(s, en)).toBe(e);
    expect(durationParts(s, zh).map((p) => p.n + p.unit)).toEqual(parts);
  });

  it.each([
    { name: 'some called', f: { issued: 5, waiting: 2, cancelled: 1, slaAttainment: 0.5 }, text: '50.0%' },
    { name: 'all still waiting (the server says 1)', f: { issued: 3, waiting: 3, cancelled: 0, slaAttainment: 1 }, text: '—' },
    { name: 'all cancelled before a call', f: { issued: 2, waiting: 0, cancelled: 2, slaAttainment: 1 }, text: '—' },
    { name: 'no tickets', f: { issued: 0, waiting: 0, cancelled: 0, slaAttainment: 1 }, text: '—' },
  ])('share within target: $name', ({ f, text }) => {
    expect(slaText(f, zh)).toBe(text);
  });

  it.each([
    { busy: 1800, span: 3600, share: 0.5 },
    { busy: 0, span: 0, share: null },
    { busy: 100, span: 90, share: 1 },
  ])('busy share $busy / $span = $share', ({ busy, span, share }) => {
    expect(busyShare({ busySeconds: busy, spanSeconds: span })).toBe(share);
  });

  it.each([
    { p90: 0, target: 10, level: 'ok' },
    { p90: 479, target: 10, level: 'ok' },
    { p90: 480, target: 10, level: 'near' },
    { p90: 600, target: 10, level: 'near' },
    { p90: 601, target: 10, level: 'over' },
    { p90: 5000, target: undefined, level: 'ok' },
  ] as const)('P90 $p90 s against $target min is $level', ({ p90, target, level }) => {
    expect(p90Level(p90, target)).toBe(level);
  });

  it('the translator of the page has every stats word in both languages', () => {
    expect(translate('nav.stats')).toBe('统计');
    expect(en('nav.stats')).toBe('Statistics');
  });
});

describe('hourBars', () => {
  it('scales to the busiest hour and the longest wait; labels are two digits', () => {
    const bars = hourBars([
      { hour: 8, issued: 0, called: 0, avgWaitSeconds: 0 },
      { hour: 9, issued: 40, called: 30, avgWaitSeconds: 600 },
      { hour: 10, issued: 10, called: 20, avgWaitSeconds: 1200 },
    ]);
    expect(bars.map((b) => [b.label, b.issuedPct, b.waitPct])).toEqual([
      ['08', 0, 0],
      ['09', 100, 50],
      ['10', 25, 100],
    ]);
  });
  it('an empty day has no bars', () => {
    expect(hourBars([])).toEqual([]);
  });
});

describe('CSV', () => {
  it.each([
    { name: 'plain cells', rows: [['a', 1, undefined]], csv: 'a,1,' },
    { name: 'commas, quotes and line breaks are quoted', rows: [['x,y', 'say "hi"', 'a\nb']], csv: '"x,y","say ""hi""","a\nb"' },
    { name: 'text that looks like a formula is defused', rows: [['=SUM(A1)', '+1', '@x', -5]], csv: "'=SUM(A1),'+1,'@x,-5" },
    { name: 'Chinese stays as it is', rows: [['企业开办', '张三']], csv: '企业开办,张三' },
  ])('$name', ({ rows, csv }) => {
    expect(toCsv(rows)).toBe(`\uFEFF${csv}\r\n`);
  });

  it.each([
    { iso: '2026-11-30T01:05:07.000Z', tz: 'Asia/Shanghai', text: '2026-11-30 09:05:07' },
    { iso: '2026-11-30T16:00:00.000Z', tz: 'Asia/Shanghai', text: '2026-12-01 00:00:00' },
    { iso: '2026-11-30T01:05:07.000Z', tz: 'UTC', text: '2026-11-30 01:05:07' },
  ])('localDateTime $iso in $tz', ({ iso, tz, text }) => {
    expect(localDateTime(iso, tz)).toBe(text);
  });

  const words: QueueWords = { name: (c) => ({ A: '企业开办', B: '工程建设' })[c] ?? c, target: (c) => ({ A: 10, B: 20 })[c] };
  const day: DayStats = {
    serviceDay: '2026-11-30',
    at: '2026-11-30T09:00:00.000Z',
    timezone: 'Asia/Shanghai',
    live: false,
    totals: { issued: 3, waiting: 0, served: 2, noShow: 1, cancelled: 0, avgWaitSeconds: 900, p90WaitSeconds: 1860, slaAttainment: 2 / 3, avgServiceSeconds: 270 },
    queues: [
      { code: 'A', issued: 3, waiting: 0, served: 2, noShow: 1, cancelled: 0, avgWaitSeconds: 900, p90WaitSeconds: 1860, slaAttainment: 2 / 3, avgServiceSeconds: 270 },
      { code: 'B', issued: 0, waiting: 0, served: 0, noShow: 0, cancelled: 0, avgWaitSeconds: 0, p90WaitSeconds: 0, slaAttainment: 1, avgServiceSeconds: 0 },
    ],
    clerks: [{ id: 'u1', username: 'c01', name: '张三', windowNo: 9, served: 2, avgServiceSeconds: 270, busySeconds: 540, spanSeconds: 1800, calls: 3, autoCalls: 1 }],
    hours: [],
  };

  it('the figures file: a title, the queue table with its total, then the clerk table (zh)', () => {
    const lines = figuresCsv(day, '某县政务服务中心', words, zh).replace('\uFEFF', '').split('\r\n');
    expect(lines).toEqual([
      '某县政务服务中心 2026-11-30 统计',
      '',
      '按队列',
      '队列,队列名称,取号,等候中,办结,过号,取消,平均等候（分钟）,90 分位等候（分钟）,目标等候（分钟）,目标内（%）,平均办理（分钟）',
      'A,企业开办,3,0,2,1,0,15,31,10,66.7,4.5',
      'B,工程建设,0,0,0,0,0,0,0,20,,', // nobody called, nobody served: empty, not 100 % and 0
      '合计,,3,0,2,1,0,15,31,,66.7,4.5',
      '',
      '按人员',
      '工号,姓名,窗口,办结,平均办理（分钟）,办理时长（分钟）,忙碌占比（%）,叫号,自动叫号,自动叫号（%）',
      'c01,张三,9,2,4.5,9,30,3,1,33.3',
      '',
    ]);
  });

  it('the figures file with 求助: its counts, answer times in minutes, then by kind, window and clerk', () => {
    const assist: AssistStats = {
      total: 3,
      answered: 2,
      resolved: 1,
      withdrawn: 1,
      open: 1,
      unanswered: 0,
      medianAnswerSeconds: 90,
      longestAnswerSeconds: 120,
      byKind: [
        { kind: 'question', count: 0 },
        { kind: 'conduct', count: 2 },
        { kind: 'equipment', count: 1 },
        { kind: 'other', count: 0 },
      ],
      byWindow: [{ windowNo: 9, count: 3, medianAnswerSeconds: 90 }],
      byClerk: [{ id: 'u1', username: 'c01', name: '张三', count: 3 }],
    };
    const lines = figuresCsv({ ...day, assist }, '某县政务服务中心', words, zh).split('\r\n');
    const from = lines.indexOf('求助');
    expect(from).toBeGreaterThan(0);
    expect(lines.slice(from, from + 10)).toEqual(['求助', '项目,数值', '求助次数,3', '已响应,2', '响应中位数（分钟）,1.5', '最长响应（分钟）,2', '已撤销,1', '未结束,1', '无人响应,0', '']);
    expect(lines).toContain('现场秩序,2');
    expect(lines).toContain('9,3,1.5');
    expect(lines).toContain('c01,张三,3');
    expect(figuresCsv(day, '某县政务服务中心', words, zh)).not.toContain('求助'); // figures made without it
  });

  it.each([
    { calls: 4, autoCalls: 1, share: 0.25 },
    { calls: 0, autoCalls: 0, share: null },
    { calls: undefined, autoCalls: undefined, share: null },
  ])('autoShare of $autoCalls in $calls calls is $share', ({ share, ...c }) => {
    expect(autoShare(c)).toBe(share);
  });

  it('the figures file in English has English headings', () => {
    const csv = figuresCsv(day, 'County centre', words, en);
    expect(csv).toContain('Queue,Queue name,Issued,Waiting,Served,No-show,Cancelled,Avg wait (min),P90 wait (min),Target wait (min),In target (%),Avg service (min)');
    expect(csv).toContain('Staff no.,Name,Window,Served');
  });

  const tickets: DayTicket[] = [
    {
      number: 'A001',
      queue: 'A',
      channel: 'appointment',
      priority: 'priority',
      status: 'done',
      issuedAt: '2026-11-30T01:00:00.000Z',
      calledAt: '2026-11-30T01:04:00.000Z',
      startedAt: '2026-11-30T01:04:30.000Z',
      finishedAt: '2026-11-30T01:10:30.000Z',
      waitSeconds: 240,
      serviceSeconds: 360,
      windowNo: 9,
      clerkUsername: 'c01',
      clerkName: '张三',
      recalls: 1,
      transferredFrom: 'B',
    },
    { number: 'A002', queue: 'A', channel: 'kiosk', priority: 'normal', status: 'cancelled', closedReason: 'day_end', issuedAt: '2026-11-30T01:01:00.000Z', recalls: 0 },
  ];

  it('the tickets file: one line per ticket, times in the hall’s zone, minutes with one decimal', () => {
    const lines = ticketsCsv({ timezone: 'Asia/Shanghai', tickets }, words, zh).replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('号码,队列,队列名称,取号方式,优先级,取号时间,叫号时间,开始办理,办结时间,等候（分钟）,办理（分钟）,窗口,工号,姓名,结果,重呼次数,转自队列');
    expect(lines[1]).toBe('A001,A,企业开办,预约,优先,2026-11-30 09:00:00,2026-11-30 09:04:00,2026-11-30 09:04:30,2026-11-30 09:10:30,4,6,9,c01,张三,已办结,1,B');
    expect(lines[2]).toBe('A002,A,企业开办,自助取号,普通,2026-11-30 09:01:00,,,,,,,,,已取消（当日结束未办）,0,');
    expect(lines).toHaveLength(4);
  });

  it.each([
    { ticket: { status: 'no_show', closedReason: 'recall_limit' }, zh: '过号（重呼后未到）', en: 'No-show（Did not come after recalls）' },
    { ticket: { status: 'done' }, zh: '已办结', en: 'Served' },
  ] as const)('outcome of $ticket.status', ({ ticket, zh: z }) => {
    expect(outcome(ticket, zh)).toBe(z);
  });
});

describe('throttle', () => {
  function fakeTimers() {
    let now = 0;
    const queue: { at: number; fn: () => void; id: number }[] = [];
    let id = 0;
    return {
      timers: {
        now: () => now,
        setTimeout: (fn: () => void, ms: number) => {
          queue.push({ at: now + ms, fn, id: ++id });
          return id;
        },
        clearTimeout: (h: unknown) => {
          const i = queue.findIndex((x) => x.id === h);
          if (i >= 0) queue.splice(i, 1);
        },
      },
      /** Moves time on, running each timer at its own moment. */
      advance(ms: number) {
        const end = now + ms;
        for (;;) {
          const due = queue.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
          if (!due) break;
          queue.splice(queue.indexOf(due), 1);
          now = due.at;
          due.fn();
        }
        now = end;
      },
    };
  }

  it.each([
    { name: 'the first poke runs at once', pokes: [0], until: 0, runs: [0] },
    { name: 'pokes inside the interval fold into one run at its end', pokes: [0, 1000, 2000, 4000], until: 10_000, runs: [0, 5000] },
    { name: 'a poke after a quiet interval runs at once', pokes: [0, 7000], until: 10_000, runs: [0, 7000] },
    { name: 'a steady stream runs once per interval', pokes: [0, 1000, 6000, 7000, 11_000], until: 20_000, runs: [0, 5000, 10_000, 15_000] },
  ])('$name', ({ pokes, until, runs }) => {
    const f = fakeTimers();
    const seen: number[] = [];
    const th = throttle(() => seen.push(f.timers.now()), 5000, f.timers);
    let at = 0;
    for (const p of pokes) {
      f.advance(p - at);
      at = p;
      th.poke();
    }
    f.advance(until - at);
    expect(seen).toEqual(runs);
  });

  it('cancel drops a pending run', () => {
    const f = fakeTimers();
    const seen: number[] = [];
    const th = throttle(() => seen.push(f.timers.now()), 5000, f.timers);
    th.poke();
    th.poke();
    th.cancel();
    f.advance(10_000);
    expect(seen).toEqual([0]);
  });
});

describe('ranges', () => {
  it.each([
    { kind: 'week', today: '2026-12-03', range: { from: '2026-11-30', to: '2026-12-03' }, why: '本周 starts on Monday (a Thursday)' },
    { kind: 'week', today: '2026-11-30', range: { from: '2026-11-30', to: '2026-11-30' }, why: 'on a Monday: that day alone' },
    { kind: 'week', today: '2026-12-06', range: { from: '2026-11-30', to: '2026-12-06' }, why: 'on a Sunday: the Monday before, not the next' },
    { kind: 'week', today: '2027-01-02', range: { from: '2026-12-28', to: '2027-01-02' }, why: 'across the new year' },
    { kind: 'month', today: '2026-11-30', range: { from: '2026-11-01', to: '2026-11-30' }, why: '本月: the 1st to today' },
    { kind: 'lastMonth', today: '2026-12-15', range: { from: '2026-11-01', to: '2026-11-30' }, why: '上月: the whole month' },
    { kind: 'lastMonth', today: '2027-01-10', range: { from: '2026-12-01', to: '2026-12-31' }, why: '上月 in January: December of the year before' },
    { kind: 'lastMonth', today: '2028-03-31', range: { from: '2028-02-01', to: '2028-02-29' }, why: 'a leap February' },
  ] as const)('$kind on $today: $why', ({ kind, today, range }) => {
    expect(quickRange(kind, today)).toEqual(range);
  });

  it.each([
    { r: { from: '2026-11-01', to: '2026-11-30' }, problem: null },
    { r: { from: '2026-09-01', to: '2026-11-30' }, problem: null }, // 91 days
    { r: { from: '2026-08-31', to: '2026-11-30' }, problem: null }, // 92
    { r: { from: '2026-08-30', to: '2026-11-30' }, problem: 'stats.range.tooLong' },
    { r: { from: '2026-11-30', to: '2026-11-29' }, problem: 'stats.range.reversed' },
    { r: { from: '2026-11-30', to: '2026-12-01' }, problem: 'stats.range.future' },
    { r: { from: '', to: '2026-11-30' }, problem: 'stats.range.incomplete' },
  ])('$r.from – $r.to: $problem', ({ r, problem }) => {
    expect(rangeProblem(r, '2026-11-30')).toBe(problem);
  });
});

describe('range figures', () => {
  const range: RangeStats = {
    from: '2026-11-01',
    to: '2026-11-03',
    at: '2026-11-30T08:00:00.000Z',
    timezone: 'Asia/Shanghai',
    live: false,
    totals: { issued: 30, waiting: 0, served: 25, noShow: 3, cancelled: 2, avgWaitSeconds: 600, p90WaitSeconds: 1500, slaAttainment: 0.9, avgServiceSeconds: 300 },
    queues: [{ code: 'A', issued: 30, waiting: 0, served: 25, noShow: 3, cancelled: 2, avgWaitSeconds: 600, p90WaitSeconds: 1500, slaAttainment: 0.9, avgServiceSeconds: 300 }],
    clerks: [],
    days: [
      { date: '2026-11-01', issued: 10, served: 9, avgWaitSeconds: 300, p90WaitSeconds: 600, slaAttainment: 1 },
      { date: '2026-11-02', issued: 0, served: 0, avgWaitSeconds: 0, p90WaitSeconds: 0, slaAttainment: 1 },
      { date: '2026-11-03', issued: 20, served: 16, avgWaitSeconds: 750, p90WaitSeconds: 1500, slaAttainment: 0.85 },
    ],
  };
  const words: QueueWords = { name: () => '企业开办', target: () => 15 };

  it('the CSV names the range and lists the days; the file is named from至to', () => {
    const lines = figuresCsv(range, '某县政务服务中心', words, zh).replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('某县政务服务中心 2026-11-01至2026-11-03 统计');
    const at = lines.indexOf('按日');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 5)).toEqual([
      '日期,取号,办结,平均等候（分钟）,90 分位等候（分钟）,目标内（%）',
      '2026-11-01,10,9,5,10,100',
      '2026-11-02,0,0,0,0,',
      '2026-11-03,20,16,12.5,25,85',
    ]);
    expect(zh('stats.file.figures', { day: periodText(range, zh) })).toBe('统计-2026-11-01至2026-11-03');
    expect(figuresCsv(range, 'County', words, en)).toContain('County 2026-11-01–2026-11-03 figures');
  });

  it('day columns scale to the busiest day and say the day in their title; a quarter labels about weekly', () => {
    const cols = dayColumns(range.days, zh);
    expect(cols.map((c) => [c.key, c.label, c.issuedPct, c.waitPct])).toEqual([
      ['2026-11-01', '11/1', 50, 40],
      ['2026-11-02', '11/2', 0, 0],
      ['2026-11-03', '11/3', 100, 100],
    ]);
    expect(cols[2]?.title).toBe('2026-11-03：取号 20，办结 16，平均等候 12 分 30 秒，90 分位 25 分 00 秒，目标内 85.0%');
    const quarter = dayColumns(
      Array.from({ length: 92 }, (_, i) => ({ ...range.days[0]!, date: new Date(Date.UTC(2026, 8, 1 + i)).toISOString().slice(0, 10) })),
      zh,
    );
    expect(quarter.filter((c) => c.label !== '').length).toBe(16);
  });
});
