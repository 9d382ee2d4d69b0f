import { describe, expect, it } from 'vitest';
import { decide, evolve, ticketDetailView, ticketView, type HallState } from '../../server/domain';
import type { GuideChecklistEntry, Matter } from '../../shared/schemas';
import { MIN, T0, issue, makeHall, next, p, run, win } from '../support/hall-fixture';

const matter = (id: string, queue: string, materials: string[]): Matter => ({ id, queue, name: `事项${id}`, nameEn: `Matter ${id}`, materials, timeLimitMinutes: 20 });
const A1 = matter('A-01', 'A', ['公司章程', '股东身份证明', '住所使用证明']);
const A2 = matter('A-02', 'A', ['营业执照']);
const B1 = matter('B-01', 'B', []);

function hall(): HallState {
  const h = makeHall([win(1, [p('A')], 'c1'), win(2, [p('B')], 'c2')]);
  for (const m of [A1, A2, B1]) h.matters.set(m.id, m);
  return h;
}

type Case = {
  name: string;
  matters: string[];
  checklist: GuideChecklistEntry[];
  /** The ticket's checklist after issue, or the refusal's code and a piece of its message. */
  want: GuideChecklistEntry[] | undefined | { code: string; message: RegExp };
};

describe('issuing with the guide desk’s materials check', () => {
  const cases: Case[] = [
    { name: 'kept as given', matters: ['A-01'], checklist: [{ matter: 'A-01', have: ['公司章程'] }], want: [{ matter: 'A-01', have: ['公司章程'] }] },
    {
      name: 'canonical: matters in ticket order, materials in catalogue order, no repeats',
      matters: ['A-02', 'A-01'],
      checklist: [
        { matter: 'A-01', have: ['住所使用证明', '公司章程', '住所使用证明'] },
        { matter: 'A-02', have: ['营业执照'] },
      ],
      want: [
        { matter: 'A-02', have: ['营业执照'] },
        { matter: 'A-01', have: ['公司章程', '住所使用证明'] },
      ],
    },
    { name: 'a matter checked with nothing there stays (0 of n)', matters: ['A-01'], checklist: [{ matter: 'A-01', have: [] }], want: [{ matter: 'A-01', have: [] }] },
    { name: 'a matter of the ticket left out was not checked', matters: ['A-01', 'A-02'], checklist: [{ matter: 'A-02', have: [] }], want: [{ matter: 'A-02', have: [] }] },
    { name: 'an empty checklist is no checklist', matters: ['A-01'], checklist: [], want: undefined },
    { name: 'a matter with no listed materials', matters: ['B-01'], checklist: [{ matter: 'B-01', have: [] }], want: [{ matter: 'B-01', have: [] }] },
    { name: 'refused: a material not of that matter', matters: ['A-01'], checklist: [{ matter: 'A-01', have: ['营业执照'] }], want: { code: 'BAD_REQUEST', message: /营业执照 is not a material of matter A-01/ } },
    { name: 'refused: a made-up material', matters: ['A-01'], checklist: [{ matter: 'A-01', have: ['公司章程', '户口簿'] }], want: { code: 'BAD_REQUEST', message: /户口簿/ } },
    { name: 'refused: a matter not on the ticket', matters: ['A-01'], checklist: [{ matter: 'A-02', have: [] }], want: { code: 'BAD_REQUEST', message: /not a matter of the ticket/ } },
    { name: 'refused: an unknown matter', matters: ['X-99'], checklist: [{ matter: 'X-99', have: [] }], want: { code: 'BAD_REQUEST', message: /unknown matter X-99/ } },
    {
      name: 'refused: a matter twice',
      matters: ['A-01'],
      checklist: [
        { matter: 'A-01', have: [] },
        { matter: 'A-01', have: ['公司章程'] },
      ],
      want: { code: 'BAD_REQUEST', message: /twice/ },
    },
  ];

  it.each(cases)('$name', ({ matters, checklist, want }) => {
    const h = hall();
    const d = decide(h, { type: 'issueTicket', id: 'g1', queue: 'A', channel: 'guide', matters, checklist }, T0);
    if (want && !Array.isArray(want)) {
      expect(d.ok).toBe(false);
      if (!d.ok) {
        expect(d.error.code).toBe(want.code);
        expect(d.error.message).toMatch(want.message);
      }
      expect(h.tickets.size).toBe(0);
      return;
    }
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    for (const e of d.events) evolve(h, e);
    expect(h.tickets.get('g1')!.checklist).toEqual(want);
    expect(ticketDetailView(h, h.tickets.get('g1')!).checklist).toEqual(want);
  });

  it('staff see it; the public ticket (screens, phone page) never carries it', () => {
    const h = hall();
    const id = issue(h, 'A', T0, { channel: 'guide', matters: ['A-01'], checklist: [{ matter: 'A-01', have: ['公司章程'] }], note: '名称已预核准' });
    const t = h.tickets.get(id)!;
    expect(ticketView(h, t)).not.toHaveProperty('checklist');
    expect(ticketView(h, t)).not.toHaveProperty('note');
    expect(ticketDetailView(h, t)).toMatchObject({ note: '名称已预核准', checklist: [{ matter: 'A-01', have: ['公司章程'] }] });
  });

  it('survives the call and a transfer to another queue', () => {
    const h = hall();
    const id = issue(h, 'A', T0, { channel: 'guide', matters: ['A-01'], checklist: [{ matter: 'A-01', have: ['股东身份证明'] }] });
    next(h, 1, T0 + MIN);
    run(h, { type: 'transfer', windowNo: 1, clerkId: 'c1', queue: 'B' }, T0 + 2 * MIN);
    expect(next(h, 2, T0 + 3 * MIN)).toBe('A001');
    expect(h.tickets.get(id)!.checklist).toEqual([{ matter: 'A-01', have: ['股东身份证明'] }]);
  });

  it('the state does not share arrays with the command (events in the log stay as decided)', () => {
    const h = hall();
    const checklist = [{ matter: 'A-01', have: ['公司章程'] }];
    const id = issue(h, 'A', T0, { channel: 'guide', matters: ['A-01'], checklist });
    checklist[0]!.have.push('住所使用证明');
    expect(h.tickets.get(id)!.checklist).toEqual([{ matter: 'A-01', have: ['公司章程'] }]);
  });
});
