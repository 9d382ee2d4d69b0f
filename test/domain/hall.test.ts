import { describe, expect, it } from 'vitest';
import { aheadOf, decide, evolve, windowStateOf, type Command } from '../../server/domain';
import { MIN, T0, errorOf, issue, makeHall, next, o, p, run, win } from '../support/hall-fixture';

describe('issuing and numbering', () => {
  it('numbers per queue from the range start, zero-padded', () => {
    const h = makeHall();
    issue(h, 'A', T0);
    issue(h, 'B', T0);
    const a2 = issue(h, 'A', T0 + 1);
    expect(h.tickets.get(a2)!.number).toBe('A002');
    expect([...h.byNumber.keys()]).toEqual(['A001', 'B001', 'A002']);
  });

  it('a priority queue issues priority tickets; normal queues normal ones unless asked', () => {
    const h = makeHall();
    expect(h.tickets.get(issue(h, 'L', T0))!.priority).toBe('priority');
    expect(h.tickets.get(issue(h, 'A', T0))!.priority).toBe('normal');
    expect(h.tickets.get(issue(h, 'A', T0, { priority: 'priority' }))!.priority).toBe('priority');
  });

  it('refuses unknown queues and exhausted ranges', () => {
    const h = makeHall();
    expect(errorOf(h, { type: 'issueTicket', id: 'x1', queue: 'Z', channel: 'kiosk', matters: [] }, T0)).toBe('UNKNOWN_QUEUE');
    h.queues.get('A')!.numberEnd = 2;
    issue(h, 'A', T0);
    issue(h, 'A', T0);
    expect(errorOf(h, { type: 'issueTicket', id: 'x2', queue: 'A', channel: 'kiosk', matters: [] }, T0)).toBe('NUMBERS_EXHAUSTED');
  });
});

describe('the ticket state machine', () => {
  const at1 = (h: ReturnType<typeof makeHall>, type: string): Command => ({ type, windowNo: 1, clerkId: 'c1' }) as Command;

  it('waiting → called → serving → done', () => {
    const h = makeHall();
    const id = issue(h, 'A', T0);
    expect(next(h, 1, T0 + MIN)).toBe('A001');
    expect(h.tickets.get(id)!.status).toBe('called');
    expect(windowStateOf(h, h.windows.get(1)!)).toBe('calling');
    run(h, at1(h, 'start'), T0 + 2 * MIN);
    expect(windowStateOf(h, h.windows.get(1)!)).toBe('serving');
    run(h, at1(h, 'complete'), T0 + 7 * MIN);
    const t = h.tickets.get(id)!;
    expect([t.status, t.finishedAt! - t.startedAt!]).toEqual(['done', 5 * MIN]);
    expect(windowStateOf(h, h.windows.get(1)!)).toBe('open');
  });

  it('next completes the current ticket first (one press = 办结 + 叫下一位)', () => {
    const h = makeHall();
    const a1 = issue(h, 'A', T0);
    issue(h, 'A', T0 + 1);
    next(h, 1, T0 + MIN);
    expect(next(h, 1, T0 + 5 * MIN)).toBe('A002');
    expect(h.tickets.get(a1)!.status).toBe('done');
    // With nothing waiting, next still completes the current one.
    expect(next(h, 1, T0 + 9 * MIN)).toBeNull();
    expect(h.windows.get(1)!.currentTicketId).toBeUndefined();
  });

  it('complete from called implies the start at the call', () => {
    const h = makeHall();
    const id = issue(h, 'A', T0);
    next(h, 1, T0 + MIN);
    run(h, at1(h, 'complete'), T0 + 4 * MIN);
    expect(h.tickets.get(id)!.startedAt).toBe(T0 + MIN);
  });

  it('recall up to the hall limit, then the ticket becomes no_show', () => {
    const h = makeHall(); // recallLimit 2
    const id = issue(h, 'A', T0);
    next(h, 1, T0);
    expect(run(h, at1(h, 'recall'), T0 + 1).map((e) => e.type)).toEqual(['TicketRecalled']);
    expect(run(h, at1(h, 'recall'), T0 + 2).map((e) => e.type)).toEqual(['TicketRecalled']);
    expect(run(h, at1(h, 'recall'), T0 + 3).map((e) => e.type)).toEqual(['TicketNoShow']);
    const t = h.tickets.get(id)!;
    expect([t.status, t.closedReason]).toEqual(['no_show', 'recall_limit']);
  });

  it('no-show then reinstate: waits again with its arrival time, ahead of later tickets', () => {
    const h = makeHall();
    const a1 = issue(h, 'A', T0);
    const a2 = issue(h, 'A', T0 + MIN);
    next(h, 1, T0 + 2 * MIN);
    run(h, at1(h, 'noShow'), T0 + 3 * MIN);
    expect(h.tickets.get(a1)!.status).toBe('no_show');
    run(h, { type: 'reinstate', ticketId: a1 }, T0 + 4 * MIN);
    expect(h.tickets.get(a1)!.status).toBe('waiting');
    expect(aheadOf(h, h.tickets.get(a2)!)).toBe(1);
    expect(next(h, 1, T0 + 5 * MIN)).toBe('A001');
  });

  it('transfer keeps the original arrival time in the new queue', () => {
    const h = makeHall([win(1, [p('A')], 'c1'), win(2, [p('B')], 'c2')]);
    const a1 = issue(h, 'A', T0);
    issue(h, 'B', T0 + 5 * MIN);
    next(h, 1, T0 + 6 * MIN);
    run(h, { type: 'transfer', windowNo: 1, clerkId: 'c1', queue: 'B' }, T0 + 8 * MIN);
    const t = h.tickets.get(a1)!;
    expect([t.queue, t.status, t.arrivedAt, t.transferredFrom]).toEqual(['B', 'waiting', T0, 'A']);
    expect(h.windows.get(1)!.currentTicketId).toBeUndefined();
    expect(next(h, 2, T0 + 9 * MIN)).toBe('A001'); // older than B001
  });

  it('special call (特呼) takes a waiting number out of turn', () => {
    const h = makeHall();
    issue(h, 'A', T0);
    issue(h, 'A', T0 + 1);
    issue(h, 'B', T0 + 2);
    run(h, { type: 'specialCall', windowNo: 1, clerkId: 'c1', number: 'B001' }, T0 + MIN);
    expect(h.tickets.get(h.byNumber.get('B001')!)!.status).toBe('called');
    expect(errorOf(h, { type: 'specialCall', windowNo: 1, clerkId: 'c1', number: 'B001' }, T0 + MIN)).toBe('INVALID_STATE');
    expect(errorOf(h, { type: 'specialCall', windowNo: 1, clerkId: 'c1', number: 'A099' }, T0 + MIN)).toBe('UNKNOWN_TICKET');
  });

  it('cancel only while waiting', () => {
    const h = makeHall();
    const a1 = issue(h, 'A', T0);
    const a2 = issue(h, 'A', T0);
    next(h, 1, T0);
    expect(errorOf(h, { type: 'cancel', ticketId: a1, by: 'holder' }, T0)).toBe('INVALID_STATE');
    run(h, { type: 'cancel', ticketId: a2, by: 'holder' }, T0);
    expect(h.tickets.get(a2)!.closedReason).toBe('cancelled_by_holder');
    expect(h.waiting.get('A')!.size).toBe(0);
  });

  const refusals: { name: string; setup: (h: ReturnType<typeof makeHall>) => void; cmd: Command; code: string }[] = [
    { name: 'next at a window held by another clerk', setup: () => {}, cmd: { type: 'next', windowNo: 1, clerkId: 'c2' }, code: 'NOT_SIGNED_IN' },
    { name: 'next at an unknown window', setup: () => {}, cmd: { type: 'next', windowNo: 99, clerkId: 'c1' }, code: 'UNKNOWN_WINDOW' },
    { name: 'start with nothing current', setup: () => {}, cmd: { type: 'start', windowNo: 1, clerkId: 'c1' }, code: 'NO_CURRENT_TICKET' },
    { name: 'complete with nothing current', setup: () => {}, cmd: { type: 'complete', windowNo: 1, clerkId: 'c1' }, code: 'NO_CURRENT_TICKET' },
    {
      name: 'recall a ticket in service',
      setup: (h) => {
        issue(h, 'A', T0);
        next(h, 1, T0);
        run(h, { type: 'start', windowNo: 1, clerkId: 'c1' }, T0);
      },
      cmd: { type: 'recall', windowNo: 1, clerkId: 'c1' },
      code: 'INVALID_STATE',
    },
    {
      name: 'next while paused',
      setup: (h) => run(h, { type: 'pause', windowNo: 1, clerkId: 'c1', reason: 'break' }, T0),
      cmd: { type: 'next', windowNo: 1, clerkId: 'c1' },
      code: 'WINDOW_PAUSED',
    },
    { name: 'sign in where another clerk is', setup: () => {}, cmd: { type: 'signIn', windowNo: 1, clerkId: 'c3' }, code: 'WINDOW_HELD' },
    { name: 'transfer to an unknown queue', setup: () => {}, cmd: { type: 'transfer', windowNo: 1, clerkId: 'c1', queue: 'Z' }, code: 'UNKNOWN_QUEUE' },
    {
      name: 'transfer to the queue the ticket is already in (it would jump back to the head)',
      setup: (h) => {
        issue(h, 'A', T0);
        next(h, 1, T0);
      },
      cmd: { type: 'transfer', windowNo: 1, clerkId: 'c1', queue: 'A' },
      code: 'INVALID_STATE',
    },
    {
      name: 'special call (特呼) of a queue the clerk has no skill for',
      setup: (h) => {
        h.clerks.get('c1')!.skills = ['A'];
        issue(h, 'B', T0);
      },
      cmd: { type: 'specialCall', windowNo: 1, clerkId: 'c1', number: 'B001' },
      code: 'NOT_SKILLED',
    },
    { name: 'mapping with an unknown queue', setup: () => {}, cmd: { type: 'setMapping', windowNo: 1, mapping: [p('Q')] }, code: 'UNKNOWN_QUEUE' },
    { name: 'mapping naming a queue twice', setup: () => {}, cmd: { type: 'setMapping', windowNo: 1, mapping: [p('A'), o('A')] }, code: 'BAD_REQUEST' },
    { name: 'reinstate a ticket that is not a no-show', setup: (h) => void issue(h, 'A', T0), cmd: { type: 'reinstate', ticketId: 't-none' }, code: 'UNKNOWN_TICKET' },
  ];
  it.each(refusals)('refuses: $name ($code) and changes nothing', ({ setup, cmd, code }) => {
    const h = makeHall();
    setup(h);
    const before = JSON.stringify([...h.tickets.values()]) + JSON.stringify([...h.windows.values()]);
    const d = decide(h, cmd, T0 + MIN);
    expect(d.ok ? null : d.error.code).toBe(code);
    expect(JSON.stringify([...h.tickets.values()]) + JSON.stringify([...h.windows.values()])).toBe(before);
  });
});

describe('windows: sign in/out, pause, mapping', () => {
  it('signing out returns a called ticket to waiting and completes a served one', () => {
    const h = makeHall();
    const a1 = issue(h, 'A', T0);
    next(h, 1, T0 + MIN);
    run(h, { type: 'signOut', windowNo: 1, clerkId: 'c1' }, T0 + 2 * MIN);
    expect(h.tickets.get(a1)!.status).toBe('waiting');
    expect(windowStateOf(h, h.windows.get(1)!)).toBe('closed');
    run(h, { type: 'signIn', windowNo: 1, clerkId: 'c1' }, T0 + 3 * MIN);
    next(h, 1, T0 + 3 * MIN);
    run(h, { type: 'start', windowNo: 1, clerkId: 'c1' }, T0 + 4 * MIN);
    run(h, { type: 'signOut', windowNo: 1, clerkId: 'c3', force: true }, T0 + 5 * MIN);
    expect(h.tickets.get(a1)!.status).toBe('done');
  });

  it('a clerk signing in at a second window leaves the first', () => {
    const h = makeHall([win(1, [p('A')], 'c1'), win(2, [p('B')])]);
    run(h, { type: 'signIn', windowNo: 2, clerkId: 'c1' }, T0);
    expect(h.windows.get(1)!.clerkId).toBeUndefined();
    expect(h.windows.get(2)!.clerkId).toBe('c1');
  });

  it('a clerk without a skill for the window’s queues cannot sign in', () => {
    const h = makeHall([win(1, [p('A')])]);
    h.clerks.get('c3')!.skills = ['B'];
    expect(errorOf(h, { type: 'signIn', windowNo: 1, clerkId: 'c3' }, T0)).toBe('NOT_SKILLED');
  });

  it('dispatch only draws from queues the clerk is skilled for', () => {
    const h = makeHall([win(1, [p('A'), o('B')], 'c1')]);
    h.clerks.get('c1')!.skills = ['B'];
    issue(h, 'A', T0);
    issue(h, 'B', T0 + MIN);
    expect(next(h, 1, T0 + 2 * MIN)).toBe('B001');
  });

  it('pause keeps the current ticket; resume allows calling again', () => {
    const h = makeHall();
    issue(h, 'A', T0);
    issue(h, 'A', T0);
    next(h, 1, T0);
    run(h, { type: 'pause', windowNo: 1, clerkId: 'c1', reason: 'meeting' }, T0 + MIN);
    expect(windowStateOf(h, h.windows.get(1)!)).toBe('paused');
    run(h, { type: 'complete', windowNo: 1, clerkId: 'c1' }, T0 + 2 * MIN);
    run(h, { type: 'resume', windowNo: 1, clerkId: 'c1' }, T0 + 3 * MIN);
    expect(next(h, 1, T0 + 3 * MIN)).toBe('A002');
  });

  it('a mapping change takes effect at the window’s next call', () => {
    const h = makeHall([win(1, [p('A')], 'c1')]);
    issue(h, 'A', T0 + MIN);
    issue(h, 'B', T0);
    expect(next(h, 1, T0 + 2 * MIN)).toBe('A001');
    run(h, { type: 'setMapping', windowNo: 1, mapping: [p('B')] }, T0 + 3 * MIN);
    expect(next(h, 1, T0 + 4 * MIN)).toBe('B001');
  });
});

describe('dispatch inside the hall', () => {
  it('overflow window serves its primary first, then the overflow queue (work-conserving)', () => {
    const h = makeHall(); // window 2: B primary, A overflow
    issue(h, 'A', T0);
    issue(h, 'B', T0 + MIN);
    expect(next(h, 2, T0 + 2 * MIN)).toBe('B001');
    expect(next(h, 2, T0 + 3 * MIN)).toBe('A001');
  });

  it('SLA pull: an overflow head past its target beats the primary head', () => {
    const h = makeHall();
    issue(h, 'A', T0); // target 10 min
    issue(h, 'B', T0 + 5 * MIN);
    expect(next(h, 2, T0 + 11 * MIN)).toBe('A001');
  });

  it('priority swap: after 2 priority calls in a row, the longest-waiting normal ticket goes', () => {
    const h = makeHall([win(1, [p('A')], 'c1')]);
    issue(h, 'A', T0); // A001 normal, oldest
    for (let i = 0; i < 4; i++) issue(h, 'A', T0 + (i + 1) * MIN, { priority: 'priority' });
    const called = [1, 2, 3, 4, 5].map((i) => next(h, 1, T0 + (10 + i) * MIN));
    expect(called).toEqual(['A002', 'A003', 'A001', 'A004', 'A005']);
  });

  it('appointments count as arrived at their slot time (rule 4)', () => {
    const h = makeHall([win(1, [p('A')], 'c1')]);
    issue(h, 'A', T0 + 5 * MIN);
    issue(h, 'A', T0 + 6 * MIN, { channel: 'appointment', arrivedAt: T0 });
    expect(next(h, 1, T0 + 7 * MIN)).toBe('A002');
  });

  it('two windows never call the same ticket', () => {
    const h = makeHall([win(1, [p('A')], 'c1'), win(2, [p('A')], 'c2'), win(3, [o('A')], 'c3')]);
    for (let i = 0; i < 30; i++) issue(h, 'A', T0 + i);
    const seen = new Set<string>();
    for (let round = 0; round < 12; round++) {
      for (const w of [1, 2, 3]) {
        const n = next(h, w, T0 + MIN + round);
        if (n) {
          expect(seen.has(n)).toBe(false);
          seen.add(n);
        }
      }
    }
    expect(seen.size).toBe(30);
  });
});

describe('service day rollover', () => {
  it('closes the ended day’s open tickets with a reason, signs windows out, restarts numbers', () => {
    const h = makeHall();
    const a1 = issue(h, 'A', T0);
    const a2 = issue(h, 'A', T0);
    const a3 = issue(h, 'A', T0);
    next(h, 1, T0 + MIN);
    run(h, { type: 'start', windowNo: 1, clerkId: 'c1' }, T0 + MIN);
    next(h, 2, T0 + MIN);
    const d = decide(h, { type: 'startDay', serviceDay: '2026-12-01' }, T0 + 24 * 60 * MIN);
    expect(d.ok).toBe(true);
    const closed = new Map<string, string>();
    if (d.ok) {
      for (const e of d.events) {
        if (e.type === 'TicketCancelled' || e.type === 'TicketCompleted') closed.set(e.ticketId, e.type);
        evolve(h, e);
      }
    }
    expect(closed).toEqual(new Map([[a1, 'TicketCompleted'], [a2, 'TicketCancelled'], [a3, 'TicketCancelled']]));
    expect(h.serviceDay).toBe('2026-12-01');
    expect(h.windows.get(1)!.clerkId).toBeUndefined();
    run(h, { type: 'signIn', windowNo: 1, clerkId: 'c1' }, T0 + 24 * 60 * MIN);
    expect(h.tickets.get(issue(h, 'A', T0 + 24 * 60 * MIN))!.number).toBe('A001');
    // The same day again changes nothing.
    expect(decide(h, { type: 'startDay', serviceDay: '2026-12-01' }, T0)).toEqual({ ok: true, events: [] });
  });
});
