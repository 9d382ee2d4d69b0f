import { describe, expect, it } from 'vitest';
import { todayStats } from '../../server/domain';
import { MIN, T0, errorOf, issue, makeHall, next, run } from '../support/hall-fixture';

describe('manager set-up commands', () => {
  it('settings: only a real change makes an event; the new recall limit applies', () => {
    const h = makeHall();
    expect(run(h, { type: 'updateSettings', patch: { recallLimit: 2 } }, T0)).toEqual([]);
    expect(run(h, { type: 'updateSettings', patch: { recallLimit: 0 } }, T0).map((e) => e.type)).toEqual(['SettingsChanged']);
    issue(h, 'A', T0);
    next(h, 1, T0);
    expect(run(h, { type: 'recall', windowNo: 1, clerkId: 'c1' }, T0).map((e) => e.type)).toEqual(['TicketNoShow']);
  });

  const queueCases = [
    { name: 'unknown queue', code: 'Z', patch: { targetWaitMinutes: 5 }, error: 'UNKNOWN_QUEUE' },
    { name: 'range inverted', code: 'A', patch: { numberStart: 10, numberEnd: 5 }, error: 'BAD_REQUEST' },
    { name: 'range below numbers issued today', code: 'A', patch: { numberEnd: 1 }, error: 'BAD_REQUEST' },
    { name: 'a valid target change', code: 'A', patch: { targetWaitMinutes: 7 }, error: null },
  ];
  it.each(queueCases)('queue update: $name', ({ code, patch, error }) => {
    const h = makeHall();
    issue(h, 'A', T0);
    issue(h, 'A', T0);
    expect(errorOf(h, { type: 'updateQueue', code, patch }, T0)).toBe(error);
  });

  it('a queue change keeps today’s numbering', () => {
    const h = makeHall();
    issue(h, 'A', T0);
    run(h, { type: 'updateQueue', code: 'A', patch: { targetWaitMinutes: 7 } }, T0);
    expect(h.queues.get('A')).toMatchObject({ targetWaitMinutes: 7, nextNumber: 2 });
  });

  it('removing a clerk signs them out and returns their called ticket to the queue', () => {
    const h = makeHall();
    const id = issue(h, 'A', T0);
    next(h, 1, T0);
    expect(run(h, { type: 'removeClerk', clerkId: 'c1' }, T0).map((e) => e.type)).toEqual(['TicketRequeued', 'WindowSignedOut', 'ClerkRemoved']);
    expect(h.tickets.get(id)!.status).toBe('waiting');
    expect(h.clerks.has('c1')).toBe(false);
  });

  it('clerk skills must name existing queues; matters must belong to one', () => {
    const h = makeHall();
    expect(errorOf(h, { type: 'setClerk', clerk: { id: 'c9', username: 'c9', name: 'x', role: 'clerk', skills: ['Q'] } }, T0)).toBe('UNKNOWN_QUEUE');
    expect(errorOf(h, { type: 'setMatter', matter: { id: 'm', queue: 'Q', name: 'x', nameEn: 'x', materials: [], timeLimitMinutes: 5 } }, T0)).toBe('UNKNOWN_QUEUE');
    expect(errorOf(h, { type: 'removeMatter', matterId: 'none' }, T0)).toBe('NOT_FOUND');
  });
});

describe('today’s figures', () => {
  it('waits, SLA attainment and service times per queue and clerk', () => {
    const h = makeHall();
    issue(h, 'A', T0); // waits 5 min (target 10) → within
    issue(h, 'A', T0); // waits 15 min → late
    next(h, 1, T0 + 5 * MIN);
    next(h, 1, T0 + 15 * MIN); // completes the first after 10 min
    run(h, { type: 'complete', windowNo: 1, clerkId: 'c1' }, T0 + 19 * MIN);
    const s = todayStats(h, T0 + 20 * MIN);
    expect(s.queues.find((q) => q.code === 'A')).toMatchObject({
      issued: 2,
      served: 2,
      avgWaitSeconds: 600,
      p90WaitSeconds: 900,
      slaAttainment: 0.5,
      avgServiceSeconds: 420,
    });
    expect(s.clerks.find((c) => c.id === 'c1')).toMatchObject({ served: 2, busySeconds: 840, windowNo: 1 });
  });
});

describe('taking a window out of service', () => {
  it('signs its clerk out (a called ticket waits again), refuses sign-in until enabled again', () => {
    const h = makeHall();
    const id = issue(h, 'A', T0);
    next(h, 1, T0);
    expect(run(h, { type: 'setWindowEnabled', windowNo: 1, enabled: false }, T0).map((e) => e.type)).toEqual([
      'TicketRequeued',
      'WindowSignedOut',
      'WindowEnabledChanged',
    ]);
    expect(h.tickets.get(id)!.status).toBe('waiting');
    expect(errorOf(h, { type: 'signIn', windowNo: 1, clerkId: 'c1' }, T0)).toBe('WINDOW_CLOSED');
    expect(run(h, { type: 'setWindowEnabled', windowNo: 1, enabled: false }, T0)).toEqual([]);
    run(h, { type: 'setWindowEnabled', windowNo: 1, enabled: true }, T0);
    expect(errorOf(h, { type: 'signIn', windowNo: 1, clerkId: 'c1' }, T0)).toBeNull();
  });
});
