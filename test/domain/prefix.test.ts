/** Number prefixes (号码前缀): a queue numbers with its code unless a manager sets another letter. */
import { describe, expect, it } from 'vitest';
import { formatNumber, queueInfo, queueSummary, type HallState } from '../../server/domain';
import { T0, errorOf, issue, makeHall, run } from '../support/hall-fixture';

const numberOf = (h: HallState, id: string): string => h.tickets.get(id)!.number;
const setPrefix = (h: HallState, code: string, prefix: string) => run(h, { type: 'updateQueue', code, patch: { prefix } }, T0);

describe('formatting a number', () => {
  it.each([
    { q: { code: 'A', numberEnd: 999 }, serial: 1, number: 'A001' },
    { q: { code: 'A', numberEnd: 9999 }, serial: 12, number: 'A0012' },
    { q: { code: 'F', prefix: 'X', numberEnd: 999 }, serial: 7, number: 'X007' },
    { q: { code: 'F', prefix: 'X', numberEnd: 99 }, serial: 42, number: 'X042' },
  ])('$q.code / $q.prefix #$serial → $number', ({ q, serial, number }) => {
    expect(formatNumber(q, serial)).toBe(number);
  });
});

describe('changing a queue’s prefix', () => {
  // Each case: what happened today before the change, the change, and the answer.
  const cases: { name: string; before: (h: HallState) => void; code: string; prefix: string; error: string | null }[] = [
    { name: 'a free letter', before: () => {}, code: 'A', prefix: 'X', error: null },
    { name: 'the queue’s own code (back to the default)', before: (h) => setPrefix(h, 'A', 'X'), code: 'A', prefix: 'A', error: null },
    { name: 'unchanged prefix, other queue’s tickets notwithstanding', before: () => {}, code: 'A', prefix: 'A', error: null },
    { name: 'another queue’s code (its default prefix)', before: () => {}, code: 'A', prefix: 'B', error: 'CONFLICT' },
    { name: 'another queue’s set prefix', before: (h) => setPrefix(h, 'B', 'X'), code: 'A', prefix: 'X', error: 'CONFLICT' },
    {
      name: 'a letter another queue left today, its tickets still carry it',
      before: (h) => {
        issue(h, 'B', T0);
        setPrefix(h, 'B', 'Y');
      },
      code: 'A',
      prefix: 'B',
      error: 'CONFLICT',
    },
    {
      name: 'a letter another queue left before issuing anything today',
      before: (h) => setPrefix(h, 'B', 'Y'),
      code: 'A',
      prefix: 'B',
      error: null,
    },
    {
      name: 'its own old letter, its own tickets carry it',
      before: (h) => {
        issue(h, 'A', T0);
        setPrefix(h, 'A', 'X');
      },
      code: 'A',
      prefix: 'A',
      error: null,
    },
    {
      name: 'a letter carried by a ticket transferred into this queue',
      before: (h) => {
        issue(h, 'B', T0);
        setPrefix(h, 'B', 'Y');
        run(h, { type: 'next', windowNo: 2, clerkId: 'c2' }, T0);
        run(h, { type: 'transfer', windowNo: 2, clerkId: 'c2', queue: 'A' }, T0);
      },
      code: 'A',
      prefix: 'B',
      error: 'CONFLICT',
    },
    { name: 'not a capital letter', before: () => {}, code: 'A', prefix: 'a', error: 'BAD_REQUEST' },
    { name: 'two letters', before: () => {}, code: 'A', prefix: 'XY', error: 'BAD_REQUEST' },
  ];
  it.each(cases)('$name → $error', ({ before, code, prefix, error }) => {
    const h = makeHall();
    before(h);
    expect(errorOf(h, { type: 'updateQueue', code, patch: { prefix } }, T0)).toBe(error);
  });

  it('mid-day: issued tickets keep their numbers, new ones take the new letter, the serial goes on', () => {
    const h = makeHall();
    const first = issue(h, 'A', T0);
    const second = issue(h, 'A', T0);
    const events = setPrefix(h, 'A', 'X');
    expect(events).toEqual([expect.objectContaining({ type: 'QueueChanged', queue: expect.objectContaining({ prefix: 'X' }), before: expect.not.objectContaining({ prefix: expect.anything() }) })]);
    const third = issue(h, 'A', T0);
    expect([numberOf(h, first), numberOf(h, second), numberOf(h, third)]).toEqual(['A001', 'A002', 'X003']);
    expect(h.byNumber.get('X003')).toBe(third);
    expect(h.byNumber.get('A001')).toBe(first);
    // Back to the default: stored as no prefix, so the queue follows its code again.
    setPrefix(h, 'A', 'A');
    expect(h.queues.get('A')!.prefix).toBeUndefined();
    expect(numberOf(h, issue(h, 'A', T0))).toBe('A004');
  });

  it('特呼 finds both old and new numbers', () => {
    const h = makeHall();
    issue(h, 'A', T0);
    setPrefix(h, 'A', 'X');
    issue(h, 'A', T0);
    for (const number of ['X002', 'A001']) {
      const events = run(h, { type: 'specialCall', windowNo: 1, clerkId: 'c1', number }, T0);
      const called = events.find((e) => e.type === 'TicketCalled');
      expect(called && called.type === 'TicketCalled' ? h.tickets.get(called.ticketId)!.number : null).toBe(number);
    }
  });

  it('a new day starts the new letter from the first number; the letters another queue used are free again', () => {
    const h = makeHall();
    issue(h, 'B', T0);
    setPrefix(h, 'B', 'Y');
    expect(errorOf(h, { type: 'updateQueue', code: 'A', patch: { prefix: 'B' } }, T0)).toBe('CONFLICT');
    run(h, { type: 'startDay', serviceDay: '2026-12-01' }, T0 + 86_400_000);
    expect(numberOf(h, issue(h, 'B', T0 + 86_400_000))).toBe('Y001');
    expect(errorOf(h, { type: 'updateQueue', code: 'A', patch: { prefix: 'B' } }, T0 + 86_400_000)).toBeNull();
  });

  it('views carry the prefix only where it differs from the code', () => {
    const h = makeHall();
    setPrefix(h, 'A', 'X');
    expect(queueInfo(h.queues.get('A')!).prefix).toBe('X');
    expect(queueSummary(h, h.queues.get('A')!, T0).prefix).toBe('X');
    expect('prefix' in queueInfo(h.queues.get('B')!)).toBe(false);
    expect('prefix' in queueSummary(h, h.queues.get('B')!, T0)).toBe(false);
  });
});
