/**
 * The 统计 page's two newer figures: each clerk's calls split into 自动叫号's and their own
 * (recorded on the call by `next` with `auto`), and a period's 求助 counted by kind, window and
 * clerk with how quickly a manager answered.
 */
import { describe, expect, it } from 'vitest';
import { dayStats, type ClerkName, type Command } from '../../server/domain';
import type { AssistRec } from '../../server/domain/assist';
import { assistStats } from '../../server/domain/stats-assist';
import { MIN, T0, issue, makeHall, run } from '../support/hall-fixture';

const SEC = 1000;

describe('自动叫号 recorded on the call', () => {
  const cases: { name: string; cmd: Partial<Extract<Command, { type: 'next' }>>; event: boolean | undefined; rec: boolean | undefined }[] = [
    { name: 'a press (no auto)', cmd: {}, event: undefined, rec: undefined },
    { name: 'a press (auto: false)', cmd: { auto: false }, event: undefined, rec: undefined },
    { name: 'an automatic call (auto with ifIdle)', cmd: { auto: true, ifIdle: true }, event: true, rec: true },
    { name: 'auto without ifIdle is still recorded', cmd: { auto: true }, event: true, rec: true },
  ];
  it.each(cases)('$name', ({ cmd, event, rec }) => {
    const h = makeHall();
    const id = issue(h, 'A', T0);
    const events = run(h, { type: 'next', windowNo: 1, clerkId: 'c1', ...cmd }, T0 + MIN);
    const called = events.find((e) => e.type === 'TicketCalled');
    expect(called && 'auto' in called ? called.auto : undefined).toBe(event);
    expect(h.tickets.get(id)!.autoCalled).toBe(rec);
  });

  it('a ticket called automatically, transferred and then pressed for counts as pressed (its last call)', () => {
    const h = makeHall();
    const id = issue(h, 'A', T0);
    run(h, { type: 'next', windowNo: 1, clerkId: 'c1', auto: true, ifIdle: true }, T0 + MIN);
    run(h, { type: 'transfer', windowNo: 1, clerkId: 'c1', queue: 'B' }, T0 + 2 * MIN);
    run(h, { type: 'next', windowNo: 2, clerkId: 'c2' }, T0 + 3 * MIN);
    expect(h.tickets.get(id)!.autoCalled).toBeUndefined();
  });

  it('a refused automatic call (a ticket current) records nothing', () => {
    const h = makeHall();
    const a1 = issue(h, 'A', T0);
    issue(h, 'A', T0);
    run(h, { type: 'next', windowNo: 1, clerkId: 'c1' }, T0 + MIN);
    expect(() => run(h, { type: 'next', windowNo: 1, clerkId: 'c1', auto: true, ifIdle: true }, T0 + 2 * MIN)).toThrow();
    expect(h.tickets.get(a1)!.autoCalled).toBeUndefined();
  });

  it('the clerk rows count calls and automatic calls', () => {
    const h = makeHall();
    for (let i = 0; i < 4; i++) issue(h, 'A', T0);
    run(h, { type: 'next', windowNo: 1, clerkId: 'c1', auto: true, ifIdle: true }, T0 + MIN);
    run(h, { type: 'next', windowNo: 1, clerkId: 'c1' }, T0 + 2 * MIN);
    run(h, { type: 'next', windowNo: 1, clerkId: 'c1' }, T0 + 3 * MIN);
    run(h, { type: 'complete', windowNo: 1, clerkId: 'c1' }, T0 + 4 * MIN);
    run(h, { type: 'next', windowNo: 1, clerkId: 'c1', auto: true, ifIdle: true }, T0 + 5 * MIN);
    const clerks = new Map<string, ClerkName>([['c1', { id: 'c1', username: 'c01', name: '张三' }]]);
    const s = dayStats(
      { serviceDay: h.serviceDay, timezone: h.timezone, live: true, queues: [...h.queues.values()], tickets: h.tickets.values(), clerks, signedIn: new Map([['c1', 1]]) },
      T0 + 6 * MIN,
    );
    expect(s.clerks[0]).toMatchObject({ username: 'c01', calls: 4, autoCalls: 2 });
  });
});

let n = 0;
/** A request raised at `raised` seconds after T0; answered/closed after as many seconds. */
function req(windowNo: number, clerkId: string, kind: AssistRec['kind'], raised: number, more: { ack?: number; closed?: number; status?: AssistRec['status'] } = {}): AssistRec {
  const r: AssistRec = {
    id: `r${++n}`,
    serviceDay: '2026-11-30',
    windowNo,
    clerkId,
    kind,
    note: '',
    status: more.status ?? (more.ack !== undefined ? 'acknowledged' : 'open'),
    raisedAt: T0 + raised * SEC,
    outcome: '',
  };
  if (more.ack !== undefined) {
    r.acknowledgedAt = T0 + more.ack * SEC;
    r.acknowledgedBy = 'm1';
  }
  if (more.closed !== undefined) r.closedAt = T0 + more.closed * SEC;
  return r;
}

const CLERKS = new Map<string, ClerkName>([
  ['u1', { id: 'u1', username: 'c01', name: '张三' }],
  ['u2', { id: 'u2', username: 'c02', name: '李四' }],
]);

describe('求助 figures', () => {
  it('no request: zeros, no answer time, every kind listed', () => {
    expect(assistStats([], CLERKS)).toEqual({
      total: 0,
      answered: 0,
      resolved: 0,
      withdrawn: 0,
      open: 0,
      unanswered: 0,
      medianAnswerSeconds: null,
      longestAnswerSeconds: null,
      byKind: [
        { kind: 'question', count: 0 },
        { kind: 'conduct', count: 0 },
        { kind: 'equipment', count: 0 },
        { kind: 'other', count: 0 },
      ],
      byWindow: [],
      byClerk: [],
    });
  });

  const cases = [
    {
      name: 'answered, withdrawn, settled by the clerk alone, still open',
      recs: () => [
        req(3, 'u1', 'conduct', 0, { ack: 60, closed: 600, status: 'resolved' }),
        req(3, 'u1', 'question', 100, { ack: 400 }),
        req(5, 'u2', 'equipment', 200, { closed: 230, status: 'cancelled' }),
        req(5, 'u2', 'other', 300, { closed: 900, status: 'resolved' }), // settled by the clerk: never answered
        req(1, 'u1', 'conduct', 500),
      ],
      want: {
        total: 5,
        answered: 2,
        resolved: 2,
        withdrawn: 1,
        open: 2,
        unanswered: 1,
        medianAnswerSeconds: 180, // (60 + 300) / 2
        longestAnswerSeconds: 300,
        byKind: [
          { kind: 'question', count: 1 },
          { kind: 'conduct', count: 2 },
          { kind: 'equipment', count: 1 },
          { kind: 'other', count: 1 },
        ],
        byWindow: [
          { windowNo: 1, count: 1, medianAnswerSeconds: null },
          { windowNo: 3, count: 2, medianAnswerSeconds: 180 },
          { windowNo: 5, count: 2, medianAnswerSeconds: null },
        ],
        byClerk: [
          { id: 'u1', username: 'c01', name: '张三', count: 3 },
          { id: 'u2', username: 'c02', name: '李四', count: 2 },
        ],
      },
    },
    {
      name: 'a clerk gone since is named by id; equal counts by username; an odd count takes the middle answer',
      recs: () => [
        req(2, 'gone', 'question', 0, { ack: 30 }),
        req(2, 'u2', 'question', 0, { ack: 90 }),
        req(2, 'u1', 'question', 0, { ack: 45, closed: 50, status: 'resolved' }),
      ],
      want: {
        total: 3,
        answered: 3,
        open: 2,
        unanswered: 0,
        medianAnswerSeconds: 45,
        longestAnswerSeconds: 90,
        byWindow: [{ windowNo: 2, count: 3, medianAnswerSeconds: 45 }],
        byClerk: [
          { id: 'u1', username: 'c01', name: '张三', count: 1 },
          { id: 'u2', username: 'c02', name: '李四', count: 1 },
          { id: 'gone', username: 'gone', name: 'gone', count: 1 },
        ],
      },
    },
  ];
  it.each(cases)('$name', ({ recs, want }) => {
    expect(assistStats(recs(), CLERKS)).toMatchObject(want);
  });
});
