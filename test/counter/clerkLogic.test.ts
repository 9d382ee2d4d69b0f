import { describe, expect, it } from 'vitest';
import type { GuideChecklist, Matter } from '../../shared/schemas';
import { TicketNumber } from '../../shared/schemas';
import { missingMaterials, parseChecklist, progress, toggleMaterial, emptyChecklist, seedFromGuide, guideHas, type Checklist } from '../../counter/src/clerk/logic/checklist';
import { parseDayFigures, recordCompletion, summarize, emptyDay } from '../../counter/src/clerk/logic/figures';
import { likelyNext, queueRows, totalWaiting } from '../../counter/src/clerk/logic/myQueues';
import { defaultLetter, normalizeTicketNumber } from '../../counter/src/clerk/logic/ticketNumber';
import { undoPlan, undoSecondsLeft } from '../../counter/src/clerk/logic/undo';
import { effectiveWindow, windowAfterTicket, windowOfClerk } from '../../counter/src/clerk/logic/windowView';
import { pickable, windowChoices } from '../../counter/src/clerk/logic/windowChoice';
import { iso, queue, T0, ticket, window } from './fixtures';

describe('特呼 number input', () => {
  it.each([
    ['A012', 'A', 'A012'],
    ['a12', 'B', 'A012'],
    ['12', 'B', 'B012'],
    [' 7 ', 'C', 'C007'],
    ['1234', 'D', 'D1234'],
  ])('%s (window queue %s) → %s', (input, q, out) => {
    expect(normalizeTicketNumber(input, q)).toEqual({ ok: true, number: out });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['AB12', 'format'],
    ['A12345', 'format'],
    ['12', 'format'], // no queue to prefix
    ['A-1', 'format'],
  ])('%s is refused (%s)', (input, reason) => {
    expect(normalizeTicketNumber(input, input === '12' ? undefined : 'A')).toEqual({ ok: false, reason });
  });

  it.each([
    ['the first queue’s code', [{ queue: 'F' }, { queue: 'A' }], [{ code: 'F' }, { code: 'A' }], 'F'],
    ['its number prefix when a manager set one', [{ queue: 'F' }], [{ code: 'F', prefix: 'X' }], 'X'],
    ['only the first queue counts', [{ queue: 'A' }, { queue: 'F' }], [{ code: 'A' }, { code: 'F', prefix: 'X' }], 'A'],
    ['a queue missing from the list: its code', [{ queue: 'Q' }], [], 'Q'],
    ['no window', undefined, [{ code: 'A' }], undefined],
  ] as const)('digits alone take %s', (_name, mapping, queues, letter) => {
    expect(defaultLetter(mapping, queues)).toBe(letter);
  });

  it('agrees with the contract’s TicketNumber schema', () => {
    for (const input of ['1', '01', '999', '1234', 'z9']) {
      const r = normalizeTicketNumber(input, 'K');
      if (r.ok) expect(TicketNumber.safeParse(r.number).success).toBe(true);
    }
  });
});

describe('undo no-show', () => {
  it('counts down from the acknowledgement', () => {
    const offer = { ticketId: 't', number: 'A001', at: 1_000 };
    expect(undoSecondsLeft(offer, 1_000)).toBe(30);
    expect(undoSecondsLeft(offer, 21_500)).toBe(10);
    expect(undoSecondsLeft(offer, 31_000)).toBe(0);
    expect(undoSecondsLeft(null, 0)).toBe(0);
  });
  it('calls the ticket back only when the window is free', () => {
    expect(undoPlan(false)).toEqual(['reinstate', 'callBack']);
    expect(undoPlan(true)).toEqual(['reinstate']);
  });
});

describe('the window view after an acknowledgement', () => {
  const idle = window(3, { state: 'open', clerk: { id: 'u1', username: 'c01', name: '张三' } });

  it('shows a called ticket at once', () => {
    const t = ticket({ status: 'called', windowNo: 3, calledAt: iso(T0) });
    const w = windowAfterTicket(idle, t);
    expect(w.state).toBe('calling');
    expect(w.current?.number).toBe('A001');
  });

  it('frees the window after complete, no-show or a transfer away', () => {
    const busy = { ...idle, state: 'serving' as const, current: ticket({ status: 'serving', windowNo: 3 }) };
    for (const t of [ticket({ status: 'done', windowNo: 3 }), ticket({ status: 'no_show', windowNo: 3 }), ticket({ status: 'waiting', queue: 'B' }), null]) {
      const w = windowAfterTicket(busy, t);
      expect(w.state).toBe('open');
      expect(w.current).toBeUndefined();
    }
  });

  it('overlays the snapshot only until a newer change arrives', () => {
    const overlay = { seq: 10, window: windowAfterTicket(idle, ticket({ status: 'called', windowNo: 3 })) };
    expect(effectiveWindow(idle, overlay, 10)?.state).toBe('calling');
    expect(effectiveWindow(idle, overlay, 11)?.state).toBe('open');
    expect(effectiveWindow(window(4), overlay, 10)?.no).toBe(4);
    expect(effectiveWindow(undefined, overlay, 10)).toBeUndefined();
  });

  it('finds the clerk’s window after a reload', () => {
    expect(windowOfClerk([window(1), idle], 'u1')?.no).toBe(3);
    expect(windowOfClerk([window(1), idle], 'u2')).toBeUndefined();
  });
});

describe('window choice at sign-in', () => {
  it('orders mine, free, held, unskilled and allows only the first two', () => {
    const ws = [
      window(1, { state: 'open', clerk: { id: 'u2', username: 'c02', name: '李四' } }),
      window(2, { mapping: [{ queue: 'J', role: 'primary' }] }),
      window(3),
      window(4, { state: 'open', clerk: { id: 'u1', username: 'c01', name: '张三' } }),
    ];
    const choices = windowChoices(ws, 'u1', new Set(['A']));
    expect(choices.map((c) => [c.window.no, c.choice])).toEqual([
      [4, 'mine'],
      [3, 'free'],
      [1, 'held'],
      [2, 'unskilled'],
    ]);
    expect(choices.filter(pickable).map((c) => c.window.no)).toEqual([4, 3]);
  });
  it('without known skills, every free window is pickable', () => {
    expect(windowChoices([window(2, { mapping: [{ queue: 'J', role: 'primary' }] })], 'u1')[0]?.choice).toBe('free');
  });
});

describe('my queues', () => {
  const now = T0 + 30 * 60_000;
  const qs = [
    queue('A', { waiting: 2, oldestArrivedAt: iso(T0 + 25 * 60_000), targetWaitMinutes: 15 }), // 5 min
    queue('B', { waiting: 1, oldestArrivedAt: iso(T0), targetWaitMinutes: 20 }), // 30 min: over
    queue('C', { waiting: 0 }),
  ];

  it('ticks waits live and flags queues over target', () => {
    const rows = queueRows([{ queue: 'A', role: 'primary' }, { queue: 'B', role: 'overflow' }, { queue: 'C', role: 'overflow' }], qs, now);
    expect(rows.map((r) => [r.code, r.longestWait, r.overTarget])).toEqual([
      ['A', 300, false],
      ['B', 1800, true],
      ['C', 0, false],
    ]);
    expect(totalWaiting(rows)).toBe(3);
  });

  it('expects an overflow queue past its target to be pulled first', () => {
    const rows = queueRows([{ queue: 'A', role: 'primary' }, { queue: 'B', role: 'overflow' }], qs, now);
    expect(likelyNext(rows)?.code).toBe('B');
  });

  it('expects the primary queue while overflow is within target', () => {
    const calm = [qs[0]!, queue('B', { waiting: 1, oldestArrivedAt: iso(T0 + 20 * 60_000), targetWaitMinutes: 20 })];
    const rows = queueRows([{ queue: 'A', role: 'primary' }, { queue: 'B', role: 'overflow' }], calm, now);
    expect(likelyNext(rows)?.code).toBe('A');
  });

  it('never expects a queue the clerk has no skill for, nor an empty hall', () => {
    const rows = queueRows([{ queue: 'B', role: 'primary' }], qs, now, new Set(['A']));
    expect(rows[0]?.unskilled).toBe(true);
    expect(likelyNext(rows)).toBeNull();
    expect(likelyNext(queueRows([{ queue: 'C', role: 'primary' }], qs, now))).toBeNull();
  });
});

describe('materials checklist (一次性告知)', () => {
  const matters: Matter[] = [
    { id: 'm1', queue: 'A', name: '设立', nameEn: 'Set up', materials: ['章程', '身份证'], timeLimitMinutes: 20 },
    { id: 'm2', queue: 'A', name: '变更', nameEn: 'Change', materials: ['申请书'], timeLimitMinutes: 15 },
  ];
  it('lists what is still missing, per matter', () => {
    let list = emptyChecklist('t1');
    list = toggleMaterial(list, 'm1', '章程');
    list = toggleMaterial(list, 'm2', '申请书');
    expect(missingMaterials(list, matters).map((x) => [x.matter.id, x.missing])).toEqual([['m1', ['身份证']]]);
    expect(progress(list, matters)).toEqual({ ticked: 2, total: 3 });
    list = toggleMaterial(list, 'm1', '章程');
    expect(progress(list, matters).ticked).toBe(1);
  });
  it('keeps a stored list only for the same ticket', () => {
    const raw = JSON.stringify(toggleMaterial(emptyChecklist('t1'), 'm1', '章程'));
    expect(parseChecklist(raw, 't1').ticked.m1).toEqual(['章程']);
    expect(parseChecklist(raw, 't2').ticked).toEqual({});
    expect(parseChecklist('{', 't1').ticked).toEqual({});
  });

  describe('started from the guide desk’s ticks', () => {
    const guide = [
      { matter: 'm1', have: ['章程'] },
      { matter: 'm2', have: [] },
    ];
    const cases: { name: string; list: Checklist; ticketId: string; guide: GuideChecklist | undefined; ticked: Record<string, string[]>; seeded: boolean }[] = [
      { name: 'a fresh list takes the guide’s ticks', list: emptyChecklist('t1'), ticketId: 't1', guide, ticked: { m1: ['章程'], m2: [] }, seeded: true },
      {
        name: 'ticks the clerk made first are kept beside them',
        list: toggleMaterial(emptyChecklist('t1'), 'm1', '身份证'),
        ticketId: 't1',
        guide,
        ticked: { m1: ['身份证', '章程'], m2: [] },
        seeded: true,
      },
      {
        name: 'once only: an untick after seeding is not undone by the detail arriving again',
        list: toggleMaterial(seedFromGuide(emptyChecklist('t1'), 't1', guide), 'm1', '章程'),
        ticketId: 't1',
        guide,
        ticked: { m1: [], m2: [] },
        seeded: true,
      },
      { name: 'another ticket’s detail changes nothing', list: emptyChecklist('t1'), ticketId: 't2', guide, ticked: {}, seeded: false },
      { name: 'no guide check: nothing happens', list: emptyChecklist('t1'), ticketId: 't1', guide: undefined, ticked: {}, seeded: false },
      { name: 'an empty guide check: nothing happens', list: emptyChecklist('t1'), ticketId: 't1', guide: [], ticked: {}, seeded: false },
    ];
    it.each(cases)('$name', ({ list, ticketId, guide: g, ticked, seeded }) => {
      const out = seedFromGuide(list, ticketId, g);
      expect(out.ticked).toEqual(ticked);
      expect(out.seeded === true).toBe(seeded);
    });

    it('the seeded mark survives a reload of the tab, so the guide’s ticks come back only once', () => {
      const unticked = toggleMaterial(seedFromGuide(emptyChecklist('t1'), 't1', guide), 'm1', '章程');
      const reloaded = parseChecklist(JSON.stringify(unticked), 't1');
      expect(reloaded.seeded).toBe(true);
      expect(seedFromGuide(reloaded, 't1', guide).ticked.m1).toEqual([]);
      expect(progress(seedFromGuide(emptyChecklist('t1'), 't1', guide), matters)).toEqual({ ticked: 1, total: 3 });
    });

    it('knows what the guide ticked, whatever the clerk did since', () => {
      expect(guideHas(guide, 'm1', '章程')).toBe(true);
      expect(guideHas(guide, 'm1', '身份证')).toBe(false);
      expect(guideHas(guide, 'm2', '申请书')).toBe(false);
      expect(guideHas(undefined, 'm1', '章程')).toBe(false);
    });
  });
});

describe('today’s figures', () => {
  it('counts each completion once and averages service time', () => {
    let f = emptyDay('2025-03-03', 'u1');
    expect(summarize(f)).toEqual({ served: 0, averageSeconds: null });
    f = recordCompletion(f, { ticketId: 'a', seconds: 100 });
    f = recordCompletion(f, { ticketId: 'a', seconds: 100 });
    f = recordCompletion(f, { ticketId: 'b', seconds: 201 });
    expect(summarize(f)).toEqual({ served: 2, averageSeconds: 151 });
  });
  it('starts afresh on another day or for another clerk', () => {
    const raw = JSON.stringify(recordCompletion(emptyDay('2025-03-03', 'u1'), { ticketId: 'a', seconds: 60 }));
    expect(parseDayFigures(raw, '2025-03-03', 'u1').completions).toHaveLength(1);
    expect(parseDayFigures(raw, '2025-03-04', 'u1').completions).toHaveLength(0);
    expect(parseDayFigures(raw, '2025-03-03', 'u2').completions).toHaveLength(0);
  });
});
