/**
 * 转办交接: a transfer carries the materials the window checked and its 转办说明 to the next window,
 * so the citizen is not asked again for what was already seen (the seed: 消除资料重复提交).
 */
import { describe, expect, it } from 'vitest';
import { decide, evolve, ticketDetailView, ticketView, type HallState } from '../../server/domain';
import type { GuideChecklistEntry, Matter } from '../../shared/schemas';
import { MIN, T0, issue, makeHall, next, p, run, win } from '../support/hall-fixture';

const matter = (id: string, queue: string, materials: string[]): Matter => ({ id, queue, name: `事项${id}`, nameEn: `Matter ${id}`, materials, timeLimitMinutes: 20 });
const A1 = matter('A-01', 'A', ['公司章程', '股东身份证明', '住所使用证明']);
const A2 = matter('A-02', 'A', ['营业执照', '变更登记申请书']);

function hall(): HallState {
  const h = makeHall([win(1, [p('A')], 'c1'), win(2, [p('B')], 'c2'), win(3, [p('A')], 'c3')]);
  for (const m of [A1, A2]) h.matters.set(m.id, m);
  return h;
}

type Case = {
  name: string;
  /** The guide desk's check at issue, if any. */
  guide?: GuideChecklistEntry[];
  /** What window 1 hands over. */
  handed?: GuideChecklistEntry[];
  /** The ticket's checklist after the transfer. */
  want: GuideChecklistEntry[] | undefined;
};

describe('a transfer hands over the materials checked at the window', () => {
  const cases: Case[] = [
    { name: 'nothing handed, nothing checked: no checklist', want: undefined },
    { name: 'nothing handed: the guide’s check goes on as it was', guide: [{ matter: 'A-01', have: ['公司章程'] }], want: [{ matter: 'A-01', have: ['公司章程'] }] },
    {
      name: 'the window’s ticks become the checklist',
      handed: [{ matter: 'A-01', have: ['公司章程', '住所使用证明'] }],
      want: [{ matter: 'A-01', have: ['公司章程', '住所使用证明'] }],
    },
    {
      name: 'the window’s entry replaces the guide’s for that matter (an untick sticks)',
      guide: [{ matter: 'A-01', have: ['公司章程', '股东身份证明'] }],
      handed: [{ matter: 'A-01', have: ['公司章程'] }],
      want: [{ matter: 'A-01', have: ['公司章程'] }],
    },
    {
      name: 'a matter the window did not touch keeps the guide’s check; order is the ticket’s',
      guide: [{ matter: 'A-01', have: ['公司章程'] }],
      handed: [{ matter: 'A-02', have: ['营业执照'] }],
      want: [
        { matter: 'A-01', have: ['公司章程'] },
        { matter: 'A-02', have: ['营业执照'] },
      ],
    },
    {
      name: 'canonical: materials in the catalogue’s order, no repeats',
      handed: [{ matter: 'A-01', have: ['住所使用证明', '公司章程', '住所使用证明'] }],
      want: [{ matter: 'A-01', have: ['公司章程', '住所使用证明'] }],
    },
    {
      name: 'lenient: a material the catalogue no longer lists is dropped, the rest kept',
      handed: [{ matter: 'A-01', have: ['公司章程', '旧版申请表'] }],
      want: [{ matter: 'A-01', have: ['公司章程'] }],
    },
    {
      name: 'lenient: a matter not on the ticket or unknown is dropped; a matter repeated keeps its first',
      handed: [
        { matter: 'X-99', have: ['x'] },
        { matter: 'A-01', have: ['公司章程'] },
        { matter: 'A-01', have: ['股东身份证明'] },
      ],
      want: [{ matter: 'A-01', have: ['公司章程'] }],
    },
    {
      name: 'a matter looked at with nothing there is kept as checked (0 of n)',
      guide: [{ matter: 'A-01', have: ['公司章程'] }],
      handed: [{ matter: 'A-01', have: [] }],
      want: [{ matter: 'A-01', have: [] }],
    },
  ];

  it.each(cases)('$name', ({ guide, handed, want }) => {
    const h = hall();
    const id = issue(h, 'A', T0, { channel: 'guide', matters: ['A-01', 'A-02'], ...(guide ? { checklist: guide } : {}) });
    next(h, 1, T0 + MIN);
    const d = decide(h, { type: 'transfer', windowNo: 1, clerkId: 'c1', queue: 'B', checklist: handed }, T0 + 2 * MIN);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    for (const e of d.events) evolve(h, e);
    const t = h.tickets.get(id)!;
    expect(t.checklist).toEqual(want);
    expect(ticketDetailView(h, t).checklist).toEqual(want);
  });
});

describe('the 转办说明 and who sent it', () => {
  type NoteCase = { name: string; note: string | undefined; want: string };
  const notes: NoteCase[] = [
    { name: 'kept as written', note: '营业执照已核验，还需办理股东变更', want: '营业执照已核验，还需办理股东变更' },
    { name: 'trimmed', note: '  先补公章  ', want: '先补公章' },
    { name: 'blank is no note', note: '   ', want: '' },
    { name: 'absent is no note', note: undefined, want: '' },
  ];

  it.each(notes)('$name', ({ note, want }) => {
    const h = hall();
    const id = issue(h, 'A', T0, { matters: ['A-01'] });
    next(h, 1, T0 + MIN);
    run(h, { type: 'transfer', windowNo: 1, clerkId: 'c1', queue: 'B', note }, T0 + 2 * MIN);
    expect(ticketDetailView(h, h.tickets.get(id)!).handover).toEqual({
      fromWindow: 1,
      fromQueue: 'A',
      clerkName: 'Clerk c1',
      note: want,
      at: new Date(T0 + 2 * MIN).toISOString(),
    });
  });

  it('the next window sees it on the call; the public ticket (screens, phone page) never carries it', () => {
    const h = hall();
    const id = issue(h, 'A', T0, { matters: ['A-01'] });
    next(h, 1, T0 + MIN);
    run(h, { type: 'transfer', windowNo: 1, clerkId: 'c1', queue: 'B', note: '请核对住所证明原件' }, T0 + 2 * MIN);
    expect(next(h, 2, T0 + 3 * MIN)).toBe('A001');
    const t = h.tickets.get(id)!;
    expect(ticketDetailView(h, t).handover).toMatchObject({ fromWindow: 1, note: '请核对住所证明原件' });
    expect(ticketView(h, t)).not.toHaveProperty('handover');
    expect(ticketView(h, t)).toMatchObject({ transferredFrom: 'A' });
  });

  it('a second transfer replaces the first: the last window speaks, and its ticks build on the first’s', () => {
    const h = hall();
    const id = issue(h, 'A', T0, { matters: ['A-01', 'A-02'] });
    next(h, 1, T0 + MIN);
    run(h, { type: 'transfer', windowNo: 1, clerkId: 'c1', queue: 'B', note: '先办变更', checklist: [{ matter: 'A-01', have: ['公司章程'] }] }, T0 + 2 * MIN);
    expect(next(h, 2, T0 + 3 * MIN)).toBe('A001');
    run(h, { type: 'transfer', windowNo: 2, clerkId: 'c2', queue: 'A', checklist: [{ matter: 'A-02', have: ['营业执照'] }] }, T0 + 4 * MIN);
    const t = h.tickets.get(id)!;
    expect(ticketDetailView(h, t).handover).toMatchObject({ fromWindow: 2, fromQueue: 'B', clerkName: 'Clerk c2', note: '' });
    expect(t.checklist).toEqual([
      { matter: 'A-01', have: ['公司章程'] },
      { matter: 'A-02', have: ['营业执照'] },
    ]);
  });

  it('a clerk whose account is gone: the window and the note stay, the name is left out', () => {
    const h = hall();
    const id = issue(h, 'A', T0, { matters: ['A-01'] });
    next(h, 1, T0 + MIN);
    run(h, { type: 'transfer', windowNo: 1, clerkId: 'c1', queue: 'B', note: '原件已看' }, T0 + 2 * MIN);
    h.clerks.delete('c1');
    const v = ticketDetailView(h, h.tickets.get(id)!).handover;
    expect(v).toMatchObject({ fromWindow: 1, note: '原件已看' });
    expect(v).not.toHaveProperty('clerkName');
  });

  it('the event in the log carries what was handed, and the state shares no arrays with the command', () => {
    const h = hall();
    const id = issue(h, 'A', T0, { matters: ['A-01'] });
    next(h, 1, T0 + MIN);
    const handed = [{ matter: 'A-01', have: ['公司章程'] }];
    const events = run(h, { type: 'transfer', windowNo: 1, clerkId: 'c1', queue: 'B', note: '好', checklist: handed }, T0 + 2 * MIN);
    expect(events).toEqual([
      { type: 'TicketTransferred', at: T0 + 2 * MIN, ticketId: id, windowNo: 1, from: 'A', to: 'B', clerkId: 'c1', checklist: [{ matter: 'A-01', have: ['公司章程'] }], note: '好' },
    ]);
    handed[0]!.have.push('住所使用证明');
    expect(h.tickets.get(id)!.checklist).toEqual([{ matter: 'A-01', have: ['公司章程'] }]);
  });
});
