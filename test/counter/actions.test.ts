import { describe, expect, it } from 'vitest';
import { ACTIONS, enabledActions, type Action, type ActionContext } from '../../counter/src/clerk/logic/actions';

const on = (ctx: Partial<ActionContext>): Action[] => {
  const e = enabledActions({ online: true, busy: false, windowState: 'open', ...ctx });
  return ACTIONS.filter((a) => e[a]);
};

describe('which buttons are enabled', () => {
  it.each<[string, Partial<ActionContext>, Action[]]>([
    ['idle window', { windowState: 'open' }, ['next', 'call', 'pause']],
    ['ticket called', { windowState: 'calling', ticketStatus: 'called' }, ['recall', 'start', 'complete', 'noShow', 'transfer']],
    ['ticket in service', { windowState: 'serving', ticketStatus: 'serving' }, ['next', 'complete', 'transfer']],
    ['paused', { windowState: 'paused' }, ['resume']],
    ['paused with a ticket still there', { windowState: 'paused', ticketStatus: 'serving' }, ['resume']],
    ['closed', { windowState: 'closed' }, []],
    ['offline', { online: false, windowState: 'serving', ticketStatus: 'serving' }, []],
    ['a command in flight', { busy: true, windowState: 'open' }, []],
    ['recall limit reached', { windowState: 'calling', ticketStatus: 'called', recalls: 2, recallLimit: 2 }, ['start', 'complete', 'noShow', 'transfer']],
    ['below the recall limit', { windowState: 'calling', ticketStatus: 'called', recalls: 1, recallLimit: 2 }, ['recall', 'start', 'complete', 'noShow', 'transfer']],
  ])('%s', (_name, ctx, expected) => {
    expect(on(ctx)).toEqual(expected);
  });

  it('never lets 叫号 call a second ticket while one is only called', () => {
    expect(on({ windowState: 'calling', ticketStatus: 'called' })).not.toContain('next');
  });
});
