/** The phone page's "almost your turn" heads-up: once, when the people ahead drop to a few. */
import { describe, expect, it } from 'vitest';
import { NEAR_AHEAD, nearDue, tabTitle } from '../../display/src/ticket/ticketPhase';
import { ticketWords } from '../../display/src/ticket/ticketText';
import type { Ticket } from '../../shared/schemas';

const t = (over: Partial<Ticket>): Ticket => ({
  id: 'T1', number: 'A009', queue: 'A', status: 'waiting', priority: 'normal', channel: 'kiosk',
  issuedAt: '', arrivedAt: '', recalls: 0, matters: [], ahead: 8, etaSeconds: 600, ...over,
});

describe('almost your turn', () => {
  it.each([
    ['first look, already near (the page shows the count)', null, t({ ahead: 2 }), false],
    ['first look, far', null, t({ ahead: 8 }), false],
    ['far → still far', t({ ahead: 8 }), t({ ahead: 5 }), false],
    [`far → exactly ${NEAR_AHEAD} ahead`, t({ ahead: NEAR_AHEAD + 1 }), t({ ahead: NEAR_AHEAD }), true],
    ['far → nobody ahead at once (a window freed several)', t({ ahead: 6 }), t({ ahead: 0 }), true],
    ['near → nearer: not again', t({ ahead: NEAR_AHEAD }), t({ ahead: NEAR_AHEAD - 1 }), false],
    ['far → called straight away: the call rings instead', t({ ahead: 6 }), t({ status: 'called', ahead: 0, windowNo: 3 }), false],
    ['another ticket', t({ id: 'T0', ahead: 9 }), t({ ahead: 1 }), false],
    ['transferred back far, then near again', t({ ahead: 7 }), t({ ahead: 3 }), true],
  ])('%s → %s', (_name, prev, next, due) => expect(nearDue(prev, next)).toBe(due));

  it('says how many are ahead, in both languages', () => {
    expect(ticketWords.zh.near(2)).toBe('前面还有 2 人，请回到大厅，留意叫号。');
    expect(ticketWords.zh.near(0)).toContain('前面已没有人等候');
    expect(ticketWords.en.near(1)).toMatch(/^1 person is ahead/);
    expect(ticketWords.en.near(3)).toMatch(/^3 people are ahead/);
  });

  it.each([
    ['no ticket yet', null, false, '我的排号'],
    ['waiting', t({ ahead: 8 }), false, 'A009 · 前面 8 人 · 我的排号'],
    ['waiting, after the heads-up', t({ ahead: 2 }), true, '【快到您了】A009 · 前面 2 人'],
    ['called', t({ status: 'called', windowNo: 12, ahead: 0 }), true, '【轮到您了】A009 请到 12 号窗口'],
    ['done', t({ status: 'done', windowNo: 12, ahead: 0 }), false, 'A009 · 我的排号'],
  ] as const)('the tab says: %s', (_name, ticket, near, title) => {
    expect(tabTitle(ticket, ticketWords.zh, near)).toBe(title);
  });
});
